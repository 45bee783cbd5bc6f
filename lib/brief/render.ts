// The brief as Markdown. Page text and notes are escaped: pasted into a wiki, they stay text.
import { escapeMarkdown, escapeMarkdownLine } from '../notes/export-markdown';
import type { Brief, BriefDifference, BriefQuotation } from './types';

const inline = (text: string): string => escapeMarkdownLine(text.replace(/\s+/gu, ' ').trim());

const blockquote = (text: string): string =>
  escapeMarkdown(text)
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');

const VERDICT_WORDS: Record<BriefQuotation['verdict'], string> = {
  verbatim: 'Verbatim',
  abridged: 'Abridged',
  altered: 'Altered',
  paraphrase: 'Paraphrase',
};

/** A quotation's source: 《title》 ¶n, or the kind of block for one that is no paragraph. */
export function citationOf(q: Pick<BriefQuotation, 'document' | 'paragraph' | 'block'>): string {
  return `《${inline(q.document)}》 ${q.paragraph > 0 ? `¶${q.paragraph}` : q.block}`;
}

/** One difference in words: what the page did to the corpus's text. */
export function differenceLine(d: BriefDifference): string {
  const moved = d.moved ? ' (moved)' : '';
  if (d.kind === 'dropped') return `dropped “${inline(d.corpus)}”${moved}`;
  if (d.kind === 'added') return `added “${inline(d.page)}”${moved}`;
  return `changed “${inline(d.corpus)}” to “${inline(d.page)}”`;
}

function quotationSection(q: BriefQuotation, i: number): string {
  const parts = [`### ${i + 1}. ${VERDICT_WORDS[q.verdict]} — ${citationOf(q)}`, blockquote(q.page)];
  if (q.verdict !== 'verbatim') {
    parts.push(`Corpus:\n\n${blockquote(q.corpus)}`);
    if (q.differences.length > 0) parts.push(q.differences.map((d) => `- ${differenceLine(d)}`).join('\n'));
  }
  return parts.join('\n\n');
}

/** The page's brief: title, address and date read; terms; quotations with verdicts; notes. */
export function renderBrief(brief: Brief): string {
  const parts = [`# ${inline(brief.title || brief.url)}`, `<${brief.url.replace(/[\s<>]/gu, encodeURIComponent)}>  \nRead ${brief.readOn}`];
  parts.push(`## Terms (${brief.terms.length})`);
  if (brief.terms.length === 0) parts.push('None.');
  else {
    const rows = brief.terms.map((t) => `| ${inline(t.term)} | ${inline(t.pinyin)} | ${inline(t.english)} | ${t.count} |`);
    parts.push(['| Term | Pinyin | English | Count |', '| --- | --- | --- | ---: |', ...rows].join('\n'));
  }
  parts.push(`## Quotations (${brief.quotations.length})`);
  if (brief.quotations.length === 0) parts.push('None.');
  brief.quotations.forEach((q, i) => parts.push(quotationSection(q, i)));
  parts.push(`## Notes (${brief.notes.length})`);
  if (brief.notes.length === 0) parts.push('None.');
  for (const note of brief.notes) {
    const body = escapeMarkdown(note.body.trim()).replace(/\n/gu, '\n  ');
    parts.push(note.quote ? `- On “${inline(note.quote)}”: ${body}` : `- ${body}`);
  }
  return `${parts.join('\n\n')}\n`;
}
