// The page's text around a traced quotation, as quote fidelity (lib/quote) aligns it: the text of
// the block the quotation is in, read only when its card opens (or the popup asks for the page's
// quotations), never as the page is scanned.

import { buildAlignCorpus, quotationAt } from '../../../lib/quote/index';
import type { AlignCorpus, QuoteView } from '../../../lib/quote/index';
import type { CompiledGlossary } from '../../../lib/glossary/types';
import { glossaryCorpus } from '../../../lib/glossary/matcher-input';
import { MAX_BLOCK_TEXT, MAX_QUOTED_BLOCKS } from '../../../lib/protocol/tab-messages';

/** Most characters of a block read on either side of the quotation: the alignment stays bounded. */
const REACH = 600;

/** The nearest element around `node` the page lays out as a block (a paragraph, a cell, an item). */
function blockOf(node: Node): Element | null {
  let el: Element | null = node instanceof Element ? node : node.parentElement;
  while (el) {
    const display = el.ownerDocument.defaultView?.getComputedStyle(el).display ?? 'block';
    if (!display.startsWith('inline') && display !== 'contents') return el;
    el = el.parentElement;
  }
  return null;
}

/** A block's text and where `range` lies in it, cut to REACH either side. */
export interface QuoteContext {
  text: string;
  from: number;
  to: number;
  /** The block itself: two quotations in one block share it. */
  block: Element | null;
}

/** The text around `range` (a traced quotation): its block's, at most REACH beyond it each way. */
export function quoteContext(range: Range): QuoteContext {
  const block = blockOf(range.commonAncestorContainer);
  const doc = range.startContainer.ownerDocument ?? document;
  if (!block) return { text: range.toString(), from: 0, to: range.toString().length, block: null };
  const before = doc.createRange();
  before.selectNodeContents(block);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.selectNodeContents(block);
  after.setStart(range.endContainer, range.endOffset);
  const head = before.toString();
  const quoted = range.toString();
  const tail = after.toString();
  const lead = head.slice(Math.max(0, head.length - REACH));
  return { text: lead + quoted + tail.slice(0, REACH), from: lead.length, to: lead.length + quoted.length, block };
}

/** The corpus folded for alignment, built from the glossary the first time a card needs it. */
export function lazyAlignCorpus(glossary: () => CompiledGlossary): () => AlignCorpus {
  let corpus: AlignCorpus | null = null;
  return () => (corpus ??= buildAlignCorpus(glossaryCorpus(glossary()), glossary().quoteVariants));
}

/** How the page's sentence around `range` quotes the corpus, or null when it cannot tell. */
export function fidelityAt(corpus: AlignCorpus, range: Range): QuoteView | null {
  const { text, from, to } = quoteContext(range);
  return quotationAt(corpus, text, from, to);
}

/**
 * The text of each block holding one of `quotes` (traced quotations, in document order), once per
 * block, in that order: what the popup aligns. A block too long to send whole gives the text
 * around each quotation in it instead; at most MAX_QUOTED_BLOCKS texts.
 */
export function quotedBlocks(quotes: readonly Range[]): string[] {
  const out: string[] = [];
  const seen = new Set<Element | string>();
  for (const range of quotes) {
    if (out.length >= MAX_QUOTED_BLOCKS) break;
    const context = quoteContext(range);
    const whole = context.block?.textContent ?? '';
    const [key, text] =
      context.block && whole.length <= MAX_BLOCK_TEXT && whole.trim() !== '' ? [context.block, whole] : [context.text, context.text.slice(0, MAX_BLOCK_TEXT)];
    if (seen.has(key) || text.trim() === '') continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}
