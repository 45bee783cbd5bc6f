// Compiles assets/glossary/*.yaml, with the pinyin word list assets/glossary/pinyin/words.yaml,
// against the corpus into assets/generated/glossary.ts (its JSON in glossary-json.ts, its key in
// glossary-key.ts), the glossary's matcher into matcher.ts and its prefilter into prefilter.ts.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CORPUS_LAYOUT } from '../lib/corpus/layout';
import { parseCorpus } from '../lib/corpus/parse-corpus';
import { compileGlossary, GlossaryBuildError } from '../lib/glossary/compile';
import type { SourceFile } from '../lib/glossary/source-entry';
import type { TraditionalSources } from '../lib/glossary/traditional-rules';
import { glossaryTools } from './glossary-tools';
import { glossaryJsonModule, glossaryKeyModule, glossaryModule, matcherModule, prefilterModule } from './support/generated-modules';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_FILE = join(root, 'assets/corpus/000_063d4d8102645fc2.txt');
const GLOSSARY_DIR = join(root, 'assets/glossary');
/** The reviewed corrections to opencc's traditional forms (lib/glossary/traditional-rules.ts). */
const TRADITIONAL_DIR = join(GLOSSARY_DIR, 'traditional');
const PINYIN_WORDS_FILE = join(GLOSSARY_DIR, 'pinyin/words.yaml');
const OUT_FILE = join(root, 'assets/generated/glossary.ts');
const JSON_FILE = join(root, 'assets/generated/glossary-json.ts');
const KEY_FILE = join(root, 'assets/generated/glossary-key.ts');
const MATCHER_FILE = join(root, 'assets/generated/matcher.ts');
const PREFILTER_FILE = join(root, 'assets/generated/prefilter.ts');

export function readGlossarySources(dir = GLOSSARY_DIR): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name: basename(name, '.yaml'), content: parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
}

/** Both files parsed; a file that is not YAML fails the build with its name and the parser's reason. */
export function readTraditionalSources(dir = TRADITIONAL_DIR): TraditionalSources {
  const read = (name: string): unknown => {
    try {
      return parse(readFileSync(join(dir, name), 'utf8')) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new GlossaryBuildError([`traditional/${name}: ${reason}`]);
    }
  };
  return { overrides: read('overrides.yaml'), artifacts: read('artifacts.yaml') };
}

/** The word list pinyin is written by (lib/glossary/pinyin-word-list.ts checks it). */
export function readPinyinWords(file = PINYIN_WORDS_FILE): unknown {
  try {
    return parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new GlossaryBuildError([`pinyin/words.yaml: ${reason}`]);
  }
}

function main(): void {
  const corpus = readFileSync(CORPUS_FILE, 'utf8');
  const sha = createHash('sha256').update(corpus).digest('hex');
  try {
    const traditional = readTraditionalSources();
    const words = readPinyinWords();
    const glossary = compileGlossary(parseCorpus(corpus, CORPUS_LAYOUT), readGlossarySources(), glossaryTools, sha, traditional, words);
    mkdirSync(dirname(OUT_FILE), { recursive: true });
    writeFileSync(JSON_FILE, glossaryJsonModule(glossary));
    writeFileSync(KEY_FILE, glossaryKeyModule(glossary));
    writeFileSync(OUT_FILE, glossaryModule());
    writeFileSync(MATCHER_FILE, matcherModule(glossary));
    writeFileSync(PREFILTER_FILE, prefilterModule(glossary));
    const forms = glossary.entries.reduce((n, e) => n + e.forms.length, 0);
    const occurrences = glossary.entries.reduce((n, e) => n + e.occurrences.length, 0);
    console.log(`glossary: ${glossary.entries.length} entries, ${forms} forms, ${occurrences} occurrences in ${glossary.documents.length} documents`);
  } catch (error) {
    if (error instanceof GlossaryBuildError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
