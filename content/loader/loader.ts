// The content script every page runs: small, so that the many pages without a term cost little.
// It reads the settings (on a site the reader turned off, the page the reader sees decides for
// every frame in it), probes the page's text with the shipped prefilter (content/loader/page-probe.ts)
// and loads the lens (entrypoints/lens.ts: matcher, highlights, cards, notes) only when the
// page needs it: some text may match, the page has notes, the reader selects text (to write a
// note), or the popup or a command asks for something only the lens can do.

import type { Prefilter } from '../../lib/match/prefilter';
import type { TextGate } from '../../lib/match/text-gate';
import type { Transport } from '../../lib/protocol/transport';
import { notesChangeConcerns } from '../../lib/notes/url';
import { readTabRequestHead } from '../../lib/protocol/tab-request-types';
import type { TabRequestHead, TabRequestType } from '../../lib/protocol/tab-request-types';
import type { TabDataFor, TabResponseFor } from '../../lib/protocol/tab-messages';
import { isPageOff, readSettings, watchSettings, webHostname } from '../../lib/settings/index';
import type { Settings } from '../../lib/settings/index';
import type { StartedLens } from '../shared/lens-handoff';
import type { StartLens } from '../shared/lens-handoff';
import { extensionApi } from '../shared/extension-api';
import { whenShown } from '../shared/page-shown';
import { loaderRequests } from './loader-requests';
import { PageProbe } from './page-probe';
import { traceMark } from '../shared/trace';

/** Why the lens was loaded (the `detail` of the `tifa-lens:load-lens` mark). */
export type LoadReason = 'text' | 'notes' | 'selection' | 'tab-message';

export interface LoaderOptions {
  /** How the frame reaches the background (`browser.runtime.sendMessage`). */
  transport: Transport;
  /**
   * The shipped prefilter, made on first use (a frame with no text never decodes it); null when it
   * was built for another glossary (everything then loads the lens).
   */
  prefilter: () => Prefilter | null;
  /**
   * The gate a whole page's text is tested by before it is walked (content/loader/page-probe.ts),
   * made on first use; absent or null: every page is walked.
   */
  gate?: () => TextGate | null;
  /** Evaluates the lens bundle and returns its start function. */
  loadLens: () => Promise<StartLens>;
  doc?: Document;
}

/** How long a selection must stay before the lens is loaded for it (the note button follows). */
const SELECTION_DELAY_MS = 150;

/** What the top frame answers before (or without) the lens: a page with nothing on it. */
function emptyAnswer(type: TabRequestType): TabDataFor<TabRequestType> {
  switch (type) {
    case 'lens/summary':
      return { url: location.href, terms: [], quotes: [] };
    case 'lens/quotations':
      return { url: location.href, title: '', blocks: [] };
    case 'lens/orphan-notes':
      return { noteIds: [] };
    case 'lens/compose-note':
      return { opened: false };
    case 'lens/notes-changed':
      return { reloaded: false };
    case 'lens/draft-event':
      return { handled: false };
    default:
      return { found: false };
  }
}

/** Resolves once the document's body has a child (at once when it has one already). */
function firstContent(doc: Document): Promise<void> {
  if (doc.body?.firstChild) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!doc.body?.firstChild) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(doc, { childList: true, subtree: true });
  });
}

export function startLoader(options: LoaderOptions): void {
  const doc = options.doc ?? document;
  const { protocol } = doc.location;
  if (protocol !== 'http:' && protocol !== 'https:' && !doc.body?.firstChild) {
    // An empty about:blank or srcdoc frame (a placeholder the page may fill later, if ever: ad and
    // comment frames) does nothing until content arrives: not even read the top window or the
    // extension's API, each of which costs the page's main thread milliseconds in a new frame.
    void firstContent(doc).then(() => startLoader(options));
    return;
  }
  const browser = extensionApi();
  const win = doc.defaultView ?? window;
  const isTopFrame = win === win.top;
  const requests = loaderRequests(options.transport);
  let lens: Promise<StartedLens> | null = null;
  let probe: PageProbe | null = null;
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  let unwatchSettings: (() => void) | null = null;

  /**
   * The host name of the page the reader sees, which the per-site switch is about: the top frame's
   * own; for a frame, the one the browser reported to the background of the frame's tab (a page
   * can forge nothing of it); failing that (Firefox), the top window's if this frame may read it.
   */
  let topHost: Promise<string | null> | null = null;
  const topHostname = (): Promise<string | null> => {
    topHost ??= (async () => {
      if (isTopFrame && /^https?:$/u.test(win.location.protocol)) return win.location.hostname;
      const told = await requests.topHostname();
      if (told !== null) return told;
      try {
        return webHostname(win.top?.location.href ?? '');
      } catch {
        // Another origin's window: its address is not this frame's to read.
        return null;
      }
    })();
    return topHost;
  };
  // Asked only when some site is off: most readers turn none off, and a frame then asks nothing.
  const isOff = async (settings: Settings): Promise<boolean> => settings.disabledSites.length > 0 && isPageOff(settings, await topHostname());

  const stopWatching = (): void => {
    probe?.stop();
    probe = null;
    clearTimeout(selectionTimer);
    doc.removeEventListener('selectionchange', onSelectionChange);
  };

  const ensureLens = (reason: LoadReason): Promise<StartedLens> => {
    if (!lens) {
      lens = (async () => {
        stopWatching();
        unwatchSettings?.();
        unwatchSettings = null;
        traceMark('tifa-lens:load-lens', { reason });
        const [start, site] = await Promise.all([options.loadLens(), topHostname()]);
        return start({ prefilter: options.prefilter(), topHostname: site });
      })();
      // Said once here; a tab message waiting on it gets the error as its answer.
      void lens.catch((error: unknown) => console.error('Tifa Lens could not load its lens:', error));
    }
    return lens;
  };

  function onSelectionChange(): void {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => {
      // Text selected in a field is the page's business, not a note (the lens's button ignores it too).
      const active = doc.activeElement;
      if (active && (active.localName === 'input' || active.localName === 'textarea' || (active as HTMLElement).isContentEditable)) return;
      const selection = doc.getSelection();
      if (selection && !selection.isCollapsed && selection.toString().trim() !== '') void ensureLens('selection');
    }, SELECTION_DELAY_MS);
  }

  const look = async (): Promise<void> => {
    probe = new PageProbe(doc, { prefilter: options.prefilter, ...(options.gate ? { gate: options.gate } : {}), onMaybe: () => void ensureLens('text') });
    doc.addEventListener('selectionchange', onSelectionChange);
    const report = await probe.start();
    if (report.maybe || lens) return;
    // Nothing to show: the lens would have marked this (tests and benchmarks wait for it).
    traceMark('tifa-lens:ready', { entries: [], quoted: [], terms: 0, quotes: 0 });
    if (isTopFrame) void whenShown(doc).then(() => requests.reportNoTerms(location.href));
    await lookForNotes();
  };

  /** Loads the lens when the page has notes (it paints them). */
  const lookForNotes = async (): Promise<boolean> => {
    // Notes belong to web pages: an about:blank or srcdoc frame has none of its own.
    if (!/^https?:$/u.test(location.protocol)) return false;
    const count = await requests.pageNoteCount(location.href);
    if (count === 0 || lens) return false;
    void ensureLens('notes');
    return true;
  };

  if (isTopFrame) {
    browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
      // Only the extension itself talks to its content scripts.
      if (sender.id !== browser.runtime.id) return false;
      const head = readTabRequestHead(message);
      if (!head) return false;
      void answer(head, message).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : 'Failed.' }));
      return true;
    });
  }

  /** `head` is what the loader reads of `message`; the lens, if loaded, validates all of it. */
  async function answer(head: TabRequestHead, message: unknown): Promise<TabResponseFor<TabRequestType>> {
    // A note from the context menu needs the composer, whatever the page holds.
    if (head.type === 'lens/compose-note') void ensureLens('tab-message');
    // Let the first look finish, so a popup opened early still sees the page's terms.
    await firstLook;
    if (head.type === 'lens/notes-changed' && !lens) {
      // A note written elsewhere (the popup, another tab) may be this page's first: the lens paints it.
      const concerned = notesChangeConcerns(head.pages, location.href);
      return { ok: true, data: { reloaded: concerned && probe !== null && (await lookForNotes()) } };
    }
    const started = lens ? await lens : null;
    if (started?.handleTabRequest) return started.handleTabRequest(message);
    return { ok: true, data: emptyAnswer(head.type) };
  }

  const firstLook = (async () => {
    // A frame with an empty body waits for content before it reads anything (an empty
    // about:blank one has waited already, before it even looked at the top window).
    if (!isTopFrame) await firstContent(doc);
    const area = browser.storage.local;
    const settings = await readSettings(area);
    // On a disabled site nothing is probed until the reader enables it again; the lens, once
    // loaded, follows the settings itself.
    let latest = 0;
    unwatchSettings = watchSettings(area, (next) => {
      if (lens) return;
      const change = ++latest;
      void isOff(next).then((off) => {
        // Only the latest settings count (an earlier answer may arrive after a later one).
        if (lens || change !== latest) return;
        if (off) stopWatching();
        else if (!probe) void look();
      });
    });
    if (!(await isOff(settings))) await look();
  })();
}
