/**
 * `npm run bench`: the built extension on large pages in headless Chromium, side by side with a
 * bare TreeWalker visit of the page's text (the floor) and mark.js 8 (the usual way), then how the
 * matcher's cost grows with the glossary. Prints markdown and writes bench/RESULTS.md.
 *
 *   npx tsx scripts/bench.ts [--quick] [--no-build] [--no-scaling] [--runs=N] [--mark-timeout=S]
 *     [--baseline=DIR] [--page=NAME]...
 *
 * --baseline=DIR loads another built extension (a chrome-mv3 folder, e.g. of the commit before)
 * on the no-term page too, interleaved with this one and the floor.
 *
 * Every run loads the page afresh. The extension's numbers come from Chromium's trace of the load
 * (the content script's tasks on the page's main thread, the frame after highlighting) and from
 * the content script's own trace, read from its isolated world (tifa-lens:probe / scan / compile /
 * highlighted / ready; content/shared/trace.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { glossary } from '../assets/generated/glossary';
import { launchBrowser, launchPlainBrowser } from './support/browser';
import { TRACE_GLOBAL } from '../content/shared/trace';
import { CHROMIUM, EXTENSION_DIR, ROOT } from './support/paths';
import { routeSharedPages, SHARED_ORIGIN, sharedPage } from './support/shared-pages';
import type { SharedPage } from './support/shared-pages';
import type { ServedPage } from './support/server';
import { MATCHER_GZIP_BASE64 } from '../assets/generated/matcher';
import { generatedChinesePage } from './bench/generated-page';
import { measureExtension, measureMarkJs, measurePlain } from './bench/runs';
import type { ExtensionRun, MarkRun, PlainRun } from './bench/runs';
import { chunksOf, glossaryScaling } from './bench/scaling';
import type { ScalingRow } from './bench/scaling';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const QUICK = args.includes('--quick');
const RUNS = Number(flag('runs') ?? (QUICK ? 1 : 3));
/** Loads of the no-term page (with the floor's, interleaved), at least RUNS. */
const NO_TERM_RUNS = QUICK ? 3 : 15;
const MARK_TIMEOUT_MS = Number(flag('mark-timeout') ?? (QUICK ? 20 : 60)) * 1000;
const ONLY = args.filter((a) => a.startsWith('--page=')).map((a) => a.slice(7));
const SCALING = !args.includes('--no-scaling');
const BASELINE = flag('baseline');
/** Waited after ready before the heap is read (with and without the extension alike). */
const SETTLE_MS = 500;

interface BenchPage {
  name: string;
  label: string;
  url: string;
}

const GENERATED = 'generated-zh-5mb';
/** The page with no term: there the extension's cost is set against the floor (`floorExtension`). */
const NO_TERM = 'hans-qq-tech';

/**
 * A copy of the built extension whose content script does nothing but say it is ready: what any
 * content script costs a page (Chrome making the isolated world of each frame it runs in,
 * evaluating a script), the floor under the loader's own cost.
 */
function floorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-lens-floor-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  // The same trace entry the loader records (content/shared/trace.ts), in the isolated world.
  const ready = { name: 'tifa-lens:ready', entryType: 'mark', duration: 0, detail: { terms: 0, quotes: 0 } };
  writeFileSync(
    join(dir, 'loader.js'),
    `globalThis.${TRACE_GLOBAL} = { entries: [Object.assign(${JSON.stringify(ready)}, { startTime: performance.now() })] };\n`,
  );
  return dir;
}

function benchPages(): { pages: BenchPage[]; shared: SharedPage[]; extra: Record<string, ServedPage> } {
  const shared = ['en-cnn-trade-war-large', 'en-wikipedia-new-zealand-large', 'hans-netease-list-large', 'hans-qq-tech'].map(sharedPage);
  const extra: Record<string, ServedPage> = { [`/${GENERATED}/index.html`]: { body: generatedChinesePage() } };
  const label: Record<string, string> = {
    'en-cnn-trade-war-large': 'CNN, 1.4 MB (en)',
    'en-wikipedia-new-zealand-large': 'Wikipedia, 1.0 MB (en)',
    'hans-netease-list-large': 'NetEase list, 575 KB (zh)',
    [GENERATED]: 'Generated corpus page, 5 MB (zh)',
    'hans-qq-tech': 'QQ tech article, no term (zh)',
  };
  const order = ['en-cnn-trade-war-large', 'en-wikipedia-new-zealand-large', 'hans-netease-list-large', GENERATED, 'hans-qq-tech'];
  const pages: BenchPage[] = order
    .filter((name) => ONLY.length === 0 || ONLY.includes(name))
    .map((name) => ({ name, label: label[name] ?? name, url: `${SHARED_ORIGIN}/${name}/index.html` }));
  return { pages, shared, extra };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The run whose value of `key` is the median (so a row's numbers stay consistent with each other). */
function medianBy<T>(runs: readonly T[], key: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  return sorted[(sorted.length - 1) >> 1]!;
}

interface PageResult {
  page: BenchPage;
  ours: ExtensionRun;
  oursRuns: ExtensionRun[];
  /** The empty content script on the same page, interleaved with ours (the no-term page only). */
  floorRuns: ExtensionRun[];
  /** The `--baseline` build on the same page, interleaved with ours (the no-term page only). */
  baselineRuns: ExtensionRun[];
  plain: PlainRun;
  markTerms: MarkRun;
  markAcross: MarkRun;
  markRegExp: MarkRun;
}

/** Our work on the page: every task of the content script but the bundle's own evaluation. */
const ourWorkMs = (r: ExtensionRun): number => r.totalTaskMs - r.evaluateMs;

function build(): void {
  const out = process.env.TIFA_OUT_DIR ?? '.output';
  console.log(`building the extension into ${out} …`);
  const run = (cmd: string, cmdArgs: string[]): void => {
    const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
    if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed`);
  };
  // The glossary build also writes the serialized matcher the content script loads.
  run('npx', ['tsx', 'scripts/build-glossary.ts']);
  run('npx', ['wxt', 'build']);
}

async function measurePages(pages: BenchPage[], shared: SharedPage[], extra: Record<string, ServedPage>): Promise<PageResult[]> {
  const forms = [...new Set(glossary.entries.flatMap((e) => e.forms.map((f) => f.text)))];
  const plainBrowser = await launchPlainBrowser();
  const extBrowser = await launchBrowser();
  const floorDir = floorExtension();
  const floorBrowser = await launchBrowser({ extensionDir: floorDir });
  const baselineBrowser = BASELINE === undefined ? null : await launchBrowser({ extensionDir: BASELINE });
  if (baselineBrowser) await routeSharedPages(baselineBrowser.context, shared, extra);
  await routeSharedPages(plainBrowser.context, shared, extra);
  await routeSharedPages(extBrowser.context, shared, extra);
  await routeSharedPages(floorBrowser.context, shared, extra);
  const results: PageResult[] = [];
  try {
    for (const page of pages) {
      process.stdout.write(`${page.name}: `);
      const plains: PlainRun[] = [];
      const ours: ExtensionRun[] = [];
      const floorRuns: ExtensionRun[] = [];
      const baselineRuns: ExtensionRun[] = [];
      // Interleaved, so a busy moment of the machine hits both sides alike. The no-term page gets
      // more loads: its few milliseconds vary by half from load to load.
      const runs = page.name === NO_TERM ? Math.max(RUNS, NO_TERM_RUNS) : RUNS;
      for (let i = 0; i < runs; i++) {
        if (i < RUNS) plains.push(await measurePlain(plainBrowser.context, page.url, SETTLE_MS));
        ours.push(await measureExtension(extBrowser.context, page.url, SETTLE_MS));
        if (page.name === NO_TERM) floorRuns.push(await measureExtension(floorBrowser.context, page.url, SETTLE_MS));
        if (page.name === NO_TERM && baselineBrowser) baselineRuns.push(await measureExtension(baselineBrowser.context, page.url, SETTLE_MS));
        process.stdout.write('.');
      }
      const markTerms = await measureMarkJs(plainBrowser.context, page.url, forms, 'terms', MARK_TIMEOUT_MS);
      process.stdout.write('m');
      const markAcross = await measureMarkJs(plainBrowser.context, page.url, forms, 'termsAcross', MARK_TIMEOUT_MS);
      process.stdout.write('M');
      const markRegExp = await measureMarkJs(plainBrowser.context, page.url, forms, 'regexpAcross', MARK_TIMEOUT_MS);
      process.stdout.write('R\n');
      const plain = medianBy(plains, (p) => p.walkColdMs);
      results.push({
        page,
        ours: medianBy(ours, ourWorkMs),
        oursRuns: ours,
        floorRuns,
        baselineRuns,
        plain: { ...plain, heapBytes: median(plains.map((p) => p.heapBytes)) },
        markTerms,
        markAcross,
        markRegExp,
      });
    }
  } finally {
    await plainBrowser.close();
    await extBrowser.close();
    await floorBrowser.close();
    await baselineBrowser?.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  return results;
}

const ms = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));
const ratio = (x: number): string => (Number.isFinite(x) ? `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×` : '–');
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
const markMs = (r: MarkRun, timeoutMs: number): string =>
  r.error ? `failed: ${r.error.slice(0, 80)}` : r.ms === null ? `>${timeoutMs / 1000} s (timeout)` : ms(r.ms, 0);
/** mark.js's time over ours, as a ratio ('>' past the timeout, '–' when mark.js failed). */
const markRatio = (r: MarkRun, work: number, timeoutMs: number): string => (r.error ? '–' : r.ms === null ? `>${ratio(timeoutMs / work)}` : ratio(r.ms / work));

function pageTable(results: PageResult[]): string {
  const head = [
    'page',
    'text chars / nodes',
    'terms + quotes',
    'annotated (ms from start)',
    'our work (ms)',
    'of which compile',
    'scan: busy / walk / match (ms)',
    'bundle eval (ms)',
    'longest task: ours / any (ms)',
    'longest slice (ms)',
    'frame after highlighting: 1st / worst (ms)',
    'heap Δ vs no ext.',
    'bare walk: isolated / main world (ms)',
    'ours / bare (isolated)',
    'mark.js per term (ms)',
    'mark.js per term, across elements (ms)',
    'mark.js across / ours',
    'mark.js one RegExp, across elements (ms)',
    'mark.js RegExp / ours',
  ];
  const rows = results.map(({ page, ours, plain, markTerms, markAcross, markRegExp }) => {
    const work = ourWorkMs(ours);
    return [
      page.label,
      `${ours.scan.chars.toLocaleString('en')} / ${ours.scan.textNodes.toLocaleString('en')}`,
      `${ours.terms} + ${ours.quotes}`,
      ms(ours.annotatedMs, 0),
      ms(work),
      ms(ours.compileMs),
      `${ms(ours.scan.busyMs)} / ${ms(ours.scan.walkMs)} / ${ms(ours.scan.matchMs)}`,
      ms(ours.evaluateMs),
      `${ms(ours.longestTaskMs)} / ${ms(ours.longestAnyTaskMs)}`,
      ms(ours.scan.longestSliceMs),
      `${ms(ours.firstFrameMs)} / ${ms(ours.worstFrameMs)}`,
      kb(ours.heapBytes - plain.heapBytes),
      `${ms(plain.walkColdMs)} / ${ms(plain.walkMainColdMs)}`,
      ratio(work / plain.walkColdMs),
      markMs(markTerms, MARK_TIMEOUT_MS),
      markMs(markAcross, MARK_TIMEOUT_MS),
      markRatio(markAcross, work, MARK_TIMEOUT_MS),
      markMs(markRegExp, MARK_TIMEOUT_MS),
      markRatio(markRegExp, work, MARK_TIMEOUT_MS),
    ];
  });
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The first row that holds every form of the real glossary (smaller rows hold a part of it and find less). */
function fullGlossaryRow(rows: readonly ScalingRow[]): ScalingRow | undefined {
  const forms = glossary.entries.reduce((n, e) => n + e.forms.length, 0);
  return rows.find((r) => r.aliases >= forms);
}

function scalingTable(rows: ScalingRow[], chars: number): string {
  const base = fullGlossaryRow(rows)?.matchMs ?? NaN;
  const head = ['aliases', 'compile (ms)', 'serialized', 'load (ms)', `match ${(chars / 1e6).toFixed(2)} M chars (ms)`, 'vs 1,000', 'matches'];
  const body = rows.map((r) => [
    r.aliases.toLocaleString('en'),
    ms(r.compileMs, 0),
    `${r.serializedKiB.toFixed(0)} KiB`,
    ms(r.loadMs),
    ms(r.matchMs),
    ratio(r.matchMs / base),
    r.matches.toLocaleString('en'),
  ]);
  return [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

interface Target {
  what: string;
  met: boolean | null;
  evidence: string;
}

function targets(results: PageResult[], scaling: ScalingRow[]): Target[] {
  const out: Target[] = [];
  const none = results.find((r) => r.page.name === NO_TERM);
  const oursTotal = none ? median(none.oursRuns.map((r) => r.totalTaskMs)) : NaN;
  const floor = none && none.floorRuns.length > 0 ? median(none.floorRuns.map((r) => r.totalTaskMs)) : NaN;
  out.push({
    what: '#19 no-term page: our work ≤ the empty content script + 10 ms (medians of interleaved loads, all tasks of every frame)',
    met: none && Number.isFinite(floor) ? oursTotal <= floor + 10 : null,
    evidence: none
      ? `${ms(oursTotal)} ms against ${ms(floor)} + 10 ms over ${none.oursRuns.length} loads (${none.oursRuns.map((r) => ms(r.totalTaskMs)).join(', ')}); the floor: ${none.floorRuns.map((r) => ms(r.totalTaskMs)).join(', ')}${none.baselineRuns.length > 0 ? `; the baseline build: median ${ms(median(none.baselineRuns.map((r) => r.totalTaskMs)))} ms (${none.baselineRuns.map((r) => ms(r.totalTaskMs)).join(', ')})` : ''}. Medians, ours: bundle evaluation ${ms(median(none.oursRuns.map((r) => r.evaluateMs)))} ms, probe ${ms(median(none.oursRuns.map((r) => r.scan.busyMs)))} ms (the run shown: ${JSON.stringify(none.ours.scan)})`
      : 'not run',
  });
  const real = results.filter((r) => r.page.name !== GENERATED);
  out.push({
    what: '#19 every real page: our work ≤ 0.5× mark.js with one combined RegExp (acrossElements)',
    met: real.length === 0 || real.some((r) => r.markRegExp.ms === null) ? null : real.every((r) => ourWorkMs(r.ours) <= 0.5 * r.markRegExp.ms!),
    evidence: real.map((r) => `${r.page.label}: ours ÷ RegExp ${r.markRegExp.ms === null ? '–' : ratio(ourWorkMs(r.ours) / r.markRegExp.ms)}`).join('; '),
  });
  out.push({
    what: '#19 every real page: ≥ 100× faster than mark.js per term with acrossElements',
    met: real.length === 0 ? null : real.every((r) => !r.markAcross.error && (r.markAcross.ms ?? MARK_TIMEOUT_MS) >= 100 * ourWorkMs(r.ours)),
    evidence: real.map((r) => `${r.page.label}: ${markRatio(r.markAcross, ourWorkMs(r.ours), MARK_TIMEOUT_MS)}`).join('; '),
  });
  const big = results.filter((r) => r.ours.scan.chars >= 200_000 || r.plain.chars >= 200_000);
  out.push({
    what: '#19 pages of ≥ 200k characters: our work ≤ 3× the bare walk (isolated world)',
    met: big.length === 0 ? null : big.every((r) => ourWorkMs(r.ours) <= 3 * r.plain.walkColdMs),
    evidence: big.map((r) => `${r.page.label}: ${ratio(ourWorkMs(r.ours) / r.plain.walkColdMs)}`).join('; ') || 'no such page',
  });
  const gen = results.find((r) => r.page.name === GENERATED);
  out.push({
    what: '#19 the 5 MB page: first highlights ≤ 150 ms after the content script starts',
    met: gen ? (gen.ours.firstHighlightMs ?? Infinity) <= 150 : null,
    evidence: gen ? `${ms(gen.ours.firstHighlightMs)} ms` : 'not run',
  });
  out.push({
    what: '#19 the 5 MB page: no task of ours over 50 ms (every load)',
    met: gen ? gen.oursRuns.every((run) => run.longestTaskMs <= 50) : null,
    evidence: gen ? gen.oursRuns.map((run) => ms(run.longestTaskMs)).join(', ') : 'not run',
  });
  out.push({
    what: '#19 the 5 MB page: first frame after highlighting ≤ 16 ms',
    met: gen ? (gen.ours.firstFrameMs ?? Infinity) <= 16 : null,
    evidence: gen
      ? `${ms(gen.ours.firstFrameMs)} ms (the costliest frame after a highlight update during the scan: ${ms(gen.ours.worstFrameMs)} ms)`
      : 'not run',
  });
  out.push({ what: '#19 card: opens within one frame (≤ 16 ms) after the hover delay', met: null, evidence: 'not measured by this command' });
  const wiki = results.find((r) => r.page.name === 'en-wikipedia-new-zealand-large');
  out.push({
    what: '#19 memory: heap added ≤ 0.5 MB on the no-term page, ≤ 2 MB on the Wikipedia page',
    met: none && wiki ? none.ours.heapBytes - none.plain.heapBytes <= 0.5 * 2 ** 20 && wiki.ours.heapBytes - wiki.plain.heapBytes <= 2 * 2 ** 20 : null,
    evidence: [none, wiki]
      .filter((r): r is PageResult => r !== undefined)
      .map((r) => `${r.page.label}: ${kb(r.ours.heapBytes - r.plain.heapBytes)}`)
      .join('; '),
  });
  out.push({
    what: 'no task of the content script over 50 ms on any page',
    met: results.every((r) => r.oursRuns.every((run) => run.longestTaskMs <= 50)),
    evidence: results.map((r) => `${r.page.name}: ${ms(Math.max(...r.oursRuns.map((x) => x.longestTaskMs)))}`).join('; '),
  });
  const first = fullGlossaryRow(scaling);
  const last = scaling[scaling.length - 1];
  out.push({
    what: 'matching stays nearly flat as the glossary grows (1,000 → 100,000 aliases, same matches)',
    met: first && last ? last.matchMs <= 1.5 * first.matchMs : null,
    evidence:
      first && last
        ? `${ms(first.matchMs)} → ${ms(last.matchMs)} ms; what does grow is the serialized matcher (${first.serializedKiB.toFixed(0)} KiB → ${(last.serializedKiB / 1024).toFixed(1)} MiB) and its load (${ms(first.loadMs)} → ${ms(last.loadMs)} ms)`
        : 'not run',
  });
  return out;
}

function chromiumVersion(): string {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return (r.stdout ?? '').trim().split('\n')[0] ?? CHROMIUM;
}

function gitHead(): string {
  const r = spawnSync('git', ['log', '-1', '--format=%h %s'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'content', 'lib'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return `${(r.stdout ?? '').trim()}${dirty ? ' (+ uncommitted changes in content/ or lib/)' : ''}`;
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) build();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no built extension in ${EXTENSION_DIR}`);
  const background = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');
  const matcherMode = background.includes(MATCHER_GZIP_BASE64.slice(0, 200))
    ? 'a page whose text passes the prefilter loads the serialized matcher from the background'
    : 'a page whose text passes the prefilter compiles its matcher (no serialized matcher in the build)';
  const started = new Date();
  const loadBefore = loadavg()[0]!;
  const { pages, shared, extra } = benchPages();
  const results = await measurePages(pages, shared, extra);

  process.stdout.write('glossary scaling (Node) …\n');
  const generated = extra[`/${GENERATED}/index.html`]!.body;
  const text = chunksOf(typeof generated === 'string' ? generated : generated.toString('utf8'));
  const chars = text.chunks.reduce((n, c) => n + c.length, 0);
  const scaling = SCALING ? glossaryScaling(QUICK ? [150, 1000, 10_000] : [150, 1000, 10_000, 100_000], text, QUICK ? 1 : 5) : [];

  const checks = targets(results, scaling);
  const md = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (scripts/bench.ts) on ${started.toISOString()}. ${chromiumVersion()}, headless; ` +
      `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}. ` +
      `Code: ${gitHead()}; ${matcherMode}. ${RUNS} fresh load(s) per page for the extension and for the bare walk (the median run is shown); mark.js once per mode.`,
    '',
    '## Pages',
    '',
    pageTable(results),
    '',
    'How each number is taken:',
    '',
    '- **annotated**: from the content script starting to evaluate in the top frame (its `EvaluateScript` in the trace) to its last `tifa-lens:highlighted` mark before `tifa-lens:ready` (to `ready` where nothing is highlighted). Includes the waits where the page had the main thread and the settings read from storage.',
    "- **our work**: every main-thread task of the page's renderer in which the content script ran, in any frame of the page (trace events of its scripts, its `scheduler.yield` continuations, the times its own trace recorded), from its first evaluation to 700 ms after `ready` (so the badge report and the answer to the notes request are in), summed, minus the evaluation of its bundle (shown apart as **bundle eval**: parsing and running the content script's top level, in every frame that runs it — an about:blank iframe does too; the lens, `lens.js`, is imported only where the page needs it and is part of our work). **compile** is the `tifa-lens:compile` measure (loading the matcher the background hands over, or building it), part of our work; **scan** is the `tifa-lens:scan` measure's detail: time in slices, of which walking the DOM and of which matching, checking and handing matches to the painter; on a page where the lens was not loaded it is the loader's `tifa-lens:probe` (the walk and the prefilter).",
    "- **longest task**: the longest of those tasks (ours), and the longest main-thread task of any origin between the content script's start and `ready` (any). **longest slice** is the scanner's own count (`tifa-lens:scan` detail).",
    '- **frame after highlighting**: main-thread time from a `tifa-lens:highlighted` mark (highlights registered) to the end of the task that runs the rendering (style, layout, paint, commit) which paints them: for the first mark (the first highlights the reader sees), and the costliest over all marks until `ready` (on a long page the window of registered highlights is updated as the scan adds matches).',
    "- **heap Δ**: `Runtime.getHeapUsage` after two forced GCs, with the extension minus without, same page and same wait (the content script's isolated world shares the page's V8 isolate, so its heap can't be read apart).",
    "- **bare walk**: `document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)` visiting every text node and reading `.data.length`, the first walk after load (cold, like the content script's), in a browser without the extension: in an isolated world made with `Page.createIsolatedWorld` (where a content script runs: each world has its own node wrappers, which makes a first walk there slower) and then in the page's own world. **ours / bare** divides our work by the isolated-world walk.",
    '- **mark.js 8**: injected into the page without the extension, on a fresh load, every glossary form (' +
      `${new Set(glossary.entries.flatMap((e) => e.forms.map((f) => f.text))).size} forms): ` +
      '*per term* is `new Mark(document.body).mark(form, { separateWordSearch: false, diacritics: false })` for each form in turn (mark.js walks the DOM once per form; given the array at once it nests each form’s pass in the callback of the one before, which overflowed the stack now and then), *per term, across elements* the same with `acrossElements: true`; *one RegExp* is a single `markRegExp` of all forms (longest first) with `acrossElements: true`, the fastest way mark.js offers. Stopped with `Runtime.terminateExecution` after the timeout. mark.js only marks; our work also traces quotes, checks what is hidden or editable and counts.',
    '',
    '## Targets',
    '',
    '| target | pass / fail | measured |',
    '| --- | --- | --- |',
    ...checks.map((t) => `| ${t.what} | ${t.met === null ? '–' : t.met ? '✅ pass' : '❌ fail'} | ${t.evidence.replace(/\|/gu, '/')} |`),
    '',
    '## Matcher cost against glossary size (Node, same text)',
    '',
    `The ${GENERATED} page's text (${chars.toLocaleString('en')} chars in ${text.chunks.length.toLocaleString('en')} chunks), matched with quote tracing on; the glossary's own forms, then synthetic entries (2–7 Han characters drawn at random from the whole CJK Unified Ideographs block, so that, like most terms a bigger glossary would add, they seldom occur in the text: the matches stay about those of the real glossary and what grows is the automaton). Compile is once, in Node; the content script loads the serialized form where it has one. Matching is \`scan()\` (what the content script runs), the median of 5 rounds interleaved across the sizes. The 150-alias row is part of the real glossary, so it finds fewer matches; from 1,000 on the matches are the same.`,
    '',
    scalingTable(scaling, chars),
    '',
  ].join('\n');
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/RESULTS.md'), md);
  console.log(`\n${md}`);
}

await main();
