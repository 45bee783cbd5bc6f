import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { GLOSSARY_KEY } from '../assets/generated/glossary-key';
import { importLens } from '../content/shared/lens-handoff';
import { extensionApi } from '../content/shared/extension-api';
import { startLoader } from '../content/loader/loader';
import { lazyFilters } from '../content/loader/shipped-prefilter';

// The content script every page runs (all frames, about:blank ones too): listed in the manifest by
// wxt.config.ts rather than by defineContentScript, whose wrapper would add a context object this
// script does not use, several kilobytes to compile on every page, and a DOM event on the page's
// document that tells the page the extension is there.
export default defineUnlistedScript(() => {
  // Records `tifa-lens:ready` in its trace (content/shared/trace.ts) once the page is probed, or its matches painted.
  const { prefilter, gate } = lazyFilters(GLOSSARY_KEY);
  startLoader({
    transport: (message) => extensionApi().runtime.sendMessage(message),
    prefilter,
    gate,
    // The lens is a web-accessible script (wxt.config.ts): `import()` evaluates it in this world.
    loadLens: () => importLens(extensionApi().runtime.getURL('/lens.js')),
  });
});
