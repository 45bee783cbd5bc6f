import type { EntrySource } from '../../lib/glossary/types';

export interface EntrySourcesProps {
  sources: readonly EntrySource[];
  headingId: string;
}

/** Where the explanation's facts come from; addresses are text to copy, never fetched. */
export function EntrySources({ sources, headingId }: EntrySourcesProps) {
  if (sources.length === 0) return null;
  return (
    <section class="tl-sources" aria-labelledby={headingId}>
      <h3 id={headingId} class="tl-sources-title">
        Sources
      </h3>
      <ul class="tl-sources-list">
        {sources.map((source, i) => (
          <li key={i} class="tl-sources-item">
            {source.publisher}, <cite>{source.title}</cite>, {source.date}
            {source.url && <span class="tl-sources-url">{source.url}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
