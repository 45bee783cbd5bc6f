// `npm run scan -- <file|url>… [--json | --brief]`: the built extension, in headless Chromium, reports
// for each page which glossary terms and corpus quotations occur there (term, pinyin, count, citation).
// `--brief` prints each page's analyst's brief (Markdown: terms, quotations with their verdicts and
// differences); `--compare A B` what each of two pages has and how each quotes the same passage.
// Files are served from 127.0.0.1 with the charset their bytes have; URLs are loaded as they are.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { launchBrowser } from './support/browser';
import { CHROMIUM_HINT, chromiumAvailable, EXTENSION_DIR, ROOT } from './support/paths';
import { startServer } from './support/server';
import type { ServedPage } from './support/server';
import { sniffCharset } from './support/charset';
import { glossary } from '../assets/generated/glossary';
import { compareBriefs, pageBrief, renderBrief } from '../lib/brief/index';
import type { Brief } from '../lib/brief/index';
import { glossaryCorpus } from '../lib/glossary/matcher-input';
import { buildAlignCorpus } from '../lib/quote/index';
import { reportPage } from './support/page-report';
import type { PageReport } from './support/page-report';

function usage(): never {
  console.error('usage: npm run scan -- <file|url>… [--json | --brief]\n       npm run scan -- --compare <file|url> <file|url>');
  process.exit(2);
}

function printTable(report: PageReport): void {
  console.log(`\n${report.title || report.url}\n${report.url}`);
  if (report.error) console.log(`  ! ${report.error}`);
  if (report.terms.length === 0 && report.quotes.length === 0) console.log('  no terms or quotations');
  for (const t of report.terms) {
    console.log(`  ${String(t.count).padStart(4)}  ${t.term}  ${t.pinyin}  — ${t.english}  [${t.citation}]`);
  }
  for (const q of report.quotes) console.log(`  ${String(q.count).padStart(4)}  “${q.text}”  [${q.citation}]`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const brief = args.includes('--brief');
  const compare = args.includes('--compare');
  const targets = args.filter((a) => !['--json', '--brief', '--compare'].includes(a));
  if (targets.length === 0 || (compare && targets.length !== 2)) usage();
  if (!chromiumAvailable()) {
    console.error(CHROMIUM_HINT);
    process.exit(1);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }

  const routes: Record<string, ServedPage> = {};
  const urls = targets.map((target, i) => {
    if (/^https?:\/\//u.test(target)) return target;
    const path = resolve(target);
    if (!existsSync(path)) {
      console.error(`no such file: ${target}`);
      process.exit(2);
    }
    const body = readFileSync(path);
    const route = `/${i}/${encodeURIComponent(basename(path))}`;
    routes[route] = { body, charset: sniffCharset(body) };
    return route;
  });
  const server = await startServer(routes);
  const browser = await launchBrowser({ allowNetwork: urls.some((u) => /^https?:/u.test(u)) });
  const reports: PageReport[] = [];
  try {
    const page = await browser.context.newPage();
    for (const url of urls) {
      const report = await reportPage(browser, page, url.startsWith('/') ? server.url(url) : url);
      reports.push(report);
      if (!json && !brief && !compare) printTable(report);
      else if (report.error) console.error(`${report.url}: ${report.error}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (json) console.log(JSON.stringify(reports, null, 2));
  if (brief || compare) {
    const corpus = buildAlignCorpus(glossaryCorpus(glossary), glossary.quoteVariants);
    const readOn = new Date().toISOString().slice(0, 10);
    const briefs: Brief[] = reports.map((r) =>
      pageBrief({ title: r.title, url: r.url, readOn, blocks: r.blocks, terms: r.termCounts, notes: [] }, corpus, glossary),
    );
    if (compare) console.log(compareBriefs(briefs[0]!, briefs[1]!));
    else for (const b of briefs) console.log(renderBrief(b));
  }
}

await main();
