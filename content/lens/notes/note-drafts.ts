// What a note the reader is about to write is on: a span of the page's text when there is one
// (with the selectors that anchor it again), else the page itself. The note frame shows it and
// the background keeps it; what the reader types is added there, never in the page.

import { draftFromSelection } from '../../../lib/notes/draft';
import { MAX_QUOTE, MAX_TITLE } from '../../../lib/notes/limits';
import type { NoteRef } from '../../../lib/notes/types';
import type { DraftContext } from '../../../lib/protocol/messages';
import type { PageText } from './page-text';

/**
 * The context of a note on [span] of `page` (or on no text; `quote` is then shown above the
 * field), about `ref`; a string says what is wrong.
 */
export function draftContextOf(
  doc: Document,
  page: PageText | null,
  span: { start: number; end: number } | null,
  ref: NoteRef | null,
  quote: string | null = null,
): DraftContext | string {
  const url = (doc.defaultView ?? window).location.href;
  const title = doc.title.replace(/\s+/gu, ' ').trim().slice(0, MAX_TITLE);
  if (page && span) {
    if (span.end - span.start > MAX_QUOTE) return `The selected text is longer than ${MAX_QUOTE.toLocaleString('en-US')} characters; select less.`;
    const draft = draftFromSelection({ url, title, text: page.text, start: span.start, end: span.end, ref });
    if (draft) return { title: draft.title, ref, selectors: draft.selectors, quote: draft.selectors?.quote.exact ?? null };
  }
  return { title, ref, selectors: null, quote: quote === null ? null : quote.slice(0, MAX_QUOTE) };
}
