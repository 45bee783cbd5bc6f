import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    // Placeholder until page annotation lands. A User Timing mark is visible to the page and to
    // tests without touching the page's DOM.
    performance.mark('tifa-lens:ready');
  },
});
