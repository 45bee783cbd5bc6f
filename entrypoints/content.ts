import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { GLOSSARY_KEY } from '../assets/generated/glossary-key';
import { importApp } from '../content/app-handoff';
import { fetchedGlossary } from '../content/lazy-glossary';
import { startLoader } from '../content/loader';
import { glossaryPrefilter } from '../content/shipped-prefilter';
import { createRequestClient } from '../lib/protocol/client';
import '../assets/content.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Same-origin iframes and about:blank / srcdoc frames a page writes its articles into.
  allFrames: true,
  matchAboutBlank: true,
  // The ::highlight rules go into the manifest's `css`: nothing is added to the page's DOM.
  cssInjectionMode: 'manifest',
  // The page's own message listeners never hear from us.
  noScriptStartedPostMessage: true,
  main() {
    const sendRequest = createRequestClient((message) => browser.runtime.sendMessage(message));
    const glossary = fetchedGlossary(GLOSSARY_KEY, async () => {
      const response = await sendRequest({ type: 'glossary/json' });
      if (!response.ok) throw new Error(response.error);
      return response.data.json;
    });
    // Sets the `tifa-lens:ready` User Timing mark once the page is probed, or its matches painted.
    startLoader({
      glossary,
      sendRequest,
      prefilter: glossaryPrefilter(GLOSSARY_KEY),
      // The lens is a web-accessible script (wxt.config.ts): `import()` evaluates it in this world.
      loadApp: () => importApp(browser.runtime.getURL('/lens-app.js')),
    });
  },
});
