import contentCss from '../../../assets/content.css?inline';

/**
 * The visual styles the extension paints with, each one named highlight. The dense styles are
 * terms and quotes on pages with so many matches that only those near the viewport are painted:
 * tinted, never underlined. Chromium counts a highlight's text-decoration as visual overflow, so
 * each change of the underlined ranges makes it re-measure the overflow of their containers: on
 * a long page with thousands of paragraphs in one container, a 30–40 ms frame at every change.
 */
export type PaintStyle = 'term' | 'quote' | 'dense-term' | 'dense-quote' | 'focus';

/** `CSS.highlights` names, also the `::highlight()` names in the injected style sheet. */
export const HIGHLIGHT_NAMES: Record<PaintStyle, string> = {
  term: 'tifa-lens-term',
  quote: 'tifa-lens-quote',
  'dense-term': 'tifa-lens-dense-term',
  'dense-quote': 'tifa-lens-dense-quote',
  focus: 'tifa-lens-focus',
};

/**
 * Higher paints over lower where ranges overlap (a term inside a quote). Notes are not here: the
 * registry is the page's to read, so they are painted apart (content/lens/notes/note-highlights.ts).
 */
export const HIGHLIGHT_PRIORITY: Record<PaintStyle, number> = {
  quote: 1,
  'dense-quote': 1,
  term: 3,
  'dense-term': 3,
  focus: 4,
};

/**
 * The rules for open shadow roots of page components, which the document's style sheet does not
 * reach: the content style sheet itself (the manifest injects it into documents), adopted by each
 * such root. Its rules for the wrapping fallback's elements are inert there.
 */
export const SHADOW_HIGHLIGHT_CSS: string = contentCss;
