import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from '../../../lib/notes/csv';
import { ANKI_COLUMNS, exportAnkiCsv } from '../../../lib/notes/export-anki-csv';
import { buildBackup, exportJson } from '../../../lib/notes/export-json';
import { escapeMarkdown, exportMarkdown } from '../../../lib/notes/export-markdown';
import { parseCsv } from './csv-parse';
import { GLOSSARY, T0, makeEncounter, makeNote, trickyNotes } from './fixtures';

const EXPORTED = new Date(T0 + 86_400_000);

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['人类命运共同体', '人类命运共同体'],
    ['', ''],
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2', "'-2"],
    ['中文 - 破折号', '中文 - 破折号'],
  ])('%j → %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  // A spreadsheet runs `- 1+1` or `-\t1+1` as a formula too, and selected page text starts with anything.
  it.each([['- 1+1'], ['-\t1+1'], ['- a list item'], ['\tSUM(A1)'], ['\rSUM(A1)'], ['＝1+1'], ['＋1'], ['－1'], ['＠SUM(A1)']])(
    'keeps a cell beginning %j text',
    (input) => {
      const [cell] = parseCsv(`${csvField(input)}\r\n`)[0] ?? [];
      expect(cell).toBe(`'${input}`);
    },
  );

  it('round-trips through a strict parser', () => {
    const fields = ['a,b', 'say "hi"', 'x\ny', '中文，逗号', '<img src=x onerror=alert(1)>'];
    expect(parseCsv(`${csvRecord(fields)}\r\n`)).toEqual([fields]);
  });
});

describe('exportAnkiCsv', () => {
  const csv = exportAnkiCsv(trickyNotes(), GLOSSARY);

  it('starts with Anki headers that turn HTML off, then RFC 4180 rows of five columns', () => {
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:comma', '#html:false', '#columns:term,pinyin,English,source sentence,note']);
    const rows = parseCsv(csv.split('\r\n').slice(3).join('\r\n'));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(ANKI_COLUMNS.length);
  });

  it('gives a term note the glossary’s term, pinyin, English and source sentence', () => {
    const rows = parseCsv(csv.split('\r\n').slice(3).join('\r\n'));
    expect(rows[0]).toEqual([
      '人类命运共同体',
      'rénlèi mìngyùn gòngtóngtǐ',
      'community with a shared future for mankind',
      '中国愿同中亚国家一道，推动构建人类命运共同体。 — 《携手共命运 一起向未来》, 习近平, Xinhua, 2022-01-25, ¶2',
      'Key term <img src=x onerror=alert(1)>\nSecond line, with "quotes", commas\n# not a heading\n— Xi <b>speech</b> | "summit", part 1, https://news.example.com/world/summit',
    ]);
  });

  it('keeps a formula-looking quote inert', () => {
    const rows = parseCsv(csv.split('\r\n').slice(3).join('\r\n'));
    expect(rows[1]?.[0]).toBe('\'=HYPERLINK("http://evil")');
  });

  it('keeps inert a quote and a note that begin with a dash and a space', () => {
    const note = makeNote({
      body: '-\t2+3 as noted',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: '- 2+3', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 5 },
      },
    });
    const rows = parseCsv(exportAnkiCsv([note], GLOSSARY).split('\r\n').slice(3).join('\r\n'));
    expect(rows[0]?.[0]).toBe("'- 2+3");
    expect(rows[0]?.[4]?.startsWith("'-\t2+3 as noted")).toBe(true);
  });

  it('matches its snapshot', () => {
    expect(csv).toMatchInlineSnapshot(`
      "#separator:comma
      #html:false
      #columns:term,pinyin,English,source sentence,note
      人类命运共同体,rénlèi mìngyùn gòngtóngtǐ,community with a shared future for mankind,"中国愿同中亚国家一道，推动构建人类命运共同体。 — 《携手共命运 一起向未来》, 习近平, Xinhua, 2022-01-25, ¶2","Key term <img src=x onerror=alert(1)>
      Second line, with ""quotes"", commas
      # not a heading
      — Xi <b>speech</b> | ""summit"", part 1, https://news.example.com/world/summit"
      "'=HYPERLINK(""http://evil"")",,,,"[click](javascript:alert(1)) & <script>alert(2)</script>
      — Xi <b>speech</b> | ""summit"", part 1, https://news.example.com/world/summit"
      携手共命运,,,"我们要携手共命运，一起向未来。 — 《携手共命运 一起向未来》, 习近平, Xinhua, 2022-01-25, ¶2","— example.org, https://www.example.org/other"
      "
    `);
  });

  it('adds the terms met without a note when asked, one row per term', () => {
    const out = exportAnkiCsv([], GLOSSARY, {
      encounters: [
        makeEncounter({ entryId: 'together-for-future' }),
        makeEncounter({ entryId: 'together-for-future', url: 'https://b.example.com/x' }),
        makeEncounter({ entryId: 'unknown-entry' }),
      ],
    });
    const rows = parseCsv(out.split('\r\n').slice(3).join('\r\n'));
    expect(rows).toEqual([
      [
        '一起向未来',
        'yīqǐ xiàng wèilái',
        'Together for a Shared Future',
        '我们要携手共命运，一起向未来。 — 《携手共命运 一起向未来》, 习近平, Xinhua, 2022-01-25, ¶2',
        'Met on 2 pages',
      ],
    ]);
  });
});

describe('exportMarkdown', () => {
  const md = exportMarkdown(trickyNotes(), GLOSSARY, EXPORTED);

  it('never lets note or page text become HTML, links or headings', () => {
    // Every `<` is escaped (`\<`): no tag, whatever the viewer.
    expect(md).not.toMatch(/(?<!\\)<(?:img|script|b|\/)/u);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/u);
    expect(md).toContain('\\[click\\](javascript:alert(1))');
    expect(md).not.toMatch(/^# not a heading/mu);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  it('groups notes by page, with the term, pinyin, English and cited source sentence', () => {
    expect(md.match(/^## /gmu)).toHaveLength(2);
    expect(md).toContain('### 人类命运共同体 · rénlèi mìngyùn gòngtóngtǐ · community with a shared future for mankind');
    expect(md).toContain('> 中国愿同中亚国家一道，推动构建人类命运共同体。');
    expect(md).toContain('Source: 《携手共命运 一起向未来》, 习近平, Xinhua, 2022-01-25, ¶2');
  });

  it('matches its snapshot', () => {
    expect(md).toMatchInlineSnapshot(`
      "# Tifa Lens notes

      Exported 2024-05-02 · 3 notes on 2 pages

      ## Xi \\<b\\>speech\\</b\\> \\| "summit", part 1

      <https://news.example.com/world/summit> · news.example.com

      ### 人类命运共同体 · rénlèi mìngyùn gòngtóngtǐ · community with a shared future for mankind

      > 人类命运共同体

      Key term \\<img src=x onerror=alert(1)\\>
      Second line, with "quotes", commas
      \\# not a heading

      Source: 《携手共命运 一起向未来》, 习近平, Xinhua, 2022-01-25, ¶2

      > 中国愿同中亚国家一道，推动构建人类命运共同体。

      *Created 2024-05-01 · updated 2024-05-01 · tags: \\#concept \\#xi*

      ### Note

      > \\=HYPERLINK("http://evil")

      \\[click\\](javascript:alert(1)) \\& \\<script\\>alert(2)\\</script\\>

      *Created 2024-05-01*

      ## https://www.example.org/other

      <https://www.example.org/other> · example.org

      ### Quotation of the corpus

      > 携手共命运

      Source: 《携手共命运 一起向未来》, 习近平, Xinhua, 2022-01-25, ¶2

      > 我们要携手共命运，一起向未来。

      *Created 2024-05-01*
      "
    `);
  });

  it('escapes every Markdown construct at the start of a line', () => {
    expect(escapeMarkdown('# h\n> q\n- li\n+ li\n1. ol\n2) ol\n=== \n---')).toBe('\\# h\n\\> q\n\\- li\n\\+ li\n1\\. ol\n2\\) ol\n\\=== \n\\---');
  });
});

describe('exportJson', () => {
  it('is a versioned backup in a stable order', () => {
    const notes = trickyNotes();
    const backup = buildBackup([...notes].reverse(), [makeEncounter({ url: 'https://b.example/' }), makeEncounter()], EXPORTED);
    expect(backup.format).toBe('tifa-lens-backup');
    expect(backup.version).toBe(1);
    expect(backup.exportedAt).toBe('2024-05-02T08:00:00.000Z');
    expect(backup.notes.map((n) => n.id)).toEqual(['note-term', 'note-free', 'note-quote']);
    expect(backup.encounters.map((e) => e.url)).toEqual(['https://b.example/', 'https://news.example.com/world/summit']);
    expect(JSON.parse(exportJson(notes, [], EXPORTED))).toEqual(buildBackup(notes, [], EXPORTED));
  });
});
