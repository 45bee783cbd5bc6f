// The converters only the build carries: pinyin-pro for pinyin, opencc-js for traditional forms.
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { GlossaryTools } from '../lib/glossary/compile';

// Taiwan (with its vocabulary) and Hong Kong standards: pages from both are read.
const toTraditional = [
  OpenCC.Converter({ from: 'cn', to: 'tw' }),
  OpenCC.Converter({ from: 'cn', to: 'twp' }),
  OpenCC.Converter({ from: 'cn', to: 'hk' }),
];
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

export const glossaryTools: GlossaryTools = {
  traditional: (text) => toTraditional.map((convert) => convert(text)),
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
