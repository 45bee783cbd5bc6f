import { describe, expect, it } from 'vitest';
import { splitSyllables } from '../../../lib/glossary/pinyin-syllables';

describe('splitSyllables', () => {
  it('reads a word written without boundaries, keeping its tone marks and capitals', () => {
    expect(splitSyllables('zhōngguó')).toEqual(['zhōng', 'guó']);
    expect(splitSyllables('Hāsàkèsītǎn')).toEqual(['Hā', 'sà', 'kè', 'sī', 'tǎn']);
    expect(splitSyllables('Liányúngǎng')).toEqual(['Lián', 'yún', 'gǎng']);
    expect(splitSyllables('fāngzhèn')).toEqual(['fāng', 'zhèn']);
    expect(splitSyllables('lǜsè')).toEqual(['lǜ', 'sè']);
  });

  it('reads longest syllables first, as a reader does where no apostrophe splits them', () => {
    expect(splitSyllables('xian')).toEqual(['xian']);
    expect(splitSyllables('yīnián')).toEqual(['yī', 'nián']);
  });

  it('refuses what is not pinyin, or needs an apostrophe', () => {
    expect(splitSyllables('hello')).toBeNull();
    expect(splitSyllables('')).toBeNull();
    // 西安 without its apostrophe: two tone marks cannot be one syllable, and ān cannot follow xī.
    expect(splitSyllables('Xīān')).toBeNull();
  });
});
