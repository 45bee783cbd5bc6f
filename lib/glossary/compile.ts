import { sentenceAround } from '../corpus/sentences';
import type { CorpusDocument } from '../corpus/types';
import { compileMatcher, normalizeKey } from '../match/index';
import type { CorpusPassage, Pattern } from '../match/index';
import { corpusPassages } from './matcher-input';
import { readPinyin, writePinyin } from './pinyin-orthography';
import type { PinyinForms } from './pinyin-orthography';
import { readPinyinWordList } from './pinyin-word-list';
import type { PinyinWordList } from './pinyin-word-list';
import { quoteVariantsOf } from './quote-variants';
import { regionalForms, regionalPassage } from './regional-forms';
import type { TraditionalConverter } from './regional-forms';
import { packTraditionalCorpus } from './traditional-corpus';
import { NO_TRADITIONAL_RULES, readTraditionalRules } from './traditional-rules';
import type { TraditionalRules, TraditionalSources } from './traditional-rules';
import { writtenVariants } from './written-variants';
import { readSourceFile } from './source-entry';
import type { FormRule, SourceEntry, SourceFile } from './source-entry';
import { CATEGORIES, GLOSSARY_VERSION } from './types';
import type { CompiledGlossary, EntryForm, GlossaryEntry, Occurrence } from './types';

/** The converters the build brings; the extension never carries them. */
export interface GlossaryTools {
  /** Traditional-Chinese renderings of a simplified string (Taiwan, Hong Kong…), may repeat it. */
  traditional(simplified: string): string[];
  /** The same conversions one by one, each with the region it writes for. */
  converters: readonly TraditionalConverter[];
  /** The simplified form of a string: equal to its input when the input is simplified already. */
  simplified(text: string): string;
  /** Tone-marked pinyin of a run of Han characters, one token per character. */
  pinyin(text: string, options: { surname: boolean }): string[];
}

const HAN = /\p{Script=Han}/u;
/** How an explanation that is about the corpus begins; an everyday phrase's must not. */
const CORPUS_LEAD = /^(?:Xi\b|Used by Xi|In (?:this|the) (?:corpus|speech|summit|feature|report)|The (?:speech|summit|corpus|feature|report)\b)/u;

/** Problems with an entry's page rules, everyday flag and implied occurrences. */
function checkRules(entry: SourceEntry, hant: (text: string) => string[], problems: string[]): void {
  const written = new Set([entry.zh, ...entry.aliases, ...entry.en_aliases]);
  for (const [form, rule] of entry.match) {
    if (!written.has(form)) problems.push(`${entry.origin}: match rule for "${form}", which is not one of its forms`);
    if (rule.kind !== 'page') continue;
    for (const word of rule.near) {
      if (normalizeKey(word).includes(normalizeKey(form))) {
        problems.push(`${entry.origin}: near word "${word}" of "${form}" holds the form itself (list a longer alias instead)`);
      }
    }
    // The rule covers the form's generated spellings too: 哈薩克族 blocks 哈薩克, Taiwan's 哈萨克斯坦.
    const covered = [form, ...writtenVariants(form)].flatMap((f) => (HAN.test(f) ? [f, ...hant(f)] : [f])).map(normalizeKey);
    for (const longer of rule.notIn) {
      const keys = [longer, ...(HAN.test(longer) ? hant(longer) : [])].map(normalizeKey);
      if (!keys.some((key) => covered.some((f) => key !== f && key.includes(f)))) {
        problems.push(`${entry.origin}: not_in "${longer}" of "${form}" must be a longer string holding the form`);
      }
    }
  }
  const pageForms = [...written].filter((form) => entry.match.get(form)?.kind !== 'corpus');
  if (entry.match.size > 0 && pageForms.length === 0 && entry.impliedBy.length === 0) {
    problems.push(`${entry.origin}: every form is corpus-only, so no page can show it (give it a longer alias)`);
  }
  if (entry.everyday && CORPUS_LEAD.test(entry.explanation)) {
    problems.push(`${entry.origin}: an everyday phrase's explanation must give its general sense first, not the corpus's use`);
  }
}

export class GlossaryBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`glossary: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
    this.name = 'GlossaryBuildError';
  }
}

/** The page rule of a written form, its Chinese words in both scripts. */
function ruleFields(rule: FormRule | undefined, hant: (text: string) => string[]): Pick<EntryForm, 'scope' | 'near' | 'notIn'> {
  if (!rule) return {};
  if (rule.kind === 'corpus') return { scope: 'corpus' };
  const bothScripts = (words: readonly string[]): string[] => {
    const out = new Set<string>();
    for (const word of words) {
      out.add(word);
      if (HAN.test(word)) for (const t of hant(word)) out.add(t);
    }
    return [...out];
  };
  return {
    ...(rule.near.length > 0 ? { near: bothScripts(rule.near) } : {}),
    ...(rule.notIn.length > 0 ? { notIn: bothScripts(rule.notIn) } : {}),
  };
}

function formsOf(entry: SourceEntry, tools: GlossaryTools, rules: TraditionalRules, problems: string[]): EntryForm[] {
  // Each written form with the rule it was written with, then its other spellings with the same.
  const written = [entry.zh, ...entry.aliases];
  const hans: Array<readonly [text: string, as: string]> = [
    ...written.map((text) => [text, text] as const),
    ...written.flatMap((text) => writtenVariants(text).map((v) => [v, text] as const)),
  ];
  // Taiwan's and Hong Kong's forms (lib/glossary/regional-forms.ts, assets/glossary/traditional/).
  const hant = (text: string): string[] => regionalForms(text, rules, tools.converters, (problem) => problems.push(`${entry.origin}: "${text}": ${problem}`));
  const rule = (text: string): Pick<EntryForm, 'scope' | 'near' | 'notIn'> => ruleFields(entry.match.get(text), hant);
  const forms: EntryForm[] = [
    ...hans.map(([text, as]) => ({ text, script: 'hans' as const, ...rule(as) })),
    ...hans.flatMap(([text, as]) => hant(text).map((t) => ({ text: t, script: 'hant' as const, ...rule(as) }))),
    ...entry.en_aliases.map((text) => ({ text, script: 'en' as const, ...rule(text) })),
  ];
  // Forms equal once normalized are one form to the matcher: keep the first.
  const seen = new Set<string>();
  return forms.filter((form) => {
    const key = normalizeKey(form.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Two forms of one entry found on one span (`一带一路` in `一带一路倡议`) are one occurrence. */
function addOccurrence(list: Occurrence[], next: Occurrence): void {
  const last = list[list.length - 1];
  const overlaps = last && last[0] === next[0] && last[1] === next[1] && next[2] < last[3] && last[2] < next[3];
  if (!overlaps) list.push(next);
  else if (next[3] - next[2] > last[3] - last[2]) list[list.length - 1] = next;
}

/** The entry's pinyin: generated from its characters and the word list, or its override, checked. */
function pinyinOf(entry: SourceEntry, tools: GlossaryTools, words: PinyinWordList, problems: string[]): PinyinForms {
  const generated = writePinyin(entry.zh, entry.category, words, (text, surname) => tools.pinyin(text, { surname }));
  if (typeof generated === 'string') {
    problems.push(`${entry.origin}: ${generated}`);
    return { pinyin: '', syllables: '' };
  }
  if (entry.pinyin === undefined) return generated;
  const override = readPinyin(entry.pinyin, entry.zh);
  if ('problem' in override) problems.push(`${entry.origin}: ${override.problem}`);
  else if (override.count !== override.needs) {
    problems.push(`${entry.origin}: pinyin override has ${override.count} syllable(s), "${entry.zh}" needs ${override.needs} (${generated.pinyin})`);
  } else if (entry.pinyin === generated.pinyin) {
    problems.push(`${entry.origin}: pinyin override equals the generated pinyin; remove it`);
  } else return { pinyin: entry.pinyin, syllables: override.syllables };
  return generated;
}

/**
 * A `not_in` string hides the terms at its span on pages, so it must be no form of any entry and
 * never stand in the corpus (a page quoting the corpus would lose its term there).
 */
function checkStops(
  entries: readonly GlossaryEntry[],
  sources: readonly SourceEntry[],
  owners: ReadonlyMap<string, number>,
  passages: readonly CorpusPassage[],
  problems: string[],
): void {
  const stops = new Map<string, number>();
  entries.forEach((entry, i) => {
    for (const form of entry.forms) for (const stop of form.notIn ?? []) if (!stops.has(stop)) stops.set(stop, i);
  });
  if (stops.size === 0) return;
  for (const [stop, i] of stops) {
    const owner = owners.get(normalizeKey(stop));
    if (owner !== undefined) problems.push(`${sources[i]?.origin ?? '?'}: not_in "${stop}" is a form of ${sources[owner]?.origin ?? '?'}`);
  }
  const patterns: Pattern[] = [...stops].map(([form, entry]) => ({ form, entry, script: 'hans' }));
  const matcher = compileMatcher(patterns, [], { quotes: false, overlaps: 'all' });
  const found = new Set<string>();
  for (const passage of passages) for (const match of matcher.match([passage.text])) found.add(match.form);
  for (const stop of found) problems.push(`${sources[stops.get(stop) ?? -1]?.origin ?? '?'}: not_in "${stop}" occurs in the corpus`);
}

/**
 * The occurrences of entries the corpus implies but never names: where their `implied_by` text
 * stands (each must occur), in corpus order.
 */
function locateImplied(sources: readonly SourceEntry[], entries: GlossaryEntry[], passages: readonly CorpusPassage[], problems: string[]): void {
  const patterns: Pattern[] = sources.flatMap((source, i) => source.impliedBy.map((form) => ({ form, entry: i, script: 'hans' as const })));
  if (patterns.length === 0) return;
  const matcher = compileMatcher(patterns, [], { quotes: false, overlaps: 'all' });
  const found = new Set<string>();
  for (const passage of passages) {
    for (const match of matcher.match([passage.text])) {
      const entry = entries[match.entry];
      if (!entry) continue;
      found.add(`${match.entry}:${match.form}`);
      const [sentenceStart, sentenceEnd] = sentenceAround(passage.text, match.start.offset, match.end.offset);
      addOccurrence(entry.occurrences, [passage.doc, passage.para, match.start.offset, match.end.offset, sentenceStart, sentenceEnd]);
    }
  }
  sources.forEach((source, i) => {
    for (const form of source.impliedBy) {
      if (!found.has(`${i}:${form}`)) problems.push(`${source.origin}: implied_by "${form}" does not occur in the corpus`);
    }
  });
  for (const entry of entries) if (entry.implied) entry.occurrences.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

/**
 * Validates the curated entries against the corpus and compiles the artifact the extension
 * bundles; `traditional` holds the reviewed corrections to the traditional forms (none if not
 * given), `pinyinWords` the word list pinyin is written by (assets/glossary/pinyin/words.yaml,
 * none if not given). Throws a GlossaryBuildError listing every problem found.
 */
export function compileGlossary(
  documents: CorpusDocument[],
  files: readonly SourceFile[],
  tools: GlossaryTools,
  corpusSha256: string,
  traditional?: TraditionalSources,
  pinyinWords: unknown = {},
): CompiledGlossary {
  const problems: string[] = [];
  const rules = traditional ? readTraditionalRules(traditional, tools.simplified, problems) : NO_TRADITIONAL_RULES;
  const words = readPinyinWordList(pinyinWords, problems);
  const rank = (name: string): number => CATEGORIES.findIndex((c) => c === name);
  const ordered = [...files].sort((a, b) => rank(a.name) - rank(b.name));
  const sources = ordered.flatMap((file) => readSourceFile(file, CATEGORIES, problems));

  const ids = new Map<string, string>();
  for (const entry of sources) {
    const other = ids.get(entry.id);
    if (other) problems.push(`${entry.origin}: id "${entry.id}" is also used by ${other}`);
    ids.set(entry.id, entry.origin);
    checkRules(entry, (text) => regionalForms(text, rules, tools.converters, () => undefined), problems);
    for (const alias of [entry.zh, ...entry.aliases]) {
      if (tools.simplified(alias) !== alias) {
        problems.push(`${entry.origin}: "${alias}" is not simplified Chinese (the build generates traditional forms)`);
      }
    }
  }

  const entries: GlossaryEntry[] = sources.map((entry) => ({
    id: entry.id,
    zh: entry.zh,
    ...pinyinOf(entry, tools, words, problems),
    en: entry.en,
    category: entry.category,
    explanation: entry.explanation,
    ...(entry.everyday ? { everyday: true as const } : {}),
    ...(entry.impliedBy.length > 0 ? { implied: true as const } : {}),
    ...(entry.sources.length > 0 ? { sources: entry.sources } : {}),
    forms: formsOf(entry, tools, rules, problems),
    occurrences: [],
  }));

  const owners = new Map<string, number>();
  entries.forEach((entry, i) => {
    for (const form of entry.forms) {
      const key = normalizeKey(form.text);
      const owner = owners.get(key);
      if (owner !== undefined) {
        const first = sources[owner]?.origin ?? '?';
        problems.push(`${sources[i]?.origin ?? '?'}: form "${form.text}" is also a form of ${first}`);
      } else owners.set(key, i);
    }
  });

  checkStops(entries, sources, owners, corpusPassages(documents), problems);

  const patterns: Pattern[] = entries.flatMap((entry, i) => entry.forms.map((form) => ({ form: form.text, entry: i, script: form.script })));
  const passages = corpusPassages(documents);
  const matcher = compileMatcher(patterns, passages, { quotes: false, overlaps: 'all' });
  const foundZh = new Set<number>();
  passages.forEach((passage) => {
    for (const match of matcher.match([passage.text])) {
      const entry = entries[match.entry];
      if (!entry) continue;
      if (normalizeKey(match.form) === normalizeKey(entry.zh)) foundZh.add(match.entry);
      const start = match.start.offset;
      const end = match.end.offset;
      const [sentenceStart, sentenceEnd] = sentenceAround(passage.text, start, end);
      const occurrence: Occurrence = [passage.doc, passage.para, start, end, sentenceStart, sentenceEnd];
      addOccurrence(entry.occurrences, occurrence);
    }
  });
  locateImplied(sources, entries, passages, problems);
  entries.forEach((entry, i) => {
    if (!foundZh.has(i) && !entry.implied) problems.push(`${sources[i]?.origin ?? '?'}: "${entry.zh}" does not occur in the corpus`);
  });

  if (problems.length > 0) throw new GlossaryBuildError(problems);
  const quoteVariants = quoteVariantsOf(
    passages.map((p) => p.text),
    (text) => tools.traditional(text),
  );
  const traditionalCorpus = packTraditionalCorpus(documents, (region, text) => regionalPassage(text, region, rules, tools.converters, tools.simplified));
  return { version: GLOSSARY_VERSION, corpusSha256, documents, entries, quoteVariants, traditional: traditionalCorpus };
}
