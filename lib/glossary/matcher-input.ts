import type { CorpusPassage, Pattern } from '../match/types';
import type { CompiledGlossary } from './types';

/** Every form of every entry, as the matcher's patterns. */
export function glossaryPatterns(glossary: CompiledGlossary): Pattern[] {
  return glossary.entries.flatMap((entry, index) =>
    entry.forms.map((form) => ({ form: form.text, entry: index, script: form.script })),
  );
}

/**
 * Every block of every document: the corpus quotes are traced in. The same passages as
 * `corpusPassages` of compile.ts, from the compiled glossary (which the extension has).
 */
export function glossaryCorpus(glossary: CompiledGlossary): CorpusPassage[] {
  return glossary.documents.flatMap((doc, d) => doc.blocks.map((block, b) => ({ doc: d, para: b, text: block.text })));
}

/** The key a serialized matcher is built for: the corpus, the number of forms, the glossary version. */
export function matcherKey(glossary: CompiledGlossary): string {
  let forms = 0;
  for (const entry of glossary.entries) forms += entry.forms.length;
  return `${glossary.version}:${glossary.corpusSha256}:${forms}`;
}
