import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { cyclesOf, importGraph, staticClosure } from './import-graph';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const graph = importGraph(ROOT, ['content', 'lib', 'components', 'background', 'entrypoints']);

/** What the always-on loader must never pull in: the lens, the UI, or the protocol's validators. */
const forbiddenInLoader = (target: string): boolean =>
  target.startsWith('content/lens/') ||
  target.startsWith('components/') ||
  target === 'preact' ||
  target.startsWith('preact/') ||
  target === 'lib/protocol/client.ts';

/** Each file's forbidden imports, with the chain of static imports that reaches them. */
function forbiddenReach(starts: string[], forbidden: (target: string) => boolean): string[] {
  return starts.flatMap((start) => [...staticClosure(graph, start)].filter(([target]) => forbidden(target)).map(([, chain]) => chain.join(' → ')));
}

describe('the import graph', () => {
  it('sees the imports it checks, dynamic ones included', () => {
    expect(graph.get('entrypoints/lens.ts')).toContainEqual({ to: 'content/lens/lens.ts', isStatic: true });
    expect(graph.get('content/lens/page-layer/highlight-styles.ts')).toContainEqual({ to: 'assets/content.css', isStatic: true });
    expect([...graph.values()].flat().some((edge) => !edge.isStatic)).toBe(true);
  });

  it('has no cycle, not even through type-only imports', () => {
    expect(cyclesOf(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keeps the loader every page runs free of the lens, Preact, components and the full client', () => {
    const loader = [...graph.keys()].filter((file) => file.startsWith('content/loader/'));
    expect(loader).toContain('content/loader/loader.ts');
    expect(forbiddenReach(['entrypoints/loader.ts', ...loader], forbiddenInLoader)).toEqual([]);
  });

  it('keeps what the loader and the lens share free of both', () => {
    const shared = [...graph.keys()].filter((file) => file.startsWith('content/shared/'));
    const eitherSide = (target: string): boolean => target.startsWith('content/loader/') || forbiddenInLoader(target);
    expect(forbiddenReach(shared, eitherSide)).toEqual([]);
  });

  it('keeps the page layer free of the UI: no card, notes, components or Preact', () => {
    const pageLayer = [...graph.keys()].filter((file) => file.startsWith('content/lens/page-layer/'));
    const ui = (target: string): boolean =>
      target.startsWith('content/lens/card/') ||
      target.startsWith('content/lens/notes/') ||
      target.startsWith('components/') ||
      target === 'preact' ||
      target.startsWith('preact/');
    expect(forbiddenReach(pageLayer, ui)).toEqual([]);
  });
});
