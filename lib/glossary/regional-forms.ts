// Traditional-Chinese forms as Taiwan and Hong Kong write them. opencc-js converts each simplified
// form; where its phrase tables misfire (一个中国 read as 一 + 个中 "therein" → 一箇中國) the
// artifact is repaired character by character, and the regional vocabulary it lacks (Taiwan's
// 托卡葉夫, Hong Kong's 視像峰會) comes from the reviewed overrides, in addition to its output.

import { artifactIn } from './traditional-rules';
import type { ConversionArtifact, RegionalOverride, TraditionalRules } from './traditional-rules';
import type { TraditionalRegion } from './types';

/** One opencc-js conversion the build runs. */
export interface TraditionalConverter {
  region: TraditionalRegion;
  /** opencc's name for it (`cn→twp`), for messages. */
  name: string;
  /** Whether it also replaces words (Taiwan's 视频 → 影片), not only characters. */
  vocabulary: boolean;
  convert(simplified: string): string;
}

type Rendering = { text: string } | { text: null; raw: string; artifact: ConversionArtifact };

/** Where `needle` starts in `hay` at or after `from` (arrays of code points), or -1. */
function indexIn(hay: readonly string[], needle: readonly string[], from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * `simplified` converted; each artifact in the result replaced by the conversion of its characters
 * one by one (the phrase that produced it is then not applied). A result of another length than
 * its input cannot be lined up with it and is not repaired.
 */
function rendering(converter: TraditionalConverter, simplified: string, artifacts: readonly ConversionArtifact[]): Rendering {
  const raw = converter.convert(simplified);
  if (!artifactIn(raw, artifacts)) return { text: raw };
  const source = [...simplified];
  const out = [...raw];
  if (out.length === source.length) {
    for (const artifact of artifacts) {
      const needle = [...artifact.text];
      for (let i = indexIn(out, needle, 0); i >= 0; i = indexIn(out, needle, i + needle.length)) {
        for (let k = i; k < i + needle.length; k++) out[k] = converter.convert(source[k] ?? '');
      }
    }
  }
  const text = out.join('');
  const left = artifactIn(text, artifacts);
  return left ? { text: null, raw, artifact: left } : { text };
}

function unrepaired(converter: TraditionalConverter, simplified: string, failed: { raw: string; artifact: ConversionArtifact }): string {
  return (
    `opencc ${converter.name} writes "${simplified}" as "${failed.raw}", which holds "${failed.artifact.text}" ` +
    `(${failed.artifact.origin}) and cannot be repaired character by character: add an override`
  );
}

interface Segment {
  text: string;
  override: RegionalOverride | null;
}

/** `text` cut at the overrides it holds, leftmost-longest. */
function segmentsOf(text: string, overrides: readonly RegionalOverride[]): Segment[] {
  const segments: Segment[] = [];
  let plain = '';
  for (let i = 0; i < text.length;) {
    let best: RegionalOverride | null = null;
    for (const override of overrides) {
      if (text.startsWith(override.zh, i) && (!best || override.zh.length > best.zh.length)) best = override;
    }
    if (!best) {
      plain += text[i]!;
      i++;
      continue;
    }
    if (plain) segments.push({ text: plain, override: null });
    plain = '';
    segments.push({ text: best.zh, override: best });
    i += best.zh.length;
  }
  if (plain) segments.push({ text: plain, override: null });
  return segments;
}

/**
 * The traditional forms of a simplified form, each once: every converter's rendering (artifacts
 * repaired) and, where the form holds overridden text, every combination of that text written as
 * the converter writes it or as one of the override's forms for the converter's region. What
 * cannot be repaired, and any form that still holds an artifact, is reported and left out.
 */
export function regionalForms(
  simplified: string,
  rules: TraditionalRules,
  converters: readonly TraditionalConverter[],
  report: (problem: string) => void,
): string[] {
  const forms: string[] = [];
  const segments = segmentsOf(simplified, rules.overrides);
  for (const converter of converters) {
    const whole = rendering(converter, simplified, rules.artifacts);
    if (whole.text !== null) forms.push(whole.text);
    else report(unrepaired(converter, simplified, whole));
    if (!segments.some((s) => (s.override?.forms[converter.region].length ?? 0) > 0)) continue;
    let partial: string[] = [''];
    for (const segment of segments) {
      const own = rendering(converter, segment.text, rules.artifacts);
      if (own.text === null) {
        report(unrepaired(converter, segment.text, own));
        partial = [];
        break;
      }
      const options = [...(segment.override?.forms[converter.region] ?? []), own.text];
      partial = partial.flatMap((start) => options.map((option) => start + option));
    }
    forms.push(...partial);
  }
  return [...new Set(forms)].filter((form) => {
    const artifact = artifactIn(form, rules.artifacts);
    if (artifact) report(`traditional form "${form}" holds "${artifact.text}" (${artifact.origin}: ${artifact.why})`);
    return !artifact;
  });
}

/**
 * A corpus passage as `region` writes it character for character: the region's character
 * conversion (not its vocabulary), artifacts repaired, then each override whose form is only the
 * same text in other characters (夥伴 for 伙伴, Hong Kong's 周年). Null when that changes the
 * passage's length, so that offsets into the passage could not apply to it.
 */
export function regionalPassage(
  text: string,
  region: TraditionalRegion,
  rules: TraditionalRules,
  converters: readonly TraditionalConverter[],
  simplified: (text: string) => string,
): string | null {
  const converter = converters.find((c) => c.region === region && !c.vocabulary);
  if (!converter) return null;
  let out = rendering(converter, text, rules.artifacts).text;
  if (out === null || out.length !== text.length) return null;
  for (const override of rules.overrides) {
    const twin = override.forms[region].find((f) => f.length === override.zh.length && simplified(f) === override.zh);
    if (!twin) continue;
    for (let i = text.indexOf(override.zh); i >= 0; i = text.indexOf(override.zh, i + twin.length)) {
      out = out.slice(0, i) + twin + out.slice(i + twin.length);
    }
  }
  return out;
}
