const ENDERS = new Set(['。', '！', '？', '!', '?']);
/** Closing marks that belong to the sentence they follow: `…未来。”` */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '"']);

/** The [start, end) of the sentence(s) of `text` that contain the span [from, to). */
export function sentenceAround(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0) {
    const prev = text[start - 1] ?? '';
    if (ENDERS.has(prev)) break;
    if (CLOSERS.has(prev) && start > 1) {
      // A closer ends a sentence only when an ender precedes it.
      let k = start - 1;
      while (k > 0 && CLOSERS.has(text[k] ?? '')) k--;
      if (ENDERS.has(text[k] ?? '')) break;
    }
    start--;
  }
  let end = Math.max(to, start);
  while (end < text.length && !ENDERS.has(text[end - 1] ?? '')) end++;
  while (end < text.length && CLOSERS.has(text[end] ?? '')) end++;
  return [start, end];
}
