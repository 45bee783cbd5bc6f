// The converters only the build carries: pinyin-pro for pinyin, opencc-js for traditional forms.
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { GlossaryTools } from '../lib/glossary/compile';
import type { TraditionalConverter } from '../lib/glossary/regional-forms';

// Taiwan (its characters, and with its vocabulary) and Hong Kong standards: pages from both are read.
const converters: TraditionalConverter[] = [
  { region: 'tw', name: 'cn→tw', vocabulary: false, convert: OpenCC.Converter({ from: 'cn', to: 'tw' }) },
  { region: 'tw', name: 'cn→twp', vocabulary: true, convert: OpenCC.Converter({ from: 'cn', to: 'twp' }) },
  { region: 'hk', name: 'cn→hk', vocabulary: false, convert: OpenCC.Converter({ from: 'cn', to: 'hk' }) },
];
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

export const glossaryTools: GlossaryTools = {
  traditional: (text) => converters.map((c) => c.convert(text)),
  converters,
  simplified: (text) => toSimplified(text),
  // Dictionary tones (yī, bù), as glossaries write them, not the spoken sandhi (yí, bú).
  pinyin: (text, { surname }) =>
    pinyin(text, {
      toneType: 'symbol',
      type: 'array',
      nonZh: 'consecutive',
      toneSandhi: false,
      surname: surname ? 'head' : 'off',
    })
      .map((token) => token.trim())
      .filter((token) => token !== ''),
};
