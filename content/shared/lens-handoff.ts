// How the content script's loader and the lens bundle it loads find each other. The lens is built
// as a script of its own (entrypoints/lens-app.ts) that the loader imports on demand; both run in
// the frame's isolated world, so the lens publishes its start function on that world's global
// object, which the page cannot see.

import type { LensStart, StartedLens } from '../lens/lens';

export type StartLens = (start: LensStart) => Promise<StartedLens>;

const LENS_GLOBAL = '__tifaLensStartApp';

/** Called by the lens bundle when it is evaluated. */
export function publishLens(start: StartLens): void {
  Reflect.set(globalThis, LENS_GLOBAL, start);
}

/** Evaluates the lens bundle at `url` (an extension URL) and returns its start function. */
export async function importLens(url: string): Promise<StartLens> {
  await import(/* @vite-ignore */ url);
  const start: unknown = Reflect.get(globalThis, LENS_GLOBAL);
  Reflect.deleteProperty(globalThis, LENS_GLOBAL);
  if (typeof start !== 'function') throw new Error(`Tifa Lens: ${url} did not start the lens.`);
  return start as StartLens;
}
