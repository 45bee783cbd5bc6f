import type { Category } from './types';

/** One entry as a curator writes it in `assets/glossary/<category>.yaml`. */
export interface SourceEntry {
  id: string;
  zh: string;
  en: string;
  explanation: string;
  aliases: string[];
  en_aliases: string[];
  pinyin?: string;
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
const KNOWN_KEYS = new Set<string>([...REQUIRED, ...OPTIONAL_LISTS, 'pinyin']);
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

/**
 * Checks one file's shape and returns its entries. Every problem is pushed to `errors` with the
 * entry's place, so the build can report them all at once.
 */
export function readSourceFile(
  file: SourceFile,
  categories: readonly Category[],
  errors: string[],
): SourceEntry[] {
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
      category,
      origin: where,
    });
  });
  return entries;
}
