import { useMemo, useRef, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../lib/glossary/types';
import type { Note } from '../../lib/notes/types';
import { normalizePageUrl } from '../../lib/notes/url';
import { GlossaryPanel } from './GlossaryPanel';
import { NotesPanel } from './NotesPanel';
import type { NotesPanelProps } from './NotesPanel';
import { oldestFirst } from './note-query';
import { Tabs } from './Tabs';
import { ThisPagePanel } from './ThisPagePanel';
import type { ThisPagePanelProps } from './ThisPagePanel';
import type { ActionResult, CardTrigger, EncounterStats, PageState, TabId } from './types';
import { UndoBar } from './UndoBar';
import type { UndoItem } from './UndoBar';
import { Welcome } from './Welcome';

export interface PopupProps
  extends
    Pick<NotesPanelProps, 'onOpenNote' | 'onSaveNote' | 'onExport' | 'onPreviewImport'>,
    Pick<ThisPagePanelProps, 'onRevealTerm' | 'onSetSiteDisabled' | 'onCopyBrief' | 'onDownloadBrief'> {
  entries: readonly GlossaryEntry[];
  page: PageState;
  /** Every note; undefined while loading. */
  notes: readonly Note[] | undefined;
  /** Terms the reader met; undefined while loading. */
  met: EncounterStats | undefined;
  orphanIds: ReadonlySet<string>;
  cardTrigger: CardTrigger;
  /** The source viewer's address, the sample of the first-run state. */
  sampleHref: string;
  sourceHref(entry: GlossaryEntry): string;
  /** Moves the note to the trash. */
  onDeleteNote(id: string): Promise<ActionResult>;
  /** Brings a deleted note back exactly as it was. */
  onRestoreNote(id: string): Promise<ActionResult>;
  onOpenOptions(): void;
  initialTab?: TabId;
  /** How long "Undo" is offered after a delete. */
  undoMs?: number;
}

interface Pending {
  item: UndoItem;
  id: string;
}

/** The toolbar popup: this page, the reader's notes, the glossary. It only renders; main.tsx feeds it. */
export function Popup(props: PopupProps) {
  const { entries, page, notes, met, orphanIds } = props;
  const [tab, setTab] = useState<TabId>(props.initialTab ?? 'page');
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const deletions = useRef(0);

  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const pageKey = page.kind === 'page' ? normalizePageUrl(page.url) : null;
  const pageNotes = useMemo(
    () => (notes === undefined ? undefined : oldestFirst(pageKey === null ? [] : notes.filter((n) => n.url === pageKey))),
    [notes, pageKey],
  );
  const firstRun = notes !== undefined && met !== undefined && notes.length === 0 && met.size === 0;

  /** When the focused control goes away (the bar closes), the focus goes to the open panel. */
  function keepFocus(): void {
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !root.current?.contains(active)) {
        root.current?.querySelector<HTMLElement>(`#panel-${tab}`)?.focus();
      }
    });
  }

  async function remove(note: Note): Promise<void> {
    const result = await props.onDeleteNote(note.id);
    if (!result.ok) {
      setMessage({ text: `Could not delete the note: ${result.error}`, error: true });
      return;
    }
    setMessage(null);
    setPending({ id: note.id, item: { key: `${note.id}:${++deletions.current}`, message: 'Note deleted.' } });
  }

  async function undo(): Promise<void> {
    if (!pending) return;
    const { id } = pending;
    setPending(null);
    const result = await props.onRestoreNote(id);
    setMessage(result.ok ? { text: 'Note restored.', error: false } : { text: `Could not restore the note: ${result.error}`, error: true });
    keepFocus();
  }

  const deleteNote = (note: Note): void => void remove(note);

  return (
    <div class="popup" ref={root}>
      <header class="popup-header">
        <h1>Tifa Lens</h1>
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Settings
        </button>
      </header>
      <Tabs<TabId>
        label="Tifa Lens"
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'page',
            label: 'This page',
            panel: (
              <>
                {firstRun && <Welcome sampleHref={props.sampleHref} cardTrigger={props.cardTrigger} />}
                <ThisPagePanel
                  page={page}
                  notes={pageNotes}
                  orphanIds={orphanIds}
                  entries={byId}
                  onRevealTerm={props.onRevealTerm}
                  onSetSiteDisabled={props.onSetSiteDisabled}
                  onSaveNote={props.onSaveNote}
                  onDeleteNote={deleteNote}
                  onCopyBrief={props.onCopyBrief}
                  onDownloadBrief={props.onDownloadBrief}
                />
              </>
            ),
          },
          {
            id: 'notes',
            label: notes && notes.length > 0 ? `Notes (${notes.length})` : 'Notes',
            panel: (
              <NotesPanel
                notes={notes}
                entries={byId}
                onOpenNote={props.onOpenNote}
                onSaveNote={props.onSaveNote}
                onDeleteNote={deleteNote}
                onExport={props.onExport}
                onPreviewImport={props.onPreviewImport}
              />
            ),
          },
          {
            id: 'glossary',
            label: 'Glossary',
            panel: <GlossaryPanel entries={entries} met={met} sourceHref={props.sourceHref} />,
          },
        ]}
      />
      {message && (
        <p class={message.error ? 'error flash' : 'flash'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <UndoBar
        item={pending?.item ?? null}
        durationMs={props.undoMs ?? 8000}
        onUndo={() => void undo()}
        onExpire={() => {
          setPending(null);
          keepFocus();
        }}
      />
    </div>
  );
}
