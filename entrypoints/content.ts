import { defineContentScript } from 'wxt/utils/define-content-script';
import { GLOSSARY_JSON, GLOSSARY_KEY } from '../assets/generated/glossary-json';
import { startApp } from '../content/app';
import { lazyGlossary } from '../content/lazy-glossary';
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
    void startApp(lazyGlossary(GLOSSARY_JSON, GLOSSARY_KEY));
  },
});
