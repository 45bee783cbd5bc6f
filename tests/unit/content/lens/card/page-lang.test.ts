// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { langAt } from '../../../../../content/lens/card/page-lang';

afterEach(() => {
  document.documentElement.removeAttribute('lang');
  document.body.innerHTML = '';
});

describe('langAt', () => {
  it('reads the closest lang attribute of a text, else the document’s', () => {
    document.documentElement.lang = 'zh-CN';
    document.body.innerHTML = '<p id="a">简体<span lang="zh-HK"><b id="b">繁體</b></span></p>';
    expect(langAt(document.getElementById('a')!.firstChild!)).toBe('zh-CN');
    expect(langAt(document.getElementById('b')!.firstChild!)).toBe('zh-HK');
  });

  it('crosses a shadow root to its host', () => {
    document.body.innerHTML = '<div lang="zh-TW" id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>一中原則</p>';
    expect(langAt(root.querySelector('p')!.firstChild!)).toBe('zh-TW');
  });

  it('is empty where the page says nothing', () => {
    document.body.innerHTML = '<p>一带一路</p>';
    expect(langAt(document.querySelector('p')!.firstChild!)).toBe('');
  });
});
