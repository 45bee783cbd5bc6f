// The extension's API object (`browser` in Firefox, `chrome` in Chrome), read on first use rather
// than when the content script is evaluated, as `wxt/browser` does: the first read of `chrome` in a
// frame builds that frame's API bindings (about a millisecond), which an empty frame that never
// gets content (an about:blank placeholder) should not pay for.

import type { browser as Browser } from 'wxt/browser';

type ExtensionApi = typeof Browser;

let api: ExtensionApi | null = null;

export function extensionApi(): ExtensionApi {
  if (api === null) {
    const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
    // The same choice as wxt/browser: Firefox's promise-based `browser` when it is the extension's.
    const candidate = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
    if (!candidate) throw new Error('Tifa Lens: no extension API in this world.');
    api = candidate;
  }
  return api;
}
