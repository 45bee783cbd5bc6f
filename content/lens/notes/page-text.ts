// The page's text for notes, read from the DOM: the text nodes the lens's collector walks (the
// body, then the open shadow roots of custom elements; never scripts, form fields or the
// extension's own UI), laid out by lib/notes/page-text.ts. Note selectors are offsets into it,
// both when a note is written and when it is anchored again, so both go through `pageText()`.

import { layoutPageText, offsetOfPoint, pointsOfSpan, trimSpan } from '../../../lib/notes/page-text';
import type { ChunkPoint, PageTextLayout } from '../../../lib/notes/page-text';
import { TextCollector } from '../../shared/collect-text';

export interface PageText {
  readonly text: string;
  /**
   * The [start, end) of a DOM range in `text`, without whitespace at either end; null when the
   * range holds none of the collected text (a form field, the extension's UI, only whitespace).
   */
  spanOf(range: AbstractRange): { start: number; end: number } | null;
  /** A live Range over [start, end) of `text`; null when that span holds no text node's character. */
  rangeOf(start: number, end: number): Range | null;
}

/** Collects the page's text now (cheap enough to do again whenever it is needed: no layout). */
export function pageText(doc: Document = document): PageText {
  const root = doc.body ?? doc.documentElement;
  const batch = new TextCollector([root]).collectAll();
  const { nodes } = batch;
  const layout: PageTextLayout = layoutPageText(batch.chunks, batch.boundaries);
  const indexOf = new Map<Text, number>();
  nodes.forEach((node, i) => indexOf.set(node, i));

  /** A DOM boundary point as a chunk point: the first collected text at or after it. */
  function pointOf(container: Node, offset: number): ChunkPoint {
    if (container.nodeType === Node.TEXT_NODE) {
      const i = indexOf.get(container as Text);
      if (i !== undefined) return { chunk: i, offset };
    }
    const probe = doc.createRange();
    try {
      probe.setStart(container, offset);
    } catch {
      return { chunk: nodes.length, offset: 0 };
    }
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (!node) continue;
      try {
        // Ranges compare within one tree; text in shadow roots throws and is passed over.
        // A point given by an element (a triple click selects whole paragraphs) is never inside a text node.
        if (probe.comparePoint(node, 0) >= 0) return { chunk: i, offset: 0 };
      } catch {
        continue;
      }
    }
    return { chunk: nodes.length, offset: 0 };
  }

  return {
    text: layout.text,
    spanOf(range) {
      const start = offsetOfPoint(layout, pointOf(range.startContainer, range.startOffset));
      const end = offsetOfPoint(layout, pointOf(range.endContainer, range.endOffset));
      const span = trimSpan(layout.text, start, end);
      return span.end > span.start ? span : null;
    },
    rangeOf(start, end) {
      const points = pointsOfSpan(layout, start, end);
      if (!points) return null;
      const from = nodes[points.start.chunk];
      const to = nodes[points.end.chunk];
      if (!from || !to) return null;
      const range = doc.createRange();
      try {
        range.setStart(from, points.start.offset);
        range.setEnd(to, points.end.offset);
      } catch {
        return null;
      }
      // Across two trees (a shadow root) a Range collapses: no use.
      return range.collapsed ? null : range;
    },
  };
}
