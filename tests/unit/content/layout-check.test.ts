// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { LayoutChecks } from '../../../content/layout-check';
import { setBody } from './support/fixture';

function page(html: string): void {
  setBody(html);
}

const el = (id: string): Element => document.getElementById(id)!;
const text = (id: string): Text => el(id).firstChild as Text;

afterEach(() => {
  document.body.replaceChildren();
  document.designMode = 'off';
});

describe('LayoutChecks', () => {
  it('finds text inside contenteditable, plaintext-only and designMode', () => {
    page(
      '<div contenteditable="true"><p id="a">x</p></div><div contenteditable="plaintext-only"><span id="b">x</span></div>' +
        '<div contenteditable=""><i id="c">x</i></div><div contenteditable="false"><b id="d">x</b></div><p id="e">x</p>',
    );
    const checks = new LayoutChecks();
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => checks.isEditable(el(id)))).toEqual([true, true, true, false, false]);
    document.designMode = 'on';
    expect(new LayoutChecks().isEditable(el('e'))).toBe(true);
  });

  it('finds hidden text: display none, hidden attribute, visibility hidden', () => {
    page(
      '<div style="display:none"><p id="a">x</p></div><p hidden id="b">x</p><p id="c" style="visibility:hidden">x</p><p id="d">x</p>',
    );
    // The path for engines without checkVisibility (the test DOM's own one ignores `hidden`;
    // Chromium's is covered end to end).
    const proto = Element.prototype as { checkVisibility?: unknown };
    const saved = proto.checkVisibility;
    delete proto.checkVisibility;
    try {
      const checks = new LayoutChecks();
      expect(['a', 'b', 'c', 'd'].map((id) => checks.isVisible(el(id)))).toEqual([false, false, false, true]);
    } finally {
      proto.checkVisibility = saved;
    }
  });

  it('sees a box edge between inline neighbours that CSS made blocks', () => {
    page(
      '<style>.blk { display: block } .row { display: flex }</style>' +
        '<p><b id="a">一带</b><i id="b">一路</i></p>' +
        '<p><span class="blk" id="c">一带</span><span id="d">一路</span></p>' +
        '<p><span id="e">一带<span class="blk"><span id="f">一路</span></span></span></p>',
    );
    const checks = new LayoutChecks();
    expect(checks.separates(text('a'), text('b'))).toBe(false);
    expect(checks.separates(text('c'), text('d'))).toBe(true);
    expect(checks.separates(text('e'), text('f'))).toBe(true);
  });
});
