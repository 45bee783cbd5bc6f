// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { TextCollector } from '../../../../content/shared/collect-text';
import type { TextBatch } from '../../../../content/shared/collect-text';
import { setBody } from '../support/fixture';

/** Builds the page from markup written by the test itself (never page text). */
function page(html: string): HTMLElement {
  return setBody(html);
}

/** The collected text with `|` for an inline boundary and `¶` for a block boundary. */
function render(batch: TextBatch): string {
  return batch.chunks.map((c, i) => (i === 0 ? c : (batch.boundaries[i - 1] === 'block' ? '¶' : '|') + c)).join('');
}

function collect(root: Node): string {
  return render(new TextCollector([root]).collectAll());
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('TextCollector', () => {
  it('joins inline elements and separates blocks and line breaks', () => {
    const body = page('<p>共建“<b>一带</b>一路”</p><p>一带</p><div>一路<br>合作</div>');
    expect(collect(body)).toBe('共建“|一带|一路”¶一带¶一路¶合作');
  });

  it('skips scripts, styles, form fields, templates, svg and annotations', () => {
    const body = page(
      '<p>甲</p><script>var a = "一带一路";</script><style>p{}</style><noscript>丙</noscript>' +
        '<template><p>丁</p></template><textarea>戊</textarea><input value="己"><select><option>庚</option></select>' +
        '<svg><text>辛</text></svg><p><ruby>一<rt>yī</rt>带<rp>(</rp></ruby></p>',
    );
    expect(collect(body)).toBe('甲¶一|带');
  });

  it('treats a skipped element that shows (a field, an image) as a block boundary, a script as nothing', () => {
    const body = page('<p>一带<input>一路 一带<img alt="">一路 一带<script>1</script>一路</p>');
    expect(collect(body)).toBe('一带¶一路 一带¶一路 一带|一路');
  });

  it('skips the extension’s own UI', () => {
    const body = page('<p>一带一路</p><tifa-lens-ui><p>人类命运共同体</p></tifa-lens-ui><p>乙</p>');
    expect(collect(body)).toBe('一带一路¶乙');
  });

  it('keeps blank text between inline elements (English spaces) but not around blocks', () => {
    const body = page('<div>\n  <p><b>Belt</b> <b>and</b> <i>Road</i></p>\n  <p>x</p>\n</div>');
    expect(collect(body)).toBe('Belt| |and| |Road¶x');
  });

  it('walks open shadow roots of custom elements, as blocks of their own', () => {
    const body = page('<p>甲</p><term-box></term-box><p>乙</p>');
    const host = body.querySelector('term-box')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('p');
    inner.textContent = '多边主义';
    shadow.append(inner);
    const seen: ShadowRoot[] = [];
    const batch = new TextCollector([body], { onShadowRoot: (root) => seen.push(root) }).collectAll();
    expect(render(batch)).toBe('甲¶乙¶多边主义');
    expect(seen).toEqual([shadow]);
    expect(batch.nodes[2]!.getRootNode()).toBe(shadow);
  });

  it('walks open shadow roots of the HTML elements that may hold one (div, span, p…)', () => {
    const body = page('<p>甲</p><div id="d"></div><p>乙<span id="s"></span></p><ul><li id="li">丙</li></ul>');
    const roots = ['d', 's'].map((id) => {
      const shadow = body.querySelector(`#${id}`)!.attachShadow({ mode: 'open' });
      const inner = document.createElement('p');
      inner.textContent = id === 'd' ? '多边主义' : '一带一路';
      shadow.append(inner);
      return shadow;
    });
    const seen: ShadowRoot[] = [];
    const batch = new TextCollector([body], { onShadowRoot: (root) => seen.push(root) }).collectAll();
    expect(render(batch)).toBe('甲¶乙¶丙¶多边主义¶一带一路');
    expect(seen).toEqual(roots);
  });

  it('reports the custom elements the page has not defined yet (their shadow root may come later)', () => {
    // (A defined one is not reported: happy-dom's `:defined` misses it; the end-to-end test has it.)
    const body = page('<p>甲<later-box>乙</later-box></p><div>丙</div><x-open></x-open>');
    body.querySelector('x-open')!.attachShadow({ mode: 'open' });
    const waiting: Element[] = [];
    const batch = new TextCollector([body], { onUndefinedHost: (element) => waiting.push(element) }).collectAll();
    expect(render(batch)).toBe('甲|乙¶丙');
    expect(waiting.map((e) => e.localName)).toEqual(['later-box']);
  });

  it('maps every chunk to its text node', () => {
    const body = page('<p>共建<b>一带</b>一路</p>');
    const batch = new TextCollector([body]).collectAll();
    expect(batch.nodes.map((n) => n.data)).toEqual(batch.chunks);
    expect(batch.nodes[1]!.parentElement!.localName).toBe('b');
  });

  it('stops only at block boundaries when the slice is spent, and resumes where it stopped', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>第${i}段<b>粗</b>体</p>`).join('');
    const body = page(paragraphs);
    const collector = new TextCollector([body]);
    const batches: TextBatch[] = [];
    for (let batch = collector.next(() => true); batch; batch = collector.next(() => true)) batches.push(batch);
    expect(collector.done).toBe(true);
    expect(batches.length).toBeGreaterThan(1);
    // Each batch ends with a whole paragraph: three chunks per paragraph.
    for (const batch of batches) expect(batch.chunks.length % 3).toBe(0);
    const all = batches.flatMap((b) => b.chunks).join('');
    expect(all).toBe(body.textContent);
  });

  it('collects several roots, each a block of its own', () => {
    page('<p id="a">一带</p><p id="b">一路</p>');
    const roots = [document.getElementById('a')!, document.getElementById('b')!];
    expect(render(new TextCollector(roots).collectAll())).toBe('一带¶一路');
  });

  it('collects nothing from a skipped root', () => {
    page('<textarea id="t">一带一路</textarea>');
    expect(new TextCollector([document.getElementById('t')!]).next(() => false)).toBeNull();
  });
});
