import { describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { GLOSSARY_JSON, GLOSSARY_KEY } from '../../../assets/generated/glossary-json';
import { lazyGlossary, parsedGlossary } from '../../../content/lazy-glossary';
import { matcherKey } from '../../../lib/glossary/matcher-input';

describe('the content script’s glossary', () => {
  it('has the key of the shipped glossary at once, and parses it on first use only', () => {
    expect(GLOSSARY_KEY).toBe(matcherKey(glossary));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const lazy = lazyGlossary(GLOSSARY_JSON, GLOSSARY_KEY);
      expect(lazy.key).toBe(GLOSSARY_KEY);
      expect(parse).not.toHaveBeenCalled();
      const first = lazy.get();
      expect(first).toEqual(glossary);
      expect(lazy.get()).toBe(first);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
    expect(parsedGlossary(glossary).key).toBe(GLOSSARY_KEY);
    expect(parsedGlossary(glossary).get()).toBe(glossary);
  });
});
