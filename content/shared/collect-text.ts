import type { Boundary } from '../../lib/match/index';
import { TAG_BLOCK, TAG_HOST, TAG_SKIP, tagKind } from '../../lib/page/tags';

/** The text of a stretch of the page, as the matcher takes it: one chunk per text node. */
export interface TextBatch {
  nodes: Text[];
  chunks: string[];
  /** `boundaries[i]` lies between chunk i and i + 1. */
  boundaries: Boundary[];
}

export interface CollectOptions {
  /** Called for each open shadow root met (to watch and style it); its text is walked too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Called for each custom element met that the page has not defined yet and that has no shadow
   * root: when its definition comes (its script loads after this walk), it may get one, with text.
   */
  onUndefinedHost?: (element: Element) => void;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** How many text nodes pass between two looks at the clock. */
const CLOCK_EVERY = 32;
/** A run of inline text this long is cut even without a block boundary (a pathological page). */
const MAX_RUN_AFTER_STOP = 4096;

/** True for text that is only whitespace, checked cheaply: most text nodes start with a letter. */
function isBlank(data: string): boolean {
  const c = data.charCodeAt(0);
  if (c > 0x20 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return false;
  return /^[\s\u200b\ufeff]*$/u.test(data);
}

/** True when a batch holds more than whitespace (a blank one needs no matching). */
export function hasText(chunks: readonly string[]): boolean {
  for (const chunk of chunks) if (/\S/u.test(chunk)) return true;
  return false;
}

function emptyBatch(): TextBatch {
  return { nodes: [], chunks: [], boundaries: [] };
}

/**
 * Walks the visible-text part of one or more subtrees, resumably, yielding batches that end on a
 * block boundary (so each batch can be matched on its own and gives what one pass would).
 *
 * The walk is a plain firstChild/nextSibling traversal: it needs to see elements both on entry
 * and on exit (a block ends on exit) and it must stay within a small factor of a bare TreeWalker.
 * Only cheap checks happen here (tag names); what needs style (hidden, contenteditable, CSS
 * display) is checked later, once per match, by LayoutChecks. Measured in Chromium's isolated
 * world (scripts/bench.ts): a native TreeWalker over elements and text, finding block ends from
 * each text node's parent, was no faster; what costs is handing each node to JS (a wrapper lookup
 * per world) and keeping the batch's nodes and strings, so the loop does nothing else.
 */
export class TextCollector {
  private readonly queue: Node[];
  private readonly options: CollectOptions;
  private root: Node | null = null;
  private node: Node | null = null;
  private pendingBlock = true;
  /** The kinds (TAG_BLOCK…) of the elements entered and not yet left, innermost last. */
  private readonly open: number[] = [];

  constructor(roots: readonly Node[], options: CollectOptions = {}) {
    this.queue = roots.slice().reverse();
    this.options = options;
  }

  get done(): boolean {
    return this.node === null && this.queue.length === 0;
  }

  /** Collects everything left in one batch (tests, small subtrees). */
  collectAll(): TextBatch {
    return this.next(() => false) ?? emptyBatch();
  }

  /**
   * The next batch: walks until `shouldStop(chars)` (given the characters collected so far) says
   * the slice is spent, then stops at the next block boundary. Null when nothing is left.
   */
  next(shouldStop: (chars: number) => boolean): TextBatch | null {
    const batch = emptyBatch();
    const { nodes, chunks, boundaries } = batch;
    const open = this.open;
    let chars = 0;
    let stop = false;
    let sinceClock = 0;
    let runAfterStop = 0;
    // The walk's state lives in locals while it runs (field access in the hot loop costs).
    let node = this.node;
    let root = this.root;
    let pendingBlock = this.pendingBlock;
    for (;;) {
      if (node === null) {
        this.pendingBlock = pendingBlock;
        if (!this.startNextRoot()) break;
        node = this.node;
        root = this.root;
        pendingBlock = this.pendingBlock;
        if (node === null) continue;
      }
      let next: Node | null = null;
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length > 0 && !(pendingBlock && isBlank(data))) {
          if (stop && nodes.length > 0 && (pendingBlock || ++runAfterStop > MAX_RUN_AFTER_STOP)) {
            // Resumes on this node, its block boundary still pending.
            this.node = node;
            this.pendingBlock = true;
            return batch;
          }
          if (nodes.length > 0) boundaries.push(pendingBlock ? 'block' : 'inline');
          pendingBlock = false;
          nodes.push(node as Text);
          chunks.push(data);
          chars += data.length;
          if (++sinceClock === CLOCK_EVERY) {
            sinceClock = 0;
            if (!stop) stop = shouldStop(chars);
          }
        }
      } else if (type === ELEMENT_NODE) {
        const element = node as Element;
        const name = element.localName;
        const kind = tagKind(name);
        if (kind & TAG_BLOCK) pendingBlock = true;
        if (!(kind & TAG_SKIP)) {
          // Only elements that can hold a shadow root are asked for one (each read is a call).
          if (kind & TAG_HOST) this.lookForShadowRoot(element, name);
          next = element.firstChild;
          if (next !== null) open.push(kind);
        }
      }
      if (next === null) {
        // Past `node` and its subtree: to its next sibling, else up (leaving elements) and on.
        let at: Node = node;
        for (;;) {
          if (at === root) break;
          next = at.nextSibling;
          if (next !== null) break;
          const parent: Node | null = at.parentNode;
          if (parent === null) break;
          at = parent;
          if (at !== root && (open.pop() ?? 0) & TAG_BLOCK) pendingBlock = true;
        }
        if (next === null) {
          // The root's subtree is done; a root is its own block.
          root = null;
          this.root = null;
          open.length = 0;
          pendingBlock = true;
        }
      }
      node = next;
    }
    this.node = null;
    this.pendingBlock = pendingBlock;
    return nodes.length > 0 ? batch : null;
  }

  private startNextRoot(): boolean {
    const root = this.queue.pop();
    if (root === undefined) return false;
    this.root = root;
    this.pendingBlock = true;
    if (root.nodeType === ELEMENT_NODE) {
      const element = root as Element;
      const name = element.localName;
      const kind = tagKind(name);
      if (kind & TAG_SKIP) {
        this.node = null;
        return true;
      }
      if (kind & TAG_HOST) this.lookForShadowRoot(element, name);
    }
    this.node = root.firstChild;
    return true;
  }

  /** `name`: the element's local name (read once by the walk: each read is a call). */
  private lookForShadowRoot(element: Element, name: string): void {
    const shadow = element.shadowRoot;
    if (shadow) this.enqueueShadowRoot(shadow);
    else if (name.includes('-') && this.options.onUndefinedHost && !element.matches(':defined')) {
      this.options.onUndefinedHost(element);
    }
  }

  private enqueueShadowRoot(shadow: ShadowRoot): void {
    // Walked after what is queued now: its text is a block of its own.
    this.queue.unshift(shadow);
    this.options.onShadowRoot?.(shadow);
  }
}
