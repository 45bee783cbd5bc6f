// The curated word list the build writes pinyin by (assets/glossary/pinyin/words.yaml): which
// characters make one word, which words are proper nouns, and which are personal names.

/** `name`: a Chinese personal name, surname then given name; `proper`: capitalized; `common`: lower case. */
export type WordKind = 'name' | 'proper' | 'common';

/** One item of the list: its words, each a list of parts joined by hyphens (`冰天-雪地`). */
export interface ListedItem {
  kind: WordKind;
  /** As the list writes it, for messages. */
  written: string;
  words: string[][];
}

export interface PinyinWordList {
  /** Items by their characters. */
  items: ReadonlyMap<string, ListedItem>;
  /** The most characters an item has. */
  longest: number;
}

export const NO_WORDS: PinyinWordList = { items: new Map(), longest: 0 };

const SECTIONS: Record<string, WordKind> = { names: 'name', proper: 'proper', words: 'common' };
const ITEM = /^\p{Script=Han}+(?:[ -]\p{Script=Han}+)*$/u;

/** Reads the list's YAML content; every problem is pushed with the item it belongs to. */
export function readPinyinWordList(content: unknown, problems: string[]): PinyinWordList {
  const where = 'pinyin/words.yaml';
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    problems.push(`${where}: must be a mapping of ${Object.keys(SECTIONS).join(', ')}`);
    return NO_WORDS;
  }
  const items = new Map<string, ListedItem>();
  for (const [section, list] of Object.entries(content)) {
    const kind = SECTIONS[section];
    if (!kind) {
      problems.push(`${where}: unknown section "${section}" (expected ${Object.keys(SECTIONS).join(', ')})`);
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(`${where} ${section}: must be a list`);
      continue;
    }
    for (const raw of list as unknown[]) {
      const written = typeof raw === 'string' ? raw.trim() : '';
      if (!ITEM.test(written)) {
        problems.push(`${where} ${section}: "${String(raw)}" is not Chinese characters with single spaces or hyphens between words`);
        continue;
      }
      const words = written.split(' ').map((word) => word.split('-'));
      if (kind === 'name' && (words.length !== 2 || words.some((w) => w.length > 1))) {
        problems.push(`${where} names: "${written}" must be a surname, a space and a given name`);
        continue;
      }
      const key = written.replace(/[ -]/gu, '');
      const other = items.get(key);
      if (other) problems.push(`${where} ${section}: "${written}" is listed twice (also "${other.written}")`);
      else items.set(key, { kind, written, words });
    }
  }
  return { items, longest: Math.max(0, ...[...items.keys()].map((k) => Array.from(k).length)) };
}
