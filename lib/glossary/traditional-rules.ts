// The two reviewed lists that correct opencc-js's traditional Chinese (assets/glossary/traditional/):
// regional forms it does not produce (overrides.yaml) and outputs of its phrase tables that no
// page writes (artifacts.yaml). Read and checked here; applied by lib/glossary/regional-forms.ts.

import type { TraditionalRegion } from './types';

export const REGIONS: readonly TraditionalRegion[] = ['tw', 'hk'];

/** Forms Taiwan or Hong Kong write for a simplified text, wherever a glossary form holds it. */
export interface RegionalOverride {
  /** Simplified text, matched anywhere inside a form. */
  zh: string;
  forms: Record<TraditionalRegion, string[]>;
  /** Where it was written, for messages: `overrides.yaml#3 (托卡耶夫)`. */
  origin: string;
}

/** A string no generated form may hold, and why. */
export interface ConversionArtifact {
  text: string;
  why: string;
  origin: string;
}

export interface TraditionalRules {
  overrides: RegionalOverride[];
  artifacts: ConversionArtifact[];
}

/** The two files as parsed YAML. */
export interface TraditionalSources {
  overrides: unknown;
  artifacts: unknown;
}

export const NO_TRADITIONAL_RULES: TraditionalRules = { overrides: [], artifacts: [] };

const OVERRIDE_KEYS = new Set(['zh', 'tw', 'hk', 'standard', 'source']);
const ARTIFACT_KEYS = new Set(['text', 'why']);
const HAN = /\p{Script=Han}/u;
const ADDRESS = /https?:\/\/\S+/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/\s+/gu, ' ') : null;
}

function readForms(value: unknown, where: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !HAN.test(v))) {
    problems.push(`${where}: must be a list of Chinese forms`);
    return [];
  }
  const forms = value.map((v: string) => v.trim());
  if (new Set(forms).size !== forms.length) problems.push(`${where}: lists a form twice`);
  return forms;
}

function readOverrides(content: unknown, simplified: (text: string) => string, problems: string[]): RegionalOverride[] {
  if (!Array.isArray(content)) {
    problems.push('traditional/overrides.yaml: must be a YAML list of overrides');
    return [];
  }
  const seen = new Map<string, string>();
  const overrides: RegionalOverride[] = [];
  content.forEach((raw: unknown, i: number) => {
    const at = `traditional/overrides.yaml#${i + 1}`;
    if (!isRecord(raw)) {
      problems.push(`${at}: an override must be a mapping`);
      return;
    }
    const zh = text(raw.zh);
    const origin = zh ? `${at} (${zh})` : at;
    const before = problems.length;
    for (const key of Object.keys(raw)) {
      if (!OVERRIDE_KEYS.has(key)) problems.push(`${origin}: unknown field "${key}" (expected ${[...OVERRIDE_KEYS].join(', ')})`);
    }
    if (!zh || !HAN.test(zh)) problems.push(`${origin}: zh must be the simplified text the override replaces`);
    else if (simplified(zh) !== zh) problems.push(`${origin}: zh "${zh}" is not simplified Chinese`);
    const beforeForms = problems.length;
    const forms = { tw: readForms(raw.tw, `${origin} tw`, problems), hk: readForms(raw.hk, `${origin} hk`, problems) };
    if (problems.length === beforeForms && forms.tw.length + forms.hk.length === 0) problems.push(`${origin}: names no Taiwan (tw) or Hong Kong (hk) form`);
    const standard = text(raw.standard);
    const source = text(raw.source);
    if (raw.standard !== undefined && !standard) problems.push(`${origin}: standard must be a non-empty string`);
    if (raw.source !== undefined && !source) problems.push(`${origin}: source must be a non-empty string`);
    if (!standard && !source) problems.push(`${origin}: names neither the standard it follows (standard:) nor where the usage was seen (source:)`);
    if (source && !ADDRESS.test(source)) problems.push(`${origin}: source must give the address it was seen at (https://…)`);
    if (zh) {
      const other = seen.get(zh);
      if (other) problems.push(`${origin}: "${zh}" is also overridden by ${other}`);
      seen.set(zh, origin);
    }
    if (problems.length > before || !zh) return;
    overrides.push({ zh, forms, origin });
  });
  return overrides;
}

function readArtifacts(content: unknown, problems: string[]): ConversionArtifact[] {
  if (!Array.isArray(content)) {
    problems.push('traditional/artifacts.yaml: must be a YAML list of artifacts');
    return [];
  }
  const seen = new Set<string>();
  const artifacts: ConversionArtifact[] = [];
  content.forEach((raw: unknown, i: number) => {
    const at = `traditional/artifacts.yaml#${i + 1}`;
    if (!isRecord(raw)) {
      problems.push(`${at}: an artifact must be a mapping`);
      return;
    }
    const artifact = text(raw.text);
    const origin = artifact ? `${at} (${artifact})` : at;
    const before = problems.length;
    for (const key of Object.keys(raw)) {
      if (!ARTIFACT_KEYS.has(key)) problems.push(`${origin}: unknown field "${key}" (expected ${[...ARTIFACT_KEYS].join(', ')})`);
    }
    if (!artifact || !HAN.test(artifact)) problems.push(`${origin}: text must be the Chinese string no form may hold`);
    const why = text(raw.why);
    if (!why) problems.push(`${origin}: says not why it is wrong (why:)`);
    if (artifact && seen.has(artifact)) problems.push(`${origin}: listed twice`);
    if (artifact) seen.add(artifact);
    if (problems.length > before || !artifact || !why) return;
    artifacts.push({ text: artifact, why, origin });
  });
  return artifacts;
}

/** The artifact `text` holds, if any. */
export function artifactIn(text: string, artifacts: readonly ConversionArtifact[]): ConversionArtifact | undefined {
  return artifacts.find((a) => text.includes(a.text));
}

/**
 * Checks both files and returns their rules; every problem is pushed to `problems` with the
 * entry's place. An override may not itself write an artifact.
 */
export function readTraditionalRules(sources: TraditionalSources, simplified: (text: string) => string, problems: string[]): TraditionalRules {
  const overrides = readOverrides(sources.overrides, simplified, problems);
  const artifacts = readArtifacts(sources.artifacts, problems);
  for (const override of overrides) {
    for (const region of REGIONS) {
      for (const form of override.forms[region]) {
        const artifact = artifactIn(form, artifacts);
        if (artifact) problems.push(`${override.origin}: ${region} form "${form}" holds "${artifact.text}", listed in ${artifact.origin}`);
      }
    }
  }
  return { overrides, artifacts };
}
