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
import { isWebPageUrl } from '../../lib/notes/url';
import { createRequestClient } from '../../lib/protocol/client';
import { defaultSettings } from '../../lib/settings/defaults';
import { disabledRuleFor, setSiteDisabled } from '../../lib/settings/sites';
import { createSettingsStore } from '../../lib/settings/storage';
import { sourceUrl } from '../../lib/source/url';
import { noteActions } from './actions';
import { watchDatabase } from './live-data';
import { loadTabReport, sameReport } from './page-state';
import type { TabReport } from './page-state';
import { orphanNotes, revealTerm, tellTabsNotesChanged } from './tab-messages';
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
  return { kind: 'page', url: report.url, host, terms: report.terms, disabledBy: host ? disabledRuleFor(current, host) : null };
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
  if (report && sameReport(report, next)) return;
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
