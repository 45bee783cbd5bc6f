import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { manifestCommands } from './background/commands';

/** The pages the extension works on (its content script) and that may load the lens. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

/** What the pages may load from the extension: the lens, and the note frame. */
const WEB_ACCESSIBLE = ['lens.js', 'note-frame.html'];

// Firefox-only keys live in the function form so the Chrome manifest stays clean.
export default defineConfig({
  imports: false,
  // Parallel work (and benchmarks of variant builds) may build into a folder of its own.
  outDir: process.env.TIFA_OUT_DIR ?? '.output',
  webExt: { disabled: true },
  // TIFA_NO_MINIFY=1 keeps function names in the bundles (for reading CPU profiles of the content script).
  vite: () => ({ plugins: [preact()], ...(process.env.TIFA_NO_MINIFY ? { build: { minify: false } } : {}) }),
  manifest: ({ browser }) => ({
    name: 'Tifa Lens',
    description: 'Finds the official formulations of Chinese diplomacy on news pages, explains them and links each to its source sentence.',
    // storage: settings; unlimitedStorage: the reader's notes must not be evicted (the service
    // worker cannot ask for persistent storage, and the quota is no longer what bounds the data:
    // the reading history is capped, background/encounters-store.ts); contextMenus:
    // "Add note" on a selection; activeTab: the popup reads the address of the tab it is opened
    // over (to offer "Disable on this site"). No host permission: the content script's matches do.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab'],
    // The lens, which the content script imports only on pages that need it (content/loader/loader.ts),
    // and the note frame, the composer the lens frames in the page (content/lens/notes/note-frames.ts).
    // Chrome serves them at a per-session URL, so pages can't probe for the extension by its address.
    web_accessible_resources: browser === 'firefox' ? WEB_ACCESSIBLE : [{ resources: WEB_ACCESSIBLE, matches: WEB_PAGES, use_dynamic_url: true }],
    // The loader (entrypoints/loader.ts) in every frame, about:blank and srcdoc frames a page writes
    // its articles into too; its style sheet paints the ::highlight()s and adds nothing to the DOM.
    content_scripts: [
      {
        matches: WEB_PAGES,
        js: ['loader.js'],
        css: ['content-scripts/content.css'],
        run_at: 'document_idle',
        all_frames: true,
        match_about_blank: true,
      },
    ],
    commands: manifestCommands(),
    // The oldest engines with what the page layer uses without a fallback, the CSS Custom Highlight
    // API (Chrome 105, Firefox 140; Firefox 142 for data_collection_permissions). ARCHITECTURE.md, "Browsers".
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '105' }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tifa-lens@tifa-lens.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
