// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { LayoutChecks } from '../../../../../content/lens/page-layer/layout-check';
import { setBody } from '../../support/fixture';

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

  it('caches editability along the path: inline children of editors and of their non-editable islands', () => {
    page(
      '<div contenteditable="true"><p id="a">x<b id="b">y</b></p><div contenteditable="false"><i id="c">z</i></div></div>' +
        '<p id="d">x<em id="e">y<span id="f">z</span></em></p><p id="g" contenteditable="plaintext-only"><b id="h">y</b></p>',
    );
    const checks = new LayoutChecks();
    // Parents first (as the scanner meets them), then children answered from their parents.
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => checks.isEditable(el(id)))).toEqual([true, true, true, false, false, false, true, true]);
    const fresh = new LayoutChecks();
    // Children first: the same answers.
    expect(['h', 'f', 'c', 'b'].map((id) => fresh.isEditable(el(id)))).toEqual([true, false, true, true]);
    expect(['d', 'g'].map((id) => fresh.shows(el(id)))).toEqual([true, false]);
  });

  it('clears a document without any contenteditable at once, but still finds editors in shadow trees and in later passes', () => {
    page('<p id="a">x<b id="b">y</b></p><div id="host"></div>');
    const root = el('host').attachShadow({ mode: 'open' });
    const shadow = document.createElement('div');
    shadow.setAttribute('contenteditable', 'true');
    const inner = document.createElement('span');
    shadow.append(inner);
    root.append(shadow);
    const checks = new LayoutChecks();
    expect([checks.isEditable(el('a')), checks.isEditable(el('b')), checks.isEditable(inner)]).toEqual([false, false, true]);
    expect(checks.shows(el('b'))).toBe(true);
    // A page that makes a region editable after a pass: the next pass (a new LayoutChecks) sees it.
    el('a').setAttribute('contenteditable', 'true');
    expect(new LayoutChecks().isEditable(el('b'))).toBe(true);
  });

  it('finds hidden text: display none, hidden attribute, visibility hidden', () => {
    page('<div style="display:none"><p id="a">x</p></div><p hidden id="b">x</p><p id="c" style="visibility:hidden">x</p><p id="d">x</p>');
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

  it('checks the elements between neighbours: entered, left, or left for a sibling', () => {
    page(
      '<style>.blk { display: block }</style>' +
        '<p id="p1">一带<b id="b1">一路</b>倡议<i class="blk" id="i1">共建</i>合作<b id="b2">多边</b><i id="i2">主义</i>' +
        '<b class="blk" id="b3">命运</b><i id="i3">共同体</i></p>',
    );
    const checks = new LayoutChecks();
    const p = el('p1');
    const [before, , between, , after] = [...p.childNodes];
    // Same parent: nothing between.
    expect(checks.separates(before as Text, before as Text)).toBe(false);
    // Entering an inline element, leaving one.
    expect(checks.separates(before as Text, text('b1'))).toBe(false);
    expect(checks.separates(text('b1'), between as Text)).toBe(false);
    // Entering and leaving an element made a block.
    expect(checks.separates(between as Text, text('i1'))).toBe(true);
    expect(checks.separates(text('i1'), after as Text)).toBe(true);
    // From one inline element to the next, and where either is a block.
    expect(checks.separates(text('b2'), text('i2'))).toBe(false);
    expect(checks.separates(text('i2'), text('b3'))).toBe(true);
    expect(checks.separates(text('b3'), text('i3'))).toBe(true);
  });
});
