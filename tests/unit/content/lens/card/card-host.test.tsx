// @vitest-environment happy-dom
import { act } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../../../assets/generated/glossary';
import { createCardHost, HOST_TAG } from '../../../../../content/lens/card/card-host';
import type { CardHost, CardHostOptions } from '../../../../../content/lens/card/card-host';
import type { Speech } from '../../../../../content/lens/card/card-speech';
import type { CardData } from '../../../../../lib/card/types';
import { byReader } from '../../../support/reader-event';
import { hostOf } from '../../../support/ui-hosts';

const { documents, entries } = glossary;
const belt = entries.find((e) => e.zh === '一带一路')!;
const data: CardData = { kind: 'term', entry: belt, found: '一带一路' };
const rect = { left: 100, top: 100, right: 160, bottom: 120 };
const PAGE = '<p id="t">中国同中亚国家共建一带一路。</p><button id="page-button">page</button>';

let host: CardHost;
function make(options: Partial<CardHostOptions> = {}): CardHost {
  host = createCardHost({ documents, shadowMode: 'open', ...options });
  return host;
}
const element = (): HTMLElement | null => hostOf(HOST_TAG);
const shadow = (): ShadowRoot => {
  const root = element()?.shadowRoot;
  if (!root) throw new Error('no card');
  return root;
};
const dialog = (): HTMLElement | null => element()?.shadowRoot?.querySelector('[role="dialog"]') ?? null;
const button = (name: string): HTMLButtonElement => {
  const found = [...shadow().querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

beforeEach(() => {
  document.body.innerHTML = PAGE;
});
afterEach(() => {
  host?.destroy();
  vi.useRealTimers();
});

describe('the card host', () => {
  it('adds nothing to the page until a card opens, and takes it all away when it closes', () => {
    const before = document.documentElement.outerHTML;
    make();
    expect(element()).toBeNull();
    host.openCard(data, rect);
    expect(host.isOpen()).toBe(true);
    expect(element()?.parentNode).toBe(document.documentElement);
    expect(dialog()?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(shadow().textContent).toContain(belt.pinyin);
    host.closeCard();
    expect(host.isOpen()).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('keeps its styles inside the shadow root, the host reset and on top', () => {
    make();
    host.openCard(data, rect);
    expect(document.head.querySelector('style')).toBeNull();
    const root = shadow();
    const css = [
      ...root.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)),
      ...[...root.querySelectorAll('style')].map((s) => s.textContent),
    ].join('\n');
    expect(css).toContain('all: initial');
    expect(css).toContain('2147483647');
    expect(element()?.getAttribute('style')).toBeNull();
  });

  it('closes on Esc anywhere and on a click outside, not on a click inside', () => {
    make();
    host.openCard(data, rect);
    button('Next occurrence').dispatchEvent(byReader(new PointerEvent('pointerdown', { bubbles: true, composed: true })));
    expect(host.isOpen()).toBe(true);
    document.getElementById('page-button')?.dispatchEvent(byReader(new PointerEvent('pointerdown', { bubbles: true, composed: true })));
    expect(host.isOpen()).toBe(false);
    host.openCard(data, rect);
    document.body.dispatchEvent(byReader(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(host.isOpen()).toBe(false);
    expect(element()).toBeNull();
  });

  it('stays open on an Esc or a click outside that a page script dispatched', () => {
    make();
    host.openCard(data, rect);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.getElementById('page-button')?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(host.isOpen()).toBe(true);
  });

  it('stays open while the pointer moves from the term into the card', () => {
    vi.useFakeTimers();
    make({ closeDelay: 300 });
    host.openCard(data, rect);
    host.scheduleClose();
    const popover = shadow().querySelector('.tl-popover');
    popover?.dispatchEvent(new PointerEvent('pointerenter'));
    vi.advanceTimersByTime(1000);
    expect(host.isOpen()).toBe(true);
    expect(host.isPointerInside()).toBe(true);
    popover?.dispatchEvent(new PointerEvent('pointerleave'));
    vi.advanceTimersByTime(299);
    expect(host.isOpen()).toBe(true);
    vi.advanceTimersByTime(2);
    expect(host.isOpen()).toBe(false);
  });

  it('moves focus into the card when asked and gives it back on Esc', () => {
    make();
    const term = document.getElementById('page-button');
    term?.focus();
    host.openCard(data, rect, { focus: true });
    expect(document.activeElement).toBe(element());
    expect(shadow().activeElement).toBe(dialog());
    dialog()?.dispatchEvent(byReader(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    expect(host.isOpen()).toBe(false);
    expect(document.activeElement).toBe(term);
  });

  it('opens the source viewer at the shown occurrence, adds notes and lists them', () => {
    const onOpenSource = vi.fn();
    const onAddNote = vi.fn();
    make({ onOpenSource, onAddNote, sourcePageUrl: 'chrome-extension://id/source.html' });
    host.openCard(data, rect, { notes: [{ id: 'a', body: 'first' }] });
    button('Open in source').click();
    const [doc, block, start, end] = belt.occurrences[0]!;
    const n = documents[doc]!.blocks[block]!.n;
    expect(onOpenSource).toHaveBeenCalledWith(
      `chrome-extension://id/source.html?doc=${documents[doc]!.id}&block=${block}&start=${start}&end=${end}&term=${belt.id}#${documents[doc]!.id}-p${n}`,
      { doc: documents[doc]!.id, block, range: { start, end }, term: belt.id },
    );
    button('Add note').click();
    expect(onAddNote).toHaveBeenCalledWith(data);
    host.setNotes([
      { id: 'a', body: 'first' },
      { id: 'b', body: '<b>second</b>' },
    ]);
    // The entry's sources are list items too; the notes are the rest.
    const notes = [...shadow().querySelectorAll('li')].filter((li) => !li.closest('.tl-sources'));
    expect(notes.map((li) => li.textContent)).toEqual(['first', '<b>second</b>']);
    expect(shadow().querySelector('b')).toBeNull();
  });

  it('offers speech only with a Chinese voice, updating when voices arrive', () => {
    let voices = false;
    const listeners: (() => void)[] = [];
    const speak = vi.fn();
    const speech: Speech = { canSpeak: () => voices, speak, onChange: (l) => (listeners.push(l), () => {}) };
    make({ speech });
    host.openCard(data, rect);
    expect(shadow().querySelector('.tl-speak')).toBeNull();
    voices = true;
    listeners.forEach((l) => l());
    button(`Pronounce ${belt.zh}`).click();
    expect(speak).toHaveBeenCalledWith(belt.zh);
  });

  it('keeps clicks and keys in the card from reaching the page', async () => {
    const pageHandler = vi.fn();
    document.addEventListener('click', pageHandler);
    document.addEventListener('keydown', pageHandler);
    make();
    host.openCard(data, rect);
    await act(() => button('Next occurrence').click());
    button('Next occurrence').dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(pageHandler).not.toHaveBeenCalled();
    expect(shadow().textContent).toContain(`2 of ${belt.occurrences.length}`);
    document.removeEventListener('click', pageHandler);
    document.removeEventListener('keydown', pageHandler);
  });
});

describe('the card host on a page that removes it', () => {
  it('counts a card whose element the page removed as closed, and opens a new one', () => {
    make();
    host.openCard(data, rect);
    element()?.remove();
    expect(host.isOpen()).toBe(false);
    host.openCard(data, rect);
    expect(element()?.isConnected).toBe(true);
  });
});
