import { isOwnTag, TAG_BLOCK, TAG_SKIP, tagKind } from '../../lib/page/tags';

export interface WatcherOptions {
  /** Called with the blocks to rescan (none inside another), after the page settles. */
  onDirty: (roots: Node[]) => void;
  /** Called when the page's URL changed (a single-page app navigated). */
  onNavigate: (url: string) => void;
  /** Quiet time before a rescan (ms). */
  debounceMs?: number;
  /** Longest a change waits when the page never settles (a live ticker), ms. */
  maxWaitMs?: number;
  /** First look at an undefined custom element for a shadow root, ms (then twice as long each time). */
  hostCheckMs?: number;
  /** Whether an element's text is rendered now (for `watchHidden`). */
  isShown?: (element: Element) => boolean;
}

/** How long undefined custom elements are looked at for a shadow root, ms: scripts that define late. */
const HOST_WATCH_MS = 60_000;
/** The longest interval between two looks, ms. */
const HOST_MAX_DELAY_MS = 8_000;
/** Most elements watched at once (a page full of tags it never defines costs no more than this). */
const MAX_HOSTS = 1_000;

const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };
/** The attributes by which pages show what they hid: "read more", `<details>`, tabs, accordions. */
const REVEALING_ATTRIBUTES = ['class', 'style', 'hidden', 'open', 'aria-expanded', 'aria-hidden'];
/** Once some hidden text held a match, attribute changes are watched too. */
const OBSERVE_REVEALS: MutationObserverInit = { ...OBSERVE, attributes: true, attributeFilter: REVEALING_ATTRIBUTES };
/** Most hidden elements looked at again (a page hiding more costs no more than this). */
const MAX_HIDDEN = 500;

/** Whether the node is, or is inside, the extension's own UI or something never scanned. */
function ignoredPlace(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType !== 1) continue;
    const name = (n as Element).localName;
    if (isOwnTag(name) || tagKind(name) & TAG_SKIP) return true;
  }
  return false;
}

/** A node whose coming or going changes no text a reader sees. */
function isInert(node: Node): boolean {
  if (node.nodeType === 8) return true;
  if (node.nodeType === 3) return !/\S/u.test((node as Text).data);
  if (node.nodeType !== 1) return false;
  const name = (node as Element).localName;
  return isOwnTag(name) || (tagKind(name) & (TAG_SKIP | TAG_BLOCK)) === TAG_SKIP;
}

/** The nearest block (or root) around a node: a change inside it may change its matches only. */
function blockAround(node: Node): Node {
  let n: Node = node.nodeType === 1 ? node : (node.parentNode ?? node);
  for (;;) {
    if (n.nodeType === 1 && tagKind((n as Element).localName) & TAG_BLOCK) return n;
    const parent = n.parentNode;
    if (!parent || parent.nodeType === 9 || parent.nodeType === 11) return n;
    n = parent;
  }
}

/**
 * Watches the page for text changes and SPA navigations, outside the extension's own UI, and
 * hands the changed blocks over once the page has been quiet a moment.
 */
export class MutationWatcher {
  private readonly options: WatcherOptions;
  private readonly observer: MutationObserver;
  private readonly dirty = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstDirtyAt = 0;
  private url: string;
  private readonly onNavigationEvent = (): void => {
    this.checkUrl();
  };
  private readonly navigationTarget: EventTarget | null;
  /** Undefined custom elements, until they are defined, get a shadow root or leave the page. */
  private readonly hosts = new Set<Element>();
  private hostTimer: ReturnType<typeof setTimeout> | null = null;
  private hostDelay = 0;
  private lastHostAt = 0;
  /** What is observed (the document, shadow roots), to observe attributes too when needed. */
  private readonly roots: Node[] = [];
  /** Elements whose text held a match but was not rendered; looked at again after attribute changes. */
  private readonly hidden = new Set<Element>();
  private watchingAttributes = false;
  private recheckHidden = false;

  constructor(options: WatcherOptions) {
    this.options = options;
    this.observer = new MutationObserver((records) => this.handle(records));
    this.url = location.href;
    window.addEventListener('popstate', this.onNavigationEvent);
    window.addEventListener('hashchange', this.onNavigationEvent);
    // The Navigation API sees history.pushState from the page, which the isolated world can't patch.
    const navigation: unknown = Reflect.get(window, 'navigation');
    this.navigationTarget = navigation instanceof EventTarget ? navigation : null;
    this.navigationTarget?.addEventListener('navigatesuccess', this.onNavigationEvent);
    this.navigationTarget?.addEventListener('currententrychange', this.onNavigationEvent);
  }

  observe(root: Node): void {
    this.roots.push(root);
    this.observer.observe(root, this.watchingAttributes ? OBSERVE_REVEALS : OBSERVE);
  }

  /**
   * Watches elements whose text held a match but was not rendered (a collapsed "read more", a
   * closed `<details>`, an inactive tab): a page shows them by changing an attribute, which makes
   * no change of text. After such changes (once the page is quiet), those now rendered have their
   * blocks reported dirty. Needs `isShown`.
   */
  watchHidden(elements: readonly Element[]): void {
    if (!this.options.isShown) return;
    for (const element of elements) {
      if (this.hidden.size >= MAX_HIDDEN) break;
      this.hidden.add(element);
    }
    if (this.hidden.size === 0 || this.watchingAttributes) return;
    this.watchingAttributes = true;
    // Observed again with attributes; what was queued meanwhile is handled, not dropped.
    const pending = this.observer.takeRecords();
    this.observer.disconnect();
    for (const root of this.roots) this.observer.observe(root, OBSERVE_REVEALS);
    this.handle(pending);
  }

  /**
   * Watches a custom element the page has not defined yet: a shadow root it gets later (from its
   * definition, when the page's script loads) makes no mutation record, so it is looked for, at
   * growing intervals until a minute after the last such element came; once found, its block is
   * reported dirty (the rescan walks the shadow root).
   */
  watchHost(element: Element): void {
    if (this.hosts.size >= MAX_HOSTS) return;
    this.hosts.add(element);
    this.lastHostAt = performance.now();
    if (this.hostTimer !== null) return;
    this.hostDelay = this.options.hostCheckMs ?? 250;
    this.hostTimer = setTimeout(() => this.checkHosts(), this.hostDelay);
  }

  private checkHosts(): void {
    this.hostTimer = null;
    for (const host of this.hosts) {
      if (!host.isConnected) this.hosts.delete(host);
      else if (host.shadowRoot) {
        this.hosts.delete(host);
        if (!ignoredPlace(host)) this.dirty.add(blockAround(host));
      } else if (host.matches(':defined')) this.hosts.delete(host);
    }
    if (this.dirty.size > 0) this.schedule();
    if (this.hosts.size === 0) return;
    if (performance.now() - this.lastHostAt > HOST_WATCH_MS) {
      this.hosts.clear();
      return;
    }
    this.hostDelay = Math.min(this.hostDelay * 2, HOST_MAX_DELAY_MS);
    this.hostTimer = setTimeout(() => this.checkHosts(), this.hostDelay);
  }

  disconnect(): void {
    this.observer.disconnect();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
    if (this.hostTimer !== null) clearTimeout(this.hostTimer);
    this.hostTimer = null;
    this.hosts.clear();
    this.hidden.clear();
    this.roots.length = 0;
    window.removeEventListener('popstate', this.onNavigationEvent);
    window.removeEventListener('hashchange', this.onNavigationEvent);
    this.navigationTarget?.removeEventListener('navigatesuccess', this.onNavigationEvent);
    this.navigationTarget?.removeEventListener('currententrychange', this.onNavigationEvent);
  }

  private handle(records: readonly MutationRecord[]): void {
    if (records.length === 0) return;
    if (this.checkUrl()) return;
    for (const record of records) {
      if (record.type === 'attributes') {
        // (The extension's own UI changes its attributes too; that reveals nothing.)
        if (this.hidden.size > 0 && !isOwnTag((record.target as Element).localName)) this.recheckHidden = true;
        continue;
      }
      // Nodes that come and go may show hidden text too (a style sheet added, a class rule with it).
      if (this.hidden.size > 0) this.recheckHidden = true;
      if (record.type === 'characterData') {
        if (!ignoredPlace(record.target)) this.dirty.add(blockAround(record.target));
        continue;
      }
      // Only the extension's own elements, scripts, styles, comments or blank text came and
      // went: nothing a reader reads changed.
      if ([...record.addedNodes, ...record.removedNodes].every(isInert)) continue;
      if (ignoredPlace(record.target)) continue;
      this.dirty.add(blockAround(record.target));
    }
    if (this.dirty.size > 0 || this.recheckHidden) this.schedule();
  }

  /** Adds the blocks of the watched hidden elements that are rendered now. */
  private revealHidden(): void {
    const isShown = this.options.isShown;
    if (!isShown) return;
    for (const element of this.hidden) {
      if (!element.isConnected) this.hidden.delete(element);
      else if (isShown(element)) {
        this.hidden.delete(element);
        if (!ignoredPlace(element)) this.dirty.add(blockAround(element));
      }
    }
  }

  /** True (and reported) when the URL changed since the last look. */
  private checkUrl(): boolean {
    const url = location.href;
    if (url === this.url) return false;
    this.url = url;
    this.dirty.clear();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.options.onNavigate(url);
    return true;
  }

  private schedule(): void {
    const now = performance.now();
    if (this.timer === null) this.firstDirtyAt = now;
    else clearTimeout(this.timer);
    const debounce = this.options.debounceMs ?? 150;
    const maxWait = this.options.maxWaitMs ?? 1000;
    const wait = Math.max(0, Math.min(debounce, this.firstDirtyAt + maxWait - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    if (this.recheckHidden) {
      this.recheckHidden = false;
      this.revealHidden();
    }
    const nodes = [...this.dirty];
    const marked = new Set(nodes);
    this.dirty.clear();
    // Outermost blocks only: a block inside another is rescanned with it.
    const roots = nodes.filter((n) => {
      for (let up = n.parentNode; up; up = up.parentNode) if (marked.has(up)) return false;
      return true;
    });
    if (roots.length > 0) this.options.onDirty(roots);
  }
}
