/**
 * The visual styles the extension paints with, each one named highlight. The dense styles are
 * terms and quotes on pages with so many matches that only those near the viewport are painted:
 * tinted, never underlined. Chromium counts a highlight's text-decoration as visual overflow, so
 * each change of the underlined ranges makes it re-measure the overflow of their containers: on
 * a long page with thousands of paragraphs in one container, a 30–40 ms frame at every change.
 */
export type PaintStyle = 'term' | 'quote' | 'dense-term' | 'dense-quote' | 'focus' | 'note';

/** `CSS.highlights` names, also the `::highlight()` names in the injected style sheet. */
export const HIGHLIGHT_NAMES: Record<PaintStyle, string> = {
  term: 'tifa-lens-term',
  quote: 'tifa-lens-quote',
  'dense-term': 'tifa-lens-dense-term',
  'dense-quote': 'tifa-lens-dense-quote',
  focus: 'tifa-lens-focus',
  note: 'tifa-lens-note',
};

/** Higher paints over lower where ranges overlap (a term inside a quote). */
export const HIGHLIGHT_PRIORITY: Record<PaintStyle, number> = {
  quote: 1,
  'dense-quote': 1,
  note: 2,
  term: 3,
  'dense-term': 3,
  focus: 4,
};

/**
 * The same rules as the content style sheet (`assets/content.css`), for open shadow
 * roots of page components, which the document's style sheet does not reach. A unit test keeps
 * the two in step.
 */
export const SHADOW_HIGHLIGHT_CSS = `
::highlight(tifa-lens-quote) {
  background-color: rgba(56, 132, 255, 0.14);
  text-decoration: underline dotted rgba(56, 132, 255, 0.85);
}
::highlight(tifa-lens-note) {
  background-color: rgba(76, 175, 80, 0.2);
}
::highlight(tifa-lens-term) {
  background-color: rgba(255, 183, 0, 0.2);
  text-decoration: underline solid rgba(214, 137, 0, 0.9);
}
::highlight(tifa-lens-dense-quote) {
  background-color: rgba(56, 132, 255, 0.14);
}
::highlight(tifa-lens-dense-term) {
  background-color: rgba(255, 183, 0, 0.24);
}
::highlight(tifa-lens-focus) {
  background-color: rgba(255, 153, 0, 0.55);
}
`;
