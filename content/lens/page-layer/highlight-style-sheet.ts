// The reader's highlight style, applied without touching the page's DOM: an adopted style sheet
// (not a node, so the page's markup and text stay as they were) overrides the default rules of
// assets/content.css. The default style adopts nothing.

import type { HighlightStyle } from '../../../lib/settings/index';

const OVERRIDES: Record<HighlightStyle, string> = {
  'tint-underline': '',
  underline: '::highlight(tifa-lens-term) { background-color: transparent; }',
  tint: '::highlight(tifa-lens-term) { text-decoration: none; }',
};

let adopted: CSSStyleSheet | null = null;

export function applyHighlightStyle(style: HighlightStyle, doc: Document = document): void {
  const css = OVERRIDES[style];
  if (adopted) {
    adopted.replaceSync(css);
    return;
  }
  if (css === '') return;
  adopted = new CSSStyleSheet();
  adopted.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, adopted];
}
