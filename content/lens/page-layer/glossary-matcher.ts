import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns, matcherKey } from '../../../lib/glossary/matcher-input';
import type { CompiledGlossary } from '../../../lib/glossary/types';
import { compileMatcher, loadMatcher } from '../../../lib/match/index';
import type { Matcher } from '../../../lib/match/index';
import { bytesOfBase64 } from '../../../lib/match/base64';
import { traceMeasure } from '../../shared/trace';

/**
 * What assets/generated/matcher.ts holds (scripts/build-glossary.ts writes it). The background
 * bundles it and hands it to the pages that need it ('matcher/serialized'): kept out of the
 * content script, it is not parsed on every page (some 3 ms for its 0.4 MB of base64).
 */
export interface SerializedMatcher {
  /** `matcherKey` of the glossary it was compiled from. */
  key: string;
  /** `serializeMatcher`'s bytes, gzipped (a third of the size), base64. */
  gzipBase64: string;
}

/** Gunzips natively (DecompressionStream: Chrome 80, Firefox 113), off the script's own code. */
export async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The page's matcher: loaded from the serialized automata the glossary build made (a few ms), or,
 * when they are missing (the background did not answer), were built for another glossary or
 * matcher version or cannot be read, compiled here (35–100 ms on two cores). Built once per page,
 * and only once the page has text to match; the `tifa-lens:compile` measure times the
 * synchronous part (the unzipping is native and async).
 */
export async function createGlossaryMatcher(
  glossary: CompiledGlossary,
  source: SerializedMatcher | null | Promise<SerializedMatcher | null>,
): Promise<Matcher> {
  let bytes: Uint8Array | null = null;
  const serialized = await Promise.resolve(source).catch(() => null);
  if (serialized && serialized.key === matcherKey(glossary)) {
    try {
      bytes = await gunzip(bytesOfBase64(serialized.gzipBase64));
    } catch {
      // Not gzip: compile instead.
    }
  }
  const start = performance.now();
  let matcher: Matcher | null = null;
  if (bytes) {
    try {
      matcher = loadMatcher(bytes);
    } catch {
      // Bytes of another matcher version: compile instead.
    }
  }
  const loaded = matcher !== null;
  matcher ??= compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary));
  traceMeasure('tifa-lens:compile', start, { loaded });
  return matcher;
}
