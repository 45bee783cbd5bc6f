// The notes' highlights, painted where the page cannot read them. `CSS.highlights` is shared with
// the page's scripts, which could read (and move) the ranges of the reader's annotated passages;
// so notes are drawn as translucent boxes in one closed shadow root instead: a fixed, zero-size,
// pointer-events-none host (no layout, no hit testing), one box per visible line of text, placed
// from the text's client rects and clipped to the viewport and to the scrolling or clipping boxes
// around it. Placing is batched to one animation frame after a scroll (of the page or of any inner
// scroller), a resize, a change of size or of the DOM, a font load; passages out of view cost a
// bounding box each. The flash of the note a fragment names is drawn the same way.

import { createUiHost } from './ui-host';
import type { UiHost } from './ui-host';

export const NOTE_PAINT_TAG = 'tifa-lens-note-paint';

const FLASH_MS = 1_600;

/** A note as the term highlights are tinted (assets/content.css); the flash in the focus colour. */
const CSS = `
.tl-box { position: fixed; margin: 0; padding: 0; border: 0; pointer-events: none; }
.tl-note { background-color: rgba(76, 175, 80, 0.2); }
.tl-focus { background-color: rgba(255, 153, 0, 0.55); }
`;

export interface NoteHighlights {
  /** Highlights exactly these ranges (none: the overlay leaves the page). */
  paint(ranges: readonly Range[]): void;
  /** Blinks the range with the focus colour. */
  flash(range: Range): void;
  clear(): void;
}

export interface NoteHighlightsOptions {
  document?: Document;
  shadowMode?: ShadowRootMode;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function intersect(a: Box, b: Box): Box | null {
  const box = { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  return box.right > box.left && box.bottom > box.top ? box : null;
}

export function createNoteHighlights(options: NoteHighlightsOptions = {}): NoteHighlights {
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  let ui: UiHost | null = null;
  let ranges: readonly Range[] = [];
  let flashing: Range | null = null;
  const boxes: HTMLElement[] = [];
  let frame = 0;
  let watching = false;
  const flashTimers: Array<ReturnType<typeof setTimeout>> = [];
  const resize = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(() => schedule()) : null;
  const mutations = new win.MutationObserver(() => schedule());
  const piece = doc.createRange();

  /** The part of the viewport where text under `element` shows (its clipping ancestors cut it). */
  function clipper(): (element: Element | null) => Box | null {
    const viewport: Box = {
      left: 0,
      top: 0,
      right: doc.documentElement.clientWidth || win.innerWidth,
      bottom: doc.documentElement.clientHeight || win.innerHeight,
    };
    const memo = new Map<Element, Box | null>();
    const clipOf = (element: Element | null): Box | null => {
      if (!element || element === doc.documentElement || element === doc.body) return viewport;
      const known = memo.get(element);
      if (known !== undefined) return known;
      const root = element.getRootNode();
      const parent = element.parentElement ?? (root instanceof win.ShadowRoot ? root.host : null);
      let clip = clipOf(parent);
      const style = win.getComputedStyle(element);
      if (clip && style.display === 'none') clip = null;
      if (clip && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) {
        const r = element.getBoundingClientRect();
        const left = r.left + element.clientLeft;
        const top = r.top + element.clientTop;
        clip = intersect(clip, { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight });
      }
      memo.set(element, clip);
      return clip;
    };
    return clipOf;
  }

  function place(): void {
    frame = 0;
    if (!ui) return;
    const clipOf = clipper();
    const height = win.innerHeight;
    const width = win.innerWidth;
    let used = 0;
    const draw = (range: Range, kind: string): void => {
      const bound = range.getBoundingClientRect();
      if (bound.bottom < 0 || bound.top > height || bound.right < 0 || bound.left > width) return;
      const container = range.commonAncestorContainer;
      const rootElement = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
      if (!rootElement) return;
      // Text only, as a highlight paints it (a whole block's box would tint its padding too).
      const walker = doc.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node: Node | null = container.nodeType === Node.TEXT_NODE ? container : walker.nextNode(); node; node = walker.nextNode()) {
        if (!range.intersectsNode(node)) {
          if (range.comparePoint(node, 0) > 0) break;
          continue;
        }
        const text = node as Text;
        const parent = text.parentElement;
        const clip = clipOf(parent);
        if (!clip || !parent || win.getComputedStyle(parent).visibility !== 'visible') continue;
        piece.setStart(text, node === range.startContainer ? range.startOffset : 0);
        piece.setEnd(text, node === range.endContainer ? range.endOffset : text.length);
        for (const rect of piece.getClientRects()) {
          const shown = intersect(clip, rect);
          if (!shown) continue;
          let box = boxes[used];
          if (!box) {
            box = doc.createElement('div');
            boxes.push(box);
            ui!.mount.append(box);
          }
          used++;
          box.className = `tl-box ${kind}`;
          box.style.cssText = `left:${shown.left}px;top:${shown.top}px;width:${shown.right - shown.left}px;height:${shown.bottom - shown.top}px`;
        }
        if (node === container) break;
      }
    };
    for (const range of ranges) draw(range, 'tl-note');
    if (flashing) draw(flashing, 'tl-focus');
    for (let i = used; i < boxes.length; i++) boxes[i]!.style.cssText = 'display:none';
  }

  function schedule(): void {
    if (!frame && watching) frame = win.requestAnimationFrame(place);
  }

  function watch(): void {
    if (watching) return;
    watching = true;
    win.addEventListener('scroll', schedule, { capture: true, passive: true });
    win.addEventListener('resize', schedule, { passive: true });
    doc.fonts?.addEventListener('loadingdone', schedule);
    resize?.observe(doc.documentElement);
    if (doc.body) resize?.observe(doc.body);
    // Our own boxes are in the shadow root, which a document-wide observer does not see.
    mutations.observe(doc, { childList: true, characterData: true, attributes: true, subtree: true });
  }

  function unwatch(): void {
    if (!watching) return;
    watching = false;
    win.removeEventListener('scroll', schedule, { capture: true });
    win.removeEventListener('resize', schedule);
    doc.fonts?.removeEventListener('loadingdone', schedule);
    resize?.disconnect();
    mutations.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  }

  function update(): void {
    if (ranges.length === 0 && !flashing) {
      unwatch();
      ui?.hide();
      return;
    }
    ui ??= createUiHost(doc, NOTE_PAINT_TAG, CSS, options.shadowMode);
    ui.show();
    watch();
    place();
  }

  return {
    paint(next) {
      ranges = [...next];
      update();
    },
    flash(range) {
      for (const timer of flashTimers.splice(0)) clearTimeout(timer);
      // On, off, on, off: the eye finds a blink more easily than a steady colour.
      const steps = [0, FLASH_MS * 0.3, FLASH_MS * 0.45, FLASH_MS];
      steps.forEach((at, i) =>
        flashTimers.push(
          setTimeout(() => {
            flashing = i % 2 === 0 ? range : null;
            update();
          }, at),
        ),
      );
    },
    clear() {
      for (const timer of flashTimers.splice(0)) clearTimeout(timer);
      ranges = [];
      flashing = null;
      update();
    },
  };
}
