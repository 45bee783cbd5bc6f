// A page the browser loads ahead (prerendering: speculation rules, the address bar's guess) runs
// its content scripts before the reader sees it, if ever. What the reader met on a page is
// reported only once the page is shown; a page never shown reports nothing.

/** `document.prerendering`, which TypeScript's DOM types do not have yet. */
interface PrerenderingDocument {
  readonly prerendering?: boolean;
}

/** Resolves when `doc` is shown to the reader: at once for a page that was not loaded ahead. */
export function whenShown(doc: Document): Promise<void> {
  if ((doc as Document & PrerenderingDocument).prerendering !== true) return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('prerenderingchange', () => resolve(), { once: true }));
}
