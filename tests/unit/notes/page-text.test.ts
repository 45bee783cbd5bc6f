import { describe, expect, it } from 'vitest';
import type { Boundary } from '../../../lib/match/index';
import { layoutPageText, offsetOfPoint, pointsOfSpan, trimSpan } from '../../../lib/notes/page-text';
import type { PageTextLayout } from '../../../lib/notes/page-text';

/** Chunks with their boundaries written between them: '|' inline, '¶' block. */
function layout(...parts: string[]): { chunks: string[]; result: PageTextLayout } {
  const chunks: string[] = [];
  const boundaries: Boundary[] = [];
  for (const part of parts) {
    if (part === '|' || part === '¶') boundaries.push(part === '|' ? 'inline' : 'block');
    else chunks.push(part);
  }
  return { chunks, result: layoutPageText(chunks, boundaries) };
}

/** The chunk text a span maps back to, read from the chunks (as a DOM Range over text nodes would). */
function textOfSpan(chunks: string[], l: PageTextLayout, start: number, end: number): string | null {
  const points = pointsOfSpan(l, start, end);
  if (!points) return null;
  let out = '';
  for (let c = points.start.chunk; c <= points.end.chunk; c++) {
    const chunk = chunks[c] ?? '';
    out += chunk.slice(c === points.start.chunk ? points.start.offset : 0, c === points.end.chunk ? points.end.offset : chunk.length);
  }
  return out;
}

describe('the notes’ page text', () => {
  it('joins inline chunks as they are and puts one line break between blocks', () => {
    const { result } = layout('推动构建', '|', '人类命运共同体', '¶', '第二段');
    expect(result.text).toBe('推动构建人类命运共同体\n第二段');
  });

  it('collapses whitespace runs the way CSS does, across chunks too, and trims every block', () => {
    const { result } = layout('  Reporters\n    noted  ', '|', '  that\tthe ', '¶', '\n  summit  ', '¶', '   ');
    expect(result.text).toBe('Reporters noted that the\nsummit');
  });

  it('keeps no-break and ideographic spaces, which CSS does not collapse', () => {
    expect(layout('a\u00a0b\u3000c').result.text).toBe('a\u00a0b\u3000c');
  });

  it('adds no line break for empty blocks', () => {
    expect(layout('one', '¶', '  ', '¶', '  ', '¶', 'two').result.text).toBe('one\ntwo');
  });

  it('maps every character of the text back to the chunk character it came from', () => {
    const { chunks, result } = layout('  Reporters\n    noted  ', '|', '  that\tthe ', '¶', 'summit 峰会');
    const { text } = result;
    for (let i = 0; i < text.length; i++) {
      const piece = textOfSpan(chunks, result, i, i + 1);
      if (text[i] === '\n') expect(piece).toBeNull();
      else if (text[i] === ' ') expect(piece).toMatch(/^\s$/u);
      else expect(piece).toBe(text[i]);
    }
  });

  it('maps spans back to chunk positions, across chunks and blocks', () => {
    const { chunks, result } = layout('推动构建', '|', '人类命运', '|', '共同体。', '¶', '第二段');
    const start = result.text.indexOf('构建');
    const end = result.text.indexOf('第二') + 2;
    expect(pointsOfSpan(result, start, end)).toEqual({ start: { chunk: 0, offset: 2 }, end: { chunk: 3, offset: 2 } });
    expect(textOfSpan(chunks, result, start, end)).toBe('构建人类命运共同体。第二');
  });

  it('maps chunk positions to offsets, moving out of collapsed whitespace forwards', () => {
    const { result } = layout('  abc   def', '¶', 'ghi');
    expect(result.text).toBe('abc def\nghi');
    expect(offsetOfPoint(result, { chunk: 0, offset: 0 })).toBe(0);
    expect(offsetOfPoint(result, { chunk: 0, offset: 2 })).toBe(0);
    expect(offsetOfPoint(result, { chunk: 0, offset: 4 })).toBe(2);
    // Inside the run of spaces: the space kept, then the next character.
    expect(offsetOfPoint(result, { chunk: 0, offset: 5 })).toBe(3);
    expect(offsetOfPoint(result, { chunk: 0, offset: 6 })).toBe(4);
    expect(offsetOfPoint(result, { chunk: 0, offset: 8 })).toBe(4);
    // The end of a block: the start of the next one, past the line break.
    expect(offsetOfPoint(result, { chunk: 0, offset: 11 })).toBe(8);
    expect(offsetOfPoint(result, { chunk: 1, offset: 3 })).toBe(11);
    expect(offsetOfPoint(result, { chunk: 2, offset: 0 })).toBe(11);
  });

  it('round-trips: the offsets of a span’s chunk positions are the span', () => {
    const { result } = layout('Xi said ', '|', 'the ', '|', 'Belt and Road', '|', ' Initiative', '¶', '  has borne fruit. ');
    const { text } = result;
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const points = pointsOfSpan(result, start, end);
        if (!points) continue;
        const back = trimSpan(text, offsetOfPoint(result, points.start), offsetOfPoint(result, { ...points.end, offset: points.end.offset - 1 }) + 1);
        expect(back).toEqual(trimSpan(text, start, end));
      }
    }
  });

  it('keeps surrogate pairs whole', () => {
    const { chunks, result } = layout('注 𠮷 字');
    expect(result.text).toBe('注 𠮷 字');
    expect(textOfSpan(chunks, result, 2, 4)).toBe('𠮷');
  });

  it('trims whitespace and line breaks off the ends of a span', () => {
    expect(trimSpan(' a b \n', 0, 6)).toEqual({ start: 1, end: 4 });
    expect(trimSpan('   ', 0, 3)).toEqual({ start: 3, end: 3 });
    expect(trimSpan('abc', -5, 99)).toEqual({ start: 0, end: 3 });
  });

  it('gives no positions for an empty span or one of line breaks only', () => {
    const { result } = layout('a', '¶', 'b');
    expect(pointsOfSpan(result, 1, 1)).toBeNull();
    expect(pointsOfSpan(result, 1, 2)).toBeNull();
    expect(pointsOfSpan(result, 5, 9)).toBeNull();
  });
});
