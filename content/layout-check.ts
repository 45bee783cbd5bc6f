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
    const ancestors = new Set<Node>();
    for (let n: Node | null = before.parentNode; n; n = n.parentNode) ancestors.add(n);
    let common: Node | null = after.parentNode;
    const entered: Element[] = [];
    while (common && !ancestors.has(common)) {
      if (common instanceof Element) entered.push(common);
      common = common.parentNode;
    }
    for (let n: Node | null = before.parentNode; n && n !== common; n = n.parentNode) {
      if (n instanceof Element && !this.flows(n)) return true;
    }
    return entered.some((e) => !this.flows(e));
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
