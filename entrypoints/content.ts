import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { GLOSSARY_KEY } from '../assets/generated/glossary-key';
import { startApp } from '../content/app';
import { fetchedGlossary } from '../content/lazy-glossary';
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
  main() {
    // Sets the `tifa-lens:ready` User Timing mark once the first scan is painted.
    const sendRequest = createRequestClient((message) => browser.runtime.sendMessage(message));
    const glossary = fetchedGlossary(GLOSSARY_KEY, async () => {
      const response = await sendRequest({ type: 'glossary/json' });
      if (!response.ok) throw new Error(response.error);
      return response.data.json;
    });
    void startApp(glossary, sendRequest);
  },
});
