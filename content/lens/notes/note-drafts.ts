// The draft of a note the reader wrote in a composer: on a span of the page's text when there is
// one (with the selectors that anchor it again), else on the page itself.

import type { NoteComposerValue } from '../../../components/card/NoteComposer';
import { draftFromSelection } from '../../../lib/notes/draft';
import { MAX_QUOTE, MAX_TITLE } from '../../../lib/notes/limits';
import type { NoteDraft, NoteRef } from '../../../lib/notes/types';
import type { PageText } from './page-text';

/** The draft of a note on [span] of `page` (or on no text), about `ref`; a string says what is wrong. */
export function draftOf(
  doc: Document,
  page: PageText | null,
  span: { start: number; end: number } | null,
  ref: NoteRef | null,
  value: NoteComposerValue,
): NoteDraft | string {
  const url = (doc.defaultView ?? window).location.href;
  const title = doc.title;
  if (page && span) {
    if (span.end - span.start > MAX_QUOTE) return `The selected text is longer than ${MAX_QUOTE.toLocaleString('en-US')} characters; select less.`;
    const draft = draftFromSelection({ url, title, text: page.text, start: span.start, end: span.end, ref, body: value.body, tags: value.tags });
    if (draft) return draft;
  }
  return { url, title: title.replace(/\s+/gu, ' ').trim().slice(0, MAX_TITLE), ref, selectors: null, body: value.body, tags: value.tags };
}
