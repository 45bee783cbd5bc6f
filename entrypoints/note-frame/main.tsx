// The note frame: the composer, as an extension page framed in the reader's tab (content/lens/notes/
// note-frames.ts). The page's scripts cannot listen to a frame of another origin, so what the reader
// types here stays here; it goes to the background only (notes/draft-save), under the token in the
// frame's address, and the background tells the page's content script what became of the note.
// Nothing is posted to the parent window: the page would read it.

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { NoteComposer } from '../../components/card/NoteComposer';
import { createRequestClient } from '../../lib/protocol/client';
import type { DraftEvent } from '../../lib/protocol/messages';
import '../../components/card/card.css';
import './style.css';

const sendRequest = createRequestClient((message) => browser.runtime.sendMessage(message));
const root = document.getElementById('app');
const token = location.hash.slice(1);

function tell(draft: DraftEvent): void {
  void sendRequest({ type: 'notes/draft-event', draft });
}

// The keys the reader holds down. The frame is closed only once they are up: a key released after
// it is gone (the Enter of Ctrl+Enter, the Esc) would be released on the page, which hears it.
const held = new Set<string>();
let released: (() => void) | null = null;
addEventListener('keydown', (event) => held.add(event.code), true);
addEventListener(
  'keyup',
  (event) => {
    held.delete(event.code);
    if (held.size === 0) released?.();
  },
  true,
);
addEventListener('blur', () => {
  held.clear();
  released?.();
});

/** Resolves once no key is held (or after a while, should a key's release never come). */
function keysReleased(): Promise<void> {
  if (held.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      released = null;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 2_000);
    released = done;
  });
}

/** Asks the card to close the frame, once the reader's keys are up. */
function finish(event: 'saved' | 'cancel'): void {
  void keysReleased().then(() => tell({ token, event }));
}

/** Tells the card how tall the composer is, whenever that changes (a quote, an error shown). */
function watchHeight(element: HTMLElement): void {
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    tell({ token, event: 'resize', height });
  }).observe(element);
}

async function start(mount: HTMLElement): Promise<void> {
  const context = await sendRequest({ type: 'notes/draft-context', token });
  if (!context.ok) {
    const error = document.createElement('p');
    error.className = 'tl-composer-error';
    error.setAttribute('role', 'alert');
    error.textContent = context.error;
    mount.append(error);
    watchHeight(mount);
    return;
  }
  render(
    <NoteComposer
      quote={context.data.quote}
      onSave={async (value) => {
        const saved = await sendRequest({ type: 'notes/draft-save', token, body: value.body, tags: value.tags });
        if (!saved.ok) return saved.error;
        finish('saved');
        return null;
      }}
      onCancel={() => finish('cancel')}
    />,
    mount,
  );
  watchHeight(mount);
}

if (root) void start(root);
