// How the content script's loader and the lens bundle it loads find each other. The lens is built
// as a script of its own (entrypoints/lens.ts) that the loader imports on demand; both run in
// the frame's isolated world, so the lens publishes its start function on that world's global
// object, which the page cannot see.

import type { Prefilter } from '../../lib/match/prefilter';
import type { TabRequestType } from '../../lib/protocol/tab-request-types';
import type { TabResponseFor } from '../../lib/protocol/tab-messages';

/**
 * What the top frame answers the popup and the keyboard commands (`lib/protocol/tab-messages`):
 * the message as the loader received it, which the lens validates.
 */
export type TabRequestHandler = (message: unknown) => Promise<TabResponseFor<TabRequestType>>;

/** What the content script's loader hands the lens it loads (content/loader/loader.ts). */
export interface LensStart {
  /** The shipped prefilter the loader probed the page with (null: it was built for another glossary). */
  prefilter: Prefilter | null;
  /** The host name of the page the reader sees, as the loader learnt it (null: unknown). */
  topHostname: string | null;
}

/** The started lens, as the loader drives it. */
export interface StartedLens {
  /** Answers a tab message (top frame only: null in frames). */
  handleTabRequest: TabRequestHandler | null;
}

export type StartLens = (start: LensStart) => Promise<StartedLens>;

const LENS_GLOBAL = '__tifaLensStart';

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
