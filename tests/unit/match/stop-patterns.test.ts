import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, serializeMatcher } from '../../../lib/match/index';
import type { CompiledMatcher, Pattern } from '../../../lib/match/index';

const PATTERNS: Pattern[] = [
  { form: '巴赫', entry: 0, script: 'hans' },
  { form: '巴赫穆特', entry: -1, script: 'hans', stop: true },
  { form: '中亚', entry: 1, script: 'hans' },
  { form: '中亚热带', entry: -1, script: 'hans', stop: true },
  { form: '热带雨林', entry: 2, script: 'hans' },
];

const forms = (m: CompiledMatcher, text: string, overlaps?: 'all'): string[] =>
  (overlaps ? compileMatcher(PATTERNS, [], { quotes: false, overlaps }) : m).match([text]).map((x) => x.form);
const matcher = compileMatcher(PATTERNS, [], { quotes: false });

describe('stop patterns', () => {
  it('swallow the shorter terms at their span and report nothing', () => {
    expect(forms(matcher, '俄军攻占巴赫穆特')).toEqual([]);
    expect(forms(matcher, '属中亚热带季风气候')).toEqual([]);
  });

  it('leave the term alone elsewhere in the text', () => {
    expect(forms(matcher, '巴赫穆特战役后，巴赫访问中亚')).toEqual(['巴赫', '中亚']);
  });

  it('compete leftmost-longest like any pattern: a term that starts earlier wins', () => {
    // 热带雨林 starts inside 中亚热带, after it: the stop pattern, leftmost, takes 中亚热带.
    expect(forms(matcher, '中亚热带雨林')).toEqual([]);
  });

  it('are never reported when every overlap is reported either', () => {
    expect(forms(matcher, '攻占巴赫穆特', 'all')).toEqual(['巴赫']);
  });

  it('survive serialization', () => {
    expect(loadMatcher(serializeMatcher(matcher)).match(['攻占巴赫穆特'])).toEqual([]);
  });
});
