import { vi } from 'vitest';

/** Stand-ins for the CSS Custom Highlight API, which the test DOM lacks. */
class FakeHighlight extends Set<unknown> {
  priority = 0;
}

class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

/** Installs the stand-ins (undo with `vi.unstubAllGlobals()`); returns the document's registry. */
export function stubHighlightApi(): Map<string, Highlight> {
  const registry = new Map<string, Highlight>();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('StaticRange', FakeStaticRange);
  vi.stubGlobal('CSS', { highlights: registry });
  return registry;
}

/** The text under each range of the named highlight, in document order of insertion. */
export function highlightedTexts(registry: Map<string, Highlight>, name: string): string[] {
  const ranges = [...(registry.get(name) ?? [])] as unknown as FakeStaticRange[];
  return ranges.map((r) => {
    if (r.startContainer === r.endContainer) return (r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset);
    const doc = r.startContainer.ownerDocument!;
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}
