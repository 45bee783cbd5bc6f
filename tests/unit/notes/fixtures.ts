// Small fixed data for the notes tests (the real glossary is being curated and changes).

import type { GlossaryLike } from '../../../lib/notes/citation';
import type { Encounter, Note } from '../../../lib/notes/types';

const PARA = '我们要携手共命运，一起向未来。中国愿同中亚国家一道，推动构建人类命运共同体。';

export const GLOSSARY: GlossaryLike = {
  documents: [
    {
      id: 'speech',
      kind: 'speech',
      title: '携手共命运 一起向未来',
      subtitle: '',
      author: '习近平',
      date: '2022-01-25',
      source: 'Xinhua',
      blocks: [
        { role: 'title', text: '携手共命运 一起向未来', n: 0 },
        { role: 'paragraph', text: '尊敬的各位同事：', n: 1 },
        { role: 'paragraph', text: PARA, n: 2 },
      ],
    },
  ],
  entries: [
    {
      id: 'shared-future-mankind',
      zh: '人类命运共同体',
      pinyin: 'rénlèi mìngyùn gòngtóngtǐ',
      syllables: 'rén lèi mìng yùn gòng tóng tǐ',
      en: 'community with a shared future for mankind',
      category: 'concept',
      explanation: 'Xi Jinping’s signature formulation.',
      forms: [{ text: '人类命运共同体', script: 'hans' }],
      occurrences: [[0, 2, PARA.indexOf('人类命运共同体'), PARA.indexOf('人类命运共同体') + 7, 15, PARA.length]],
    },
    {
      id: 'together-for-future',
      zh: '一起向未来',
      pinyin: 'yīqǐ xiàng wèilái',
      syllables: 'yī qǐ xiàng wèi lái',
      en: 'Together for a Shared Future',
      category: 'olympics',
      explanation: 'The Beijing 2022 motto.',
      forms: [{ text: '一起向未来', script: 'hans' }],
      occurrences: [[0, 2, PARA.indexOf('一起向未来'), PARA.indexOf('一起向未来') + 5, 0, 15]],
    },
  ],
};

export const T0 = Date.UTC(2024, 4, 1, 8, 0, 0);

let seq = 0;
export function makeNote(overrides: Partial<Note> = {}): Note {
  seq++;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    url: 'https://news.example.com/world/summit',
    title: 'Summit report',
    site: 'news.example.com',
    ref: null,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: '携手共命运', prefix: '我们要', suffix: '，一起向未来' },
      position: { type: 'TextPositionSelector', start: 3, end: 8 },
    },
    body: 'A note.',
    tags: [],
    createdAt: T0 + seq * 1000,
    updatedAt: T0 + seq * 1000,
    ...overrides,
  };
}

export function makeEncounter(overrides: Partial<Encounter> = {}): Encounter {
  return {
    entryId: 'shared-future-mankind',
    url: 'https://news.example.com/world/summit',
    site: 'news.example.com',
    title: 'Summit report',
    firstSeen: T0,
    lastSeen: T0 + 60_000,
    count: 2,
    ...overrides,
  };
}

/** Notes with the text that breaks naive exports: HTML, quotes, commas, newlines, CJK. */
export function trickyNotes(): Note[] {
  return [
    makeNote({
      id: 'note-term',
      title: 'Xi <b>speech</b> | "summit", part 1',
      ref: { kind: 'term', entryId: 'shared-future-mankind' },
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: '人类命运共同体', prefix: '推动构建', suffix: '。' },
        position: { type: 'TextPositionSelector', start: 40, end: 47 },
      },
      body: 'Key term <img src=x onerror=alert(1)>\nSecond line, with "quotes", commas\n# not a heading',
      tags: ['concept', 'xi'],
      createdAt: T0,
      updatedAt: T0 + 3_600_000,
    }),
    makeNote({
      id: 'note-free',
      title: 'Xi <b>speech</b> | "summit", part 1',
      ref: null,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: '=HYPERLINK("http://evil")', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 25 },
      },
      body: '[click](javascript:alert(1)) & <script>alert(2)</script>',
      tags: [],
      createdAt: T0 + 1000,
      updatedAt: T0 + 1000,
    }),
    makeNote({
      id: 'note-quote',
      url: 'https://www.example.org/other',
      site: 'example.org',
      title: '',
      ref: { kind: 'quote', doc: 'speech', block: 2, start: 3, end: 8 },
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: '携手共命运', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 5 },
      },
      body: '',
      tags: [],
      createdAt: T0 + 2000,
      updatedAt: T0 + 2000,
    }),
  ];
}
