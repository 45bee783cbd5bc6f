// When the notes must be anchored again: once the page's text has settled after a change (not a
// change to the extension's own elements), or at the latest a little after it first changed.

import { isOwnTag } from '../../../lib/page/tags';

/** Quiet time after the page's text changed before notes are anchored again (ms). */
const REANCHOR_DEBOUNCE_MS = 300;
/** Longest wait when the page never settles (ms). */
const REANCHOR_MAX_WAIT_MS = 2_000;

/** Whether a mutation record only concerns the extension's own elements. */
function ownOnly(record: MutationRecord): boolean {
  for (let n: Node | null = record.target; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && isOwnTag((n as Element).localName)) return true;
  }
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n.nodeType === Node.ELEMENT_NODE && isOwnTag((n as Element).localName));
}

export interface PageChanges {
  /** Says the page changed (the page layer's rescans and navigations come in here too). */
  changed(): void;
  /** Starts watching the document's own mutations. */
  observe(): void;
  stop(): void;
}

export function watchPageChanges(doc: Document, onSettled: () => void): PageChanges {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstDirtyAt = 0;
  let stopped = false;
  const changed = (): void => {
    const now = performance.now();
    if (timer === undefined) firstDirtyAt = now;
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        if (!stopped) onSettled();
      },
      Math.max(0, Math.min(REANCHOR_DEBOUNCE_MS, firstDirtyAt + REANCHOR_MAX_WAIT_MS - now)),
    );
  };
  const observer = new MutationObserver((records) => {
    if (!records.every(ownOnly)) changed();
  });
  return {
    changed,
    observe: () => observer.observe(doc, { childList: true, characterData: true, subtree: true }),
    stop() {
      stopped = true;
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}
