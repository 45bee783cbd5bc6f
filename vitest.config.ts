import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    // The content style sheet is also the shadow roots' (content/lens/page-layer/highlight-styles.ts): tests read it.
    css: { include: [/assets\/content\.css/] },
  },
});
