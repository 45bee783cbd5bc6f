// The small "Add note" button that follows the reader's text selection on the page. It lives in
// its own `tifa-lens-note-button` shadow host, which is in the page only while there is a
// selection to note; never for a selection in a form field or an editable region, nor in the
// extension's own UI.

import { isOwnTag } from '../../../lib/page/tags';
import { createUiHost } from './ui-host';

export const SELECTION_BUTTON_TAG = 'tifa-lens-note-button';

const CSS = `
.tl-select {
  position: fixed;
  pointer-events: auto;
  display: inline-flex;
  align-items: center;
  gap: 4px;
  margin: 0;
  padding: 4px 10px;
  border: 1px solid #1b5e20;
  border-radius: 999px;
  background: #2e7d32;
  color: #ffffff;
  font: 600 12.5px/1.4 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', sans-serif;
  box-shadow: 0 4px 14px rgb(0 0 0 / 0.22);
  cursor: pointer;
  white-space: nowrap;
}
.tl-select:hover { background: #256b29; }
.tl-select:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
`;

export interface SelectionButtonOptions {
  /** Called with (a copy of) the selected range when the reader presses the button. */
  onAdd: (range: Range) => void;
  /** Whether the button may show now; e.g. not while a note is being written. */
  enabled?: () => boolean;
  document?: Document;
  shadowMode?: ShadowRootMode;
  /** Quiet time after the selection changes before the button shows (ms). */
  delayMs?: number;
}

export interface SelectionButton {
  /** The range the button is showing for, if it is shown. */
  current(): Range | null;
  hide(): void;
  destroy(): void;
}

const BUTTON_WIDTH = 96;
const BUTTON_HEIGHT = 28;
const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** Whether a node is in the extension's own UI (through shadow roots too). */
function inOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n;) {
    if (n.nodeType === Node.ELEMENT_NODE && isOwnTag((n as Element).localName)) return true;
    const parent: Node | null = n.parentNode;
    n = parent ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return false;
}

/** Whether the selection is something the reader is editing rather than reading. */
function inEditable(doc: Document, range: Range): boolean {
  if (doc.designMode === 'on') return true;
  const active = doc.activeElement;
  if (active && (active.localName === 'input' || active.localName === 'textarea' || (active instanceof HTMLElement && active.isContentEditable))) return true;
  for (const node of [range.startContainer, range.endContainer, range.commonAncestorContainer]) {
    const element = elementOf(node);
    if (!element) continue;
    if ((element instanceof HTMLElement && element.isContentEditable) || element.closest(EDITABLE)) return true;
  }
  return false;
}

export function createSelectionButton(options: SelectionButtonOptions): SelectionButton {
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  const delay = options.delayMs ?? 120;
  let ui: ReturnType<typeof createUiHost> | null = null;
  let button: HTMLButtonElement | null = null;
  let range: Range | null = null;
  let atStart = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let pointerDown = false;

  function build(): { ui: ReturnType<typeof createUiHost>; button: HTMLButtonElement } {
    if (ui && button) return { ui, button };
    const made = createUiHost(doc, SELECTION_BUTTON_TAG, CSS, options.shadowMode);
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'tl-select';
    b.title = 'Add a Tifa Lens note on the selected text';
    const icon = doc.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '✎';
    b.append(icon, doc.createTextNode('Add note'));
    // Pressing the button must not take the selection away.
    b.addEventListener('mousedown', (event) => event.preventDefault());
    b.addEventListener('pointerdown', (event) => event.preventDefault());
    b.addEventListener('click', () => {
      const chosen = range;
      hide();
      if (chosen) options.onAdd(chosen);
    });
    made.mount.append(b);
    ui = made;
    button = b;
    return { ui: made, button: b };
  }

  function place(): void {
    frame = 0;
    if (!range || !button) return;
    const rects = range.getClientRects();
    const rect = (atStart ? rects[0] : rects[rects.length - 1]) ?? range.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) {
      button.style.visibility = 'hidden';
      return;
    }
    const width = button.offsetWidth || BUTTON_WIDTH;
    const height = button.offsetHeight || BUTTON_HEIGHT;
    const x = atStart ? rect.left - width : rect.right;
    let y = atStart ? rect.top - height - 6 : rect.bottom + 6;
    if (y + height > win.innerHeight - 4) y = rect.top - height - 6;
    if (y < 4) y = Math.min(rect.bottom + 6, win.innerHeight - height - 4);
    button.style.left = `${Math.max(4, Math.min(x, win.innerWidth - width - 4))}px`;
    button.style.top = `${Math.max(4, y)}px`;
    button.style.visibility = rect.bottom < 0 || rect.top > win.innerHeight ? 'hidden' : 'visible';
  }

  const schedulePlace = (): void => {
    if (range && !frame) frame = win.requestAnimationFrame(place);
  };

  function hide(): void {
    clearTimeout(timer);
    range = null;
    ui?.hide();
    win.removeEventListener('scroll', schedulePlace, { capture: true });
    win.removeEventListener('resize', schedulePlace);
  }

  function update(): void {
    timer = undefined;
    if (pointerDown) return;
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || options.enabled?.() === false) {
      hide();
      return;
    }
    const selected = selection.getRangeAt(0);
    if (selected.toString().trim() === '' || inOwnUi(selected.commonAncestorContainer) || inEditable(doc, selected)) {
      hide();
      return;
    }
    range = selected.cloneRange();
    // Backwards selections end where they started: the button goes where the reader's pointer is.
    atStart = selection.focusNode === selected.startContainer && selection.focusOffset === selected.startOffset;
    const built = build();
    if (!built.ui.shown) {
      built.ui.show();
      win.addEventListener('scroll', schedulePlace, { capture: true, passive: true });
      win.addEventListener('resize', schedulePlace, { passive: true });
    }
    place();
  }

  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(update, delay);
  };
  const onPointerDown = (event: PointerEvent): void => {
    if (ui && event.composedPath().includes(ui.host)) return;
    pointerDown = true;
  };
  const onPointerUp = (): void => {
    pointerDown = false;
    schedule();
  };

  doc.addEventListener('selectionchange', schedule);
  win.addEventListener('pointerdown', onPointerDown, true);
  win.addEventListener('pointerup', onPointerUp, true);
  win.addEventListener('keyup', schedule, true);
  // The lens may be loaded because the reader just selected text (content/loader/loader.ts).
  schedule();

  return {
    current: () => range,
    hide,
    destroy() {
      hide();
      if (frame) win.cancelAnimationFrame(frame);
      doc.removeEventListener('selectionchange', schedule);
      win.removeEventListener('pointerdown', onPointerDown, true);
      win.removeEventListener('pointerup', onPointerUp, true);
      win.removeEventListener('keyup', schedule, true);
      ui = null;
      button = null;
    },
  };
}
