// The prefilter the build ships in the content script's own bundle (assets/generated/prefilter.ts):
// what the loader probes every page with before anything else is loaded.

import { PREFILTER, PREFILTER_KEY } from '../assets/generated/prefilter';
import { Prefilter } from '../lib/match/prefilter';
import type { PrefilterData } from '../lib/match/prefilter';
import { bytesOfBase64 } from './base64';

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
