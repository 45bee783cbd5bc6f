import type { CardTrigger } from './types';

export interface WelcomeProps {
  /** The source viewer: the three texts with every term marked, a page to try the lens on. */
  sampleHref: string;
  cardTrigger: CardTrigger;
}

const HOW_TO_OPEN: Record<CardTrigger, string> = {
  hover: 'Hover one',
  'hover-alt': 'Hold Alt and hover one',
  click: 'Click one',
};

/** The first-run state: what the extension does and how to try it. */
export function Welcome({ sampleHref, cardTrigger }: WelcomeProps) {
  return (
    <section class="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Getting started</h2>
      <p>
        Tifa Lens finds the official formulations (<i lang="zh-Latn">tífǎ</i>) of Chinese diplomacy on the pages you read, explains each one and links it to the
        sentence it comes from.
      </p>
      <ol class="welcome-steps">
        <li>Open a news page about Chinese diplomacy: the terms it knows are underlined.</li>
        <li>{HOW_TO_OPEN[cardTrigger]} to see its pinyin, its meaning and its source sentence.</li>
        <li>Save a note from the card or on selected text. Your notes and the terms you met gather here.</li>
      </ol>
      <p>
        <a href={sampleHref} target="_blank" rel="noopener">
          Try it on the source texts
        </a>{' '}
        — the three documents of 25 January 2022 the glossary is drawn from.
      </p>
    </section>
  );
}
