import { PREFILTER, PREFILTER_KEY } from '../assets/generated/prefilter';
import { glossaryCorpus, glossaryPatterns, matcherKey } from '../lib/glossary/matcher-input';
import type { CompiledGlossary } from '../lib/glossary/types';
import { compileMatcher, loadMatcher, Prefilter } from '../lib/match/index';
import type { Matcher, PrefilterData } from '../lib/match/index';

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
  matcher ??= compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), { quotes: true });
  performance.measure('tifa-lens:compile', { start, end: performance.now(), detail: { loaded } });
  return matcher;
}

/** The prefilter as assets/generated/prefilter.ts holds it: each set base64 of little-endian 32-bit values. */
export type ShippedPrefilter = { [K in keyof PrefilterData]: PrefilterData[K] extends Uint32Array ? string : PrefilterData[K] };

/** Whether this engine stores typed arrays little-endian (every engine a browser ships, in practice). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function wordsOfBase64(base64: string): Uint32Array {
  const bytes = bytesOfBase64(base64);
  // A view, not a copy: decoding runs on every page.
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.length >> 2 }, (_, i) => view.getUint32(4 * i, true));
}

/** The shipped prefilter's sets decoded. */
export function prefilterData(shipped: ShippedPrefilter): PrefilterData {
  return {
    minHan: shipped.minHan,
    always: shipped.always,
    han1: wordsOfBase64(shipped.han1),
    han2: wordsOfBase64(shipped.han2),
    han3: wordsOfBase64(shipped.han3),
    heads: wordsOfBase64(shipped.heads),
    words: wordsOfBase64(shipped.words),
    corpus: wordsOfBase64(shipped.corpus),
    bits: wordsOfBase64(shipped.bits),
  };
}

/**
 * The test a page's text passes before the matcher is loaded (no page without a term or quote
 * loads it); null, so that everything is matched, when the build made it for another glossary
 * (`glossaryKey`: its `matcherKey`).
 */
export function glossaryPrefilter(
  glossaryKey: string,
  shipped: { key: string; data: ShippedPrefilter } = { key: PREFILTER_KEY, data: PREFILTER },
): Prefilter | null {
  return shipped.key === glossaryKey ? new Prefilter(prefilterData(shipped.data)) : null;
}
