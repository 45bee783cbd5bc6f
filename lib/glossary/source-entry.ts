import type { Category, EntrySource } from './types';

/**
 * How one ambiguous form may match on pages: `corpus`, never (it only locates the entry in the
 * corpus; pages need a longer alias); `page`, only in a block that also holds one of the `near`
 * words, and never as part of one of the `notIn` strings (`巴赫` in `巴赫穆特`).
 */
export type FormRule = { kind: 'corpus' } | { kind: 'page'; near: string[]; notIn: string[] };

/** One entry as a curator writes it in `assets/glossary/<category>.yaml`. */
export interface SourceEntry {
  id: string;
  zh: string;
  en: string;
  explanation: string;
  aliases: string[];
  en_aliases: string[];
  pinyin?: string;
  /** Rules for ambiguous forms, keyed by the form as written (zh, an alias or an English alias). */
  match: Map<string, FormRule>;
  /** The form is an everyday phrase: the explanation gives its general sense first. */
  everyday: boolean;
  /** Where the entry's factual claims beyond the corpus come from. */
  sources: EntrySource[];
  /** Corpus text that implies an entry the corpus never names (`吉` of `中吉乌铁路`: Kyrgyzstan). */
  impliedBy: string[];
  category: Category;
  /** Where it was written, for error messages: `concept.yaml#3`. */
  origin: string;
}

/** A parsed glossary source file: its category (the file's name) and its YAML content. */
export interface SourceFile {
  name: string;
  content: unknown;
}

const REQUIRED = ['id', 'zh', 'en', 'explanation'] as const;
const OPTIONAL_LISTS = ['aliases', 'en_aliases'] as const;
const KNOWN_KEYS = new Set<string>([...REQUIRED, ...OPTIONAL_LISTS, 'pinyin', 'match', 'everyday', 'sources', 'implied_by']);
const SOURCE_KEYS = new Set(['title', 'publisher', 'date', 'url']);
const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/u;
const URL_TEXT = /^https?:\/\/[^\s/]+\.[^\s]+$/u;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/u;
/** A lone all-capitals token (`BRI`, `SCO`) matches unrelated text; curators must spell it out. */
const ACRONYM = /^[A-Z0-9&.]{2,8}s?$/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readList(value: unknown, where: string, errors: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    errors.push(`${where}: must be a list of non-empty strings`);
    return [];
  }
  return value.map((v: string) => v.trim());
}

const RULE_SHAPE = '"corpus" or { near: [words], not_in: [longer strings] }';

function readRules(value: unknown, where: string, errors: string[]): Map<string, FormRule> {
  const rules = new Map<string, FormRule>();
  if (value === undefined || value === null) return rules;
  if (!isRecord(value)) {
    errors.push(`${where} match: must map forms to ${RULE_SHAPE}`);
    return rules;
  }
  for (const [form, rule] of Object.entries(value)) {
    if (rule === 'corpus') {
      rules.set(form, { kind: 'corpus' });
      continue;
    }
    const keys = isRecord(rule) ? Object.keys(rule) : [];
    if (!isRecord(rule) || keys.length === 0 || keys.some((k) => k !== 'near' && k !== 'not_in')) {
      errors.push(`${where} match "${form}": must be ${RULE_SHAPE}`);
      continue;
    }
    const near = readList(rule.near, `${where} match "${form}" near`, errors);
    const notIn = readList(rule.not_in, `${where} match "${form}" not_in`, errors);
    if ('near' in rule && near.length === 0) errors.push(`${where} match "${form}": near needs at least one word`);
    else if ('not_in' in rule && notIn.length === 0) errors.push(`${where} match "${form}": not_in needs at least one string`);
    else rules.set(form, { kind: 'page', near, notIn });
  }
  return rules;
}

function readSources(value: unknown, where: string, errors: string[]): EntrySource[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push(`${where} sources: must be a list of { title, publisher, date, url }`);
    return [];
  }
  const sources: EntrySource[] = [];
  value.forEach((raw: unknown, i: number) => {
    const at = `${where} sources[${i + 1}]`;
    if (!isRecord(raw)) {
      errors.push(`${at}: must be a mapping`);
      return;
    }
    for (const key of Object.keys(raw)) if (!SOURCE_KEYS.has(key)) errors.push(`${at}: unknown field "${key}"`);
    const text = (key: string): string | null => {
      const v = raw[key];
      // YAML reads an unquoted 2022-01-25 as a date.
      if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
      if (typeof v === 'number') return String(v);
      return typeof v === 'string' && v.trim() !== '' ? v.trim().replace(/\s+/gu, ' ') : null;
    };
    const title = text('title');
    const publisher = text('publisher');
    const date = text('date');
    const url = text('url');
    if (!title) errors.push(`${at}: missing field "title"`);
    if (!publisher) errors.push(`${at}: missing field "publisher"`);
    if (!date) errors.push(`${at}: missing field "date"`);
    else if (!DATE.test(date)) errors.push(`${at}: date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (url !== null && !URL_TEXT.test(url)) errors.push(`${at}: url "${url}" is not an http(s) address`);
    if (title && publisher && date && DATE.test(date) && (url === null || URL_TEXT.test(url))) {
      sources.push({ title, publisher, date, ...(url ? { url } : {}) });
    }
  });
  return sources;
}

/**
 * Checks one file's shape and returns its entries. Every problem is pushed to `errors` with the
 * entry's place, so the build can report them all at once.
 */
export function readSourceFile(file: SourceFile, categories: readonly Category[], errors: string[]): SourceEntry[] {
  const category = categories.find((c) => c === file.name);
  if (!category) {
    errors.push(`${file.name}.yaml: unknown category (expected one of ${categories.join(', ')})`);
    return [];
  }
  if (!Array.isArray(file.content)) {
    errors.push(`${file.name}.yaml: must be a YAML list of entries`);
    return [];
  }
  const entries: SourceEntry[] = [];
  file.content.forEach((raw: unknown, i: number) => {
    const origin = `${file.name}.yaml#${i + 1}`;
    if (!isRecord(raw)) {
      errors.push(`${origin}: an entry must be a mapping`);
      return;
    }
    const where = typeof raw.id === 'string' ? `${origin} (${raw.id})` : origin;
    const before = errors.length;
    for (const key of Object.keys(raw)) {
      if (!KNOWN_KEYS.has(key)) errors.push(`${where}: unknown field "${key}"`);
    }
    const fields: Partial<Record<(typeof REQUIRED)[number], string>> = {};
    for (const key of REQUIRED) {
      const value = raw[key];
      if (typeof value !== 'string' || value.trim() === '') errors.push(`${where}: missing field "${key}"`);
      else fields[key] = value.trim();
    }
    const aliases = readList(raw.aliases, `${where} aliases`, errors);
    const enAliases = readList(raw.en_aliases, `${where} en_aliases`, errors);
    const pinyin = raw.pinyin;
    const match = readRules(raw.match, where, errors);
    const sources = readSources(raw.sources, where, errors);
    const impliedBy = readList(raw.implied_by, `${where} implied_by`, errors);
    const everyday = raw.everyday;
    if (everyday !== undefined && typeof everyday !== 'boolean') errors.push(`${where}: everyday must be true or false`);
    if (pinyin !== undefined && (typeof pinyin !== 'string' || pinyin.trim() === '')) {
      errors.push(`${where}: pinyin must be a non-empty string`);
    }
    if (fields.id !== undefined && !ID.test(fields.id)) errors.push(`${where}: id must be kebab-case ASCII`);
    if (fields.zh !== undefined && !HAN.test(fields.zh)) errors.push(`${where}: zh has no Chinese character`);
    for (const alias of aliases) {
      if (!HAN.test(alias)) errors.push(`${where}: alias "${alias}" has no Chinese character (English goes in en_aliases)`);
    }
    for (const alias of enAliases) {
      if (!LATIN.test(alias)) errors.push(`${where}: English alias "${alias}" has no Latin letter`);
      else if (ACRONYM.test(alias)) errors.push(`${where}: English alias "${alias}" is a bare acronym`);
    }
    if (errors.length > before || !fields.id || !fields.zh || !fields.en || !fields.explanation) return;
    entries.push({
      id: fields.id,
      zh: fields.zh,
      en: fields.en,
      explanation: fields.explanation.replace(/\s+/gu, ' '),
      aliases,
      en_aliases: enAliases,
      ...(typeof pinyin === 'string' ? { pinyin: pinyin.trim() } : {}),
      match,
      everyday: everyday === true,
      sources,
      impliedBy,
      category,
      origin: where,
    });
  });
  return entries;
}
