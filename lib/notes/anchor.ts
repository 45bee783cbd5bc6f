// Re-anchoring a note on a page that may have changed since the note was written, in the manner
// of Hypothesis: trust the stored position if the quote is still there, else look for the quote
// and let the surrounding context (and, a little, the old position) pick among its occurrences.
// A note that cannot be placed is an orphan: the caller keeps it and shows it as such.

import type { TextPositionSelector, TextQuoteSelector } from './types';

export interface AnchorSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector | null;
}

export interface Anchored {
  /** [start, end) in UTF-16 code units of the text given. */
  start: number;
  end: number;
  /** `position`: found where it was; `quote`: the quote found elsewhere; `fuzzy`: found ignoring whitespace and typography. */
  method: 'position' | 'quote' | 'fuzzy';
}

/** A short quote found with no context around it is likely another occurrence, not the one noted. */
const DISTINCTIVE_QUOTE = 32;
/** Context characters (prefix and suffix together) that must agree to accept a short quote elsewhere. */
const CONTEXT_NEEDED = 8;
const MAX_CANDIDATES = 10_000;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

// ---------------------------------------------------------------------------------------------
// Folding: whitespace removed and typographic variants unified, with a map back to the original
// offsets, so a quote still matches after a site re-wraps lines, adds spaces between CJK and
// Latin text, or swaps straight and curly quotes.

const INVISIBLE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/u;
const TYPOGRAPHY: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
};
const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  if (c < '\u0080') return /\s/u.test(c) ? '' : c;
  const cached = foldCache.get(c);
  if (cached !== undefined) return cached;
  let out: string;
  if (INVISIBLE.test(c)) out = '';
  else if (TYPOGRAPHY[c] !== undefined) out = TYPOGRAPHY[c];
  else {
    // Full-width Latin, digits and punctuation fold to ASCII; a code unit that NFKC expands
    // (or a lone surrogate) is kept as it is.
    const n = c.normalize('NFKC');
    out = n.length === 1 ? (TYPOGRAPHY[n] ?? n) : c;
  }
  foldCache.set(c, out);
  return out;
}

interface Folded {
  text: string;
  /** Original offset of each folded code unit. */
  map: number[];
}

function fold(text: string): Folded {
  const parts: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = foldChar(text.charAt(i));
    if (f === '') continue;
    parts.push(f);
    map.push(i);
  }
  return { text: parts.join(''), map };
}

const foldString = (s: string): string => fold(s).text;

// ---------------------------------------------------------------------------------------------

/** How many characters agree, reading backwards from the ends of `a` and `b`. */
function agreeBackward(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** How many characters agree, reading forwards from the starts of `a` and `b`. */
function agreeForward(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

interface Candidate {
  start: number;
  end: number;
}

interface Context {
  /** Folded prefix and suffix of the quote. */
  prefix: string;
  suffix: string;
  /** The old position's start, if any. */
  hint: number | null;
}

interface Scored extends Candidate {
  score: number;
  agreement: number;
}

/** Compares the (folded) context around a candidate with the quote's context. */
function score(text: string, c: Candidate, ctx: Context): Scored {
  // Windows twice the context's length leave room for the whitespace folding removes.
  const before = foldString(text.slice(Math.max(0, c.start - ctx.prefix.length * 2 - 8), c.start));
  const after = foldString(text.slice(c.end, c.end + ctx.suffix.length * 2 + 8));
  const p = agreeBackward(before, ctx.prefix);
  const s = agreeForward(after, ctx.suffix);
  // Empty context means the quote began (or ended) the text.
  const prefixSim = ctx.prefix.length > 0 ? p / ctx.prefix.length : before.length === 0 ? 1 : 0;
  const suffixSim = ctx.suffix.length > 0 ? s / ctx.suffix.length : after.length === 0 ? 1 : 0;
  const posSim = ctx.hint === null ? 0 : 1 - Math.min(1, Math.abs(c.start - ctx.hint) / Math.max(1, text.length));
  return {
    ...c,
    score: PREFIX_WEIGHT * prefixSim + SUFFIX_WEIGHT * suffixSim + POSITION_WEIGHT * posSim,
    agreement: p + s,
  };
}

function best(text: string, candidates: Candidate[], ctx: Context): Scored | null {
  let top: Scored | null = null;
  for (const c of candidates) {
    const s = score(text, c, ctx);
    if (!top || s.score > top.score) top = s;
  }
  return top;
}

/** Whether the best candidate is the noted text and not merely the same words elsewhere. */
function acceptable(found: Scored, exactLength: number, ctx: Context): boolean {
  if (exactLength >= DISTINCTIVE_QUOTE) return true;
  if (found.start === ctx.hint) return true;
  const available = ctx.prefix.length + ctx.suffix.length;
  return found.agreement >= Math.min(CONTEXT_NEEDED, available);
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1 && out.length < MAX_CANDIDATES; i = haystack.indexOf(needle, i + 1)) {
    out.push(i);
  }
  return out;
}

/**
 * Finds the range a note's selectors describe in `text`, or null (an orphan). Offsets in the
 * result and in the position selector are UTF-16 code units of `text`.
 */
export function anchor(text: string, selectors: AnchorSelectors): Anchored | null {
  const { exact } = selectors.quote;
  if (exact.length === 0) return null;
  const pos = selectors.position ?? null;
  const ctx: Context = {
    prefix: foldString(selectors.quote.prefix),
    suffix: foldString(selectors.quote.suffix),
    hint: pos ? pos.start : null,
  };

  // 1. Where it was, with its context around it.
  if (pos && pos.start >= 0 && pos.end <= text.length && text.slice(pos.start, pos.end) === exact) {
    const here = score(text, { start: pos.start, end: pos.end }, ctx);
    const available = ctx.prefix.length + ctx.suffix.length;
    if (here.agreement >= Math.min(available, CONTEXT_NEEDED)) return { start: pos.start, end: pos.end, method: 'position' };
  }

  // 2. The quote verbatim, the occurrence whose context agrees best.
  const exactHits = occurrences(text, exact).map((start) => ({ start, end: start + exact.length }));
  const found = best(text, exactHits, ctx);
  if (found && acceptable(found, exact.length, ctx)) {
    return { start: found.start, end: found.end, method: found.start === pos?.start ? 'position' : 'quote' };
  }

  // 3. The quote with whitespace and typography folded away.
  const folded = fold(text);
  const needle = foldString(exact);
  if (needle.length === 0) return null;
  const fuzzyHits: Candidate[] = [];
  for (const i of occurrences(folded.text, needle)) {
    const start = folded.map[i];
    const last = folded.map[i + needle.length - 1];
    if (start !== undefined && last !== undefined) fuzzyHits.push({ start, end: last + 1 });
  }
  const fuzzy = best(text, fuzzyHits, ctx);
  if (fuzzy && acceptable(fuzzy, needle.length, ctx)) return { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' };
  return null;
}
