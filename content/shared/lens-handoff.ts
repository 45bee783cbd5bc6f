// How the content script's loader and the lens bundle it loads find each other. The lens is built
// as a script of its own (entrypoints/lens-app.ts) that the loader imports on demand; both run in
// the frame's isolated world, so the lens publishes its start function on that world's global
// object, which the page cannot see.

import type { AppStart, StartedApp } from '../lens/lens';

export type StartApp = (start: AppStart) => Promise<StartedApp>;

const APP_GLOBAL = '__tifaLensStartApp';

/** Called by the lens bundle when it is evaluated. */
export function publishApp(start: StartApp): void {
  Reflect.set(globalThis, APP_GLOBAL, start);
}

/** Evaluates the lens bundle at `url` (an extension URL) and returns its start function. */
export async function importApp(url: string): Promise<StartApp> {
  await import(/* @vite-ignore */ url);
  const start: unknown = Reflect.get(globalThis, APP_GLOBAL);
  Reflect.deleteProperty(globalThis, APP_GLOBAL);
  if (typeof start !== 'function') throw new Error(`Tifa Lens: ${url} did not start the lens.`);
  return start as StartApp;
}
