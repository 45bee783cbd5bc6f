import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CorpusDocument } from '../../lib/corpus/types';
import type { GlossaryEntry } from '../../lib/glossary/types';
import { searchCorpus } from '../../lib/source/search';
import { termSpanIndex } from '../../lib/source/segments';
import { termIndex } from '../../lib/source/term-index';
import type { SourceLocation } from '../../lib/source/url';
import { Card } from '../card/Card';
import { CardPopover } from '../card/CardPopover';
import { CitedBar } from './CitedBar';
import { DocumentView } from './DocumentView';
import { SearchBar } from './SearchBar';
import { TermIndex } from './TermIndex';
import { useTermPopover } from './use-term-popover';

/** Gives per-character pinyin of a text (pinyin-pro, loaded on first use). */
export type ReadingsOf = (text: string) => readonly string[];

export interface SourceViewerProps {
  documents: readonly CorpusDocument[];
  entries: readonly GlossaryEntry[];
  /** The cited place, from the page's URL. */
  location: SourceLocation | null;
  /** Go to a place (null: none), as a new history entry. */
  onNavigate: (location: SourceLocation | null) => void;
  loadReadings: () => Promise<ReadingsOf>;
  canSpeak?: boolean;
  onSpeak?: (text: string) => void;
  /** The term index starts open (wide screens). */
  indexOpen?: boolean;
}

/** The three source documents with their glossary terms, an index, search and pinyin. */
export function SourceViewer({ documents, entries, location, onNavigate, loadReadings, canSpeak, onSpeak, indexOpen = true }: SourceViewerProps) {
  const terms = useMemo(() => termSpanIndex(entries), [entries]);
  const index = useMemo(() => termIndex(entries), [entries]);
  const [query, setQuery] = useState('');
  const result = useMemo(() => searchCorpus(query, documents, entries), [query, documents, entries]);
  const [position, setPosition] = useState(0);
  const [readingsOf, setReadingsOf] = useState<ReadingsOf | null>(null);
  const [ruby, setRuby] = useState(false);
  const [rubyLoading, setRubyLoading] = useState(false);
  const popover = useTermPopover();
  const textRef = useRef<HTMLDivElement>(null);

  // A new cited place: clear the search (it may hide the place), then bring the place into view.
  useEffect(() => {
    if (!location) return;
    setQuery('');
    popover.close();
    const frame = requestAnimationFrame(() => {
      const root = textRef.current;
      const block = root?.querySelector<HTMLElement>('.block--cited');
      const target = block?.querySelector<HTMLElement>('[data-cited]') ?? block;
      target?.scrollIntoView({ block: 'center' });
      block?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [location]);

  useEffect(() => setPosition(0), [query]);

  // `/` goes to the search box, as on many reading sites.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target;
      const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/u.test(target.tagName));
      if (event.key !== '/' || typing || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      document.querySelector<HTMLInputElement>('.search input')?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const step = (by: 1 | -1): void => {
    const count = result?.blocks.length ?? 0;
    if (count === 0 || !result) return;
    const next = position === 0 ? (by === 1 ? 1 : count) : ((position - 1 + by + count) % count) + 1;
    setPosition(next);
    const hit = result.blocks[next - 1];
    const doc = hit ? documents[hit.doc] : undefined;
    if (!hit || !doc) return;
    const element = textRef.current?.querySelector<HTMLElement>(`[data-block="${doc.id}:${hit.block}"]`);
    element?.scrollIntoView({ block: 'center' });
  };

  const onRuby = (on: boolean): void => {
    setRuby(on);
    if (on && !readingsOf && !rubyLoading) {
      setRubyLoading(true);
      void loadReadings()
        .then((fn) => setReadingsOf(() => fn))
        .finally(() => setRubyLoading(false));
    }
  };

  const cited = location ? { docIndex: documents.findIndex((d) => d.id === location.doc), block: location.block, range: location.range ?? null } : null;
  const open = popover.open;
  const openEntry = open ? entries[open.entry] : undefined;
  const openOccurrence = openEntry?.occurrences[open?.occurrence ?? -1];
  const openFound = openOccurrence ? (documents[openOccurrence[0]]?.blocks[openOccurrence[1]]?.text.slice(openOccurrence[2], openOccurrence[3]) ?? '') : '';
  const currentBlock = position > 0 ? result?.blocks[position - 1] : undefined;

  return (
    <div class={`source-viewer${ruby && readingsOf ? ' source-viewer--ruby' : ''}`}>
      <header class="masthead" lang="en">
        <p class="brand">
          Tifa Lens <span>· sources</span>
        </p>
        <SearchBar query={query} result={result} position={position} onQuery={setQuery} onStep={step} ruby={ruby} rubyLoading={rubyLoading} onRuby={onRuby} />
      </header>
      <div class="layout">
        <TermIndex index={index} entries={entries} documents={documents} initiallyOpen={indexOpen} onNavigate={onNavigate} />
        <main ref={textRef} class="documents" {...popover.textHandlers}>
          {documents.map((doc, d) => (
            <DocumentView
              key={doc.id}
              doc={doc}
              docIndex={d}
              entries={entries}
              terms={terms}
              hits={result ? result.hits : null}
              cited={cited && cited.docIndex === d ? cited : null}
              currentResult={currentBlock?.doc === d ? currentBlock.block : -1}
              readingsOf={ruby ? readingsOf : null}
            />
          ))}
        </main>
      </div>
      {location && <CitedBar location={location} documents={documents} entries={entries} onNavigate={onNavigate} onDismiss={() => onNavigate(null)} />}
      {open && openEntry && (
        <CardPopover
          key={`${open.entry}:${open.occurrence}`}
          anchor={() => (open.element.isConnected ? open.element.getBoundingClientRect() : null)}
          onPointerEnter={popover.cardHandlers.onPointerEnter}
          onPointerLeave={popover.cardHandlers.onPointerLeave}
        >
          <div onFocusOut={popover.cardHandlers.onFocusOut}>
            <Card
              data={{ kind: 'term', entry: openEntry, found: openFound, occurrence: open.occurrence }}
              documents={documents}
              canSpeak={canSpeak}
              onSpeak={onSpeak}
              sourceMode="jump"
              onShowSource={(target) => onNavigate(target)}
              onClose={() => popover.close(true)}
            />
          </div>
        </CardPopover>
      )}
    </div>
  );
}
