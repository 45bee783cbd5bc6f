// A seeded generator of random pages for fuzzing the content script's DOM walk, with the model
// they were built from. Each case is a tree of blocks (nested divs, paragraphs, list items,
// sections, hidden and editable blocks, open shadow roots, same-origin srcdoc frames); each leaf
// block holds one "run" of inline content: glossary forms (simplified, traditional, English, with
// space and punctuation variants), corpus quotations and near misses between filler, the text cut
// at random points into nested inline elements and comments, with line breaks, images, form
// fields, ruby annotations, CSS-made blocks and flex items, hidden and editable spans among it.
//
// The expected highlights come from the model alone: the text a reader sees in each run, cut at
// what breaks a line, matched in Node. Filler is made of Han characters that occur in no form and
// nowhere in the corpus (and of Latin letters in no English form), so nothing matches across it:
// hidden or editable spans sit between filler and cannot join the text around them.

import { glossary } from '../../../assets/generated/glossary';
import { compileMatcher } from '../../../lib/match/index';
import type { Boundary, Matcher } from '../../../lib/match/index';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../../../lib/glossary/matcher-input';
import { prng } from '../../../scripts/support/prng';

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

// ---------------------------------------------------------------- vocabulary

const FORMS = glossary.entries.flatMap((e) => e.forms);
const HAN_FORMS = FORMS.filter((f) => f.script !== 'en').map((f) => f.text);
const EN_FORMS = FORMS.filter((f) => f.script === 'en').map((f) => f.text);
const CORPUS_BLOCKS = glossary.documents.flatMap((d) => d.blocks.map((b) => b.text)).filter((t) => t.length >= 20);

/** Han characters in no form and nowhere in the corpus: runs of them match nothing. */
const HAN_FILLER: string[] = (() => {
  const used = new Set<string>();
  for (const f of FORMS) for (const c of f.text) used.add(c);
  for (const d of glossary.documents) for (const b of d.blocks) for (const c of b.text) used.add(c);
  const out: string[] = [];
  for (let code = 0x4e00; code <= 0x9fff && out.length < 400; code += 7) {
    const c = String.fromCharCode(code);
    if (!used.has(c)) out.push(c);
  }
  return out;
})();

/** Latin letters that start no English form and, in these nonsense words, complete none. */
const LATIN_FILLER = ['qz', 'xv', 'zq', 'vx', 'qqz', 'zxq'];

function filler(r: Random): string {
  if (r.chance(0.2)) return ` ${r.pick(LATIN_FILLER)} `;
  let s = '';
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) s += r.pick(HAN_FILLER);
  return s;
}

const DASHES = ['-', '‐', '–', '—', '－'];

/** A form as a page might write it: spaces, line breaks or no-break spaces, other dashes, other case. */
function variant(form: string, r: Random, english: boolean): string {
  let text = form;
  if (english) {
    if (r.chance(0.3)) text = text.toLowerCase();
    if (r.chance(0.2)) text = text.replace(/ /gu, r.pick(['  ', '\n', '\u00a0']));
  } else if (r.chance(0.3) && text.length > 2) {
    const at = 1 + r.int(text.length - 1);
    text = text.slice(0, at) + r.pick([' ', '\n', '\u00a0', '\u3000']) + text.slice(at);
  }
  if (r.chance(0.4)) text = text.replace(/[-‐–—－]/gu, () => r.pick(DASHES));
  return text;
}

/** A near miss: a form with one character swapped for filler, or cut short. */
function nearMiss(r: Random): string {
  const form = r.chance(0.7) ? r.pick(HAN_FORMS) : r.pick(EN_FORMS);
  if (form.length < 3) return form + r.pick(HAN_FILLER);
  if (r.chance(0.5)) {
    const at = 1 + r.int(form.length - 2);
    return form.slice(0, at) + r.pick(HAN_FILLER) + form.slice(at + 1);
  }
  return form.slice(0, form.length - 1);
}

function quotation(r: Random): string {
  const block = r.pick(CORPUS_BLOCKS);
  const length = 14 + r.int(18);
  const at = r.int(Math.max(1, block.length - length));
  return block.slice(at, at + length);
}

// ---------------------------------------------------------------- model

/** Something inside a run that is not plain text (positions are offsets into the run's text). */
type Insert =
  | { kind: 'comment'; at: number }
  | { kind: 'break'; at: number; html: string } // br, img, input, a textarea or select (its text hidden)
  | { kind: 'hidden'; at: number; html: string } // text a reader doesn't see or is editing
  | { kind: 'cssBlock'; from: number; to: number; html: 'block' | 'flex' }
  | { kind: 'ruby'; from: number; to: number };

interface Run {
  id: number;
  text: string;
  inserts: Insert[];
}

/** Elements given a shadow root: a custom element, and HTML elements that may hold one. */
const SHADOW_HOSTS = ['fuzz-box', 'div', 'span', 'section'];

type BlockNode =
  | { kind: 'leaf'; tag: string; run: Run }
  | { kind: 'box'; tag: string; style: string; attrs: string; children: BlockNode[]; shown: boolean }
  | { kind: 'shadow'; host: string; children: BlockNode[] }
  | { kind: 'frame'; children: BlockNode[] };

export interface FuzzPage {
  seed: number;
  html: string;
  /** The expected highlights, as `run:offset:kind:text`, sorted. */
  expected: string[];
}

const INLINE = ['b', 'i', 'em', 'strong', 'span', 'a href="#x"', 'code', 'small', 'span style="display:inline-block"', 'u'];
const LEAF_TAGS = ['p', 'div', 'li', 'h3', 'blockquote', 'td'];
const BOX_TAGS = ['div', 'section', 'article', 'main'];

class Builder {
  private nextRun = 0;
  constructor(
    private readonly r: Random,
    private readonly prefix: number,
  ) {}

  run(): Run {
    const r = this.r;
    let text = r.chance(0.5) ? filler(r) : '';
    const safe: number[] = [];
    const items = 1 + r.int(4);
    for (let i = 0; i < items; i++) {
      const pick = r.next();
      let piece: string;
      if (pick < 0.45) piece = variant(r.pick(HAN_FORMS), r, false);
      else if (pick < 0.65) piece = variant(r.pick(EN_FORMS), r, true);
      else if (pick < 0.75) piece = quotation(r);
      else piece = nearMiss(r);
      text += piece;
      const f = filler(r);
      // The middle of a filler run: a hidden span there touches no text that could match.
      if (f.length >= 2) safe.push(text.length + 1);
      text += f;
    }
    const inserts: Insert[] = [];
    const anywhere = (): number => r.int(text.length + 1);
    const cuts = r.int(4);
    for (let i = 0; i < cuts; i++) inserts.push({ kind: 'comment', at: anywhere() });
    if (r.chance(0.25)) {
      const html = r.pick([
        '<br>',
        '<img alt="">',
        '<input value="一带一路">',
        '<textarea data-x>人类命运共同体</textarea>',
        '<select data-x><option>多边主义</option></select>',
      ]);
      inserts.push({ kind: 'break', at: anywhere(), html });
    }
    if (safe.length > 0 && r.chance(0.35)) {
      const hidden = r.pick([
        '<span data-x style="display:none">一带一路</span>',
        '<span data-x hidden>人类命运共同体</span>',
        '<span data-x style="visibility:hidden">多边主义</span>',
        '<span data-x contenteditable="true">一带一路</span>',
        '<span data-x contenteditable="plaintext-only">Belt and Road</span>',
      ]);
      inserts.push({ kind: 'hidden', at: r.pick(safe), html: hidden });
    }
    if (r.chance(0.15) && text.length > 4) {
      const from = r.int(text.length - 2);
      inserts.push({ kind: 'cssBlock', from, to: from + 1 + r.int(Math.min(6, text.length - from - 1)), html: r.pick(['block', 'flex'] as const) });
    } else if (r.chance(0.1) && text.length > 3) {
      const from = r.int(text.length - 1);
      inserts.push({ kind: 'ruby', from, to: from + 1 });
    }
    return { id: this.prefix * 1000 + this.nextRun++, text, inserts };
  }

  /**
   * `count` blocks, nested up to `depth`. Frames only where everything around is shown and not
   * editable (a frame's document doesn't inherit its host page's visibility or editing), shadow
   * roots only outside editable boxes (editing doesn't reach into a shadow tree).
   */
  blocks(depth: number, count: number, place: { shown: boolean; editable: boolean; inFrame: boolean }): BlockNode[] {
    const r = this.r;
    const out: BlockNode[] = [];
    for (let i = 0; i < count; i++) {
      const pick = r.next();
      if (depth > 0 && pick < 0.3) {
        const mode = r.pick(['', '', '', 'flex', 'grid', 'display:none', 'hidden', 'visibility:hidden', 'editable']);
        const style = mode === 'flex' ? 'display:flex;flex-direction:column' : mode === 'grid' ? 'display:grid' : mode.includes(':') ? mode : '';
        const attrs = mode === 'hidden' ? ' hidden' : mode === 'editable' ? ' contenteditable="true"' : '';
        const hidden = mode === 'display:none' || mode === 'hidden' || mode === 'visibility:hidden';
        const inner = { ...place, shown: place.shown && !hidden, editable: place.editable || mode === 'editable' };
        const children = this.blocks(depth - 1, 1 + r.int(3), inner);
        out.push({ kind: 'box', tag: r.pick(BOX_TAGS), style, attrs, children, shown: !hidden && mode !== 'editable' });
      } else if (depth > 0 && !place.editable && pick < 0.36) {
        out.push({ kind: 'shadow', host: r.pick(SHADOW_HOSTS), children: this.blocks(depth - 1, 1 + r.int(2), place) });
      } else if (depth > 0 && place.shown && !place.editable && !place.inFrame && pick < 0.4) {
        out.push({ kind: 'frame', children: this.blocks(depth - 1, 1 + r.int(2), { ...place, inFrame: true }) });
      } else {
        out.push({ kind: 'leaf', tag: r.pick(LEAF_TAGS), run: this.run() });
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------- rendering

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function escapeAttr(html: string): string {
  return html.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;');
}

/** A piece of run text cut at random points, each piece in a random stack of inline elements. */
function inlineText(text: string, r: Random): string {
  if (text === '') return '';
  const cuts = new Set<number>();
  const n = r.int(4);
  for (let i = 0; i < n; i++) cuts.add(1 + r.int(Math.max(1, text.length - 1)));
  const points = [0, ...[...cuts].filter((c) => c < text.length).sort((a, b) => a - b), text.length];
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    let piece = escapeHtml(text.slice(points[i], points[i + 1]));
    const depth = r.int(3);
    for (let d = 0; d < depth; d++) {
      const tag = r.pick(INLINE);
      piece = `<${tag}>${piece}</${tag.split(' ')[0]}>`;
    }
    html += piece;
  }
  return html;
}

/** The run as HTML inside `<span data-r=id>`; text between inserts is cut and wrapped at random. */
function runHtml(run: Run, r: Random): string {
  // Point inserts and the edges of ranged ones, in text order.
  type Edge = { at: number; open?: Insert; close?: Insert; point?: Insert };
  const edges: Edge[] = [];
  for (const ins of run.inserts) {
    if (ins.kind === 'cssBlock' || ins.kind === 'ruby') {
      edges.push({ at: ins.from, open: ins }, { at: ins.to, close: ins });
    } else edges.push({ at: ins.at, point: ins });
  }
  edges.sort((a, b) => a.at - b.at || (a.close ? -1 : b.close ? 1 : 0));
  let html = '';
  let at = 0;
  for (const edge of edges) {
    html += inlineText(run.text.slice(at, edge.at), r);
    at = edge.at;
    const ins = edge.open ?? edge.close ?? edge.point!;
    if (edge.open) {
      if (ins.kind === 'ruby') html += '<ruby>';
      else if (ins.kind === 'cssBlock') html += ins.html === 'block' ? '<span style="display:block">' : '<span style="display:inline-flex"><span>';
    } else if (edge.close) {
      if (ins.kind === 'ruby') html += '<rt data-x>yī</rt></ruby>';
      else if (ins.kind === 'cssBlock') html += ins.html === 'block' ? '</span>' : '</span><span></span></span>';
    } else if (ins.kind === 'comment') html += '<!-- 一带一路 -->';
    else if (ins.kind === 'break' || ins.kind === 'hidden') html += ins.html;
  }
  html += inlineText(run.text.slice(at), r);
  return `<span data-r="${run.id}">${html}</span>`;
}

function blocksHtml(nodes: readonly BlockNode[], r: Random): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'leaf': {
          const tag = node.tag;
          const inner = runHtml(node.run, r);
          if (tag === 'li') return `<ul><li>${inner}</li></ul>`;
          if (tag === 'td') return `<table><tr><td>${inner}</td><td>${escapeHtml(filler(r))}</td></tr></table>`;
          return `<${tag}>${inner}</${tag}>`;
        }
        case 'box': {
          const style = node.style ? ` style="${node.style}"` : '';
          return `<${node.tag}${style}${node.attrs}>\n${blocksHtml(node.children, r)}\n</${node.tag}>`;
        }
        case 'shadow':
          return `<div><${node.host}><template shadowrootmode="open" shadowrootserializable>${blocksHtml(node.children, r)}</template></${node.host}></div>`;
        case 'frame': {
          const doc = `<!doctype html><meta charset="utf-8"><body>${blocksHtml(node.children, r)}</body>`;
          return `<iframe width="600" height="200" srcdoc="${escapeAttr(doc)}"></iframe>`;
        }
      }
    })
    .join('\n');
}

// ---------------------------------------------------------------- oracle

let fuzzMatcher: Matcher | null = null;

function matcher(): Matcher {
  fuzzMatcher ??= compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary));
  return fuzzMatcher;
}

/**
 * What a reader sees of a run, cut where a line breaks; hidden and annotation text left out. Near
 * words are looked for in the run as its markup makes blocks: across a span its style makes a
 * block, and in its hidden and editable text too (the page holds them, though it shows none).
 */
function expectedOfRun(run: Run): string[] {
  const cutSet = new Set<number>([0, run.text.length]);
  const breaks = new Set<number>();
  const hidden = new Map<number, string>();
  for (const ins of run.inserts) {
    if (ins.kind === 'break') {
      cutSet.add(ins.at);
      breaks.add(ins.at);
    }
    if (ins.kind === 'cssBlock') {
      cutSet.add(ins.from);
      cutSet.add(ins.to);
    }
    if (ins.kind === 'hidden') {
      cutSet.add(ins.at);
      hidden.set(ins.at, (hidden.get(ins.at) ?? '') + ins.html.replace(/<[^>]*>/gu, ''));
    }
  }
  const cuts = [...cutSet].sort((a, b) => a - b);
  // Visible pieces (their run offset) and hidden text (-1), in page order.
  const chunks: string[] = [];
  const starts: number[] = [];
  const boundaries: Boundary[] = [];
  const context: Boundary[] = [];
  const push = (text: string, start: number, contextEdge: Boundary): void => {
    if (chunks.length > 0) {
      boundaries.push('block');
      context.push(contextEdge);
    }
    chunks.push(text);
    starts.push(start);
  };
  for (let i = 0; i + 1 < cuts.length; i++) {
    const at = cuts[i]!;
    // A break stands before hidden text inserted at the same point (the page's order).
    const edge: Boundary = breaks.has(at) ? 'block' : 'inline';
    const text = hidden.get(at);
    if (text !== undefined) push(text, -1, edge);
    push(run.text.slice(at, cuts[i + 1]), at, text !== undefined ? 'inline' : edge);
  }
  return matcher()
    .match(chunks, boundaries, context)
    .filter((m) => starts[m.start.chunk]! >= 0)
    .map((m) => {
      const from = starts[m.start.chunk]! + m.start.offset;
      const to = starts[m.end.chunk]! + m.end.offset;
      return `${run.id}:${from}:${m.kind}:${run.text.slice(from, to)}`;
    });
}

function expectedOf(nodes: readonly BlockNode[], shown: boolean, out: string[]): void {
  for (const node of nodes) {
    if (node.kind === 'leaf') {
      if (shown) out.push(...expectedOfRun(node.run));
    } else if (node.kind === 'box') expectedOf(node.children, shown && node.shown, out);
    else expectedOf(node.children, shown, out);
  }
}

/**
 * `cases` random cases on one page, each in its own container (a block); the same seed gives the
 * same page and the same expectations.
 */
export function fuzzPage(seed: number, cases: number): FuzzPage {
  const page = buildPage(seed, cases);
  // Up to 200 matches a document has them all registered at once (more, and only those near the
  // viewport are): fewer cases on a page that would hold more.
  return page.expected.length > 180 && cases > 1 ? fuzzPage(seed, cases - 1) : page;
}

function buildPage(seed: number, cases: number): FuzzPage {
  const r = new Random(seed);
  const parts: string[] = [];
  const expected: string[] = [];
  for (let c = 0; c < cases; c++) {
    const builder = new Builder(r, c + 1);
    const blocks = builder.blocks(1 + r.int(3), 1 + r.int(3), { shown: true, editable: false, inFrame: false });
    expectedOf(blocks, true, expected);
    parts.push(`<div data-case="${c}">\n${blocksHtml(blocks, r)}\n</div>`);
  }
  const html = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>fuzz ${seed}</title></head><body>\n${parts.join('\n')}\n</body></html>`;
  return { seed, html, expected: expected.sort() };
}
