import { describe, expect, it, vi } from 'vitest';
import { composeMessage, NOTE_MENU_ID, startContextMenu } from '../../../background/context-menu';
import type { ContextMenuDeps, MenusApi } from '../../../background/context-menu';
import { validateTabRequest, validateTabResponse } from '../../../lib/protocol/tab-messages';

type ClickListener = Parameters<MenusApi['onClicked']['addListener']>[0];

function fakeMenus() {
  const items = new Map<string, unknown>();
  let clicked: ClickListener | null = null;
  const menus: MenusApi = {
    create: vi.fn((properties: { id: string }, callback?: () => void) => {
      items.set(properties.id, properties);
      callback?.();
    }),
    removeAll: vi.fn(() => {
      items.clear();
      return Promise.resolve();
    }),
    onClicked: { addListener: (listener) => void (clicked = listener) },
  };
  const installed: Array<() => void> = [];
  const started: Array<() => void> = [];
  const sent: Array<[number, unknown]> = [];
  const deps: ContextMenuDeps = {
    menus,
    onInstalled: { addListener: (l) => void installed.push(l) },
    onStartup: { addListener: (l) => void started.push(l) },
    sendToTopFrame: (tabId, message) => {
      sent.push([tabId, message]);
      return Promise.resolve();
    },
  };
  return { deps, items, installed, started, sent, click: (...args: Parameters<ClickListener>) => clicked?.(...args) };
}

describe('the "Add Tifa Lens note" context menu item', () => {
  it('is made once on install and again on browser start, for selections on web pages', async () => {
    const f = fakeMenus();
    startContextMenu(f.deps);
    expect(f.items.size).toBe(0);
    for (const run of [...f.installed, ...f.started, ...f.installed]) run();
    await vi.waitFor(() => expect(f.items.size).toBe(1));
    expect(f.items.get(NOTE_MENU_ID)).toEqual({
      id: NOTE_MENU_ID,
      title: 'Add Tifa Lens note',
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });

  it('asks the tab’s top frame to open the composer on the selected text', async () => {
    const f = fakeMenus();
    startContextMenu(f.deps);
    f.click({ menuItemId: NOTE_MENU_ID, selectionText: '  人类命运共同体 ' }, { id: 7 });
    f.click({ menuItemId: 'someone-else', selectionText: 'x' }, { id: 7 });
    f.click({ menuItemId: NOTE_MENU_ID, selectionText: '   ' }, { id: 7 });
    f.click({ menuItemId: NOTE_MENU_ID, selectionText: 'no tab' });
    await Promise.resolve();
    expect(f.sent).toEqual([[7, { type: 'lens/compose-note', text: '人类命运共同体' }]]);
  });

  it('sends a message the content script accepts, cut to the longest quote a note keeps', () => {
    const message = composeMessage('字'.repeat(12_000));
    expect(message?.text).toHaveLength(10_000);
    expect(validateTabRequest(message)).toEqual({ ok: true, value: message });
    expect(composeMessage(undefined)).toBeNull();
    expect(validateTabRequest({ type: 'lens/compose-note', text: '' }).ok).toBe(false);
    expect(validateTabRequest({ type: 'lens/compose-note', text: 'x', extra: 1 }).ok).toBe(false);
    expect(validateTabResponse('lens/compose-note', { ok: true, data: { opened: true } })).toEqual({ ok: true, data: { opened: true } });
    expect(validateTabResponse('lens/compose-note', { ok: true, data: { opened: 'yes' } }).ok).toBe(false);
  });
});
