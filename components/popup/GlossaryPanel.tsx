import { useId, useMemo, useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_LABELS } from '../../lib/glossary/types';
import type { Category, GlossaryEntry } from '../../lib/glossary/types';
import { count } from './format';
import { EMPTY_GLOSSARY_QUERY, filterEntries } from './glossary-query';
import type { GlossaryQuery } from './glossary-query';
import type { EncounterStats } from './types';

export interface GlossaryPanelProps {
  entries: readonly GlossaryEntry[];
  /** Undefined while loading. */
  met: EncounterStats | undefined;
  /** The source viewer at the entry's first occurrence. */
  sourceHref(entry: GlossaryEntry): string;
}

const NONE: EncounterStats = new Map();

function metLine(stats: { pages: number; count: number } | undefined): string {
  if (!stats) return 'Not met yet';
  return `Met ${stats.count}× on ${count(stats.pages, 'page', 'pages')}`;
}

export function GlossaryPanel({ entries, met, sourceHref }: GlossaryPanelProps) {
  const id = useId();
  const [query, setQuery] = useState<GlossaryQuery>(EMPTY_GLOSSARY_QUERY);
  const stats = met ?? NONE;
  const found = useMemo(() => filterEntries(entries, query, stats), [entries, query, stats]);
  const metCount = useMemo(() => entries.filter((e) => stats.has(e.id)).length, [entries, stats]);
  const change = (patch: Partial<GlossaryQuery>): void => setQuery({ ...query, ...patch });

  return (
    <div class="glossary-panel">
      <div class="filters" role="search">
        <label for={`${id}-q`}>Filter the glossary</label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="Chinese, pinyin or English"
          value={query.text}
          onInput={(e) => change({ text: e.currentTarget.value })}
        />
        <div class="filter-row">
          <label>
            Category
            <select
              value={query.category}
              onChange={(e) => {
                const value = e.currentTarget.value;
                change({ category: CATEGORIES.find((c) => c === value) ?? '' });
              }}
            >
              <option value="">All categories</option>
              {CATEGORIES.map((c: Category) => (
                <option key={c} value={c}>
                  {CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={query.metOnly} onChange={(e) => change({ metOnly: e.currentTarget.checked })} />
            Only terms I met
          </label>
        </div>
      </div>
      <p class="result-count" aria-live="polite">
        {found.length === entries.length ? count(entries.length, 'entry', 'entries') : `${found.length} of ${count(entries.length, 'entry', 'entries')}`}
        {met !== undefined && ` · you met ${metCount}`}
      </p>
      {found.length === 0 ? (
        <p class="empty">{query.metOnly && metCount === 0 ? 'You have not met any term yet.' : 'No entry matches.'}</p>
      ) : (
        <ul class="entry-list" aria-label="Glossary entries">
          {found.map((entry) => {
            const seen = stats.get(entry.id);
            return (
              <li key={entry.id} class={`entry${seen ? ' entry-met' : ''}`}>
                <a href={sourceHref(entry)} target="_blank" rel="noopener" class="entry-link">
                  <span class="entry-zh" lang="zh">
                    {entry.zh}
                  </span>{' '}
                  <span class="entry-pinyin" lang="zh-Latn">
                    {entry.pinyin}
                  </span>
                  <span class="entry-en">{entry.en}</span>
                </a>
                <span class="entry-meta">
                  {CATEGORY_LABELS[entry.category]} · <span class={seen ? 'met' : 'muted'}>{metLine(seen)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
