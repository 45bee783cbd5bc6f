/** Random pages for the property tests: corpus snippets, patterns, near misses and noise. */
import type { Boundary, Pattern } from '../../../lib/match/index';
import { CORPUS, int, pick } from './fixtures';

const SPACES = [' ', '  ', '\u00a0', '\u3000', '\n', '\t', ' \n '];
const INVISIBLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const DASHES = ['—', '–', '―', '‐', '‑', '‒', '-', '－', '⸺', '——'];
const QUOTES = ['“', '”', '‘', '’', '「', '」', '『', '』', '"', "'", '＂', '《', '》'];
const NOISE = [
  ...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789',
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经',
  ...',.;:!?()[]，。；：！？（）、…·/&%',
  ...SPACES,
  ...INVISIBLE,
  ...DASHES,
  ...QUOTES,
  '😀',
  '\ud840\udc00',
];

/** Full-width forms of ASCII letters, digits and punctuation. */
function widen(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** The same text as a page might write it: width, case, spacing, dash and quote styles. */
function variant(rnd: () => number, s: string): string {
  let out = s;
  if (rnd() < 0.2) out = widen(out);
  if (rnd() < 0.3) out = rnd() < 0.5 ? out.toUpperCase() : out.toLowerCase();
  if (rnd() < 0.3) out = out.replace(/[,;:]/g, (c) => widen(c));
  if (rnd() < 0.3) out = out.replace(/[—-]/g, () => pick(rnd, DASHES));
  if (rnd() < 0.3) out = out.replace(/[“”"]/g, () => pick(rnd, QUOTES));
  if (rnd() < 0.3) out = out.replace(/ /g, () => pick(rnd, SPACES));
  if (rnd() < 0.25) {
    // Spaces or invisible characters between characters (beside CJK they vanish).
    const chars = [...out];
    out = chars.map((c, i) => (i > 0 && rnd() < 0.15 ? pick(rnd, rnd() < 0.5 ? SPACES : INVISIBLE) : '') + c).join('');
  }
  return out;
}

function nearMiss(rnd: () => number, form: string): string {
  const chars = [...form];
  const r = rnd();
  if (r < 0.3 && chars.length > 1) return chars.slice(0, -1).join('');
  if (r < 0.5 && chars.length > 1) return chars.slice(1).join('');
  if (r < 0.7) {
    chars[int(rnd, 0, chars.length - 1)] = pick(rnd, NOISE);
    return chars.join('');
  }
  // English forms glued to letters or digits: `Belt and Roadmap`, `xBelt and Road`.
  return rnd() < 0.5 ? form + pick(rnd, ['map', 's', 'es', 'ies', 'x', '1', 'ing']) : pick(rnd, ['x', 'A', '9']) + form;
}

/** Renders simplified text in traditional characters (one of several standards, chosen by `rnd`). */
export type Traditional = (rnd: () => number, simplified: string) => string;

function piece(rnd: () => number, patterns: readonly Pattern[], traditional?: Traditional): string {
  const r = rnd();
  if (r < 0.3) {
    const text = pick(rnd, CORPUS).text;
    const len = int(rnd, 1, 40);
    const at = int(rnd, 0, Math.max(0, text.length - len));
    const snippet = text.slice(at, at + len);
    // A quotation as a traditional-Chinese page writes it, when asked for.
    return variant(rnd, traditional && rnd() < 0.5 ? traditional(rnd, snippet) : snippet);
  }
  if (r < 0.6) return variant(rnd, pick(rnd, patterns).form);
  if (r < 0.75) return variant(rnd, nearMiss(rnd, pick(rnd, patterns).form));
  let noise = '';
  const n = int(rnd, 1, 6);
  for (let i = 0; i < n; i++) noise += pick(rnd, NOISE);
  return noise;
}

export interface RandomPage {
  chunks: string[];
  boundaries: Boundary[];
}

/**
 * A page of random pieces, cut into chunks at random code-unit positions; with `traditional`, half
 * the corpus snippets are written in traditional characters.
 */
export function randomPage(rnd: () => number, patterns: readonly Pattern[], pieces = int(rnd, 1, 12), traditional?: Traditional): RandomPage {
  let text = '';
  for (let i = 0; i < pieces; i++) text += piece(rnd, patterns, traditional) + (rnd() < 0.3 ? pick(rnd, NOISE) : '');
  const cuts = new Set<number>();
  const n = int(rnd, 0, 5);
  for (let i = 0; i < n; i++) cuts.add(int(rnd, 0, text.length));
  const sorted = [...cuts].sort((a, b) => a - b);
  const chunks: string[] = [];
  let at = 0;
  for (const cut of sorted) {
    chunks.push(text.slice(at, cut));
    at = cut;
  }
  chunks.push(text.slice(at));
  const boundaries = chunks.slice(1).map((): Boundary => (rnd() < 0.6 ? 'inline' : 'block'));
  return { chunks, boundaries };
}
