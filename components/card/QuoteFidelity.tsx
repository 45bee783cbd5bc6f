import { VERDICT_WORDS } from '../../lib/quote/index';
import type { QuoteSegment, QuoteView, Verdict } from '../../lib/quote/index';

export interface QuoteFidelityProps {
  view: QuoteView;
  /** The language of the page's text (zh-Hant on a traditional-Chinese page). */
  pageLang: string;
  headingId: string;
}

const SAYS: Record<Verdict, string> = {
  verbatim: 'The page quotes the corpus word for word.',
  abridged: 'The page leaves words out, and changes nothing else.',
  altered: 'The page changes the words it quotes.',
  paraphrase: 'The page rewords the sentence, keeping most of it in order.',
};

// Each difference carries its kind in words for a screen reader; sighted readers see the marks.
const Label = ({ text }: { text: string }) => <span class="tl-sr">{text}: </span>;
const movedTo = (s: QuoteSegment, word: string): string => (s.moved ? `${word} (moved)` : word);

function PageSide({ segments }: { segments: readonly QuoteSegment[] }) {
  return (
    <>
      {segments.map((s, i) => {
        if (s.kind === 'same') return s.page;
        if (s.kind === 'dropped') return <span key={i} class="tl-gap" aria-hidden="true" title={`dropped: ${s.corpus}`} />;
        return (
          <ins key={i} class={`tl-${s.kind}`}>
            <Label text={s.kind === 'added' ? movedTo(s, 'added') : 'changed to'} />
            {s.page}
          </ins>
        );
      })}
    </>
  );
}

function CorpusSide({ segments }: { segments: readonly QuoteSegment[] }) {
  return (
    <>
      {segments.map((s, i) => {
        if (s.kind === 'same') return s.corpus;
        if (s.kind === 'added') return <span key={i} class="tl-gap" aria-hidden="true" title={`added: ${s.page}`} />;
        return (
          <del key={i} class={`tl-${s.kind}`}>
            <Label text={s.kind === 'dropped' ? movedTo(s, 'dropped') : 'changed from'} />
            {s.corpus}
          </del>
        );
      })}
    </>
  );
}

/**
 * How the page quotes the corpus: the verdict in words, then the page's text and the corpus's side
 * by side, what the page added or wrote instead marked <ins>, what it dropped or replaced <del>.
 */
export function QuoteFidelity({ view, pageLang, headingId }: QuoteFidelityProps) {
  const word = VERDICT_WORDS[view.verdict];
  const says = SAYS[view.verdict];
  const differs = view.verdict !== 'verbatim';
  return (
    <section class="tl-fidelity" aria-labelledby={headingId}>
      <h3 id={headingId} class={`tl-verdict tl-verdict-${view.verdict}`}>
        Verdict: {word}
      </h3>
      <p class="tl-verdict-says">{says}</p>
      {differs && (
        <div class="tl-compare">
          <figure class="tl-compare-side">
            <figcaption>This page</figcaption>
            <blockquote lang={pageLang}>
              <PageSide segments={view.segments} />
            </blockquote>
          </figure>
          <figure class="tl-compare-side">
            <figcaption>Corpus</figcaption>
            <blockquote lang="zh-Hans">
              <CorpusSide segments={view.segments} />
            </blockquote>
          </figure>
        </div>
      )}
    </section>
  );
}
