// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { TermCard } from '../../../components/card/TermCard';
import type { GlossaryEntry } from '../../../lib/glossary/types';

afterEach(cleanup);

const { documents, entries } = glossary;
const base = entries.find((e) => e.zh === '一带一路')!;

function renderEntry(entry: GlossaryEntry) {
  render(<TermCard data={{ kind: 'term', entry, found: entry.zh }} documents={documents} onClose={vi.fn()} />);
  return screen.getByRole('dialog');
}

describe('TermCard provenance', () => {
  it('lists the sources of the explanation, with their address as text', () => {
    const dialog = renderEntry({
      ...base,
      sources: [{ title: 'Working Together for a Shared Future', publisher: 'Xinhua', date: '2022-01-25', url: 'https://english.news.cn/x.htm' }],
    });
    const section = within(dialog).getByRole('region', { name: 'Sources' });
    expect(section.textContent).toContain('Xinhua, Working Together for a Shared Future, 2022-01-25');
    expect(section.textContent).toContain('https://english.news.cn/x.htm');
    // Nothing the card shows may make the browser fetch: the address is not a link.
    expect(section.querySelector('a')).toBeNull();
  });

  it('shows no sources section for an entry without them', () => {
    const { sources: _sources, ...withoutSources } = base;
    const dialog = renderEntry(withoutSources);
    expect(within(dialog).queryByRole('region', { name: 'Sources' })).toBeNull();
  });

  it('says an everyday phrase is one, so the card does not read as a quotation of the speech', () => {
    const dialog = renderEntry({ ...base, everyday: true });
    expect(dialog.textContent).toContain('Initiative or mechanism · everyday phrase');
  });

  it('says an implied entry is never named in the corpus', () => {
    const dialog = renderEntry({ ...base, implied: true, occurrences: base.occurrences.slice(0, 2) });
    expect(dialog.textContent).toContain('Not named in the corpus; implied 2 times');
  });
});
