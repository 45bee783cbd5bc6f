// The background's message router: checks the sender, validates the request, runs its handler
// (reopening the database once if the connection was closed under it) and always answers with
// `{ ok: true, data }` or `{ ok: false, error }`.

import type { GlossaryLike } from '../lib/notes/citation';
import type { Note } from '../lib/notes/types';
import type { TabRequestOf } from '../lib/protocol/tab-messages';
import { errorOf, validateRequest } from '../lib/protocol/messages';
import type { DataFor, Request, RequestOf, RequestType, Response } from '../lib/protocol/messages';
import { commitImport, exportData, previewImport, readBackup } from './backup';
import { StoreError } from './context';
import type { StoreContext } from './context';
import { clearEncounters, listEncounters, recordEncounters } from './encounters-store';
import type { Draft, DraftStore } from './note-drafts';
import { createNote, deleteNote, listNotes, notesForPage, restoreNote, searchNotes, updateNote } from './notes-store';
import { authorize, DEFAULT_PREFS } from './permissions';
import type { StoragePrefs } from './permissions';
import { withReopen } from './reopen';
import { webHostname } from '../lib/settings/sites';
import { classifySender } from './senders';
import type { Self, SenderInfo } from './senders';
import type { TabTerms } from './tab-terms';

export interface RouterDeps {
  ctx: StoreContext;
  self: Self;
  glossary: GlossaryLike;
  tabs: TabTerms;
  /** The glossary's serialized matcher, handed to the content scripts that need it. */
  matcher: { key: string; gzipBase64: string };
  /** The compiled glossary as JSON, likewise. */
  glossaryJson: string;
  /** Opens a URL in a new tab next to the sender's (the source viewer). */
  openTab: (url: string, besideTabId: number | null) => Promise<void>;
  /**
   * After notes were written: tells the open pages (all but `fromTab`, which wrote them and knows),
   * naming the pages whose notes changed, or none when any may have (an import).
   */
  notesChanged?: (pages: string[] | undefined, fromTab: number | null) => void;
  /** The notes being written in note frames. */
  drafts?: DraftStore;
  /** Sends a message to one frame of a tab (a note frame's news, to the content script that framed it). */
  tellFrame?: (tabId: number, frameId: number, message: TabRequestOf<'lens/draft-event'>) => Promise<boolean>;
  /** The reader's choices about what is stored (the settings); the defaults when not given. */
  prefs?: () => Promise<StoragePrefs>;
  /** Where unexpected errors are reported (not the reader's mistakes); console.error by default. */
  log?: (message: string, error: unknown) => void;
}

interface Meta {
  tabId: number | null;
  frameId: number | null;
  topUrl: string | null;
  /** The sender's own page, as the browser reports it (senders.ts). */
  pageUrl: string | null;
}

type Handlers = { [T in RequestType]: (request: RequestOf<T>, meta: Meta) => Promise<DataFor<T>> };

function handlers({ ctx, glossary, tabs, self, openTab, matcher, glossaryJson, notesChanged, prefs, drafts, tellFrame }: RouterDeps): Handlers {
  const viewer = `${self.origin}/source.html`;
  const entryIds: ReadonlySet<string> = new Set(glossary.entries.map((e) => e.id));
  /** The draft a note frame asks for: one opened from its own tab. */
  async function draftOf(token: string, meta: Meta): Promise<Draft> {
    const draft = drafts && meta.tabId !== null ? await drafts.get(token, meta.tabId) : null;
    if (!draft) throw new StoreError('This note was closed or has expired; open the note again.');
    return draft;
  }
  /** A written note, once the open pages were told. */
  const told = (note: Note, meta: Meta): { note: Note } => {
    notesChanged?.([note.url], meta.tabId);
    return { note };
  };
  return {
    'notes/create': async (r, meta) => told(await createNote(ctx, r.draft), meta),
    'notes/update': async (r, meta) => told(await updateNote(ctx, r.id, r.changes), meta),
    'notes/delete': async (r, meta) => told(await deleteNote(ctx, r.id), meta),
    'notes/restore': async (r, meta) => told(await restoreNote(ctx, r.id), meta),
    'notes/list': async (r) => ({ notes: await listNotes(ctx, r.filter) }),
    'notes/for-page': async (r) => notesForPage(ctx, r.url),
    'notes/count-for-page': async (r) => ({ count: (await notesForPage(ctx, r.url)).notes.length }),
    'notes/draft-open': async (r, meta) => {
      if (!drafts || meta.tabId === null || meta.frameId === null || meta.pageUrl === null)
        throw new StoreError('A note can be written only on a page in a tab.');
      const draft = await drafts.open(r.context, { tabId: meta.tabId, frameId: meta.frameId, url: meta.pageUrl });
      return { token: draft.token };
    },
    'notes/draft-context': async (r, meta) => {
      const draft = await draftOf(r.token, meta);
      return { quote: draft.quote, title: draft.title };
    },
    'notes/draft-save': async (r, meta) => {
      const draft = await draftOf(r.token, meta);
      const note = await createNote(ctx, {
        id: draft.noteId,
        url: draft.url,
        title: draft.title,
        ref: draft.ref,
        selectors: draft.selectors,
        body: r.body,
        tags: r.tags,
      });
      // The draft is kept (until it expires): a second save of the same note finds it saved. The
      // framing page hears of it from the frame (notes/draft-event), which closes once the keys are up.
      notesChanged?.([note.url], draft.tabId);
      return { note };
    },
    'notes/draft-event': async (r, meta) => {
      // A frame whose draft was forgotten (expired, the worker's session lost) can still be closed:
      // drafts are opened from a tab's top frame, which drops a token it does not show.
      if (r.draft.event === 'cancel' && meta.tabId !== null && !(drafts && (await drafts.get(r.draft.token, meta.tabId)))) {
        return { sent: (await tellFrame?.(meta.tabId, 0, { type: 'lens/draft-event', draft: r.draft })) ?? false };
      }
      const draft = await draftOf(r.draft.token, meta);
      if (r.draft.event === 'cancel') await drafts?.close(draft.token);
      // Saved is said by the frame only once its note is stored.
      if (r.draft.event === 'saved' && (await ctx.db.notes.get(draft.noteId)) === undefined) throw new StoreError('This note has not been saved.');
      return { sent: (await tellFrame?.(draft.tabId, draft.frameId, { type: 'lens/draft-event', draft: r.draft })) ?? false };
    },
    'notes/search': async (r) => ({ notes: await searchNotes(ctx, r.query, r.limit) }),
    'encounters/record': async (r) => {
      // The reader turned the history off: the page is told nothing was kept, not that it failed.
      if (!(await (prefs?.() ?? Promise.resolve(DEFAULT_PREFS))).readingHistory) return { recorded: 0 };
      // Only the glossary's entries: a page cannot fill the history with names of its own.
      if (r.terms.some((t) => !entryIds.has(t.entryId))) throw new StoreError('Not a glossary entry: nothing was recorded.');
      return { recorded: await recordEncounters(ctx, r.url, r.title, r.terms) };
    },
    'encounters/list': async (r) => ({ encounters: await listEncounters(ctx, r.filter) }),
    'encounters/clear': async () => ({ removed: await clearEncounters(ctx) }),
    'backup/export': async (r) => {
      const file = await exportData(ctx, r.format, glossary, { includeEncounteredTerms: r.includeEncounteredTerms ?? false });
      return { filename: file.filename, mimeType: file.mimeType, text: file.parts.join('') };
    },
    'backup/import-preview': async (r) => ({ summary: await previewImport(ctx, readBackup(r.text)) }),
    'backup/import-commit': async (r, meta) => {
      const summary = await commitImport(ctx, readBackup(r.text));
      notesChanged?.(undefined, meta.tabId);
      return { summary };
    },
    'page/terms': async (r, meta) => {
      if (meta.tabId === null) throw new StoreError('page/terms must come from a tab.');
      return { badge: await tabs.report(meta.tabId, r.url, r.terms) };
    },
    'page/terms-for-tab': async (r) => {
      const report = await tabs.get(r.tabId);
      return report ? { url: report.url, terms: report.terms } : { url: null, terms: [] };
    },
    'source/open': async (r, meta) => {
      // Only the viewer itself: a content script must not become a way to open arbitrary tabs.
      if (r.url !== viewer && !r.url.startsWith(`${viewer}?`) && !r.url.startsWith(`${viewer}#`)) {
        throw new StoreError('Only the Tifa Lens source viewer can be opened.');
      }
      await openTab(r.url, meta.tabId);
      return { opened: true };
    },
    'matcher/serialized': async () => matcher,
    'glossary/json': async () => ({ json: glossaryJson }),
    'frame/top-site': async (_r, meta) => ({ hostname: meta.topUrl === null ? null : webHostname(meta.topUrl) }),
  };
}

export interface Router {
  /** Never rejects. */
  handleMessage(message: unknown, sender: SenderInfo): Promise<Response>;
}

export function createRouter(deps: RouterDeps): Router {
  const table = handlers(deps);
  const log = deps.log ?? ((message, error) => console.error(message, error));

  // Correlates a request with its own handler (TypeScript cannot follow that through a union).
  function run<T extends RequestType>(request: RequestOf<T>, meta: Meta): Promise<DataFor<T>> {
    const handler: Handlers[T] = table[request.type];
    return handler(request, meta);
  }

  async function answer(message: unknown, senderInfo: SenderInfo): Promise<Response> {
    const sender = classifySender(senderInfo, deps.self);
    if (!sender.ok) return { ok: false, error: sender.error };
    const checked = validateRequest(message);
    if (!checked.ok) return { ok: false, error: checked.error };
    const prefs = deps.prefs ?? (() => Promise.resolve(DEFAULT_PREFS));
    let request: Request;
    try {
      const decided = await authorize(checked.value, sender, prefs);
      if (!decided.ok) return { ok: false, error: decided.error };
      request = decided.request;
    } catch (error) {
      log('Tifa Lens: the settings could not be read', error);
      return { ok: false, error: 'Tifa Lens could not read its settings.' };
    }
    try {
      const data = await withReopen(deps.ctx.db, () =>
        run(request, { tabId: sender.tabId, frameId: sender.frameId, topUrl: sender.topUrl, pageUrl: sender.pageUrl }),
      );
      // The data belongs to the request's own type: `run` is typed by it.
      return { ok: true, data } as Response;
    } catch (error) {
      if (!(error instanceof StoreError)) log(`Tifa Lens: "${request.type}" failed`, error);
      return { ok: false, error: errorOf(error) };
    }
  }

  return {
    async handleMessage(message, senderInfo) {
      // The validator never throws; should anything else, the sender still gets an answer.
      try {
        return await answer(message, senderInfo);
      } catch {
        return { ok: false, error: 'The message could not be handled.' };
      }
    },
  };
}
