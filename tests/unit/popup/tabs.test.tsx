// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { popupProps } from './fixtures';

afterEach(cleanup);

describe('the popup’s tabs', () => {
  it('are ARIA tabs: a named tab list, three tabs each controlling its panel', () => {
    render(<Popup {...popupProps()} />);
    const list = screen.getByRole('tablist', { name: 'Tifa Lens' });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['This page', 'Notes', 'Glossary']);
    for (const tab of tabs) {
      expect(list.contains(tab)).toBe(true);
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      expect(panel?.getAttribute('role')).toBe('tabpanel');
      expect(panel?.getAttribute('aria-labelledby')).toBe(tab.id);
    }
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(screen.getByRole('tabpanel')).toBe(document.getElementById('panel-page'));
  });

  it('move with the arrow keys, Home and End, wrapping around, the focus following', () => {
    render(<Popup {...popupProps()} />);
    const [page, notes, glossary] = screen.getAllByRole('tab');
    page!.focus();
    fireEvent.keyDown(page!, { key: 'ArrowRight' });
    expect(notes!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(notes);
    expect(notes!.tabIndex).toBe(0);
    expect(page!.tabIndex).toBe(-1);
    expect(screen.getByRole('tabpanel').id).toBe('panel-notes');
    expect(document.getElementById('panel-page')?.hidden).toBe(true);

    fireEvent.keyDown(notes!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(glossary);
    fireEvent.keyDown(glossary!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(page);
    fireEvent.keyDown(page!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(glossary);
    fireEvent.keyDown(glossary!, { key: 'Home' });
    expect(document.activeElement).toBe(page);
    fireEvent.keyDown(page!, { key: 'End' });
    expect(document.activeElement).toBe(glossary);
    expect(glossary!.getAttribute('aria-selected')).toBe('true');
  });

  it('select on click, and keep each panel’s state across visits', () => {
    render(<Popup {...popupProps()} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Glossary' }));
    const filter = screen.getByLabelText('Filter the glossary') as HTMLInputElement;
    fireEvent.input(filter, { target: { value: '一带一路' } });
    fireEvent.click(screen.getByRole('tab', { name: 'This page' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Glossary' }));
    expect((screen.getByLabelText('Filter the glossary') as HTMLInputElement).value).toBe('一带一路');
  });

  it('panels are focusable, so the keyboard reaches a panel with no control', () => {
    render(<Popup {...popupProps()} />);
    for (const panel of document.querySelectorAll<HTMLElement>('[role="tabpanel"]')) expect(panel.tabIndex).toBe(0);
  });
});
