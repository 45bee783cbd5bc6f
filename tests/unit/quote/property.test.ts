import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { sentenceAround } from '../../../lib/corpus/sentences';
import { findQuotations } from '../../../lib/quote/index';
import type { Verdict } from '../../../lib/quote/index';
import { glossaryTools } from '../../../scripts/glossary-tools';
import { prng } from '../../../scripts/support/prng';
import { CORPUS, fold, stepsOf } from './support';
import type { Difference } from './support';

const CASES = Number(process.env.QUOTE_PROPERTY_CASES ?? 300);
const KEPT = /[\p{Script=Han}\p{L}\p{N}]/u;
const CLAUSE_MARKS = new Set(['，', ',', '、', '；', ';']);

type Rnd = () => number;
const int = (rnd: Rnd, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const CORPUS_FOLDED = CORPUS.folded.map((f) => fold(CORPUS.passages[CORPUS.folded.indexOf(f)]!.text)).join('\u0000');
/** Han characters the corpus never writes and traditional conversion leaves alone: what edits add. */
const FOREIGN = [...'甲乙丙丁戊己庚辛壬癸鼠牛虎兔蛇羊猴鸡狗猪梅兰竹菊琴棋书画'].filter(
  (c) => !CORPUS_FOLDED.includes(c) && glossaryTools.traditional(c).every((t) => t === c),
);

/** Corpus sentences long enough to edit, each written once in the corpus. */
const SENTENCES: { passage: number; text: string }[] = CORPUS.passages.flatMap((p, passage) => {
  const out: { passage: number; text: string }[] = [];
  let at = 0;
  while (at < p.text.length) {
    const [s, e] = sentenceAround(p.text, at, at + 1);
    const text = p.text.slice(s, e);
    const folded = fold(text);
    if (folded.length >= 30 && CORPUS_FOLDED.indexOf(folded) === CORPUS_FOLDED.lastIndexOf(folded)) out.push({ passage, text });
    at = Math.max(e, at + 1);
  }
  return out;
});

interface Case {
  page: string;
  passage: number;
  expected: Difference[];
  verdict: Verdict;
}

/** Appends a step to an expected list, merging runs of `same`. */
function add(out: Difference[], d: Difference): void {
  const last = out[out.length - 1];
  if (d.kind === 'same' && last?.kind === 'same') {
    last.page += d.page;
    last.corpus += d.corpus;
  } else if (d.page !== '' || d.corpus !== '') out.push(d);
}

/** Up to three drops, additions or substitutions, each of one to three characters, spaced apart. */
function edited(rnd: Rnd, text: string): { page: string; expected: Difference[] } | null {
  const chars = [...text];
  const kept = chars.flatMap((c, i) => (KEPT.test(c) ? [i] : []));
  const n = kept.length;
  const edits: { at: number; len: number; kind: 'dropped' | 'added' | 'changed'; insert: string }[] = [];
  let next = 4;
  for (let k = int(rnd, 1, 3); k > 0; k--) {
    const at = next + int(rnd, 0, 6);
    const kind = pick(rnd, ['dropped', 'added', 'changed'] as const);
    const len = kind === 'added' ? 0 : int(rnd, 1, 3);
    if (at + len > n - 4) break;
    const unit = (i: number): string => chars[kept[i]!]!;
    // A drop next to the same character could be read one place over: not the edit made.
    if (kind === 'dropped' && (unit(at - 1) === unit(at + len - 1) || unit(at + len) === unit(at))) continue;
    const insert = kind === 'dropped' ? '' : Array.from({ length: int(rnd, 1, 3) }, () => pick(rnd, FOREIGN)).join('');
    edits.push({ at, len, kind, insert });
    next = at + len + 4;
  }
  if (edits.length === 0) return null;
  // A quotation starts from an exact run of some length: one must survive the edits.
  const clean = edits.map((e, i) => e.at - (i > 0 ? edits[i - 1]!.at + edits[i - 1]!.len : 0));
  if (Math.max(...clean, n - edits.at(-1)!.at - edits.at(-1)!.len) < 10) return null;
  const out: string[] = [];
  const expected: Difference[] = [];
  let unit = 0;
  let e = 0;
  chars.forEach((c, i) => {
    const isKept = KEPT.test(c);
    const edit = edits[e];
    if (isKept && edit && unit === edit.at) {
      add(expected, {
        kind: edit.kind,
        page: edit.insert,
        corpus: fold(
          kept
            .slice(unit, unit + edit.len)
            .map((k) => chars[k])
            .join(''),
        ),
      });
      out.push(edit.insert);
    }
    const inEdit = isKept && edit && unit >= edit.at && unit < edit.at + edit.len;
    if (!inEdit) {
      out.push(c);
      if (isKept) add(expected, { kind: 'same', page: fold(c), corpus: fold(c) });
    }
    if (isKept) {
      unit++;
      if (edit && unit >= edit.at + edit.len && unit > edit.at) e++;
      else if (edit && edit.len === 0 && unit > edit.at) e++;
    }
  });
  return { page: out.join(''), expected };
}

/** Two adjacent inner clauses swapped: the shorter one reads as moved. */
function reordered(rnd: Rnd, text: string): { page: string; expected: Difference[] } | null {
  const bounds = [0];
  [...text].forEach((c, i) => CLAUSE_MARKS.has(c) && bounds.push(i + 1));
  const chars = [...text];
  bounds.push(chars.length);
  if (bounds.length < 5) return null;
  const i = int(rnd, 1, bounds.length - 4);
  const keptOf = fold;
  const l = chars.slice(0, bounds[i]).join('');
  const aRaw = chars.slice(bounds[i], bounds[i + 1]! - 1).join('');
  const sep = chars[bounds[i + 1]! - 1]!;
  const bRaw = chars.slice(bounds[i + 1], bounds[i + 2]! - 1).join('');
  const r = chars.slice(bounds[i + 2]! - 1).join('');
  const [L, A, B, R] = [keptOf(l), keptOf(aRaw), keptOf(bRaw), keptOf(r)];
  const total = L.length + A.length + B.length + R.length;
  if (A.length < 2 || B.length < 2 || A.length === B.length || Math.min(A.length, B.length) > 0.2 * total) return null;
  if ([...A].some((c) => B.includes(c)) || L.length < 2 || R.length < 2) return null;
  const moved = A.length < B.length ? A : B;
  if (L.at(-1) === moved.at(-1) || R[0] === moved[0]) return null;
  const expected: Difference[] =
    A.length < B.length
      ? [
          { kind: 'same', page: L, corpus: L },
          { kind: 'dropped', page: '', corpus: A, moved: true },
          { kind: 'same', page: B, corpus: B },
          { kind: 'added', page: A, corpus: '', moved: true },
          { kind: 'same', page: R, corpus: R },
        ]
      : [
          { kind: 'same', page: L, corpus: L },
          { kind: 'added', page: B, corpus: '', moved: true },
          { kind: 'same', page: A, corpus: A },
          { kind: 'dropped', page: '', corpus: B, moved: true },
          { kind: 'same', page: R, corpus: R },
        ];
  return { page: l + bRaw + sep + aRaw + r, expected };
}

/** What is no difference: traditional characters, other punctuation, full-width digits, spaces. */
function disguised(rnd: Rnd, page: string): string {
  let out = [...page];
  if (rnd() < 0.5) {
    const renderings = glossaryTools
      .traditional(page)
      .map((t) => [...t])
      .filter((t) => t.length === out.length);
    const rendering = renderings.length > 0 ? pick(rnd, renderings) : out;
    // Only the characters the alignment reads back as the page's: the build's variant pairs.
    out = out.map((c, i) => (fold(rendering[i]!) === fold(c) ? rendering[i]! : c));
  }
  return out
    .map((c) => {
      if (CLAUSE_MARKS.has(c) && rnd() < 0.5) return pick(rnd, ['，', ',', '、', '；', ' ', '\u3000', '']);
      if (/[0-9A-Za-z]/u.test(c) && rnd() < 0.5) return String.fromCharCode(c.charCodeAt(0) + 0xfee0);
      return rnd() < 0.1 ? `${c}${pick(rnd, [' ', '\u3000', '\u200b'])}` : c;
    })
    .join('');
}

function randomCase(rnd: Rnd): Case {
  for (;;) {
    const sentence = pick(rnd, SENTENCES);
    const roll = rnd();
    const text = sentence.text.replace(/[。！？!?”’」』）)》"]+$/u, '');
    const made =
      roll < 0.15 ? { page: text, expected: [{ kind: 'same', page: fold(text), corpus: fold(text) }] } : roll < 0.35 ? reordered(rnd, text) : edited(rnd, text);
    if (!made) continue;
    const kinds = new Set(made.expected.map((d) => d.kind));
    kinds.delete('same');
    const verdict: Verdict = kinds.size === 0 ? 'verbatim' : kinds.size === 1 && kinds.has('dropped') ? 'abridged' : 'altered';
    return { page: disguised(rnd, made.page), passage: sentence.passage, expected: made.expected, verdict };
  }
}

describe('quotations with random edits', () => {
  it('has sentences to edit and characters to add', () => {
    expect(SENTENCES.length).toBeGreaterThan(50);
    expect(FOREIGN.length).toBeGreaterThan(10);
  });

  it(`recovers exactly the edits made and the verdict they call for (${CASES} seeded cases)`, () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const c = randomCase(prng(seed));
      const found = findQuotations(CORPUS, c.page);
      const context = `seed ${seed}: ${c.page}`;
      expect(found.length, context).toBe(1);
      const [q] = found;
      expect(q!.passage, context).toBe(c.passage);
      expect(stepsOf(q!, c.page), context).toEqual(c.expected);
      expect(q!.verdict, context).toBe(c.verdict);
    }
  });
});
