// The glossary's matcher compiled and serialized, as the module content/glossary-matcher.ts
// loads when the build wrote it (assets/generated/matcher.ts). Until the glossary build writes it,
// `npm run bench -- --serialized` writes it for its own build and removes it afterwards.

import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { glossary } from '../../assets/generated/glossary';
import { glossaryCorpus, glossaryPatterns, matcherKey } from '../../content/glossary-matcher';
import { compileMatcher, serializeMatcher } from '../../lib/match/index';
import { ROOT } from '../../tests/e2e/support/paths';

export const SERIALIZED_MATCHER_FILE = join(ROOT, 'assets/generated/matcher.ts');

/** The source of assets/generated/matcher.ts for the current glossary. */
export function serializedMatcherModule(): string {
  const bytes = serializeMatcher(compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), { quotes: true }));
  const value = { key: matcherKey(glossary), base64: Buffer.from(bytes).toString('base64') };
  return [
    '// Generated: the glossary\'s matcher, compiled and serialized (content/glossary-matcher.ts loads it). Do not edit.',
    "import type { SerializedMatcher } from '../../content/glossary-matcher';",
    '',
    '/** A function: the megabyte of base64 is only made a string when the matcher is loaded, not when the script starts. */',
    `export function serializedMatcher(): SerializedMatcher {\n  return ${JSON.stringify(value)};\n}`,
    '',
  ].join('\n');
}

/** Writes the module unless the build already did; returns a function that undoes what it wrote. */
export function ensureSerializedMatcher(): () => void {
  if (existsSync(SERIALIZED_MATCHER_FILE)) return () => undefined;
  writeFileSync(SERIALIZED_MATCHER_FILE, serializedMatcherModule());
  return () => rmSync(SERIALIZED_MATCHER_FILE, { force: true });
}
