import type { JSX } from 'preact';
import type { SearchResult } from '../../lib/source/search';

export interface SearchBarProps {
  query: string;
  result: SearchResult | null;
  /** 1-based position of the focused result, 0 for none. */
  position: number;
  onQuery: (query: string) => void;
  onStep: (by: 1 | -1) => void;
  ruby: boolean;
  rubyLoading: boolean;
  onRuby: (on: boolean) => void;
}

function status(result: SearchResult | null, position: number): string {
  if (!result) return '';
  if (result.hitCount === 0) return 'No match';
  const paragraphs = result.blocks.length === 1 ? '1 passage' : `${result.blocks.length} passages`;
  const hits = result.hitCount === 1 ? '1 match' : `${result.hitCount} matches`;
  return `${hits} in ${paragraphs}${position > 0 ? ` · ${position} of ${result.blocks.length}` : ''}`;
}

/** The search box (Enter: next result, Shift+Enter: previous, Esc: clear) and the pinyin switch. */
export function SearchBar({ query, result, position, onQuery, onStep, ruby, rubyLoading, onRuby }: SearchBarProps) {
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      onQuery('');
    }
  };
  const canStep = result !== null && result.blocks.length > 0;
  return (
    <div class="toolbar" lang="en">
      <form role="search" class="search" onSubmit={(event) => event.preventDefault()}>
        <input
          type="search"
          aria-label="Search the sources"
          placeholder="Search: 中文, pinyin or English"
          title="Search the sources (/)"
          aria-keyshortcuts="/"
          aria-describedby="search-status"
          value={query}
          onInput={(event) => onQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellcheck={false}
        />
        <button type="button" aria-label="Previous result" disabled={!canStep} onClick={() => onStep(-1)}>
          <span aria-hidden="true">↑</span>
        </button>
        <button type="button" aria-label="Next result" disabled={!canStep} onClick={() => onStep(1)}>
          <span aria-hidden="true">↓</span>
        </button>
        <p id="search-status" class="search-status" role="status">
          {status(result, position)}
        </p>
      </form>
      <label class="ruby-switch">
        <input type="checkbox" role="switch" checked={ruby} onChange={(event) => onRuby(event.currentTarget.checked)} />
        Pinyin{rubyLoading ? ' (loading…)' : ''}
      </label>
    </div>
  );
}
