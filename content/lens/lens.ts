// The lens, started by the content script's loader (content/loader/loader.ts) in a frame that needs it:
// the page layer, the term card, the notes, the badge report and the answers to the messages the
// popup and the keyboard commands send to the page. Each frame runs its own; only the top frame
// reports to the badge and answers tab messages (through the loader, which receives them).

import { browser } from 'wxt/browser';
import { GLOSSARY_KEY } from '../../assets/generated/glossary-key';
import { traditionalRegionFor } from '../../lib/card/page-script';
import type { CardData } from '../../lib/card/types';
import type { CompiledGlossary } from '../../lib/glossary/types';
import type { Match } from '../../lib/match/index';
import { createRequestClient } from '../../lib/protocol/client';
import type { SendRequest } from '../../lib/protocol/client';
import { isFormEnabled, isPageOff, readSettings, watchSettings } from '../../lib/settings/index';
import type { Settings } from '../../lib/settings/index';
import { validateTabRequest } from '../../lib/protocol/tab-messages';
import type { TabDataFor, TabRequest, TabRequestType, TabResponseFor } from '../../lib/protocol/tab-messages';
import type { LensStart, StartedLens, TabRequestHandler } from '../shared/lens-handoff';
import type { Lens } from './lens-state';
import { createCardHost } from './card/card-host';
import type { CardHost } from './card/card-host';
import { browserSpeech } from './card/card-speech';
import { fetchedGlossary } from './lazy-glossary';
import type { LazyGlossary } from './lazy-glossary';
import { applyHighlightStyle } from './page-layer/highlight-style-sheet';
import { startPageLayer } from './page-layer/page-layer';
import type { PageLayer } from './page-layer/page-layer';
import { startNotesLayer } from './notes/notes-layer';
import type { NotesLayer } from './notes/notes-layer';
import { langAt } from './card/page-lang';
import { fidelityAt, lazyAlignCorpus, quotedBlocks } from './card/quote-context';
import type { AlignCorpus } from '../../lib/quote/index';
import { onTermActivate, onTermLeave } from './term-events';
import { whenShown } from '../shared/page-shown';
import type { TermHit } from './term-events';

/** How long the page must stay unchanged before its terms are reported again. */
const REPORT_DELAY_MS = 400;

function cardDataFor(hit: TermHit, glossary: CompiledGlossary, alignCorpus: () => AlignCorpus): CardData | null {
  const found = hit.range.toString();
  const lang = langAt(hit.range.startContainer);
  if (hit.kind === 'quote') {
    const source = hit.match.source;
    if (!source) return null;
    const traditional = traditionalRegionFor({ lang, quote: { found, quoteVariants: glossary.quoteVariants } });
    // Aligned now, for this quotation only: pages pay for the alignments their readers open.
    const fidelity = fidelityAt(alignCorpus(), hit.range);
    return {
      kind: 'quote',
      found,
      source: { doc: source.doc, block: source.para, start: source.start, end: source.end, occurrences: source.occurrences },
      ...(traditional ? { traditional } : {}),
      ...(fidelity ? { fidelity } : {}),
    };
  }
  const entry = glossary.entries[hit.match.entry];
  if (!entry) return null;
  // Cite a sentence of running text first, not a title or byline the term also appears in.
  const inParagraph = entry.occurrences.findIndex(([doc, block]) => glossary.documents[doc]?.blocks[block]?.role === 'paragraph');
  const traditional = traditionalRegionFor({ lang, script: hit.match.script ?? 'hans' });
  return { kind: 'term', entry, found, occurrence: Math.max(inParagraph, 0), ...(traditional ? { traditional } : {}) };
}

/** The box of the match's first line, read afresh so the card follows the page. */
function anchorOf(range: Range): () => { left: number; top: number; right: number; bottom: number } | null {
  return () => {
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return rect.width === 0 && rect.height === 0 ? null : rect;
  };
}

/** Reports the page's terms (badge, reading history) after each scan, once the reader sees the page. */
function reportTerms(pageLayer: () => PageLayer, sendRequest: SendRequest): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const shown = whenShown(document);
  let waiting = false;
  const send = (): void => {
    const terms = pageLayer()
      .summary()
      .entries.map((e) => ({ entryId: e.id, count: e.count }));
    void sendRequest({ type: 'page/terms', url: location.href, terms });
    if (terms.length > 0) void sendRequest({ type: 'encounters/record', url: location.href, title: document.title.slice(0, 500), terms });
  };
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A prerendered page reports once, when shown, what it holds then.
      if (waiting) return;
      waiting = true;
      void shown.then(() => {
        waiting = false;
        send();
      });
    }, REPORT_DELAY_MS);
  };
}

function tabRequestHandler(lens: Lens, notes: NotesLayer): TabRequestHandler {
  const glossary = (): CompiledGlossary => lens.glossary.get();
  const revealed = (hit: TermHit | null): { found: boolean } => ({ found: hit !== null });
  const handlers: { [T in TabRequestType]: (request: Extract<TabRequest, { type: T }>) => TabDataFor<T> | Promise<TabDataFor<T>> } = {
    'lens/next-term': () => revealed(lens.pageLayer.nextTerm()),
    'lens/previous-term': () => revealed(lens.pageLayer.previousTerm()),
    'lens/reveal-term': async (request) => {
      const entry = (await lens.glossary.load()).entries.findIndex((e) => e.id === request.entryId);
      return revealed(entry < 0 ? null : lens.pageLayer.scrollToEntry(entry));
    },
    'lens/orphan-notes': () => notes.orphanNotes(),
    'lens/compose-note': (request) => notes.composeNote(request.text),
    'lens/notes-changed': (request) => notes.notesChanged(request.pages),
    'lens/draft-event': (request) => notes.draftEvent(request.draft),
    'lens/quotations': () => ({ url: location.href, title: document.title.slice(0, 500), blocks: quotedBlocks(lens.pageLayer.quotes()) }),
    'lens/summary': async () => {
      const summary = lens.pageLayer.summary();
      // Quotes name their document, which the glossary holds (loaded already wherever there are quotes).
      if (summary.quoted.length > 0) await lens.glossary.load();
      return {
        url: location.href,
        terms: summary.entries.map((e) => ({ entryId: e.id, count: e.count })),
        quotes: summary.quoted.map((q) => ({
          doc: glossary().documents[q.doc]?.id ?? String(q.doc),
          block: q.para,
          start: q.start,
          end: q.end,
          count: q.count,
        })),
      };
    },
  };
  async function run<T extends TabRequestType>(request: Extract<TabRequest, { type: T }>): Promise<TabResponseFor<T>> {
    const handler = handlers[request.type] as (r: typeof request) => TabDataFor<T> | Promise<TabDataFor<T>>;
    return { ok: true, data: await handler(request) };
  }
  return async (message) => {
    const checked = validateTabRequest(message);
    if (!checked.ok) return { ok: false, error: checked.error };
    // Let the first scan finish, so a popup opened early still sees the page's terms.
    await lens.pageLayer.ready;
    return run(checked.value);
  };
}

/** The matches the reader's settings ask for: their scripts and categories. */
function keepFor(settings: Settings, glossary: LazyGlossary): ((match: Match) => boolean) | undefined {
  const all = Object.values(settings.scripts).every(Boolean) && Object.values(settings.categories).every(Boolean);
  if (all) return undefined;
  return (match) => {
    if (match.kind === 'quote') return true;
    const category = glossary.get().entries[match.entry]?.category;
    return category !== undefined && isFormEnabled(settings, category, match.script ?? 'hans');
  };
}

/** The glossary as the background serves it (JSON), fetched the first time something needs it. */
function backgroundGlossary(sendRequest: SendRequest): LazyGlossary {
  return fetchedGlossary(GLOSSARY_KEY, async () => {
    const response = await sendRequest({ type: 'glossary/json' });
    if (!response.ok) throw new Error(response.error);
    return response.data.json;
  });
}

/**
 * Starts Tifa Lens in this frame. On a site the reader disabled nothing is scanned or shown, until
 * they enable it again. Settings changed on the options page or in the popup apply at once: the
 * page layer starts over with them.
 */
export async function startLens({ prefilter, topHostname }: LensStart): Promise<StartedLens> {
  // The frame's one client of the background: every request and answer validated.
  const sendRequest = createRequestClient((message) => browser.runtime.sendMessage(message));
  const glossary = backgroundGlossary(sendRequest);
  const area = browser.storage.local;
  const settings = await readSettings(area);
  const isTopFrame = window === window.top;
  const card = createCardHost({
    // Read when a card shows a source, not before.
    get documents() {
      return glossary.get().documents;
    },
    get traditional() {
      return glossary.get().traditional;
    },
    sourcePageUrl: browser.runtime.getURL('/source.html'),
    onOpenSource: (url) => void sendRequest({ type: 'source/open', url }),
    speech: browserSpeech(),
  });
  const report = reportTerms(() => lens.pageLayer, sendRequest);
  const launch = (current: Settings): PageLayer => {
    if (isPageOff(current, topHostname)) return idlePageLayer();
    applyHighlightStyle(current.highlightStyle);
    const pageLayer = startPageLayer(glossary, document, {
      keep: keepFor(current, glossary),
      prefilter,
      trigger: () => lens.settings.cardTrigger,
      serializedMatcher: async () => {
        const response = await sendRequest({ type: 'matcher/serialized' });
        return response.ok ? response.data : null;
      },
    });
    if (isTopFrame) {
      void pageLayer.ready.then(report);
      pageLayer.onChange(report);
    }
    return pageLayer;
  };
  const lens: Lens = { pageLayer: launch(settings), settings, card, glossary, sendRequest, isTopFrame, topHostname };

  const alignCorpus = lazyAlignCorpus(() => glossary.get());
  onTermActivate((hit) => {
    const data = cardDataFor(hit, glossary.get(), alignCorpus);
    if (data) card.openCard(data, anchorOf(hit.range), { focus: hit.via === 'keyboard' });
  });
  onTermLeave(() => card.scheduleClose());
  const notes = startNotesLayer(lens);

  watchSettings(area, (next) => {
    const previous = lens.settings;
    lens.settings = next;
    const rescan =
      JSON.stringify([previous.scripts, previous.categories, isPageOff(previous, topHostname)]) !==
      JSON.stringify([next.scripts, next.categories, isPageOff(next, topHostname)]);
    if (!rescan) {
      applyHighlightStyle(next.highlightStyle);
      return;
    }
    card.closeCard();
    lens.pageLayer.stop();
    lens.pageLayer = launch(next);
    if (isTopFrame && isPageOff(next, topHostname)) report();
  });
  return { handleTabRequest: isTopFrame ? tabRequestHandler(lens, notes) : null };
}

/** The page layer of a disabled site: nothing found, nothing to step through. */
function idlePageLayer(): PageLayer {
  return {
    ready: Promise.resolve(),
    nextTerm: () => null,
    previousTerm: () => null,
    scrollToEntry: () => null,
    summary: () => ({ entries: [], quoted: [], terms: 0, quotes: 0 }),
    quotes: () => [],
    onChange: () => () => {},
    stop: () => {},
  };
}
