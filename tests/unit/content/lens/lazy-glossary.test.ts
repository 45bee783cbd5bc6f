import { describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../../assets/generated/glossary';
import { GLOSSARY_JSON } from '../../../../assets/generated/glossary-json';
import { GLOSSARY_KEY } from '../../../../assets/generated/glossary-key';
import { fetchedGlossary, parsedGlossary } from '../../../../content/lens/lazy-glossary';
import { matcherKey } from '../../../../lib/glossary/matcher-input';

describe('the content script’s glossary', () => {
  it('has the key of the shipped glossary at once, and fetches and parses it once, when first loaded', async () => {
    expect(GLOSSARY_KEY).toBe(matcherKey(glossary));
    const fetchJson = vi.fn(() => Promise.resolve(GLOSSARY_JSON));
    const lazy = fetchedGlossary(GLOSSARY_KEY, fetchJson);
    expect(lazy.key).toBe(GLOSSARY_KEY);
    expect(fetchJson).not.toHaveBeenCalled();
    // Nothing describes a match before the glossary is loaded: a use before is a bug, and says so.
    expect(() => lazy.get()).toThrow(/before it was loaded/u);
    const [first, second] = await Promise.all([lazy.load(), lazy.load()]);
    expect(first).toEqual(glossary);
    expect(second).toBe(first);
    expect(lazy.get()).toBe(first);
    expect(fetchJson).toHaveBeenCalledTimes(1);
  });

  it('asks again after the background failed to answer', async () => {
    const fetchJson = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('no answer')).mockResolvedValue(GLOSSARY_JSON);
    const lazy = fetchedGlossary(GLOSSARY_KEY, fetchJson);
    await expect(lazy.load()).rejects.toThrow('no answer');
    expect(await lazy.load()).toEqual(glossary);
    expect(fetchJson).toHaveBeenCalledTimes(2);
  });

  it('wraps a glossary already parsed', async () => {
    expect(parsedGlossary(glossary).key).toBe(GLOSSARY_KEY);
    expect(parsedGlossary(glossary).get()).toBe(glossary);
    expect(await parsedGlossary(glossary).load()).toBe(glossary);
  });
});
