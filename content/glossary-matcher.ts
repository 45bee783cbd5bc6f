import type { CompiledGlossary } from '../lib/glossary/types';
import { compileMatcher } from '../lib/match/index';
import type { CorpusPassage, Matcher, Pattern } from '../lib/match/index';

/** Every form of every entry, as the matcher's patterns. */
export function glossaryPatterns(glossary: CompiledGlossary): Pattern[] {
  return glossary.entries.flatMap((entry, index) =>
    entry.forms.map((form) => ({ form: form.text, entry: index, script: form.script })),
  );
}

/**
 * Every block of every document: the corpus quotes are traced in. Mirrors `corpusPassages` of
 * lib/glossary/compile.ts, which the extension must not import (it pulls in build-only code).
 */
export function glossaryCorpus(glossary: CompiledGlossary): CorpusPassage[] {
  return glossary.documents.flatMap((doc, d) => doc.blocks.map((block, b) => ({ doc: d, para: b, text: block.text })));
}

/** The page's matcher: built once per page, and only once the page has text to match. */
export function createGlossaryMatcher(glossary: CompiledGlossary): Matcher {
  return compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), { quotes: true });
}
