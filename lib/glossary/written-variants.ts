// Spellings of a simplified form that pages write but normalization does not fold: the build adds
// them as forms of their own (and converts them to traditional like the rest).

const HAN = '\\p{Script=Han}';
/** One dash (not the double dash ——, which is punctuation) between two Han characters. */
const JOINING_DASH = new RegExp(`(?<=${HAN})[-\u2010-\u2015\u2212](?=${HAN})`, 'gu');
/** Three or more units of one or two Han characters, separated by enumeration commas. */
const ENUMERATION = new RegExp(`^${HAN}{1,2}(?:、${HAN}{1,2}){2,}$`, 'u');

/**
 * The other spellings of `form`: without the dash of a compound (`中国—中亚命运共同体` →
 * `中国中亚命运共同体`), without the commas of a short enumeration (`亲、诚、惠、容` → `亲诚惠容`).
 */
export function writtenVariants(form: string): string[] {
  const variants: string[] = [];
  const dashless = form.replace(JOINING_DASH, '');
  if (dashless !== form) variants.push(dashless);
  if (ENUMERATION.test(form)) variants.push(form.replaceAll('、', ''));
  return variants;
}
