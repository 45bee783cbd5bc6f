// `npm test`: the glossary build, the type check, the linter, the format and dead-code checks, the unit tests,
// the extension build and the end-to-end tests in Debian's Chromium, closed by one line
// `N passed, N failed` over all of them.
// `npm test -- --full` also runs the long sweeps (every shared page, thousands of fuzz cases).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_HINT, chromiumAvailable, ROOT } from './support/paths';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const reports = join(ROOT, '.output/test-reports');
const full = process.argv.includes('--full');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A step that is one check: it passes or fails as a whole. */
function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}`);
  const ok = run(command, args);
  if (ok) tally.passed++;
  else {
    tally.failed++;
    console.log(`✗ ${name} failed`);
  }
  return ok;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

/** A Vitest suite: each of its tests counts; a suite that breaks before its tests run counts as one failure. */
function vitest(name: string, config: string): void {
  console.log(`\n▶ ${name}`);
  const out = join(reports, `${name.replace(/\W+/gu, '-')}.json`);
  rmSync(out, { force: true });
  const ok = run('npx', ['vitest', 'run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile=${out}`], {
    TIFA_FULL: full ? '1' : '',
  });
  if (!existsSync(out)) {
    tally.failed++;
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestReport;
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
  if (!ok && report.numFailedTests === 0) tally.failed++;
}

function finish(): never {
  const skipped = tally.skipped > 0 ? `, ${tally.skipped} skipped` : '';
  console.log(`\n${tally.passed} passed, ${tally.failed} failed${skipped}`);
  process.exit(tally.failed > 0 ? 1 : 0);
}

mkdirSync(reports, { recursive: true });
if (!step('glossary build', 'npm', ['run', '--silent', 'glossary'])) finish();
step('type check', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);
step('format check', 'npx', ['prettier', '--check', '.']);
step('dead code (knip)', 'npx', ['knip']);
vitest('unit tests', 'vitest.config.ts');
if (step('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox'])) {
  step('web-ext lint (0 errors)', 'npm', ['run', '--silent', 'lint:firefox']);
}
if (!step('extension build', 'npx', ['wxt', 'build'])) finish();
if (!chromiumAvailable()) {
  console.log(CHROMIUM_HINT);
  tally.failed++;
  finish();
}
vitest('end-to-end tests', 'vitest.e2e.config.ts');
finish();
