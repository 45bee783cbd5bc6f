// The glossary as the content script holds it: its key at once; the entries and documents only
// once a page has something to match, fetched from the background (the 0.2 MB of JSON would
// otherwise be in the bundle every page compiles) and parsed then.

import { matcherKey } from '../../lib/glossary/matcher-input';
import type { CompiledGlossary } from '../../lib/glossary/types';

export interface LazyGlossary {
  /** `matcherKey` of the glossary: what the shipped matcher and prefilter were built for. */
  readonly key: string;
  /** Fetches and parses the glossary (once). */
  load(): Promise<CompiledGlossary>;
  /**
   * The glossary once loaded. Matches exist only after the matcher was built from it, so whatever
   * describes a match may call this; anything else awaits `load()`.
   */
  get(): CompiledGlossary;
}

/** A glossary fetched as JSON by `fetchJson` when first needed. */
export function fetchedGlossary(key: string, fetchJson: () => Promise<string>): LazyGlossary {
  let parsed: CompiledGlossary | null = null;
  let loading: Promise<CompiledGlossary> | null = null;
  return {
    key,
    load: () =>
      (loading ??= fetchJson().then(
        (json) => {
          parsed = JSON.parse(json) as CompiledGlossary;
          return parsed;
        },
        (error: unknown) => {
          // The background did not answer: the next use asks again.
          loading = null;
          throw error;
        },
      )),
    get: () => {
      if (!parsed) throw new Error('Tifa Lens: the glossary is used before it was loaded.');
      return parsed;
    },
  };
}

/** A glossary already parsed (tests, callers that have one). */
export function parsedGlossary(glossary: CompiledGlossary): LazyGlossary {
  return { key: matcherKey(glossary), load: () => Promise.resolve(glossary), get: () => glossary };
}
