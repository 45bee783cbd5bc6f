// Two pages side by side: which terms and quotations each has, and how each quotes a passage
// both quote.
import { escapeMarkdownLine } from '../notes/export-markdown';
import { citationOf, differenceLine } from './render';
import type { Brief, BriefQuotation } from './types';

const inline = (text: string): string => escapeMarkdownLine(text.replace(/\s+/gu, ' ').trim());

const overlaps = (a: BriefQuotation, b: BriefQuotation): boolean =>
  a.doc === b.doc && a.blockIndex === b.blockIndex && a.corpusStart < b.corpusEnd && b.corpusStart < a.corpusEnd;

function how(q: BriefQuotation): string {
  const differences = q.differences.map(differenceLine).join('; ');
  return `${q.verdict}${differences ? ` (${differences})` : ''}: “${inline(q.page)}”`;
}

/** The comparison of two pages' briefs, as Markdown. */
export function compareBriefs(a: Brief, b: Brief): string {
  const name = (x: Brief): string => inline(x.title || x.url);
  const out = [`# ${name(a)} (A) and ${name(b)} (B)`, '## Terms'];
  const bTerms = new Map(b.terms.map((t) => [t.id, t]));
  const aIds = new Set(a.terms.map((t) => t.id));
  const both = a.terms.filter((t) => bTerms.has(t.id));
  const termLine = (t: { term: string; english: string }): string => `${inline(t.term)} — ${inline(t.english)}`;
  out.push(
    [
      `Both (${both.length}):`,
      ...both.map((t) => `- ${termLine(t)}: A ${t.count}, B ${bTerms.get(t.id)!.count}`),
      '',
      `Only A (${a.terms.length - both.length}):`,
      ...a.terms.filter((t) => !bTerms.has(t.id)).map((t) => `- ${termLine(t)}: ${t.count}`),
      '',
      `Only B (${b.terms.filter((t) => !aIds.has(t.id)).length}):`,
      ...b.terms.filter((t) => !aIds.has(t.id)).map((t) => `- ${termLine(t)}: ${t.count}`),
    ].join('\n'),
  );
  out.push('## Quotations');
  const shared = a.quotations.flatMap((qa) => b.quotations.filter((qb) => overlaps(qa, qb)).map((qb) => [qa, qb] as const));
  const onlyA = a.quotations.filter((qa) => !b.quotations.some((qb) => overlaps(qa, qb)));
  const onlyB = b.quotations.filter((qb) => !a.quotations.some((qa) => overlaps(qa, qb)));
  out.push(
    [
      `Both quote (${shared.length}):`,
      ...shared.map(([qa, qb]) => `- ${citationOf(qa)} “${inline(qa.corpus)}”\n  - A: ${how(qa)}\n  - B: ${how(qb)}`),
      '',
      `Only A (${onlyA.length}):`,
      ...onlyA.map((q) => `- ${citationOf(q)} ${how(q)}`),
      '',
      `Only B (${onlyB.length}):`,
      ...onlyB.map((q) => `- ${citationOf(q)} ${how(q)}`),
    ].join('\n'),
  );
  return `${out.join('\n\n')}\n`;
}
