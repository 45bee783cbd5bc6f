/**
 * Cost of quote fidelity (lib/quote) in Node: the alignment of every quotation of a page, beside
 * the matcher's scan of the same text (what every page already pays), interleaved in one run, on
 * the largest real Chinese page and on a synthetic page of corpus sentences with random edits.
 *
 *   npx tsx scripts/bench-quotes.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glossary } from '../assets/generated/glossary';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../lib/glossary/matcher-input';
import { compileMatcher } from '../lib/match/index';
import { sentenceAround } from '../lib/corpus/sentences';
import { buildAlignCorpus, findQuotations } from '../lib/quote/index';
import { SHARED_PAGES } from './support/paths';
import { prng } from './support/prng';

const ROUNDS = 9;
const corpusPassages = glossaryCorpus(glossary);
let t = performance.now();
const corpus = buildAlignCorpus(corpusPassages, glossary.quoteVariants);
const buildMs = performance.now() - t;
const matcher = compileMatcher(glossaryPatterns(glossary), corpusPassages, glossaryMatcherOptions(glossary));

/** The page's text lines, scripts and styles dropped (as a reader sees its blocks, roughly). */
function blocksOf(html: string): string[] {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/giu, '')
    .replace(/<!--[\s\S]*?-->/gu, '')
    .split(/<\/?(?:p|div|li|h[1-6]|td|br|tr|section|article)\b[^>]*>/iu)
    .map((s) => s.replace(/<[^>]*>/gu, '').trim())
    .filter((s) => s !== '');
}

/** Paragraphs of corpus sentences, one in two edited (a character dropped, one added or changed). */
function editedPage(paragraphs: number, seed: number): string[] {
  const rnd = prng(seed);
  const sentences = corpusPassages.flatMap((p) => {
    const out: string[] = [];
    for (let at = 0; at < p.text.length;) {
      const [s, e] = sentenceAround(p.text, at, at + 1);
      if (e - s > 20) out.push(p.text.slice(s, e));
      at = Math.max(e, at + 1);
    }
    return out;
  });
  return Array.from({ length: paragraphs }, () => {
    let para = '记者注意到，';
    for (let i = 0; i < 3; i++) {
      const chars = [...sentences[Math.floor(rnd() * sentences.length)]!];
      if (rnd() < 0.5) {
        const at = 5 + Math.floor(rnd() * (chars.length - 10));
        const roll = rnd();
        if (roll < 0.33) chars.splice(at, 1);
        else if (roll < 0.66) chars.splice(at, 0, '甲');
        else chars[at] = '乙';
      }
      para += chars.join('');
    }
    return para;
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function measure(name: string, blocks: string[]): void {
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  const scan: number[] = [];
  const align: number[] = [];
  let quotations = 0;
  for (let r = 0; r < ROUNDS; r++) {
    t = performance.now();
    for (const b of blocks) matcher.matchText(b);
    scan.push(performance.now() - t);
    t = performance.now();
    let n = 0;
    for (const b of blocks) n += findQuotations(corpus, b).length;
    align.push(performance.now() - t);
    quotations = n;
  }
  const a = median(align);
  console.log(
    `| ${name} | ${chars.toLocaleString('en')} | ${quotations} | ${median(scan).toFixed(1)} | ${a.toFixed(1)} | ${quotations ? ((a * 1000) / quotations).toFixed(0) : '–'} |`,
  );
}

console.log(`align corpus built in ${buildMs.toFixed(0)} ms\n`);
console.log('| page | characters | quotations | matcher scan ms | alignment ms | µs per quotation |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const name of ['hans-netease-list-large', 'hans-youth', 'en-cnn-trade-war-large']) {
  measure(name, blocksOf(readFileSync(join(SHARED_PAGES, name, 'source.html'), 'utf8')));
}
measure('synthetic: 300 paragraphs of edited corpus sentences', editedPage(300, 7));
