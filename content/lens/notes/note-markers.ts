// The small note icons at the end of each anchored note on the page. One `tifa-lens-note-markers`
// shadow host holds them all; it is in the page while at least one note is anchored. Markers are
// fixed-position buttons placed from their anchor's last line box, again on every scroll, resize
// and change of the page's size.

import { createUiHost } from './ui-host';
import type { UiHost } from './ui-host';

export const MARKERS_TAG = 'tifa-lens-note-markers';

const SIZE = 18;

const CSS = `
.tl-marker {
  position: fixed;
  pointer-events: auto;
  box-sizing: border-box;
  width: ${SIZE}px;
  height: ${SIZE}px;
  margin: 0;
  padding: 0;
  border: 1px solid #ffffff;
  border-radius: 50%;
  background: #2e7d32;
  color: #ffffff;
  font: 700 11px/1 system-ui, sans-serif;
  display: flex;
  align-items: center;
  justify-content: center;
  cursor: pointer;
  box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
  opacity: 0.9;
}
.tl-marker:hover { opacity: 1; transform: scale(1.1); }
.tl-marker:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
`;

export interface MarkerItem {
  id: string;
  range: Range;
  /** The marker's accessible name (the note's beginning, as text). */
  label: string;
}

export interface NoteMarkers {
  /** Replaces the markers shown. */
  set(items: readonly MarkerItem[]): void;
  /** The marker's box (to point the note card at), or null. */
  boxOf(id: string): DOMRect | null;
  destroy(): void;
}

export interface NoteMarkersOptions {
  onOpen: (id: string, marker: HTMLElement) => void;
  document?: Document;
  shadowMode?: ShadowRootMode;
}

export function createNoteMarkers(options: NoteMarkersOptions): NoteMarkers {
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  let ui: UiHost | null = null;
  let items: Array<{ item: MarkerItem; button: HTMLButtonElement }> = [];
  let frame = 0;
  let resize: ResizeObserver | null = null;

  function place(): void {
    frame = 0;
    for (const { item, button } of items) {
      const rects = item.range.getClientRects();
      const rect = rects[rects.length - 1];
      if (!rect || (rect.width === 0 && rect.height === 0) || rect.bottom < -SIZE || rect.top > win.innerHeight + SIZE) {
        button.style.display = 'none';
        continue;
      }
      button.style.display = '';
      button.style.left = `${Math.round(Math.min(rect.right + 1, win.innerWidth - SIZE - 2))}px`;
      button.style.top = `${Math.round(rect.top - SIZE / 2)}px`;
    }
  }
  const schedule = (): void => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };

  function attach(host: UiHost): void {
    host.show();
    win.addEventListener('scroll', schedule, { capture: true, passive: true });
    win.addEventListener('resize', schedule, { passive: true });
    if (typeof win.ResizeObserver === 'function' && doc.body) {
      resize = new win.ResizeObserver(schedule);
      resize.observe(doc.body);
    }
  }

  function detach(): void {
    ui?.hide();
    win.removeEventListener('scroll', schedule, { capture: true });
    win.removeEventListener('resize', schedule);
    resize?.disconnect();
    resize = null;
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  }

  return {
    set(next) {
      if (next.length === 0) {
        items = [];
        if (ui) ui.mount.replaceChildren();
        detach();
        return;
      }
      ui ??= createUiHost(doc, MARKERS_TAG, CSS, options.shadowMode);
      const host = ui;
      // A note's marker is kept across re-anchoring (the page changes often): focus stays on it.
      const old = new Map(items.map((i) => [i.item.id, i.button]));
      items = next.map((item) => {
        let button = old.get(item.id);
        if (!button) {
          const made = doc.createElement('button');
          made.type = 'button';
          made.className = 'tl-marker';
          made.textContent = '✎';
          made.addEventListener('click', () => options.onOpen(item.id, made));
          button = made;
        }
        button.setAttribute('aria-label', item.label);
        button.title = item.label;
        return { item, button };
      });
      const kept = new Set(items.map((i) => i.button));
      for (const button of old.values()) if (!kept.has(button)) button.remove();
      // Appending an element already in place would move it and drop its focus.
      items.forEach(({ button }, i) => {
        if (host.mount.children[i] !== button) host.mount.insertBefore(button, host.mount.children[i] ?? null);
      });
      if (!host.shown) attach(host);
      place();
    },
    boxOf(id) {
      const found = items.find((i) => i.item.id === id);
      return found && found.button.style.display !== 'none' ? found.button.getBoundingClientRect() : null;
    },
    destroy() {
      items = [];
      detach();
      ui = null;
    },
  };
}
