import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox-only keys live in the function form so the Chrome manifest stays clean.
export default defineConfig({
  imports: false,
  // Parallel work (and benchmarks of variant builds) may build into a folder of its own.
  outDir: process.env.TIFA_OUT_DIR ?? '.output',
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Tifa Lens',
    description:
      'Finds the official formulations of Chinese diplomacy on news pages, explains them and links each to its source sentence.',
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
