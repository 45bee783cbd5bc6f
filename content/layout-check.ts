/** CSS display values whose boxes keep text on one line with its neighbours. */
const FLOWING = new Set([
  'inline',
  'inline-block',
  'contents',
  'ruby',
  'ruby-base',
  'ruby-base-container',
  'inline flow',
  'inline flow-root',
]);

function hasHiddenAttribute(element: Element): boolean {
  return element.hasAttribute('hidden');
}

/**
 * The checks that need style, done lazily — once per element that holds a match, never per
 * text node — and cached for one scan pass (styles may change between passes).
 */
export class LayoutChecks {
  private readonly visibility = new Map<Element, boolean>();
  private readonly editing = new Map<Element, boolean>();
  private readonly display = new Map<Element, string>();
  private readonly path: Node[] = [];

  /** Whether the element's text is rendered: not display:none, visibility:hidden or `hidden`. */
  isVisible(element: Element): boolean {
    let visible = this.visibility.get(element);
    if (visible === undefined) {
      visible = this.computeVisible(element);
      this.visibility.set(element, visible);
    }
    return visible;
  }

  /** Whether the element is inside an editing host (any contenteditable but "false", designMode). */
  isEditable(element: Element): boolean {
    let editable = this.editing.get(element);
    if (editable === undefined) {
      editable = computeEditable(element);
      this.editing.set(element, editable);
    }
    return editable;
  }

  /**
   * Whether, between two text nodes the collector saw as inline neighbours, the page's CSS puts
   * a box edge (a span made `display: block`, flex items): then they are not one line of text.
   */
  separates(before: Text, after: Text): boolean {
    // The elements left after `before` and entered before `after`, up to their common ancestor:
    // neighbours in one block, so the paths are short; no allocation beyond one reused array.
    const entered = this.path;
    entered.length = 0;
    for (let n: Node | null = after.parentNode; n; n = n.parentNode) entered.push(n);
    let common = -1;
    for (let n: Node | null = before.parentNode; n; n = n.parentNode) {
      const at = entered.indexOf(n);
      if (at >= 0) {
        common = at;
        break;
      }
      if (n.nodeType === 1 && !this.flows(n as Element)) return true;
    }
    const end = common < 0 ? entered.length : common;
    for (let i = 0; i < end; i++) {
      const n = entered[i]!;
      if (n.nodeType === 1 && !this.flows(n as Element)) return true;
    }
    return false;
  }

  private flows(element: Element): boolean {
    let value = this.display.get(element);
    if (value === undefined) {
      value = getComputedStyle(element).display;
      this.display.set(element, value);
    }
    return value === '' || FLOWING.has(value);
  }

  private computeVisible(element: Element): boolean {
    if (typeof element.checkVisibility === 'function') {
      return element.checkVisibility({ visibilityProperty: true });
    }
    // Environments without checkVisibility (older engines, test DOMs).
    for (let e: Element | null = element; e; e = e.parentElement) {
      if (hasHiddenAttribute(e) || getComputedStyle(e).display === 'none') return false;
    }
    const { visibility } = getComputedStyle(element);
    return visibility !== 'hidden' && visibility !== 'collapse';
  }
}

function computeEditable(element: Element): boolean {
  if (element.ownerDocument.designMode === 'on') return true;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  // `isContentEditable` is false in a non-editable island of an editor and, in some engines,
  // before style is computed: the attribute is the ground truth.
  let host = element.closest('[contenteditable]');
  while (host) {
    if ((host.getAttribute('contenteditable') ?? '').toLowerCase() !== 'false') return true;
    host = host.parentElement?.closest('[contenteditable]') ?? null;
  }
  return false;
}
