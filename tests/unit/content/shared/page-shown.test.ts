// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { whenShown } from '../../../../content/shared/page-shown';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function prerenderedDocument(): Document {
  const doc = document.implementation.createHTMLDocument('ahead');
  Object.defineProperty(doc, 'prerendering', { configurable: true, get: () => true });
  return doc;
}

describe('whenShown', () => {
  it('lets a page the reader sees report at once', async () => {
    let shown = false;
    void whenShown(document).then(() => (shown = true));
    await flush();
    expect(shown).toBe(true);
  });

  it('holds a prerendered page’s report until the reader opens it, and forever if never', async () => {
    const doc = prerenderedDocument();
    let shown = false;
    void whenShown(doc).then(() => (shown = true));
    await flush();
    expect(shown).toBe(false);
    doc.dispatchEvent(new Event('prerenderingchange'));
    await flush();
    expect(shown).toBe(true);
  });
});
