// Wires the popup: the database's live views, the tab's report, the settings and the actions.
// Popup only renders; everything it shows is gathered here and every click comes back here.

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { glossary } from '../../assets/generated/glossary';
import { defaultContext } from '../../background/context';
import { getDb } from '../../background/db';
import { noteLink } from '../../lib/notes/fragment';
import { Popup } from '../../components/popup/Popup';
import type { ActionResult, EncounterStats, PageState } from '../../components/popup/types';
import type { GlossaryEntry } from '../../lib/glossary/types';
import type { Note } from '../../lib/notes/types';
import { isWebPageUrl, normalizePageUrl } from '../../lib/notes/url';
import { createRequestClient } from '../../lib/protocol/client';
import { defaultSettings } from '../../lib/settings/defaults';
import { disabledRuleFor, setSiteDisabled } from '../../lib/settings/sites';
import { createSettingsStore } from '../../lib/settings/storage';
import { sourceUrl } from '../../lib/source/url';
import { noteActions } from './actions';
import { watchDatabase } from './live-data';
import { loadTabReport, sameReport } from './page-state';
import type { TabReport } from './page-state';
import { orphanNotes, quotedPage, revealTerm, tellTabsNotesChanged } from './tab-messages';
import { briefFilename, briefMarkdown, lazyCorpus, localDate, pageQuotations } from './page-brief';
import type { QuotedPage } from './page-brief';
import type { BriefQuotation } from '../../lib/brief/index';
import { downloadParts } from './download';
import '../../assets/theme.css';
import './style.css';

const REPORT_REFRESH_MS = 2000;

const { documents, entries } = glossary;
const root = document.getElementById('app');
const sendRequest = createRequestClient((message) => browser.runtime.sendMessage(message));
const settings = createSettingsStore(browser.storage.local);
const actions = noteActions(sendRequest, { ctx: defaultContext(getDb()), glossary, notesChanged: () => void tellTabsNotesChanged() });
const viewer = browser.runtime.getURL('/source.html');

let report: TabReport | null = null;
let notes: Note[] | undefined;
let met: EncounterStats | undefined;
let orphans: ReadonlySet<string> = new Set();
let problem: string | null = null;
/** The page's quotations, aligned again only when the text around them changed. */
let quoted: { key: string; page: QuotedPage; quotations: BriefQuotation[] } | null = null;
const alignCorpus = lazyCorpus(glossary);

function sourceHref(entry: GlossaryEntry): string {
  const first = entry.occurrences[0];
  const doc = first ? documents[first[0]] : undefined;
  if (!first || !doc) return viewer;
  const [, block, start, end] = first;
  return sourceUrl(viewer, documents, { doc: doc.id, block, range: { start, end }, term: entry.id });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function pageState(): PageState {
  if (!report) return { kind: 'loading' };
  if (report.url === null) return { kind: 'unavailable' };
  const host = hostOf(report.url);
  const current = settings.current() ?? defaultSettings();
  return {
    kind: 'page',
    url: report.url,
    host,
    terms: report.terms,
    disabledBy: host ? disabledRuleFor(current, host) : null,
    // What another address of the tab quoted is not this page's.
    ...(quoted && normalizePageUrl(quoted.page.url) === normalizePageUrl(report.url) ? { quotations: quoted.quotations } : {}),
  };
}

/** Asks the page for the text around its quotations and aligns it (only when it changed). */
async function refreshQuotations(tabId: number): Promise<boolean> {
  const page = await quotedPage(tabId);
  if (!page) return false;
  const key = JSON.stringify([page.url, page.title, page.blocks]);
  if (quoted?.key === key) return false;
  quoted = { key, page, quotations: pageQuotations(page, alignCorpus(), glossary) };
  return true;
}

/** The brief of the tab's page, as Markdown, with its file name; or why there is none. */
async function brief(): Promise<{ ok: true; text: string; filename: string } | { ok: false; error: string }> {
  const tabId = report?.tabId;
  const url = report?.url;
  if (typeof tabId !== 'number' || !url) return { ok: false, error: 'this tab shows no web page.' };
  await refreshQuotations(tabId);
  const page = quoted?.page ?? { url, title: '', blocks: [] };
  const notesAnswer = await sendRequest({ type: 'notes/for-page', url });
  if (!notesAnswer.ok) return { ok: false, error: notesAnswer.error };
  const readOn = localDate(new Date());
  const text = briefMarkdown({ ...page, url }, report?.terms ?? [], notesAnswer.data.notes, readOn, alignCorpus(), glossary);
  return { ok: true, text, filename: briefFilename(url, readOn) };
}

async function copyBrief(): Promise<ActionResult> {
  const made = await brief();
  if (!made.ok) return made;
  try {
    await navigator.clipboard.writeText(made.text);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function downloadBrief(): Promise<ActionResult> {
  const made = await brief();
  if (!made.ok) return made;
  downloadParts(made.filename, 'text/markdown', [made.text]);
  return { ok: true };
}

async function toggleSite(disabled: boolean): Promise<ActionResult> {
  const host = report?.url ? hostOf(report.url) : '';
  if (!host) return { ok: false, error: 'This tab has no site.' };
  try {
    await settings.update((s) => setSiteDisabled(s, host, disabled));
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function draw(): void {
  if (!root) return;
  render(
    <>
      {problem !== null && (
        <p class="error problem" role="alert">
          Your notes could not be read: {problem}
        </p>
      )}
      <Popup
        entries={entries}
        page={pageState()}
        notes={notes}
        met={met}
        orphanIds={orphans}
        cardTrigger={(settings.current() ?? defaultSettings()).cardTrigger}
        sampleHref={viewer}
        sourceHref={sourceHref}
        onRevealTerm={(entryId) => {
          const tabId = report?.tabId;
          if (typeof tabId === 'number') void revealTerm(tabId, entryId);
        }}
        onSetSiteDisabled={toggleSite}
        onCopyBrief={copyBrief}
        onDownloadBrief={downloadBrief}
        onOpenNote={(note) => {
          if (isWebPageUrl(note.url)) void browser.tabs.create({ url: noteLink(note) });
        }}
        onSaveNote={actions.save}
        onDeleteNote={actions.delete}
        onRestoreNote={actions.restore}
        onExport={actions.export}
        onPreviewImport={actions.previewImport}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />
    </>,
    root,
  );
}

async function refreshReport(): Promise<void> {
  const next = await loadTabReport(sendRequest, window.location.search);
  const aligned = next.tabId !== null && next.terms !== null ? await refreshQuotations(next.tabId) : false;
  if (report && sameReport(report, next) && !aligned) return;
  report = next;
  if (next.tabId !== null && next.terms !== null) orphans = await orphanNotes(next.tabId);
  draw();
}

watchDatabase(getDb(), {
  notes(next) {
    notes = next;
    draw();
  },
  met(next) {
    met = next;
    draw();
  },
  error(message) {
    problem = message;
    notes ??= [];
    met ??= new Map();
    draw();
  },
});
settings.subscribe(draw);
void settings.load();
void refreshReport();
// The page keeps scanning as it changes; the popup follows while it is open.
setInterval(() => void refreshReport(), REPORT_REFRESH_MS);
draw();
