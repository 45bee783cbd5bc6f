import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    // The highlight rules are imported as text (content/highlight-styles.ts): tests read them.
    css: { include: [/assets\/highlights\.css/] },
  },
});
