import { vi } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import type { PopupProps } from '../../../components/popup/Popup';
import type { EncounterStats } from '../../../components/popup/types';
import type { Note } from '../../../lib/notes/types';

export const { entries } = glossary;
export const XSS = '<img src=x onerror=alert(1)>';
export const T0 = Date.UTC(2024, 4, 1, 8, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

export function entry(id: string) {
  const found = entries.find((e) => e.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

let seq = 0;
export function note(overrides: Partial<Note> = {}): Note {
  seq++;
  return {
    id: `note-${seq}`,
    url: 'https://news.example.com/world/summit',
    title: 'Summit report',
    site: 'news.example.com',
    ref: null,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: '人类命运共同体', prefix: '推动构建', suffix: '。' },
      position: { type: 'TextPositionSelector', start: 20, end: 27 },
    },
    body: 'A note',
    tags: [],
    createdAt: T0 + seq * DAY,
    updatedAt: T0 + seq * DAY,
    ...overrides,
  };
}

/** Three notes written on three days: belt (oldest), XSS, community (newest). */
export function threeNotes(): Note[] {
  const base = T0 + 100 * DAY;
  return [
    note({
      id: 'belt',
      ref: { kind: 'term', entryId: 'belt-and-road' },
      body: 'BRI framing in the summit speech',
      tags: ['bri', 'speech'],
      title: 'Belt and Road at ten',
      url: 'https://www.economist.example/bri',
      site: 'economist.example',
      createdAt: base,
      updatedAt: base,
    }),
    note({
      id: 'xss',
      body: `Hostile ${XSS} body`,
      title: `Title ${XSS}`,
      tags: ['odd'],
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: `quote ${XSS}`, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 5 },
      },
      createdAt: base + DAY,
      updatedAt: base + DAY,
    }),
    note({
      id: 'community',
      ref: { kind: 'term', entryId: 'shared-future-mankind' },
      body: 'Signature formulation',
      tags: ['speech'],
      createdAt: base + 2 * DAY,
      updatedAt: base + 3 * DAY,
    }),
  ];
}

export const ok = async () => ({ ok: true as const });

/** Enough of the glossary for most tests (a full one makes every render slower). */
export const someEntries = entries.filter((e, i) => i < 30 || e.id === 'belt-and-road');

export function popupProps(overrides: Partial<PopupProps> = {}): PopupProps {
  const met: EncounterStats = new Map();
  return {
    entries: someEntries,
    page: { kind: 'unavailable' },
    notes: [],
    met,
    orphanIds: new Set(),
    cardTrigger: 'hover',
    sampleHref: 'chrome-extension://x/source.html',
    sourceHref: (e) => `chrome-extension://x/source.html?term=${e.id}`,
    onRevealTerm: vi.fn(),
    onSetSiteDisabled: vi.fn(ok),
    onOpenNote: vi.fn(),
    onSaveNote: vi.fn(ok),
    onDeleteNote: vi.fn(ok),
    onRestoreNote: vi.fn(ok),
    onExport: vi.fn(ok),
    onPreviewImport: vi.fn(async () => ({ ok: false as const, error: 'not used' })),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
}
