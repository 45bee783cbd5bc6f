// The document-level style sheets of the highlights, applied without touching the page's DOM:
// adopted style sheets (not nodes, so the page's markup and text stay as they were). The
// `::highlight()` rules are adopted only once something is painted (see assets/highlights.css:
// their mere presence slows every style update of the page); the reader's highlight style follows
// them as overrides. The default style adopts no overrides.

import type { HighlightStyle } from '../lib/settings/index';
import { HIGHLIGHT_CSS } from './highlight-styles';

const OVERRIDES: Record<HighlightStyle, string> = {
  'tint-underline': '',
  underline: '::highlight(tifa-lens-term) { background-color: transparent; }',
  tint: '::highlight(tifa-lens-term) { text-decoration: none; }',
};

let rules: CSSStyleSheet | null = null;
let adopted: CSSStyleSheet | null = null;

/**
 * Adopts the `::highlight()` rules in the document, before the reader's overrides: the first time
 * something is painted, and again if the page has since replaced its adopted style sheets.
 */
export function adoptHighlightRules(doc: Document = document): void {
  try {
    const sheets = doc.adoptedStyleSheets;
    if (rules && sheets.includes(rules)) return;
    if (!rules) {
      rules = new CSSStyleSheet();
      rules.replaceSync(HIGHLIGHT_CSS);
    }
    const others = sheets.filter((sheet) => sheet !== adopted);
    doc.adoptedStyleSheets = adopted ? [...others, rules, adopted] : [...others, rules];
  } catch {
    // An engine without constructable style sheets paints with the wrapping fallback instead.
  }
}

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
