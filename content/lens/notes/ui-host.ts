// A shadow-root host for a piece of the notes' on-page UI (the selection button, the note
// markers, the note panel). Like the term card's: a `tifa-lens-…` element (the scanner and the
// mutation watcher skip those), a shadow root with its own reset style sheet, appended to the
// document element (not the body) and only while it shows something.

import { HOST_CSS } from '../card/card-host';

export interface UiHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  /** Where the UI is drawn, inside the shadow root. */
  readonly mount: HTMLElement;
  /** Puts the host in the page (if it is not there). */
  show(): void;
  /** Takes the host out of the page. */
  hide(): void;
  readonly shown: boolean;
}

/** Events that stay inside the UI: the page's own shortcuts and handlers must not see them. */
const CONTAINED = ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'input'];

export function createUiHost(doc: Document, tag: string, css: string, mode: ShadowRootMode = 'closed'): UiHost {
  const win = doc.defaultView ?? window;
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode });
  const sheetText = `${HOST_CSS}\n${css}`;
  // A constructed sheet is not subject to the page's CSP; where it is refused, a <style> is.
  let adopted = false;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(sheetText);
    root.adoptedStyleSheets = [sheet];
    adopted = root.adoptedStyleSheets.length === 1;
  } catch {
    adopted = false;
  }
  if (!adopted) {
    const style = doc.createElement('style');
    style.textContent = sheetText;
    root.append(style);
  }
  const mount = doc.createElement('div');
  root.append(mount);
  for (const type of CONTAINED) mount.addEventListener(type, (event) => event.stopPropagation());
  return {
    host,
    root,
    mount,
    show() {
      if (!host.isConnected) doc.documentElement.append(host);
    },
    hide() {
      host.remove();
    },
    get shown() {
      return host.isConnected;
    },
  };
}
