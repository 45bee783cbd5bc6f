import { expect } from 'vitest';

// Vitest types its asymmetric matchers as `any`, which would switch type checking off wherever one
// stands in for a value; these say what they stand for: a string.

/** Any string holding `text`. */
export function textContaining(text: string): string {
  return expect.stringContaining(text) as string;
}

/** Any string matching `pattern`. */
export function textMatching(pattern: RegExp): string {
  return expect.stringMatching(pattern) as string;
}
