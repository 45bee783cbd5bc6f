import { render } from 'preact';
import { glossary } from '../../assets/generated/glossary';
import { SourceViewer } from '../../components/source/SourceViewer';
import type { ReadingsOf } from '../../components/source/SourceViewer';
import { browserSpeech } from '../../content/lens/card/card-speech';
import { parseSourceLocation, sourceQuery } from '../../lib/source/url';
import type { SourceLocation } from '../../lib/source/url';
import '../../components/card/card.css';
import './style.css';

const { documents, entries } = glossary;
const root = document.getElementById('app');
const speech = browserSpeech();
const indexOpen = window.matchMedia('(min-width: 60rem)').matches;
let location = here();

function here(): SourceLocation | null {
  return parseSourceLocation(window.location.search, window.location.hash, documents);
}

function navigate(next: SourceLocation | null): void {
  history.pushState(null, '', next ? sourceQuery(documents, next) : window.location.pathname);
  location = next;
  draw();
}

// pinyin-pro is big: it is loaded the first time pinyin is switched on, and only on this page.
async function loadReadings(): Promise<ReadingsOf> {
  const { pinyin } = await import('pinyin-pro');
  return (text) => pinyin(text, { type: 'array', toneSandhi: false });
}

function draw(): void {
  if (!root) return;
  render(
    <SourceViewer
      documents={documents}
      entries={entries}
      location={location}
      onNavigate={navigate}
      loadReadings={loadReadings}
      canSpeak={speech.canSpeak()}
      onSpeak={(text) => speech.speak(text)}
      indexOpen={indexOpen}
    />,
    root,
  );
}

function reread(): void {
  location = here();
  draw();
}

window.addEventListener('popstate', reread);
window.addEventListener('hashchange', reread);
speech.onChange(draw);
draw();
