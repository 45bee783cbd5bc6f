import { useState } from 'preact/hooks';
import type { Excerpt, SentenceParts } from '../../lib/card/excerpt';

export interface SourceQuoteProps {
  excerpt: Excerpt;
  /**
   * The sentence as the page's script writes it (the corpus in traditional characters), shown
   * first; the simplified original is a click away. The citation is the same for both.
   */
  traditional?: { sentence: SentenceParts; lang: string } | null;
}

/** The source sentence with the occurrence emphasised, and where it stands in the corpus. */
export function SourceQuote({ excerpt, traditional }: SourceQuoteProps) {
  const [showOriginal, setShowOriginal] = useState(false);
  const { citation } = excerpt;
  const converted = traditional && !showOriginal ? traditional : null;
  const sentence = converted?.sentence ?? excerpt;
  return (
    <figure class="tl-source">
      <blockquote class="tl-sentence" lang={converted?.lang ?? 'zh-Hans'}>
        {sentence.before}
        <mark class="tl-match">{sentence.match}</mark>
        {sentence.after}
      </blockquote>
      {traditional && (
        <button
          type="button"
          class="tl-text-button"
          aria-pressed={showOriginal ? 'true' : 'false'}
          title="The corpus is in simplified characters; this card shows it in the page's"
          onClick={() => setShowOriginal((shown) => !shown)}
        >
          Show original (simplified)
        </button>
      )}
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
