// A large Chinese page made from the corpus, the same bytes on every run: paragraphs in <p>
// with inline tags cutting the text at random points, under section headings.

import { glossary } from '../../assets/generated/glossary';
import { prng } from '../support/prng';

function escapeText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

const INLINE = [
  ['<b>', '</b>'],
  ['<em>', '</em>'],
  ['<a href="#top">', '</a>'],
  ['<span class="hl">', '</span>'],
  ['<strong>', '</strong>'],
] as const;

/** One paragraph's HTML: its text with a few runs wrapped in inline elements. */
function paragraphHtml(text: string, rnd: () => number): string {
  const cuts: number[] = [];
  const wraps = Math.floor(rnd() * 4);
  for (let i = 0; i < wraps && text.length > 8; i++) {
    const from = Math.floor(rnd() * (text.length - 6));
    cuts.push(from, from + 2 + Math.floor(rnd() * 5));
  }
  cuts.sort((a, b) => a - b);
  let html = '';
  let at = 0;
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    const from = Math.max(cuts[i]!, at);
    const to = Math.max(cuts[i + 1]!, from);
    const [open, close] = INLINE[Math.floor(rnd() * INLINE.length)]!;
    html += escapeText(text.slice(at, from)) + open + escapeText(text.slice(from, to)) + close;
    at = to;
  }
  return html + escapeText(text.slice(at));
}

/** The corpus's paragraphs (and other blocks), in corpus order. */
function corpusBlocks(): string[] {
  return glossary.documents.flatMap((doc) => doc.blocks.map((block) => block.text)).filter((t) => t.length > 0);
}

/**
 * About `targetBytes` of UTF-8 HTML: the corpus's blocks drawn at random into paragraphs, some with
 * their sentences shuffled, 12 to a section. Deterministic for a given seed.
 */
export function generatedChinesePage(targetBytes = 5 * 1024 * 1024, seed = 20220125): string {
  const rnd = prng(seed);
  const blocks = corpusBlocks();
  const parts: string[] = [
    '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>语料生成的长页面</title>',
    '<style>body{font:16px/1.6 sans-serif;max-width:46em;margin:auto}.hl{color:#345}</style></head><body>',
    '<h1 id="top">携手共命运 一起向未来（长页面）</h1>',
  ];
  let bytes = parts.reduce((n, p) => n + Buffer.byteLength(p), 0);
  let section = 0;
  while (bytes < targetBytes) {
    const sectionParts = [`<section><h2>第${++section}节</h2>`];
    for (let i = 0; i < 12; i++) {
      let text = blocks[Math.floor(rnd() * blocks.length)]!;
      if (rnd() < 0.3) {
        const sentences = text.split(/(?<=[。！？])/u);
        sentences.sort(() => rnd() - 0.5);
        text = sentences.join('');
      }
      sectionParts.push(`<p>${paragraphHtml(text, rnd)}</p>`);
    }
    sectionParts.push('</section>\n');
    const html = sectionParts.join('');
    parts.push(html);
    bytes += Buffer.byteLength(html);
  }
  parts.push('</body></html>');
  return parts.join('');
}
