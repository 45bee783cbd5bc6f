// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GlossaryPanel } from '../../../components/popup/GlossaryPanel';
import type { EncounterStats } from '../../../components/popup/types';
import { CATEGORY_LABELS } from '../../../lib/glossary/types';
import { entries, entry } from './fixtures';

afterEach(cleanup);

const MET: EncounterStats = new Map([
  ['belt-and-road', { pages: 2, count: 7 }],
  ['shared-future-mankind', { pages: 1, count: 1 }],
]);

function renderGlossary(met: EncounterStats | undefined = MET) {
  render(<GlossaryPanel entries={entries} met={met} sourceHref={(e) => `chrome-extension://x/source.html?term=${e.id}`} />);
  const items = (): HTMLElement[] => within(screen.getByRole('list', { name: 'Glossary entries' })).getAllByRole('listitem');
  const filter = (text: string): void => void fireEvent.input(screen.getByLabelText('Filter the glossary'), { target: { value: text } });
  return { items, filter };
}

describe('Glossary', () => {
  it('lists every entry with pinyin, English, category and whether the reader met it', () => {
    const { items } = renderGlossary();
    expect(entries.length).toBeGreaterThanOrEqual(150);
    expect(items()).toHaveLength(entries.length);
    expect(screen.getByText(`${entries.length} entries · you met 2`)).toBeTruthy();
    const belt = items().find((li) => li.textContent?.includes(entry('belt-and-road').zh))!;
    expect(belt.textContent).toContain(entry('belt-and-road').pinyin);
    expect(belt.textContent).toContain(entry('belt-and-road').en);
    expect(belt.textContent).toContain(`${CATEGORY_LABELS.initiative} · Met 7× on 2 pages`);
    expect(items().filter((li) => li.textContent?.includes('Not met yet'))).toHaveLength(entries.length - 2);
  });

  it('opens each entry in the source viewer', () => {
    renderGlossary();
    const link = screen.getByRole('link', { name: new RegExp(`^${entry('belt-and-road').zh}`, 'u') });
    expect(link.getAttribute('href')).toBe('chrome-extension://x/source.html?term=belt-and-road');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('filters by Chinese, pinyin with or without tones, and English', () => {
    const { items, filter } = renderGlossary();
    filter('一带一路');
    expect(items().some((li) => li.textContent?.includes(entry('belt-and-road').en))).toBe(true);
    const n = items().length;
    filter('yidaiyilu');
    expect(items()).toHaveLength(n);
    filter('yi dai yi lu');
    expect(items()).toHaveLength(n);
    // Names and idioms are written as words (Xí Jìnpíng, tóngzhōu-gòngjì): found either way.
    const cases: [string, string][] = [
      ['xi jinping', '习近平'],
      ['xijinping', '习近平'],
      ['dongaohui', '北京冬奥会'],
      ["dong'aohui", '北京冬奥会'],
      ['tongzhou gongji', '同舟共济'],
      ['tongzhougongji', '同舟共济'],
    ];
    for (const [query, zh] of cases) {
      filter(query);
      expect(
        items().some((li) => li.textContent?.includes(zh)),
        query,
      ).toBe(true);
    }
    filter('BELT AND ROAD');
    expect(items().length).toBeGreaterThan(0);
    expect(items().every((li) => /belt and road/iu.test(li.textContent ?? ''))).toBe(true);
    filter('zzzz no such term');
    expect(screen.getByText('No entry matches.')).toBeTruthy();
  });

  it('filters by category and by what the reader met', () => {
    const { items } = renderGlossary();
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'olympics' } });
    const olympics = entries.filter((e) => e.category === 'olympics').length;
    expect(items()).toHaveLength(olympics);
    expect(items().every((li) => li.textContent?.includes(CATEGORY_LABELS.olympics))).toBe(true);
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Only terms I met'));
    expect(items()).toHaveLength(2);
    expect(screen.getByText(`2 of ${entries.length} entries · you met 2`)).toBeTruthy();
  });

  it('says when the reader has met nothing yet', () => {
    renderGlossary(new Map());
    fireEvent.click(screen.getByLabelText('Only terms I met'));
    expect(screen.getByText('You have not met any term yet.')).toBeTruthy();
  });
});
