import type { CorpusPassage, MatcherOptions, Pattern } from '../match/types';
import type { CorpusDocument } from '../corpus/types';
import type { CompiledGlossary } from './types';

const HAN = /\p{Script=Han}/u;

/**
 * The matcher's patterns: every form of every entry that pages may match, with its near words,
 * then the `not_in` strings of all forms as stop patterns (each once).
 */
export function glossaryPatterns(glossary: CompiledGlossary): Pattern[] {
  const patterns: Pattern[] = [];
  const stops = new Set<string>();
  glossary.entries.forEach((entry, index) => {
    for (const form of entry.forms) {
      if (form.scope === 'corpus') continue;
      patterns.push({ form: form.text, entry: index, script: form.script, ...(form.near ? { near: form.near } : {}) });
      for (const stop of form.notIn ?? []) stops.add(stop);
    }
  });
  for (const form of stops) patterns.push({ form, entry: -1, script: HAN.test(form) ? 'hans' : 'en', stop: true });
  return patterns;
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
