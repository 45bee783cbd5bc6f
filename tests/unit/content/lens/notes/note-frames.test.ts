import { describe, expect, it, vi } from 'vitest';
import { createNoteFrames } from '../../../../../content/lens/notes/note-frames';
import type { SendRequest } from '../../../../../lib/protocol/client';
import type { DraftContext } from '../../../../../lib/protocol/messages';

const TOKEN = '0123456789abcdef0123456789abcdef';
const context: DraftContext = { title: 'Summit', ref: null, selectors: null, quote: null };

function frames(answer: { ok: true; data: { token: string } } | { ok: false; error: string }) {
  const sent: unknown[] = [];
  const send = ((request: unknown) => {
    sent.push(request);
    return Promise.resolve(answer);
  }) as SendRequest;
  return { sent, frames: createNoteFrames(send, () => 'chrome-extension://abc/note-frame.html') };
}

const handlers = () => ({ saved: vi.fn(), cancel: vi.fn(), resize: vi.fn() });

describe('the page’s note frames', () => {
  it('opens a draft on the page and frames the extension’s composer with its token', async () => {
    const { frames: f, sent } = frames({ ok: true, data: { token: TOKEN } });
    expect(await f.open(context, handlers())).toEqual({ ok: true, token: TOKEN, src: `chrome-extension://abc/note-frame.html#${TOKEN}` });
    // The page's address is not in the message: the background takes it from the browser.
    expect(sent).toEqual([{ type: 'notes/draft-open', context }]);
  });

  it('passes the frame’s news to the composer that shows it, and nothing once it is closed or forgotten', async () => {
    const { frames: f } = frames({ ok: true, data: { token: TOKEN } });
    const h = handlers();
    await f.open(context, h);
    expect(f.event({ token: TOKEN, event: 'resize', height: 300 })).toEqual({ handled: true });
    expect(h.resize).toHaveBeenCalledWith(300);
    expect(f.event({ token: 'ffffffffffffffffffffffffffffffff', event: 'saved' })).toEqual({ handled: false });
    expect(f.event({ token: TOKEN, event: 'saved' })).toEqual({ handled: true });
    expect(h.saved).toHaveBeenCalledOnce();
    // Once saved the token is spent: a late cancel closes nothing.
    expect(f.event({ token: TOKEN, event: 'cancel' })).toEqual({ handled: false });
    const again = handlers();
    await f.open(context, again);
    f.forget(TOKEN);
    expect(f.event({ token: TOKEN, event: 'cancel' })).toEqual({ handled: false });
    expect(again.cancel).not.toHaveBeenCalled();
  });

  it('says why a draft could not be opened', async () => {
    const { frames: f } = frames({ ok: false, error: 'Tifa Lens could not reach its background.' });
    expect(await f.open(context, handlers())).toEqual({ ok: false, error: 'Tifa Lens could not reach its background.' });
  });
});
