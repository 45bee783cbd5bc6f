// The language a node of the page is written in, as its markup says: the closest `lang` attribute,
// across shadow roots to their hosts, else the document's.

export function langAt(node: Node): string {
  let element: Element | null = node instanceof Element ? node : node.parentElement;
  while (element) {
    const marked = element.closest('[lang]');
    if (marked) return marked.getAttribute('lang') ?? '';
    const root = element.getRootNode();
    element = root instanceof ShadowRoot ? root.host : null;
  }
  return node.ownerDocument?.documentElement.lang ?? '';
}
