import type { CorpusPassage, MatcherOptions, Pattern } from '../match/types';
import type { CorpusDocument } from '../corpus/types';
import type { CompiledGlossary } from './types';

/** Every form of every entry that pages may match, with its near words, as the matcher's patterns. */
export function glossaryPatterns(glossary: CompiledGlossary): Pattern[] {
  return glossary.entries.flatMap((entry, index) =>
    entry.forms
      .filter((form) => form.scope !== 'corpus')
      .map((form) => ({ form: form.text, entry: index, script: form.script, ...(form.near ? { near: form.near } : {}) })),
  );
}

/** Every block of every document, as the passages quotes are traced in (para: the block index). */
export function corpusPassages(documents: readonly CorpusDocument[]): CorpusPassage[] {
  return documents.flatMap((doc, d) => doc.blocks.map((block, b) => ({ doc: d, para: b, text: block.text })));
}

/** The compiled glossary's corpus passages. */
export function glossaryCorpus(glossary: CompiledGlossary): CorpusPassage[] {
  return corpusPassages(glossary.documents);
}

/** How the extension compiles the glossary's matcher: quotes traced, in either script. */
export function glossaryMatcherOptions(glossary: CompiledGlossary): MatcherOptions {
  return { quotes: true, quoteVariants: glossary.quoteVariants };
}

/** The key a serialized matcher is built for: the corpus, the number of forms, the glossary version. */
export function matcherKey(glossary: CompiledGlossary): string {
  let forms = 0;
  for (const entry of glossary.entries) forms += entry.forms.length;
  return `${glossary.version}:${glossary.corpusSha256}:${forms}`;
}
