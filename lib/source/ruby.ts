// Pinyin over the text of the source viewer. Readings come per character from a converter given
// the whole paragraph (context picks the reading of polyphones); a glossary term's own curated
// pinyin wins over them where the term occurs as written.

const HAN = /^\p{Script=Han}$/u;

/** One character of a text with its reading, or null for characters that are not Han. */
export interface RubyUnit {
  /** UTF-16 offset in the text. */
  offset: number;
  char: string;
  reading: string | null;
}

/**
 * Readings keyed by UTF-16 offset of each Han character: `readings` has one item per code point
 * of `text` (what pinyin-pro's `type: 'array'` gives); a mismatched array gives no readings.
 */
export function readingsByOffset(text: string, readings: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  const chars = Array.from(text);
  if (chars.length !== readings.length) return out;
  let offset = 0;
  chars.forEach((char, i) => {
    const reading = readings[i];
    if (HAN.test(char) && reading && /^\p{L}+$/u.test(reading)) out.set(offset, reading);
    offset += char.length;
  });
  return out;
}

/**
 * A term's curated syllables (`GlossaryEntry.syllables`, `zhōng guó — zhōng yà`: one per Han
 * character, other runs as themselves) aligned to its text; null when they do not line up.
 */
export function termReadings(text: string, pinyin: string): Map<number, string> | null {
  const tokens = pinyin.split(/\s+/u).filter(Boolean);
  const out = new Map<number, string>();
  let t = 0;
  let offset = 0;
  let other = '';
  const flush = (): boolean => {
    if (!other) return true;
    const ok = tokens[t] === other;
    if (ok) t++;
    other = '';
    return ok;
  };
  for (const char of text) {
    if (HAN.test(char)) {
      if (!flush()) return null;
      const token = tokens[t++];
      if (!token) return null;
      out.set(offset, token);
    } else if (/\s/u.test(char)) {
      if (!flush()) return null;
    } else {
      other += char;
    }
    offset += char.length;
  }
  return flush() && t === tokens.length ? out : null;
}

/** The characters of text[start, end) with their readings. */
export function rubyUnits(text: string, start: number, end: number, readings: ReadonlyMap<number, string>): RubyUnit[] {
  const units: RubyUnit[] = [];
  let offset = start;
  for (const char of text.slice(start, end)) {
    units.push({ offset, char, reading: readings.get(offset) ?? null });
    offset += char.length;
  }
  return units;
}
