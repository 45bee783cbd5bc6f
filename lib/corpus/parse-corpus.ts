import type { CorpusLayout, DocumentLayout } from './layout';
import type { BlockRole, CorpusBlock, CorpusDocument } from './types';

interface SourceLine {
  text: string;
  /** The extraction marked the whole line bold (`**…**`): a heading, a title or a byline. */
  bold: boolean;
}

const BOLD = /^\*\*(.+)\*\*$/u;

function readLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const raw of source.split(/\r?\n/u)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const bold = BOLD.exec(trimmed);
    const text = bold?.[1] ?? trimmed;
    if (text.includes('**')) throw new Error(`corpus: unexpected markdown bold inside a line: ${trimmed}`);
    lines.push({ text, bold: bold !== null });
  }
  return lines;
}

/** Joins each paragraph the extraction split at a page break; every listed break must be found. */
function repairPageBreaks(lines: SourceLine[], layout: CorpusLayout): SourceLine[] {
  const out = [...lines];
  for (const pageBreak of layout.pageBreaks) {
    const at = out.findIndex((line, i) => line.text.endsWith(pageBreak.end) && out[i + 1]?.text.startsWith(pageBreak.start));
    const head = out[at];
    const tail = out[at + 1];
    if (at < 0 || !head || !tail) {
      throw new Error(`corpus: page break "${pageBreak.end}" / "${pageBreak.start}" not found`);
    }
    out.splice(at, 2, { text: head.text + tail.text, bold: false });
  }
  return out;
}

function buildDocument(layout: DocumentLayout, lines: SourceLine[]): CorpusDocument {
  const blocks: CorpusBlock[] = [];
  let n = 0;
  lines.forEach((line, i) => {
    let role: BlockRole;
    if (i < layout.head.length) role = layout.head[i] ?? 'paragraph';
    else if (i >= lines.length - layout.tailBylines) role = 'byline';
    else if (line.bold) role = 'heading';
    else role = 'paragraph';
    blocks.push({ role, text: line.text, n: role === 'paragraph' ? ++n : 0 });
  });
  const title = blocks.find((b) => b.role === 'title');
  if (!title) throw new Error(`corpus: document ${layout.id} has no title`);
  return {
    id: layout.id,
    kind: layout.kind,
    title: title.text,
    subtitle: blocks.find((b) => b.role === 'subtitle')?.text ?? '',
    author: layout.author,
    date: layout.date,
    source: layout.source,
    blocks,
  };
}

/**
 * Cleans the user's corpus file into documents of numbered paragraphs. It repairs only the
 * extraction's artifacts (page breaks, markdown bold); the text itself stays verbatim.
 */
export function parseCorpus(source: string, layout: CorpusLayout): CorpusDocument[] {
  const lines = repairPageBreaks(readLines(source), layout);
  const starts = layout.documents.map((doc) => {
    const at = lines.findIndex((line) => line.text === doc.firstLine);
    if (at < 0) throw new Error(`corpus: document ${doc.id} should start with "${doc.firstLine}"`);
    return at;
  });
  if (starts[0] !== 0) throw new Error('corpus: text before the first document');
  return layout.documents.map((doc, i) => {
    const start = starts[i] ?? 0;
    const end = starts[i + 1] ?? lines.length;
    if (end <= start) throw new Error(`corpus: documents out of order at ${doc.id}`);
    return buildDocument(doc, lines.slice(start, end));
  });
}
