import type { Excerpt } from '../../lib/card/excerpt';

export interface SourceQuoteProps {
  excerpt: Excerpt;
}

/** The source sentence with the occurrence emphasised, and where it stands in the corpus. */
export function SourceQuote({ excerpt }: SourceQuoteProps) {
  const { citation } = excerpt;
  return (
    <figure class="tl-source">
      <blockquote class="tl-sentence" lang="zh-Hans">
        {excerpt.before}
        <mark class="tl-match">{excerpt.match}</mark>
        {excerpt.after}
      </blockquote>
      <figcaption class="tl-citation">
        <cite lang="zh-Hans">《{citation.title}》</cite>, {citation.where}
        <span class="tl-citation-meta">
          {' '}
          · {citation.kind}, {citation.date}
        </span>
      </figcaption>
    </figure>
  );
}
