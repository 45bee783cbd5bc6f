// Whether a card speaks the page's script: a term found by one of its traditional forms, a quote
// written in traditional characters, or a page that says it is in traditional Chinese gets its
// source sentence in traditional characters, in Hong Kong's standard on Hong Kong and Macao pages.

import type { TraditionalRegion } from '../glossary/types';
import type { Script } from '../match/index';

/** BCP 47 tags of traditional Chinese: zh-Hant…, zh-TW, zh-HK, zh-MO (and their subtags). */
const TRADITIONAL_TAG = /^zh-(?:hant|tw|hk|mo)(?:-|$)/iu;
/** Those whose standard is Hong Kong's: zh-HK, zh-MO, zh-Hant-HK, zh-Hant-MO. */
const HONG_KONG_TAG = /^zh-(?:hant-)?(?:hk|mo)(?:-|$)/iu;

let variantsOf: { from: string; set: Set<string> } | null = null;

/** Whether `text` holds a traditional form of a corpus character (the glossary's quote variants). */
export function holdsQuoteVariant(text: string, quoteVariants: string): boolean {
  if (variantsOf?.from !== quoteVariants) {
    const pairs = [...quoteVariants];
    const set = new Set<string>();
    for (let i = 0; i < pairs.length; i += 2) set.add(pairs[i]!);
    variantsOf = { from: quoteVariants, set };
  }
  for (const ch of text) if (variantsOf.set.has(ch)) return true;
  return false;
}

export interface PageScript {
  /** The language of the match's element (its closest `lang`, else the document's); may be ''. */
  lang: string;
  /** The script of the form a term was found by; undefined for a quote. */
  script?: Script;
  /** A quote as the page writes it, with the glossary's quote variants. */
  quote?: { found: string; quoteVariants: string };
}

/** The traditional standard a card shows its source in, or null to show the simplified original. */
export function traditionalRegionFor({ lang, script, quote }: PageScript): TraditionalRegion | null {
  const tag = lang.trim();
  const traditional = TRADITIONAL_TAG.test(tag) || script === 'hant' || (quote !== undefined && holdsQuoteVariant(quote.found, quote.quoteVariants));
  if (!traditional) return null;
  return HONG_KONG_TAG.test(tag) ? 'hk' : 'tw';
}
