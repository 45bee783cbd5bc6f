import { useState } from 'preact/hooks';
import type { BriefQuotation } from '../../lib/brief/types';
import type { GlossaryEntry } from '../../lib/glossary/types';
import { VERDICT_WORDS } from '../../lib/quote/view';
import type { Note } from '../../lib/notes/types';
import { count } from './format';
import { NoteItem } from './NoteItem';
import type { NoteEdit } from './NoteEditor';
import type { ActionResult, PageState } from './types';

export interface ThisPagePanelProps {
  page: PageState;
  /** The notes of this page, oldest first; undefined while loading. */
  notes: readonly Note[] | undefined;
  /** Notes whose text the page no longer has. */
  orphanIds: ReadonlySet<string>;
  entries: ReadonlyMap<string, GlossaryEntry>;
  /** Scrolls the page to the term's next occurrence and flashes it. */
  onRevealTerm(entryId: string): void;
  onSetSiteDisabled(disabled: boolean): Promise<ActionResult>;
  onSaveNote(id: string, changes: NoteEdit): Promise<ActionResult>;
  onDeleteNote(note: Note): void;
  /** The analyst's brief of the page (Markdown): to the clipboard, or saved as a file. */
  onCopyBrief?: () => Promise<ActionResult>;
  onDownloadBrief?: () => Promise<ActionResult>;
}

function SiteSwitch({
  host,
  disabledBy,
  onSetSiteDisabled,
}: {
  host: string;
  disabledBy: string | null;
  onSetSiteDisabled: ThisPagePanelProps['onSetSiteDisabled'];
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const off = disabledBy !== null;

  async function toggle(): Promise<void> {
    setBusy(true);
    const result = await onSetSiteDisabled(!off);
    setBusy(false);
    setError(result.ok ? null : `Could not change the setting: ${result.error}`);
  }

  return (
    <div class="site-switch">
      <p aria-live="polite">
        {off ? (
          <>
            Tifa Lens is <strong>off</strong> on {host}
            {disabledBy !== host && ` (by the rule for ${disabledBy})`}.
          </>
        ) : (
          <>Tifa Lens is on for {host}.</>
        )}
      </p>
      <button type="button" disabled={busy} onClick={() => void toggle()}>
        {off ? 'Enable on this site' : 'Disable on this site'}
      </button>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Terms({ page, entries, onRevealTerm }: Pick<ThisPagePanelProps, 'entries' | 'onRevealTerm'> & { page: Extract<PageState, { kind: 'page' }> }) {
  if (page.disabledBy !== null) return null;
  if (page.terms === null) {
    return <p class="muted">No terms reported for this page yet. If it was open before Tifa Lens started, reload it.</p>;
  }
  const known = page.terms.flatMap((t) => {
    const entry = entries.get(t.entryId);
    return entry ? [{ entry, count: t.count }] : [];
  });
  if (known.length === 0) return <p class="muted">No term of the glossary on this page.</p>;
  const total = known.reduce((n, t) => n + t.count, 0);
  return (
    <section aria-labelledby="page-terms-heading">
      <h2 id="page-terms-heading">
        {count(known.length, 'term', 'terms')} on this page <span class="muted">({total} in all)</span>
      </h2>
      <p class="hint muted">Choose a term to scroll to its next occurrence.</p>
      <ul class="term-list">
        {known.map(({ entry, count: n }) => (
          <li key={entry.id}>
            <button
              type="button"
              class="term"
              onClick={() => onRevealTerm(entry.id)}
              onKeyDown={(e) => {
                // Enter reveals at once, and only once: the click it would also cause is prevented.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  onRevealTerm(entry.id);
                }
              }}
            >
              <span class="term-zh" lang="zh">
                {entry.zh}
              </span>
              <span class="term-pinyin" lang="zh-Latn">
                {entry.pinyin}
              </span>
              <span class="term-en">{entry.en}</span>
              <span class="term-count" aria-hidden="true">
                ×{n}
              </span>
              <span class="sr-only">, {n === 1 ? 'once' : `${n} times`}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const where = (q: BriefQuotation): string => (q.paragraph > 0 ? `paragraph ${q.paragraph}` : q.block);

function Quotations({ quotations }: { quotations: readonly BriefQuotation[] }) {
  if (quotations.length === 0) return null;
  return (
    <section aria-labelledby="page-quotes-heading">
      <h2 id="page-quotes-heading">{count(quotations.length, 'quotation', 'quotations')} of the corpus</h2>
      <ul class="quote-list">
        {quotations.map((q, i) => (
          <li key={i} class="quote-item">
            <p>
              <strong class={`verdict verdict-${q.verdict}`}>{VERDICT_WORDS[q.verdict]}</strong>
              <span class="muted">
                {' '}
                · <cite lang="zh-Hans">《{q.document}》</cite>, {where(q)}
              </span>
            </p>
            <blockquote lang="zh">{q.page}</blockquote>
            {q.differences.length > 0 && (
              <ul class="quote-differences">
                {q.differences.map((d, k) => (
                  <li key={k}>
                    {d.kind === 'dropped' ? (
                      <>
                        dropped <q lang="zh">{d.corpus}</q>
                      </>
                    ) : d.kind === 'added' ? (
                      <>
                        added <q lang="zh">{d.page}</q>
                      </>
                    ) : (
                      <>
                        changed <q lang="zh">{d.corpus}</q> to <q lang="zh">{d.page}</q>
                      </>
                    )}
                    {d.moved && ' (moved)'}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function BriefButtons({ onCopyBrief, onDownloadBrief }: Pick<ThisPagePanelProps, 'onCopyBrief' | 'onDownloadBrief'>) {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<ActionResult>, done: string): Promise<void> {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setStatus(result.ok ? { text: done, error: false } : { text: `Could not make the brief: ${result.error}`, error: true });
  }
  if (!onCopyBrief && !onDownloadBrief) return null;
  return (
    <div class="brief-buttons" role="group" aria-label="The page’s brief">
      {onCopyBrief && (
        <button type="button" disabled={busy} onClick={() => void run(onCopyBrief, 'Brief copied as Markdown.')}>
          Copy brief
        </button>
      )}
      {onDownloadBrief && (
        <button type="button" disabled={busy} onClick={() => void run(onDownloadBrief, 'Brief saved.')}>
          Download
        </button>
      )}
      <p class={status?.error ? 'error' : 'muted'} role="status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}

export function ThisPagePanel(props: ThisPagePanelProps) {
  const { page, notes, orphanIds, entries, onSaveNote, onDeleteNote } = props;
  if (page.kind === 'loading') return <p class="muted">Looking at this page…</p>;
  if (page.kind === 'unavailable') {
    return <p class="muted">Tifa Lens has nothing to show for this tab: it reads web pages (http and https).</p>;
  }
  const orphans = notes?.filter((n) => orphanIds.has(n.id)).length ?? 0;
  return (
    <div class="page-panel">
      {page.host !== '' && <SiteSwitch host={page.host} disabledBy={page.disabledBy} onSetSiteDisabled={props.onSetSiteDisabled} />}
      <Terms page={page} entries={entries} onRevealTerm={props.onRevealTerm} />
      {page.disabledBy === null && page.quotations && <Quotations quotations={page.quotations} />}
      {page.disabledBy === null && page.terms !== null && <BriefButtons onCopyBrief={props.onCopyBrief} onDownloadBrief={props.onDownloadBrief} />}
      {notes !== undefined && notes.length > 0 && (
        <section aria-labelledby="page-notes-heading">
          <h2 id="page-notes-heading">
            Your {count(notes.length, 'note', 'notes')} on this page
            {orphans > 0 && <span class="muted"> ({orphans} no longer on it)</span>}
          </h2>
          <ul class="note-list">
            {notes.map((note) => (
              <li key={note.id}>
                <NoteItem
                  note={note}
                  entry={note.ref?.kind === 'term' ? entries.get(note.ref.entryId) : undefined}
                  orphan={orphanIds.has(note.id)}
                  showPage={false}
                  onSave={onSaveNote}
                  onDelete={onDeleteNote}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
