/**
 * Throughput of the matching engine (terms + quote tracing) with the glossary's real aliases and
 * corpus, against a combined RegExp of all aliases and a per-alias indexOf loop, on large real
 * pages and a 5 MB synthetic Chinese text made of corpus sentences; then how the engine scales
 * with the pattern count (synthetic patterns). Prints markdown tables.
 *
 *   npx tsx scripts/bench-match.ts [--quick]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { glossary } from '../assets/generated/glossary';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../lib/glossary/matcher-input';
import { compileMatcher, loadMatcher, serializeMatcher } from '../lib/match/index';
import type { Boundary, CorpusPassage, Pattern } from '../lib/match/index';
import { prng } from './support/prng';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = join(ROOT, '../shared/pages');
const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 5 : 11;

// What the extension matches with: every form of every glossary entry, and every block of the
// corpus documents (assets/generated/glossary.ts, made by scripts/build-glossary.ts).
const glossaryForms: Pattern[] = glossaryPatterns(glossary);
const corpus: CorpusPassage[] = glossaryCorpus(glossary);
const corpusText = corpus.map((p) => p.text).join('\n\n');

const ENGLISH = [
  'Belt and Road',
  'Belt and Road Initiative',
  'community with a shared future for mankind',
  'community with a shared future',
  'Global Development Initiative',
  'Global Security Initiative',
  'Xi Jinping',
  'Xi Jinping Thought on Diplomacy',
  'win-win cooperation',
  'mutual respect',
  'peaceful coexistence',
  'Five Principles of Peaceful Coexistence',
  'one-China principle',
  'one China',
  'core interests',
  'multilateralism',
  'true multilateralism',
  'hegemonism',
  'power politics',
  'Cold War mentality',
  'zero-sum game',
  'color revolution',
  'three evil forces',
  'Silk Road Economic Belt',
  'Digital Silk Road',
  'Green Silk Road',
  'Confucius Institute',
  'people-to-people exchanges',
  'strategic partnership',
  'comprehensive strategic partnership',
  'Central Asia',
  'Shanghai Cooperation Organization',
  'BRICS',
  'G20',
  'United Nations',
  'trade war',
  'tariff',
  'trade deal',
  'trade talks',
  'phase one',
  'intellectual property',
  'Hong Kong',
  'Taiwan',
  'South China Sea',
  'Beijing',
  'Washington',
  'White House',
  'Ministry of Foreign Affairs',
  'foreign ministry spokesperson',
  'national sovereignty',
  'territorial integrity',
  'internal affairs',
  'non-interference',
  'double standards',
  'vaccine',
  'pandemic',
  'Winter Olympics',
  'Olympic',
  'together for a shared future',
  'high-quality development',
  'new era',
  'major-country diplomacy',
  'rules-based order',
  'international order',
  'global governance',
  'human rights',
  'democracy',
  'New Zealand',
  'Pacific',
  'Asia-Pacific',
];

/**
 * ~`count` made-up patterns for the scaling table: Chinese multi-character substrings of the
 * corpus plus English phrases.
 */
function realisticPatterns(count: number, seed: number): Pattern[] {
  const rnd = prng(seed);
  const runs = corpusText.match(/[\u4e00-\u9fff]{2,}/g) ?? [];
  const seen = new Set<string>();
  const out: Pattern[] = [];
  for (const form of ENGLISH) {
    if (out.length >= count) break;
    seen.add(form);
    out.push({ form, entry: out.length, script: 'en' });
  }
  while (out.length < count) {
    const run = runs[Math.floor(rnd() * runs.length)]!;
    const len = 2 + Math.floor(rnd() * Math.min(7, run.length - 1));
    const at = Math.floor(rnd() * (run.length - len + 1));
    const form = run.slice(at, at + len);
    if (seen.has(form)) continue;
    seen.add(form);
    out.push({ form, entry: out.length, script: 'hans' });
  }
  return out;
}

/** Synthetic patterns for scaling: Han strings drawn with the corpus's character frequencies. */
function syntheticPatterns(count: number, seed: number): Pattern[] {
  const rnd = prng(seed);
  const han = corpusText.replace(/[^\u4e00-\u9fff]/g, '');
  const out = realisticPatterns(Math.min(count, 500), seed);
  const seen = new Set(out.map((p) => p.form));
  while (out.length < count) {
    const len = 2 + Math.floor(rnd() * 6);
    let form = '';
    for (let i = 0; i < len; i++) form += han[Math.floor(rnd() * han.length)]!;
    if (seen.has(form)) continue;
    seen.add(form);
    out.push({ form, entry: out.length, script: 'hans' });
  }
  return out;
}

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

interface Page {
  name: string;
  chunks: string[];
  boundaries: Boundary[];
  text: string;
}

/** Crude visible text: scripts, styles and comments dropped, one chunk per text run between tags. */
function pageFromHtml(name: string, html: string): Page {
  const body = html.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  const chunks: string[] = [];
  const boundaries: Boundary[] = [];
  let inlineSinceLast = true;
  const decode = (s: string): string =>
    s
      .replace(/&nbsp;/g, '\u00a0')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const part of body.split(/(<[^>]*>)/)) {
    if (part.startsWith('<')) {
      const tag = /^<\/?\s*([a-zA-Z0-9]+)/.exec(part)?.[1]?.toLowerCase() ?? '';
      if (!INLINE.has(tag)) inlineSinceLast = false;
      continue;
    }
    if (part.trim() === '') continue;
    if (chunks.length > 0) boundaries.push(inlineSinceLast ? 'inline' : 'block');
    chunks.push(decode(part));
    inlineSinceLast = true;
  }
  return { name, chunks, boundaries, text: chunks.join('') };
}

/** ~`bytes` UTF-8 bytes of corpus sentences in a seeded shuffle, as paragraphs of block chunks. */
function syntheticChinese(bytes: number, seed: number): Page {
  const rnd = prng(seed);
  const sentences = corpusText
    .split(/\n\s*\n/)
    .flatMap((p) => p.match(/[^。!?;]+[。!?;]?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const chunks: string[] = [];
  let size = 0;
  while (size < bytes) {
    let para = '';
    const n = 2 + Math.floor(rnd() * 6);
    for (let i = 0; i < n; i++) para += sentences[Math.floor(rnd() * sentences.length)]!;
    chunks.push(para);
    size += Buffer.byteLength(para);
  }
  return {
    name: 'synthetic zh 5 MB',
    chunks,
    boundaries: chunks.slice(1).map(() => 'block' as const),
    text: chunks.join('\n'),
  };
}

/** The visible text of every hans-* page, repeated to about `bytes`: real news, few matches. */
function realChinese(bytes: number): Page {
  const names = readdirSync(PAGES).filter((n) => n.startsWith('hans-') && !n.includes('gbk'));
  const one = names.map((n) => pageFromHtml(n, readFileSync(join(PAGES, n, 'source.html'), 'utf8')));
  const chunks: string[] = [];
  const boundaries: Boundary[] = [];
  while (Buffer.byteLength(chunks.join('')) < bytes) {
    for (const page of one) {
      if (chunks.length > 0) boundaries.push('block');
      chunks.push(...page.chunks.map(flat));
      boundaries.push(...page.boundaries);
    }
  }
  return { name: 'hans-* pages ×n (1 MB)', chunks, boundaries, text: flat(chunks.join('')) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Milliseconds of one call of each of `fns`, per round, after warm-up. The contenders take turns
 * within every round (in an order that rotates from round to round), so a busy machine slows them
 * alike; a small text is run `reps` times per sample so timer resolution and per-call overhead do
 * not dominate.
 */
function timeRounds(fns: ReadonlyArray<() => number>, reps = 1): number[][] {
  for (let w = 0; w < 2; w++) for (const fn of fns) for (let i = 0; i < reps; i++) fn();
  const samples = fns.map((): number[] => []);
  for (let r = 0; r < RUNS; r++) {
    for (let j = 0; j < fns.length; j++) {
      const k = (j + r) % fns.length;
      const fn = fns[k]!;
      const t = performance.now();
      for (let i = 0; i < reps; i++) fn();
      samples[k]!.push((performance.now() - t) / reps);
    }
  }
  return samples;
}

/** Median milliseconds of one call of each of `fns` (see `timeRounds`). */
function timeAll(fns: ReadonlyArray<() => number>, reps = 1): number[] {
  return timeRounds(fns, reps).map(median);
}

/**
 * How many times faster `fast` is than `slow`: the median of the per-round ratios, so a load
 * spike that hits one round moves both sides of that round's ratio together.
 */
function speedup(slow: readonly number[], fast: readonly number[]): number {
  return median(slow.map((s, r) => s / fast[r]!));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function combinedRegExp(patterns: readonly Pattern[]): RegExp {
  const forms = [...new Set(patterns.map((p) => p.form))].sort((a, b) => b.length - a.length);
  return new RegExp(forms.map(escape).join('|'), 'gi');
}

function regexCount(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function indexOfCount(patterns: readonly Pattern[], text: string): number {
  let n = 0;
  for (const p of patterns) {
    for (let at = text.indexOf(p.form); at !== -1; at = text.indexOf(p.form, at + p.form.length)) n++;
  }
  return n;
}

const mbOf = (page: Page): number => Buffer.byteLength(page.text) / 1e6;
const fmt = (x: number, digits = 1): string => x.toFixed(digits);
/** Page text nodes are flat strings; ropes left by `+=` would slow every engine's first pass. */
function flat(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function largestHansPage(): string {
  const names = readdirSync(PAGES).filter((n) => n.startsWith('hans-'));
  names.sort((a, b) => statSync(join(PAGES, b, 'source.html')).size - statSync(join(PAGES, a, 'source.html')).size);
  return names[0]!;
}

function main(): void {
  const patterns = glossaryForms;
  const t0 = performance.now();
  const matcher = compileMatcher(patterns, corpus, glossaryMatcherOptions(glossary));
  const compileMs = performance.now() - t0;
  const bytes = serializeMatcher(matcher);
  const t1 = performance.now();
  loadMatcher(bytes);
  const loadMs = performance.now() - t1;
  const re = combinedRegExp(patterns);

  const pageNames = ['en-cnn-trade-war-large', 'en-wikipedia-new-zealand-large', largestHansPage()];
  const pages = pageNames.map((n) => pageFromHtml(n, readFileSync(join(PAGES, n, 'source.html'), 'utf8')));
  pages.push(syntheticChinese(QUICK ? 1_000_000 : 5_000_000, 11));
  for (const page of pages) {
    page.chunks = page.chunks.map(flat);
    page.text = flat(page.text);
  }

  console.log(
    `patterns: ${patterns.length} (${patterns.filter((p) => p.script === 'en').length} English); ` +
      `glossary aliases (every form of every entry), ` +
      `corpus: ${corpus.length} passages, ${corpusText.length} chars; quote tracing on.\n` +
      `compile (first, in-process): ${fmt(compileMs, 1)} ms; load of the serialized matcher ` +
      `(${fmt(bytes.length / 1024, 0)} KiB): ${fmt(loadMs, 1)} ms.\n` +
      `MB = 10^6 UTF-8 bytes of the text; median of ${RUNS} rounds after warm-up (the contenders ` +
      `take turns in each round; a ratio is the median of the per-round ratios); load average ` +
      `${loadavg()
        .map((x) => fmt(x, 2))
        .join(' ')} on ${cpus().length} CPUs.\n`,
  );
  const columns = [
    'text',
    'MB / Mchars',
    'chunks',
    'terms / quotes',
    'engine match() MB/s',
    'engine scan() MB/s',
    'RegExp MB/s',
    'indexOf MB/s',
    'match() ÷ RegExp',
    'scan() ÷ RegExp',
    'match() ÷ indexOf',
  ];
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${' --- |'.repeat(columns.length)}`);
  for (const page of pages) {
    const mb = mbOf(page);
    let terms = 0;
    let quotes = 0;
    const reps = Math.max(1, Math.ceil(1e6 / page.text.length));
    const rounds = timeRounds(
      [
        () => {
          const ms = matcher.match(page.chunks, page.boundaries);
          terms = ms.filter((m) => m.kind === 'term').length;
          quotes = ms.length - terms;
          return ms.length;
        },
        () => matcher.scan(page.chunks, page.boundaries).count,
        () => regexCount(re, page.text),
        () => indexOfCount(patterns, page.text),
      ],
      reps,
    ) as [number[], number[], number[], number[]];
    const [objectsMs, tableMs, regexMs, indexMs] = rounds.map(median) as [number, number, number, number];
    const [objectsRounds, tableRounds, regexRounds, indexRounds] = rounds;
    const rate = (ms: number): number => mb / (ms / 1000);
    console.log(
      `| ${page.name} | ${fmt(mb, 2)} / ${fmt(page.text.length / 1e6, 2)} | ${page.chunks.length} | ` +
        `${terms} / ${quotes} | ` +
        `${fmt(rate(objectsMs))} | ${fmt(rate(tableMs))} | ${fmt(rate(regexMs))} | ${fmt(rate(indexMs))} | ` +
        `${fmt(speedup(regexRounds, objectsRounds))}× | ${fmt(speedup(regexRounds, tableRounds))}× | ` +
        `${fmt(speedup(indexRounds, objectsRounds))}× |`,
    );
  }

  const zh = pages[pages.length - 1]!;
  const news = realChinese(1_000_000);
  console.log(`\nScaling with the pattern count (synthetic extra patterns), quote tracing on:\n`);
  console.log(`| patterns | compile ms | ${zh.name}: scan() MB/s | match() MB/s | term matches | ` + `${news.name}: scan() MB/s | term matches |`);
  console.log(`|${' --- |'.repeat(7)}`);
  for (const count of [150, 1_000, 10_000, 100_000]) {
    const set = syntheticPatterns(count, 13);
    const c0 = performance.now();
    const m = compileMatcher(set, corpus, glossaryMatcherOptions(glossary));
    const cms = performance.now() - c0;
    let terms = 0;
    let newsTerms = 0;
    const [scanMs, objectsMs, newsMs] = timeAll([
      () => m.scan(zh.chunks, zh.boundaries).count,
      () => {
        const ms = m.match(zh.chunks, zh.boundaries);
        terms = ms.filter((x) => x.kind === 'term').length;
        return ms.length;
      },
      () => {
        const t = m.scan(news.chunks, news.boundaries);
        newsTerms = t.kind.filter((k) => k === 0).length;
        return t.count;
      },
    ]) as [number, number, number];
    console.log(
      `| ${count.toLocaleString('en-US')} | ${fmt(cms)} | ${fmt(mbOf(zh) / (scanMs / 1000))} | ` +
        `${fmt(mbOf(zh) / (objectsMs / 1000))} | ${terms} | ${fmt(mbOf(news) / (newsMs / 1000))} | ${newsTerms} |`,
    );
  }
}

main();
