// The reader's notes as a Markdown document, grouped by page, each with its quotation and, for a
// term or a corpus quotation, the glossary's term, pinyin, English and source sentence.
// Every piece of page or note text is escaped: a Markdown viewer must show `<img onerror=…>` as
// text, never as HTML, a link or a heading.

import { cite, citationLine } from './citation';
import type { GlossaryLike } from './citation';
import type { Note } from './types';

/** Escapes text for a Markdown paragraph line: inline syntax, HTML and entities, and line-start markers. */
export function escapeMarkdownLine(line: string): string {
  const inline = line.replace(/[\\`*_[\]<>|~&!{}]/gu, (c) => `\\${c}`);
  // Block syntax at the start of a line: headings, quotes, lists, rules, setext underlines.
  return inline.replace(/^(\s*)([#>+=-])/u, '$1\\$2').replace(/^(\s*\d+)([.)])/u, '$1\\$2');
}

/** Escapes text of any length, keeping its line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?/gu, '\n').split('\n').map(escapeMarkdownLine).join('\n');
}

/** Single-line text (titles, terms): line breaks become spaces. */
const inlineText = (text: string): string => escapeMarkdownLine(text.replace(/\s+/gu, ' ').trim());

function blockquote(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** `<url>` as an autolink; normalized URLs are already percent-encoded, this makes sure. */
const autolink = (url: string): string => `<${url.replace(/[\s<>]/gu, (c) => encodeURIComponent(c))}>`;

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function noteSection(note: Note, glossary: GlossaryLike): string {
  const parts: string[] = [];
  const { entry, source } = cite(glossary, note.ref);
  if (entry) {
    parts.push(`### ${inlineText(entry.zh)} · ${inlineText(entry.pinyin)} · ${inlineText(entry.en)}`);
  } else if (note.ref?.kind === 'quote') {
    parts.push('### Quotation of the corpus');
  } else {
    parts.push('### Note');
  }
  if (note.selectors) parts.push(blockquote(note.selectors.quote.exact));
  if (note.body.trim() !== '') parts.push(escapeMarkdown(note.body));
  if (source) {
    parts.push(`Source: ${inlineText(citationLine(source))}\n\n${blockquote(source.sentence)}`);
  }
  const meta = [`Created ${day(note.createdAt)}`];
  if (note.updatedAt !== note.createdAt) meta.push(`updated ${day(note.updatedAt)}`);
  if (note.tags.length > 0) meta.push(`tags: ${note.tags.map((t) => inlineText(`#${t}`)).join(' ')}`);
  parts.push(`*${meta.join(' · ')}*`);
  return parts.join('\n\n');
}

/** All notes, grouped by page (pages in order of their first note), oldest note first. */
export function exportMarkdown(notes: readonly Note[], glossary: GlossaryLike, exportedAt: Date): string {
  const pages = new Map<string, Note[]>();
  const sorted = [...notes].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  for (const note of sorted) {
    const list = pages.get(note.url);
    if (list) list.push(note);
    else pages.set(note.url, [note]);
  }
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const out = ['# Tifa Lens notes', `Exported ${day(exportedAt.getTime())} · ${count(notes.length, 'note', 'notes')} on ${count(pages.size, 'page', 'pages')}`];
  for (const [url, list] of pages) {
    const first = list[0];
    const heading = first && first.title.trim() !== '' ? first.title : url;
    out.push(`## ${inlineText(heading)}`);
    out.push(`${autolink(url)}${first?.site ? ` · ${inlineText(first.site)}` : ''}`);
    for (const note of list) out.push(noteSection(note, glossary));
  }
  return `${out.join('\n\n')}\n`;
}
