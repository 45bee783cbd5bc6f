import { CONTEXT_LENGTH } from './limits';
import type { NoteSelectors } from './types';

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair (towards the outside of the context). */
function clampOut(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return Math.max(0, Math.min(text.length, offset));
  return isLowSurrogate(text.charCodeAt(offset)) ? offset + (direction === 1 ? 1 : -1) : offset;
}

/**
 * The W3C selectors for [start, end) of a page's text: the quote with up to 32 characters of
 * context on each side, and the position. Offsets are UTF-16 code units, clamped to the text.
 */
export function describeRange(text: string, start: number, end: number, context = CONTEXT_LENGTH): NoteSelectors {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const before = clampOut(text, s - context, 1);
  const after = clampOut(text, e + context, -1);
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(before, s), suffix: text.slice(e, after) },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}
