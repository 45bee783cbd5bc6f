// The glossary's precision corpus: ordinary sentences, none about the corpus, on which no card may
// fire, and on-topic sentences whose cards must survive the rules that keep the first set quiet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../../../lib/glossary/matcher-input';
import { compileMatcher } from '../../../lib/match/index';

const DIR = join(__dirname, '../../fixtures/precision');

/** The rows of a TSV file, comments (#) and blank lines skipped, each with its line number. */
function rows(name: string, columns: number): Array<{ line: number; cells: string[] }> {
  return readFileSync(join(DIR, name), 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, cells: text.split('\t') }))
    .filter(({ cells }) => cells[0] !== '' && !cells[0]!.startsWith('#'))
    .map(({ line, cells }) => {
      if (cells.length !== columns) throw new Error(`${name}:${line}: expected ${columns} tab-separated columns, got ${cells.length}`);
      return { line, cells };
    });
}

const ordinary = rows('sentences.tsv', 3).map(({ line, cells: [script, domain, text] }) => ({ line, script: script!, domain: domain!, text: text! }));
const onTopic = rows('on-topic.tsv', 3).map(({ line, cells: [id, form, text] }) => ({ line, id: id!, form: form!, text: text! }));
// The extension's own matcher: the page forms, their near words, quotes traced.
const matcher = compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary));
const idOf = (entry: number): string => (entry < 0 ? 'quote' : (glossary.entries[entry]?.id ?? '?'));

describe('the precision corpus', () => {
  it('is large and varied: 400+ sentences, every script, many domains', () => {
    expect(ordinary.length).toBeGreaterThanOrEqual(400);
    const scripts = new Map<string, number>();
    for (const s of ordinary) scripts.set(s.script, (scripts.get(s.script) ?? 0) + 1);
    expect([...scripts.keys()].sort()).toEqual(['en', 'hans', 'hant']);
    for (const n of scripts.values()) expect(n).toBeGreaterThanOrEqual(80);
    expect(new Set(ordinary.map((s) => s.domain)).size).toBeGreaterThanOrEqual(10);
  });

  it('holds every false match reported so far', () => {
    const texts = ordinary.map((s) => s.text).join('\n');
    for (const example of [
      '演奏了巴赫的《哥德堡变奏曲》',
      '攻占巴赫穆特',
      '应急管理部部长黄明',
      '越南国家主席武文赏',
      '老挝人革党中央总书记通伦',
      '北京是全国政治中心、文化中心',
      '社区文化中心',
      '秦灭六国',
      '双奥冠军',
      '新时代广场',
      '中国—东盟命运共同体',
    ]) {
      expect(texts, example).toContain(example);
    }
    for (const form of ['绿色通道', '快捷通道', '首倡之地', '五点建议', '更团结', '相约北京', 'sister city', 'cultural centers']) {
      expect(texts, form).toContain(form);
    }
    for (const form of ['挺身而出', '当之无愧', '同甘共苦', '不遗余力', '开花结果', '恢复客运航班', '边境管控', '相互尊重']) {
      expect(texts, form).toContain(form);
    }
  });

  it('opens no card: no term and no quotation is found in any sentence', () => {
    const fired = ordinary.flatMap((s) => matcher.match([s.text]).map((m) => `sentences.tsv:${s.line} ${idOf(m.entry)} "${m.form}" in: ${s.text}`));
    expect(fired).toEqual([]);
  });
});

describe('on-topic sentences', () => {
  it('are enough to keep the rules honest', () => {
    expect(onTopic.length).toBeGreaterThanOrEqual(80);
  });

  it('keep their cards', () => {
    const ids = new Set(glossary.entries.map((e) => e.id));
    const missed = onTopic.flatMap((s) => {
      if (!ids.has(s.id)) return [`on-topic.tsv:${s.line}: no entry ${s.id}`];
      const found = matcher.match([s.text]).some((m) => idOf(m.entry) === s.id);
      return found ? [] : [`on-topic.tsv:${s.line} ${s.id} "${s.form}" not found in: ${s.text}`];
    });
    expect(missed).toEqual([]);
  });
});
