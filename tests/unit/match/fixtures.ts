import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusPassage, Match, Pattern, TextPoint } from '../../../lib/match/index';
import { prng } from '../../../scripts/support/prng';

export { prng };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export const CORPUS_TEXT = readFileSync(join(ROOT, 'assets/corpus/000_063d4d8102645fc2.txt'), 'utf8');

/** The corpus file as passages: paragraphs split on blank lines. */
export const CORPUS: CorpusPassage[] = CORPUS_TEXT.split(/\n[ \t]*\n/)
  .map((text) => text.trim())
  .filter((text) => text.length > 0)
  .map((text, para) => ({ doc: 0, para, text }));

export function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

export function int(rnd: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

export const ENGLISH_FORMS = [
  'Belt and Road',
  'Belt and Road Initiative',
  'community with a shared future for mankind',
  'community with a shared future',
  'shared future',
  'Global Development Initiative',
  'Global Security Initiative',
  'Xi Jinping',
  'win-win cooperation',
  'one-China principle',
  'one China',
  'core interests',
  'multilateralism',
  'color revolution',
  'three evil forces',
  'Silk Road Economic Belt',
  'Silk Road',
  'Confucius Institute',
  'strategic partnership',
  'Central Asia',
  'BRICS',
  'G20',
  'G20 summit',
  'United Nations',
  'trade war',
  'tariff',
  'Hong Kong',
  'South China Sea',
  'China',
  'policy',
  'box',
  'church',
  'day',
  'road',
  'roads',
  'Road map',
  '5G',
  'COVID-19',
];

/**
 * A realistic pattern set: Chinese multi-character substrings of the corpus (short ones nest in
 * longer ones), English phrases, and a few aliases sharing a key with another entry. Entry ids
 * are the pattern indices, so tests can tell patterns apart.
 */
export function realisticPatterns(count: number, seed: number): Pattern[] {
  const rnd = prng(seed);
  const runs = CORPUS_TEXT.match(/[\u4e00-\u9fff]{2,}/g) ?? [];
  const forms: Array<[string, Pattern['script']]> = ENGLISH_FORMS.map((f) => [f, 'en']);
  forms.push(['人类命运共同体', 'hans'], ['命运共同体', 'hans'], ['一带一路', 'hans'], ['共建一带一路', 'hans']);
  forms.push(['中国—中亚', 'hans'], ['建交 30 周年', 'hans'], ['“一带一路”倡议', 'hans'], ['30周年', 'hans']);
  forms.push(['人類命運共同體', 'hant'], ['一帶一路', 'hant']);
  const seen = new Set(forms.map(([f]) => f));
  while (forms.length < count) {
    const run = pick(rnd, runs);
    const len = int(rnd, 2, Math.min(8, run.length));
    const at = int(rnd, 0, run.length - len);
    const form = run.slice(at, at + len);
    if (seen.has(form)) continue;
    seen.add(form);
    forms.push([form, 'hans']);
  }
  // Aliases equal to another form once normalized: the earlier one has priority.
  forms.push(['belt and road', 'en'], ['一带一路', 'hans'], ['ＢＲＩＣＳ', 'en']);
  return forms.map(([form, script], entry) => ({ form, entry, script }));
}

/** The original text a match covers, its chunks sliced and joined. */
export function sliceOf(chunks: readonly string[], start: TextPoint, end: TextPoint): string {
  if (start.chunk === end.chunk) return chunks[start.chunk]!.slice(start.offset, end.offset);
  let out = chunks[start.chunk]!.slice(start.offset);
  for (let k = start.chunk + 1; k < end.chunk; k++) out += chunks[k]!;
  return out + chunks[end.chunk]!.slice(0, end.offset);
}

/** A compact, comparable rendering of a match. */
export function render(m: Match): string {
  const at = `${m.start.chunk}:${m.start.offset}-${m.end.chunk}:${m.end.offset}`;
  if (m.kind === 'term') return `term ${at} #${m.entry} ${m.form}`;
  const s = m.source!;
  return `quote ${at} ${s.doc}/${s.para}@${s.start}-${s.end}×${s.occurrences} ${m.form}`;
}
