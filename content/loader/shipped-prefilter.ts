// The prefilter the build ships in the content script's own bundle (assets/generated/prefilter.ts):
// what the loader probes every page with before anything else is loaded.

import { PREFILTER, PREFILTER_KEY } from '../../assets/generated/prefilter';
import { Prefilter } from '../../lib/match/prefilter';
import type { PrefilterData } from '../../lib/match/prefilter';
import { uint32sOfBase64 } from '../../lib/match/base64';
import { TextGate } from '../../lib/match/text-gate';

/** The prefilter as assets/generated/prefilter.ts holds it: each set base64 of little-endian 32-bit values. */
export type ShippedPrefilter = { [K in keyof PrefilterData]: PrefilterData[K] extends Uint32Array ? string : PrefilterData[K] };

/** The shipped prefilter's sets decoded. */
export function prefilterData(shipped: ShippedPrefilter): PrefilterData {
  return {
    minHan: shipped.minHan,
    always: shipped.always,
    han1: uint32sOfBase64(shipped.han1),
    han2: uint32sOfBase64(shipped.han2),
    han3: uint32sOfBase64(shipped.han3),
    heads: uint32sOfBase64(shipped.heads),
    words: uint32sOfBase64(shipped.words),
    corpus: uint32sOfBase64(shipped.corpus),
    variants: uint32sOfBase64(shipped.variants),
    bits: uint32sOfBase64(shipped.bits),
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

/** The gate the loader tests a whole page's text by (lib/match/text-gate.ts), on `glossaryPrefilter`'s terms. */
export function glossaryGate(glossaryKey: string, shipped: { key: string; data: ShippedPrefilter } = { key: PREFILTER_KEY, data: PREFILTER }): TextGate | null {
  return shipped.key === glossaryKey ? new TextGate(prefilterData(shipped.data)) : null;
}

/**
 * The shipped gate and its prefilter (one decoding for both), made on the first call of either
 * (a frame without text never decodes them).
 */
export function lazyFilters(glossaryKey: string): { prefilter: () => Prefilter | null; gate: () => TextGate | null } {
  let made: { gate: TextGate | null } | null = null;
  const gate = (): TextGate | null => (made ??= { gate: glossaryGate(glossaryKey) }).gate;
  return { gate, prefilter: () => gate()?.prefilter ?? null };
}
