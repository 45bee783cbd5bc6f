import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED_PAGES } from '../../scripts/support/paths';

function run(script: string, args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync('npx', ['tsx', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout };
}

interface ScanReport {
  url: string;
  terms: { id: string; term: string; pinyin: string; count: number; citation: string }[];
  quotes: { text: string; citation: string }[];
}

describe('npm run scan', () => {
  it('reports the terms of saved pages as JSON, whatever their charset', () => {
    const pages = ['hans-shanxi-gov', 'hans-xinhua-hebei-gbk', 'hans-qq-tech'].map((p) => join(SHARED_PAGES, p, 'source.html'));
    const { status, stdout } = run('scripts/scan.ts', [...pages, '--json']);
    expect(status).toBe(0);
    const [shanxi, hebei, qq] = JSON.parse(stdout) as ScanReport[];
    const belt = shanxi?.terms.find((t) => t.term === '一带一路');
    expect(belt).toMatchObject({ pinyin: 'yīdài yīlù', count: 3, citation: '《携手共命运 一起向未来》 ¶4' });
    // GBK bytes decoded right: the Hebei page names Zhangjiakou.
    expect(hebei?.terms.find((t) => t.term === '张家口')?.count).toBeGreaterThan(0);
    // UTF-8 bytes under a gb2312 label: no mojibake, and no glossary term in a DeepMind story.
    expect(qq?.terms.filter((t) => t.count > 0).length ?? 0).toBeLessThan(3);
  });

  it('prints a table with the quotations of the corpus a page makes', () => {
    const { status, stdout } = run('scripts/scan.ts', [join(ROOT, 'assets/demo/summit-zh.html')]);
    expect(status).toBe(0);
    expect(stdout).toContain('人类命运共同体  rénlèi mìngyùn gòngtóngtǐ  — community with a shared future for mankind');
    expect(stdout).toMatch(/道虽迩,不行不至;事虽小,不为不成.*\[《携手共命运 一起向未来》 ¶24\]/u);
  });
});

describe('npm run demo without a display', () => {
  it('prints each sample page’s terms and saves a screenshot with a card open', () => {
    const { status, stdout } = run('scripts/demo.ts', []);
    expect(status).toBe(0);
    for (const page of ['summit-zh', 'summit-zh-hant', 'summit-en']) {
      expect(stdout).toContain(`${page}.html — `);
      expect(existsSync(join(ROOT, '.output/demo', `${page}.png`))).toBe(true);
    }
    expect(stdout).toMatch(/summit-zh-hant\.html[\s\S]*一带一路/u);
    expect(stdout).toMatch(/summit-en\.html[\s\S]*Belt and Road Initiative/u);
  });
});
