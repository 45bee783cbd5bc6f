/** CSS display values whose boxes keep text on one line with its neighbours. */
const FLOWING = new Set(['inline', 'inline-block', 'contents', 'ruby', 'ruby-base', 'ruby-base-container', 'inline flow', 'inline flow-root']);

/** One options object for every call (each call converts it; a fresh literal would cost more). */
const CHECK_VISIBILITY = { visibilityProperty: true } as const;

function hasHiddenAttribute(element: Element): boolean {
  return element.hasAttribute('hidden');
}

/** What the scanner asks of each element that holds a match. */
export interface ElementChecks {
  shows(element: Element): boolean;
}

/**
 * The checks that need style, done lazily — once per element that holds a match, never per
 * text node — and cached for one scan pass (styles may change between passes).
 */
export class LayoutChecks implements ElementChecks {
  private readonly visibility = new Map<Element, boolean>();
  private readonly editing = new Map<Element, boolean>();
  /** Element → whether a contenteditable attribute (not "false") is on it or an ancestor. */
  private readonly editableAttr = new Map<Element, boolean>();
  private readonly showing = new Map<Element, boolean>();
  private readonly display = new Map<Element, string>();
  private readonly path: Node[] = [];
  /** The document's designMode, read once per pass. */
  private designMode: boolean | null = null;
  /** Whether the document holds no contenteditable attribute, looked up once per pass. */
  private plainDocument: boolean | null = null;
  /** Elements `shows` found not rendered: their text had a match (the page may show it later). */
  readonly hidden: Element[] = [];

  /** Whether text in the element is shown to the reader: visible, and not in something they edit. */
  shows(element: Element): boolean {
    let shown = this.showing.get(element);
    if (shown === undefined) {
      // Computed directly (not through the caches of isVisible / isEditable): one map per element.
      const visible = isRendered(element);
      if (!visible) this.hidden.push(element);
      shown = visible && !this.computeEditable(element);
      this.showing.set(element, shown);
    }
    return shown;
  }

  /** Whether the element's text is rendered: not display:none, visibility:hidden or `hidden`. */
  isVisible(element: Element): boolean {
    let visible = this.visibility.get(element);
    if (visible === undefined) {
      visible = isRendered(element);
      this.visibility.set(element, visible);
    }
    return visible;
  }

  /** Whether the element is inside an editing host (any contenteditable but "false", designMode). */
  isEditable(element: Element): boolean {
    let editable = this.editing.get(element);
    if (editable === undefined) {
      editable = this.computeEditable(element);
      this.editing.set(element, editable);
    }
    return editable;
  }

  private computeEditable(element: Element): boolean {
    const doc = element.ownerDocument;
    this.designMode ??= doc.designMode === 'on';
    if (this.designMode) return true;
    // Most documents hold no contenteditable at all: one query per pass then clears every element
    // of the document (not of a shadow tree, which the query does not enter), instead of two DOM
    // reads per element holding a match (some 30 ms on a page with 40,000 of them).
    this.plainDocument ??= doc.querySelector('[contenteditable]') === null;
    if (this.plainDocument && element.getRootNode() === doc) return false;
    return (
      (element instanceof HTMLElement && element.isContentEditable) ||
      // `isContentEditable` is false in a non-editable island of an editor and, in some engines,
      // before style is computed: the attribute is the ground truth.
      this.underEditableAttribute(element)
    );
  }

  /**
   * Whether the element or an ancestor carries contenteditable other than "false" (an island of
   * `false` inside an editor still counts): cached along the path, so each element is read once.
   */
  private underEditableAttribute(element: Element): boolean {
    const cache = this.editableAttr;
    // The usual case: the parent was looked at already (an inline element in a checked paragraph).
    const own = element.getAttribute('contenteditable');
    if (own === null) {
      const parent = element.parentElement;
      const inherited = parent ? cache.get(parent) : false;
      if (inherited !== undefined) {
        cache.set(element, inherited);
        return inherited;
      }
    }
    const climbed: Element[] = [];
    let found = false;
    for (let e: Element | null = element; e; e = e.parentElement) {
      const known = cache.get(e);
      if (known !== undefined) {
        found = known;
        break;
      }
      climbed.push(e);
      const value = e.getAttribute('contenteditable');
      if (value !== null && value.toLowerCase() !== 'false') {
        found = true;
        break;
      }
    }
    for (const e of climbed) cache.set(e, found);
    return found;
  }

  /**
   * Whether, between two text nodes the collector saw as inline neighbours, the page's CSS puts
   * a box edge (a span made `display: block`, flex items): then they are not one line of text.
   */
  separates(before: Text, after: Text): boolean {
    // The usual cases first, without collecting paths: siblings, or one inline element entered,
    // left, or left for the next one.
    const a = before.parentNode;
    const b = after.parentNode;
    if (a === b) return false;
    if (a && b) {
      const aUp = a.parentNode;
      const bUp = b.parentNode;
      if (bUp === a) return b.nodeType === 1 && !this.flows(b as Element);
      if (aUp === b) return a.nodeType === 1 && !this.flows(a as Element);
      if (aUp === bUp && aUp) return (a.nodeType === 1 && !this.flows(a as Element)) || (b.nodeType === 1 && !this.flows(b as Element));
    }
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
}

/** Whether the element's text is rendered: not display:none, visibility:hidden or `hidden`. */
export function isRendered(element: Element): boolean {
  if (typeof element.checkVisibility === 'function') return element.checkVisibility(CHECK_VISIBILITY);
  // Environments without checkVisibility (older engines, test DOMs).
  for (let e: Element | null = element; e; e = e.parentElement) {
    if (hasHiddenAttribute(e) || getComputedStyle(e).display === 'none') return false;
  }
  const { visibility } = getComputedStyle(element);
  return visibility !== 'hidden' && visibility !== 'collapse';
}
