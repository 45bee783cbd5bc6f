// A shadow-root host for a piece of the extension's on-page UI (the term card, the selection
// button, the note markers, the note panel): a `tifa-lens-…` element (the scanner and the mutation
// watcher skip those) with a closed shadow root and its own reset style sheet, appended to the
// document element (not the body) and only while it shows something.
//
// The page must not be able to break or read it: its tag name ends in a suffix drawn afresh for
// every host, so a page cannot define a custom element of that name first (whose constructor would
// take the element, or attach a shadow root of its own) nor style it by name; the `:host` rules are
// `!important` inside the shadow root, which beats anything the page sets on the element; and it is
// shown in the top layer (a manual popover), above any z-index a page's own overlay may have.

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

// `!important` inside a shadow root beats the page's `!important` on the host (inline too): the
// page cannot hide, move, shrink or restyle the UI. `all` also undoes the popover's own UA style.
export const HOST_CSS = `:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
}
:host::backdrop { display: none !important; }
.tl-popover { pointer-events: auto; }`;

/** Events that stay inside the UI: the page's own shortcuts and handlers must not see them. */
const CONTAINED = ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'input'];

/** `name-` and a random suffix: a valid custom element name no page can know before it is used. */
export function unguessableTag(name: string): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `${name}-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

/** Whether an element is one of the hosts made for `name` (tests and DevTools find them so). */
export function isHostOf(element: Element, name: string): boolean {
  return element.localName.startsWith(`${name}-`) && element.localName.length === name.length + 17;
}

export function createUiHost(doc: Document, name: string, css: string, mode: ShadowRootMode = 'closed'): UiHost {
  const win = doc.defaultView ?? window;
  const host = doc.createElement(unguessableTag(name));
  const root = host.attachShadow({ mode });
  // The top layer, where supported: no z-index of the page's covers it.
  const popover = 'showPopover' in host;
  if (popover) host.setAttribute('popover', 'manual');
  const sheetText = `${HOST_CSS}\n${css}`;
  // A constructed sheet is not subject to the page's CSP; where it is refused (Firefox content
  // scripts may refuse one), a content script's <style> is exempt from it.
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
      if (!popover) return;
      try {
        if (!host.matches(':popover-open')) host.showPopover();
      } catch {
        // Shown in place (the page's z-index may cover it) rather than not at all.
      }
    },
    hide() {
      host.remove();
    },
    get shown() {
      return host.isConnected;
    },
  };
}
