// Pinyin written as a reference dictionary prints it, by the Basic rules of Hanyu Pinyin
// orthography (GB/T 16159-2012): words written together, proper nouns and names capitalized,
// Chinese punctuation as its Latin equivalent, digits and Latin letters as written.

import { splitSyllables, startsWithVowel } from './pinyin-syllables';
import type { ListedItem, PinyinWordList } from './pinyin-word-list';
import type { Category, GlossaryEntry } from './types';

/** A term's pinyin: its written form (`Běijīng Dōng'àohuì`) and its syllables (`běi jīng dōng ào huì`). */
export type PinyinForms = Pick<GlossaryEntry, 'pinyin' | 'syllables'>;

/** Tone-marked readings of a run of Han characters, one per character (pinyin-pro's). */
export type ReadHan = (text: string, surname: boolean) => string[];

const HAN = /\p{Script=Han}/u;
const LITERAL = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u;
const SPACE = /\s/u;
const NUMERALS = new Set(Array.from('零〇一二三四五六七八九十百千万亿两'));
/** Function words stay in lower case inside a capitalized name (`Sīchóu zhī Lù`). */
const FUNCTION_WORDS = new Set(['之', '的', '与', '和', '同', '于', '及', '关于']);

type Punctuation = { text: string; space: 'after' | 'before' | 'none' | 'both' };

/** How a Chinese punctuation mark is written in pinyin and where it takes a space. */
function punctuation(mark: string): Punctuation {
  if (/^[，,、]$/u.test(mark)) return { text: ',', space: 'after' };
  if (/^[；;]$/u.test(mark)) return { text: ';', space: 'after' };
  if (/^[：:]$/u.test(mark)) return { text: ':', space: 'after' };
  if (/^[。.]$/u.test(mark)) return { text: '.', space: 'after' };
  if (/^[！!]$/u.test(mark)) return { text: '!', space: 'after' };
  if (/^[？?]$/u.test(mark)) return { text: '?', space: 'after' };
  // A single dash joins two names (中国—中亚, China–Central Asia); a doubled one is a break.
  if (/^[—–－-]$/u.test(mark)) return { text: '–', space: 'none' };
  if (/^[—–－-]{2,}$/u.test(mark)) return { text: '—', space: 'none' };
  // Title marks and corner brackets are quotation marks in Latin text.
  const opening: Record<string, string> = { '“': '“', '‘': '‘', '《': '“', '「': '“', '『': '‘', '（': '(', '(': '(' };
  const closing: Record<string, string> = { '”': '”', '’': '’', '》': '”', '」': '”', '』': '’', '）': ')', ')': ')' };
  if (opening[mark]) return { text: opening[mark], space: 'before' };
  if (closing[mark]) return { text: closing[mark], space: 'after' };
  if (/^[·•・]$/u.test(mark)) return { text: '', space: 'both' };
  return { text: mark, space: 'both' };
}

type Piece = { kind: 'word'; parts: string[] } | { kind: 'literal'; text: string } | { kind: 'mark'; text: string } | { kind: 'space' };

/** Syllables written as one part of a word: an apostrophe before a, o, e inside it. */
function joinSyllables(syllables: readonly string[], capital: boolean): string {
  const joined = syllables.map((s, i) => (i > 0 && startsWithVowel(s) ? `'${s}` : s)).join('');
  return capital ? joined.charAt(0).toUpperCase() + joined.slice(1) : joined;
}

/** The words of a listed item over its readings. */
function itemWords(item: ListedItem, readings: readonly string[]): Piece[] {
  let at = 0;
  return item.words.map((word, w) => {
    const capital = item.kind !== 'common' && (w === 0 || !FUNCTION_WORDS.has(word.join('')));
    const parts = word.map((part) => {
      const n = Array.from(part).length;
      const syllables = readings.slice(at, at + n);
      at += n;
      return joinSyllables(syllables, capital);
    });
    return { kind: 'word' as const, parts };
  });
}

/**
 * A run of Han characters as words: listed items first (longest match), then numbers, then single
 * characters. `readings` are the run's; a listed name's are replaced by its reading as a name.
 */
function hanWords(chars: readonly string[], readings: string[], list: PinyinWordList, read: ReadHan): Piece[] {
  const pieces: Piece[] = [];
  let ordinal: Piece | null = null;
  let i = 0;
  while (i < chars.length) {
    let n = Math.min(list.longest, chars.length - i);
    let item = list.items.get(chars.slice(i, i + n).join(''));
    while (!item && n > 1) item = list.items.get(chars.slice(i, i + --n).join(''));
    if (item) {
      // Only a listed personal name reads its first character as a surname (乐 yuè, 单 shàn).
      const own = item.kind === 'name' ? read(chars.slice(i, i + n).join(''), true) : readings.slice(i, i + n);
      if (own.length === n) readings.splice(i, n, ...own);
      pieces.push(...itemWords(item, readings.slice(i, i + n)));
      ordinal = null;
      i += n;
      continue;
    }
    const numeral = NUMERALS.has(chars[i] ?? '');
    n = 1;
    if (numeral) while (NUMERALS.has(chars[i + n] ?? '')) n++;
    const word = joinSyllables(readings.slice(i, i + n), false);
    // An ordinal: 第 and its number are one word with a hyphen (dì-yī).
    if (numeral && ordinal?.kind === 'word') ordinal.parts.push(word);
    else pieces.push({ kind: 'word', parts: [word] });
    ordinal = chars[i] === '第' ? (pieces[pieces.length - 1] ?? null) : null;
    i += n;
  }
  return pieces;
}

/** Splits a text into Han runs, Latin-and-digit runs, spaces and punctuation marks (a dash run as one). */
function runs(text: string): { kind: 'han' | 'literal' | 'space' | 'mark'; text: string }[] {
  const out: { kind: 'han' | 'literal' | 'space' | 'mark'; text: string }[] = [];
  for (const char of text) {
    const kind = HAN.test(char) ? 'han' : LITERAL.test(char) ? 'literal' : SPACE.test(char) ? 'space' : 'mark';
    const last = out[out.length - 1];
    const joins = last?.kind === kind && (kind !== 'mark' || (/^[—–－-]$/u.test(char) && last.text.endsWith(char)));
    if (last && joins) last.text += char;
    else out.push({ kind, text: char });
  }
  return out;
}

function render(pieces: readonly Piece[]): string {
  let out = '';
  let space = false;
  const gap = (): void => {
    if (out !== '' && space) out += ' ';
  };
  for (const piece of pieces) {
    const p = piece.kind === 'mark' ? punctuation(piece.text) : null;
    if (piece.kind === 'space' || p?.text === '') {
      space = out !== '';
    } else if (p) {
      if (p.space === 'before' || p.space === 'both') gap();
      out += p.text;
      space = p.space === 'after' || p.space === 'both';
    } else {
      gap();
      out += piece.kind === 'word' ? piece.parts.join('-') : piece.text;
      space = true;
    }
  }
  return out.trim();
}

/** The ruby form: one syllable per Han character, other runs as written. */
function syllableForm(text: string, readings: readonly string[]): string {
  const tokens: string[] = [];
  let other = '';
  let h = 0;
  for (const char of text) {
    if (HAN.test(char) || SPACE.test(char)) {
      if (other) tokens.push(other);
      other = '';
      if (HAN.test(char)) tokens.push((readings[h++] ?? '').toLowerCase());
    } else other += char;
  }
  if (other) tokens.push(other);
  return tokens.join(' ');
}

/**
 * The pinyin the build generates for a term, or a problem. A four-character idiom is written as
 * two halves joined by a hyphen (tóngzhōu-gòngjì), as GB/T 16159 writes a 成语 read 2 + 2.
 */
export function writePinyin(zh: string, category: Category, list: PinyinWordList, read: ReadHan): PinyinForms | string {
  const parts = runs(zh);
  const readings: string[] = [];
  for (const run of parts) {
    if (run.kind !== 'han') continue;
    const own = read(run.text, false);
    if (own.length !== Array.from(run.text).length) return `pinyin-pro gives ${own.length} reading(s) for "${run.text}"`;
    readings.push(...own);
  }
  const chars = Array.from(zh).filter((c) => HAN.test(c));
  if (category === 'idiom' && chars.length === 4 && parts.length === 1) {
    const pinyin = `${joinSyllables(readings.slice(0, 2), false)}-${joinSyllables(readings.slice(2), false)}`;
    return { pinyin, syllables: syllableForm(zh, readings) };
  }
  const pieces: Piece[] = [];
  let h = 0;
  for (const run of parts) {
    if (run.kind === 'han') {
      const n = Array.from(run.text).length;
      const own = readings.slice(h, h + n);
      pieces.push(...hanWords(Array.from(run.text), own, list, read));
      readings.splice(h, n, ...own);
      h += n;
    } else if (run.kind === 'literal') pieces.push({ kind: 'literal', text: run.text });
    else if (run.kind === 'space') pieces.push({ kind: 'space' });
    else pieces.push({ kind: 'mark', text: run.text });
  }
  return { pinyin: render(pieces), syllables: syllableForm(zh, readings) };
}

/**
 * Reads a curator's written pinyin against the term it spells: its syllables in ruby form, or a
 * problem (not pinyin, Chinese punctuation, a digit or letter run that differs from the term's).
 * The syllables line up with the term only when `count` (read) equals `needs` (its Han characters).
 */
export function readPinyin(display: string, zh: string): { syllables: string; count: number; needs: number } | { problem: string } {
  const text = display.normalize('NFC');
  if (/[\u3000-\u303F\uFF00-\uFFEF]/u.test(text)) {
    return { problem: `pinyin "${display}" has Chinese punctuation: write it as in English (, ; : – —)` };
  }
  const literals = runs(zh)
    .filter((r) => r.kind === 'literal')
    .map((r) => r.text);
  const syllables: string[] = [];
  let l = 0;
  for (const piece of text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    if (piece === literals[l]) {
      l++;
      continue;
    }
    const split = splitSyllables(piece);
    if (!split) return { problem: `pinyin "${display}" is not pinyin at "${piece}"` };
    syllables.push(...split.map((s) => s.toLowerCase()));
  }
  if (l !== literals.length) return { problem: `pinyin "${display}" must write ${literals.join(', ')} as the term does` };
  const needs = Array.from(zh).filter((c) => HAN.test(c)).length;
  return { syllables: syllableForm(zh, syllables), count: syllables.length, needs };
}
