import type { CompiledGlossary } from '../lib/glossary/types';
import { compileMatcher, loadMatcher } from '../lib/match/index';
import type { CorpusPassage, Matcher, Pattern } from '../lib/match/index';

/** Every form of every entry, as the matcher's patterns. */
export function glossaryPatterns(glossary: CompiledGlossary): Pattern[] {
  return glossary.entries.flatMap((entry, index) =>
    entry.forms.map((form) => ({ form: form.text, entry: index, script: form.script })),
  );
}

/**
 * Every block of every document: the corpus quotes are traced in. Mirrors `corpusPassages` of
 * lib/glossary/compile.ts, which the extension must not import (it pulls in build-only code).
 */
export function glossaryCorpus(glossary: CompiledGlossary): CorpusPassage[] {
  return glossary.documents.flatMap((doc, d) => doc.blocks.map((block, b) => ({ doc: d, para: b, text: block.text })));
}

/** The key a serialized matcher is built for: the corpus, the number of forms, the glossary version. */
export function matcherKey(glossary: CompiledGlossary): string {
  let forms = 0;
  for (const entry of glossary.entries) forms += entry.forms.length;
  return `${glossary.version}:${glossary.corpusSha256}:${forms}`;
}

/** What assets/generated/matcher.ts holds when the glossary build wrote it. */
export interface SerializedMatcher {
  /** `matcherKey` of the glossary it was compiled from. */
  key: string;
  /** `serializeMatcher`'s bytes, base64. */
  base64: string;
}

/**
 * The matcher the glossary build serialized, if it wrote one: built into the bundle by Vite when
 * assets/generated/matcher.ts exists, nothing otherwise (a glob that matches no file is empty).
 * The module exports a function, so its megabyte of base64 becomes a string only when called.
 */
function bundledMatcher(): SerializedMatcher | null {
  const found = import.meta.glob<() => SerializedMatcher>('../assets/generated/matcher.ts', { eager: true, import: 'serializedMatcher' });
  const make = Object.values(found)[0];
  return make ? make() : null;
}

/** Base64 to bytes: natively where the engine has `Uint8Array.fromBase64` (Chrome 140, Firefox 133). */
export function bytesOfBase64(base64: string): Uint8Array {
  const native: unknown = Reflect.get(Uint8Array, 'fromBase64');
  if (typeof native === 'function') {
    const bytes: unknown = Reflect.apply(native, Uint8Array, [base64]);
    if (bytes instanceof Uint8Array) return bytes;
  }
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The page's matcher: loaded from the serialized automata the glossary build made (a few ms), or,
 * when there are none or they were built for another glossary or matcher version, compiled here
 * (35–100 ms on two cores). Built once per page, and only once the page has text to match.
 */
export function createGlossaryMatcher(glossary: CompiledGlossary, serialized: SerializedMatcher | null = bundledMatcher()): Matcher {
  if (serialized && serialized.key === matcherKey(glossary)) {
    try {
      return loadMatcher(bytesOfBase64(serialized.base64));
    } catch {
      // Bytes of another matcher version: compile instead.
    }
  }
  return compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), { quotes: true });
}
