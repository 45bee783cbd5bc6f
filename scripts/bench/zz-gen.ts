import { writeFileSync } from 'node:fs';
import { glossary } from '../../assets/generated/glossary';
import { glossaryCorpus, glossaryPatterns } from '../../content/glossary-matcher';
import { compileMatcher, serializeMatcher } from '../../lib/match/index';
const bytes = serializeMatcher(compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), { quotes: true }));
writeFileSync('/tmp/i-matcher.ts', `export const MATCHER_BASE64 = ${JSON.stringify(Buffer.from(bytes).toString('base64'))};\n`);
console.log(bytes.length);
