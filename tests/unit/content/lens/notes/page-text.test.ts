// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { pageText } from '../../../../../content/lens/notes/page-text';
import { anchor } from '../../../../../lib/notes/anchor';
import { draftFromSelection } from '../../../../../lib/notes/draft';

const ARTICLE = `
  <h1>峰会报道</h1>
  <p id="a">习近平强调，各国要携手推动构建<b>人类命运共同体</b>，共创美好未来。</p>
  <script>var x = "人类命运共同体";</script>
  <p id="b">Reporters   noted that the
     summit statement was <em>short</em>.</p>
  <textarea>typed text</textarea>
  <tifa-lens-ui><p>the extension's own UI</p></tifa-lens-ui>
`;

function textNode(id: string, index = 0): Text {
  const node = document.getElementById(id)?.childNodes[index];
  if (!(node instanceof Text)) throw new Error(`no text node ${id}[${index}]`);
  return node;
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return range;
}

beforeEach(() => {
  document.title = '峰会报道';
  document.body.innerHTML = ARTICLE;
});

describe('the page text read from the DOM', () => {
  it('holds the text a reader reads: no scripts, form fields or extension UI, whitespace collapsed, one line per block', () => {
    expect(pageText().text).toBe(
      '峰会报道\n习近平强调，各国要携手推动构建人类命运共同体，共创美好未来。\nReporters noted that the summit statement was short.',
    );
  });

  it('gives a selection’s span, across elements, and a Range back over the same text', () => {
    const page = pageText();
    const range = select(textNode('a'), 13, textNode('a', 2), 1);
    expect(range.toString()).toBe('构建人类命运共同体，');
    const span = page.spanOf(range);
    expect(span && page.text.slice(span.start, span.end)).toBe('构建人类命运共同体，');
    const back = span && page.rangeOf(span.start, span.end);
    expect(back?.toString()).toBe('构建人类命运共同体，');
  });

  it('maps a selection through collapsed whitespace and trims it', () => {
    const page = pageText();
    const b = textNode('b');
    const range = select(b, b.data.indexOf('   noted'), b, b.data.indexOf('summit') + 'summit'.length);
    const span = page.spanOf(range);
    expect(span && page.text.slice(span.start, span.end)).toBe('noted that the summit');
    // The Range back starts on "noted" and spans the original line break.
    expect(span && page.rangeOf(span.start, span.end)?.toString()).toBe('noted that the\n     summit');
  });

  it('maps selections bounded by elements (a triple click) to the text inside', () => {
    const page = pageText();
    const p = document.getElementById('b');
    if (!p) throw new Error('no #b');
    const range = select(p, 0, p, p.childNodes.length);
    const span = page.spanOf(range);
    expect(span && page.text.slice(span.start, span.end)).toBe('Reporters noted that the summit statement was short.');
  });

  it('has no span for a selection holding none of its text', () => {
    const page = pageText();
    const own = document.querySelector('tifa-lens-ui p')?.firstChild;
    if (!own) throw new Error('no own UI text');
    expect(page.spanOf(select(own, 0, own, 5))).toBeNull();
    const b = textNode('b');
    const gap = b.data.indexOf('   noted');
    expect(page.spanOf(select(b, gap, b, gap + 3))).toBeNull();
  });

  it('turns a selection into a note draft whose selectors anchor it again', () => {
    const page = pageText();
    const bold = document.querySelector('#a b')?.firstChild;
    if (!bold) throw new Error('no <b>');
    const range = select(bold, 0, bold, 7);
    const span = page.spanOf(range);
    if (!span) throw new Error('no span');
    const draft = draftFromSelection({
      url: 'https://news.example.com/a?utm_source=x',
      title: '  峰会\n报道 ',
      text: page.text,
      start: span.start,
      end: span.end,
      ref: { kind: 'term', entryId: 'shared-future-mankind' },
      body: '<img src=x onerror=alert(1)>',
      tags: ['xi'],
    });
    expect(draft).toMatchObject({
      title: '峰会 报道',
      ref: { kind: 'term', entryId: 'shared-future-mankind' },
      body: '<img src=x onerror=alert(1)>',
      selectors: {
        quote: {
          type: 'TextQuoteSelector',
          exact: '人类命运共同体',
          prefix: '峰会报道\n习近平强调，各国要携手推动构建',
          suffix: '，共创美好未来。\nReporters noted that th',
        },
        position: { type: 'TextPositionSelector', start: span.start, end: span.end },
      },
    });
    if (!draft?.selectors) throw new Error('no selectors');

    // The page is re-indented and gains a paragraph before the text: the note still lands on it.
    document.body.innerHTML = `<p>新的导语。</p>\n\n${ARTICLE.replace(/\n/gu, '\n      ')}`;
    const later = pageText();
    const found = anchor(later.text, draft.selectors);
    expect(found && later.rangeOf(found.start, found.end)?.toString()).toBe('人类命运共同体');
  });

  it('reads open shadow roots of the page after the document, and ignores the page’s hidden text the same way every time', () => {
    const host = document.createElement('news-box');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>盒子里的文字</p>';
    document.body.append(host);
    const page = pageText();
    expect(page.text.endsWith('\n盒子里的文字')).toBe(true);
    const start = page.text.indexOf('盒子');
    expect(page.rangeOf(start, start + 2)?.toString()).toBe('盒子');
    expect(pageText().text).toBe(page.text);
  });
});
