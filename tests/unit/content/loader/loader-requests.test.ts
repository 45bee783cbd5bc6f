import { describe, expect, it } from 'vitest';
import { loaderRequests } from '../../../../content/loader/loader-requests';
import { validateRequest } from '../../../../lib/protocol/messages';

const URL_A = 'https://news.example.com/a';

describe('the loader’s requests', () => {
  it('are requests the background accepts (it validates every message it receives)', async () => {
    const sent: unknown[] = [];
    const requests = loaderRequests(async (message) => {
      sent.push(message);
      return { ok: true, data: { url: URL_A, notes: [] } };
    });
    requests.reportNoTerms(URL_A);
    await requests.pageNoteCount(URL_A);
    await requests.topHostname();
    expect(sent).toEqual([
      { type: 'page/terms', url: URL_A, terms: [] },
      // A count, not the notes: the loader runs in every frame, ads and embeds too.
      { type: 'notes/count-for-page', url: URL_A },
      { type: 'frame/top-site' },
    ]);
    for (const message of sent) expect(validateRequest(message).ok).toBe(true);
  });

  it('count the page’s notes from the answer, and take anything else for none', async () => {
    const answering = (answer: unknown) => loaderRequests(async () => answer);
    expect(await answering({ ok: true, data: { count: 2 } }).pageNoteCount(URL_A)).toBe(2);
    for (const answer of [
      undefined,
      null,
      'yes',
      { ok: false, error: 'No.' },
      { ok: true },
      { ok: true, data: { count: '3' } },
      { ok: true, data: { count: -1 } },
      { ok: 'true', data: { count: 1 } },
    ]) {
      expect(await answering(answer).pageNoteCount(URL_A)).toBe(0);
    }
  });

  it('read the page’s host name from the answer, and anything else as unknown', async () => {
    const answering = (answer: unknown) => loaderRequests(async () => answer);
    expect(await answering({ ok: true, data: { hostname: 'news.example.com' } }).topHostname()).toBe('news.example.com');
    for (const answer of [
      undefined,
      { ok: false, error: 'No.' },
      { ok: true, data: { hostname: null } },
      { ok: true, data: { hostname: '' } },
      { ok: true, data: { hostname: 7 } },
    ]) {
      expect(await answering(answer).topHostname()).toBeNull();
    }
    expect(await loaderRequests(() => Promise.reject(new Error('gone'))).topHostname()).toBeNull();
  });

  it('never throw when the background cannot be reached', async () => {
    const rejecting = loaderRequests(() => Promise.reject(new Error('Could not establish connection.')));
    expect(await rejecting.pageNoteCount(URL_A)).toBe(0);
    // An invalidated extension context throws at once rather than rejecting.
    const throwing = loaderRequests(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(() => throwing.reportNoTerms(URL_A)).not.toThrow();
    expect(await throwing.pageNoteCount(URL_A)).toBe(0);
  });
});
