// The page's text read natively, for the gate the loader tests before any walk of its own
// (lib/match/text-gate.ts): a few `Range.toString()` reads of the body's text between the elements
// the walk skips (scripts, styles, fields: their text is not read), where the walk would hand
// each node to a script. Only where nothing of the page's text can be out of the body's reach.

import { SKIPPED_TAGS } from '../../lib/page/tags';

const SKIPPED = SKIPPED_TAGS.join(',');
/** The skipped elements not inside another (the text of those inside goes with it). */
const OUTERMOST_SKIPPED = `:is(${SKIPPED}):not(:is(${SKIPPED}) *)`;

/**
 * Elements common on pages that can never hold a shadow root (neither a custom element nor one
 * `attachShadow` accepts): not asked for one.
 */
export const NEVER_HOSTS = [
  'a',
  'abbr',
  'b',
  'br',
  'button',
  'code',
  'dd',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'font',
  'form',
  'g',
  'hr',
  'i',
  'iframe',
  'img',
  'input',
  'label',
  'li',
  'link',
  'meta',
  'noscript',
  'ol',
  'option',
  'path',
  'picture',
  'pre',
  'script',
  'select',
  'small',
  'source',
  'strong',
  'style',
  'sub',
  'sup',
  'svg',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'use',
] as const;
const MAYBE_HOSTS = `:not(${NEVER_HOSTS.join(',')})`;

/**
 * Past this many elements the page is walked without a gate: the read would cost more than the
 * walk's first slices on a page that has a term (most large ones do), and in one task.
 */
export const GATE_MAX_ELEMENTS = 6_000;
/** Past this many characters read, the same. */
export const GATE_MAX_CHARS = 400_000;

/**
 * The text of `doc`'s body outside the elements the walk skips, in document order: one string for
 * each stretch between two of them, its text nodes joined with nothing between them (the walk's
 * chunks of that stretch, joined, blank ones included). Null when only the walk can say what the
 * page holds: an open shadow root (its text is not the body's), an element the page has not
 * defined yet (it may get one, which the walk has the watcher look for), no body (a frameset),
 * a document that is not HTML, or a page too large for one read (`GATE_MAX_ELEMENTS`, `GATE_MAX_CHARS`).
 */
export function readPageText(doc: Document): string[] | null {
  const body = doc.body;
  if (!body || body.localName !== 'body' || doc.contentType !== 'text/html') return null;
  // The count is native (the collection is walked without a script); so are the queries.
  if (body.getElementsByTagName('*').length > GATE_MAX_ELEMENTS) return null;
  if (body.shadowRoot || body.querySelector(':not(:defined)')) return null;
  for (const element of body.querySelectorAll(MAYBE_HOSTS)) {
    if (element.shadowRoot) return null;
  }
  const texts: string[] = [];
  let chars = 0;
  const range = doc.createRange();
  range.selectNodeContents(body);
  const take = (): boolean => {
    const text = range.toString();
    chars += text.length;
    if (text !== '') texts.push(text);
    return chars <= GATE_MAX_CHARS;
  };
  for (const skipped of body.querySelectorAll(OUTERMOST_SKIPPED)) {
    range.setEndBefore(skipped);
    if (!take()) return null;
    range.setStartAfter(skipped);
  }
  range.setEnd(body, body.childNodes.length);
  return take() ? texts : null;
}
