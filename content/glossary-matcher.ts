import { MATCHER_GZIP_BASE64, MATCHER_KEY } from '../assets/generated/matcher';
import { glossaryCorpus, glossaryPatterns, matcherKey } from '../lib/glossary/matcher-input';
import type { CompiledGlossary } from '../lib/glossary/types';
import { compileMatcher, loadMatcher } from '../lib/match/index';
import type { Matcher } from '../lib/match/index';

/** What assets/generated/matcher.ts holds (scripts/build-glossary.ts writes it). */
export interface SerializedMatcher {
  /** `matcherKey` of the glossary it was compiled from. */
  key: string;
  /** `serializeMatcher`'s bytes, gzipped (a third of the size: less script for every page to parse), base64. */
  gzipBase64: string;
}

/** Base64 to bytes: natively where the engine has `Uint8Array.fromBase64` (Chrome 140, Firefox 133). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const native: unknown = Reflect.get(Uint8Array, 'fromBase64');
  if (typeof native === 'function') {
    const bytes: unknown = Reflect.apply(native, Uint8Array, [base64]);
    if (bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Gunzips natively (DecompressionStream: Chrome 80, Firefox 113), off the script's own code. */
export async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The page's matcher: loaded from the serialized automata the glossary build made (a few ms), or,
 * when they were built for another glossary or matcher version or cannot be read, compiled here
 * (35–100 ms on two cores). Built once per page, and only once the page has text to match; the
 * `tifa-lens:compile` measure times the synchronous part (the unzipping is native and async).
 */
export async function createGlossaryMatcher(
  glossary: CompiledGlossary,
  serialized: SerializedMatcher | null = { key: MATCHER_KEY, gzipBase64: MATCHER_GZIP_BASE64 },
): Promise<Matcher> {
  let bytes: Uint8Array | null = null;
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
  matcher ??= compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), { quotes: true });
  performance.measure('tifa-lens:compile', { start, end: performance.now() });
  return matcher;
}
