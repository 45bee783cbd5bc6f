import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_LAYOUT } from '../../../lib/corpus/layout';
import { parseCorpus } from '../../../lib/corpus/parse-corpus';
import type { CorpusDocument } from '../../../lib/corpus/types';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CORPUS_TEXT = readFileSync(join(ROOT, 'assets/corpus/000_063d4d8102645fc2.txt'), 'utf8');

export function corpusDocuments(): CorpusDocument[] {
  return parseCorpus(CORPUS_TEXT, CORPUS_LAYOUT);
}
