// The glossary as the content script holds it: its key at once, the parsed entries and documents
// only when first asked for. A page with nothing to match never parses the 0.2 MB of JSON.

import { matcherKey } from '../lib/glossary/matcher-input';
import type { CompiledGlossary } from '../lib/glossary/types';

export interface LazyGlossary {
  /** `matcherKey` of the glossary: what the shipped matcher and prefilter were built for. */
  readonly key: string;
  /** The glossary, parsed on the first call. */
  get(): CompiledGlossary;
}

export function lazyGlossary(json: string, key: string): LazyGlossary {
  let parsed: CompiledGlossary | null = null;
  return {
    key,
    get: () => (parsed ??= JSON.parse(json) as CompiledGlossary),
  };
}

/** A glossary already parsed (tests, callers that have one). */
export function parsedGlossary(glossary: CompiledGlossary): LazyGlossary {
  return { key: matcherKey(glossary), get: () => glossary };
}
