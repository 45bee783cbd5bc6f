// Search in the popup ignores case and tone marks: "renlei" finds "rénlèi", "Belt" finds "belt".

/**
 * Lowercase, without diacritics (tone marks included), apostrophes and dashes as spaces (pinyin's
 * `Dōng'àohuì`, `tóngzhōu-gòngjì`), whitespace collapsed.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‐-―-]/gu, ' ')
    .replace(/\s+/gu, ' ');
}

/** The words of a query, folded; none for a blank query. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(' ')
    .filter((w) => w !== '');
}

/** Whether every word occurs in the folded haystack (or in it without spaces, for pinyin typed as one word). */
export function matchesWords(haystack: string, words: readonly string[]): boolean {
  const solid = haystack.replace(/ /gu, '');
  return words.every((w) => haystack.includes(w) || solid.includes(w));
}
