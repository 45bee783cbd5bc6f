// ESLint: typescript-eslint's strict, type-aware rules over every TypeScript file, and the
// loader's import boundary (content/loader/README.md). Formatting is Prettier's (.prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Rules with findings not yet fixed: warnings until they are, then errors like the rest. */
const toFix = [
  'no-unnecessary-condition',
  'require-await',
  'no-deprecated',
  'unbound-method',
  'no-unused-vars',
  'no-unnecessary-type-parameters',
  'no-generated-empty-object-type',
  'no-meaningless-void-operator',
  'no-unnecessary-type-assertion',
  'no-floating-promises',
  'no-base-to-string',
];

export default tseslint.config(
  { ignores: ['.output*/', '.wxt/', 'coverage/', 'node_modules/', 'assets/generated/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // noUncheckedIndexedAccess types every indexed read as possibly undefined; the code asserts
      // indices it has just bounds-checked (scanners over code units), where a guard would be noise.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages and test names are meant; objects and nullish values still are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => setOpen(false)` in handlers reads as a statement; only shorthand arrows are exempt.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Spreading a string into code points is how the matcher reads text (graphemes would be wrong).
      '@typescript-eslint/no-misused-spread': 'off',
      ...Object.fromEntries(toFix.map((rule) => [`@typescript-eslint/${rule}`, 'warn'])),
    },
  },
  {
    // The always-on loader runs on every page: it must not pull in the lens, the UI or the full
    // protocol client (content/loader/README.md; tests/unit/architecture/ checks the whole graph).
    files: ['content/loader/**', 'entrypoints/loader.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'preact', message: 'The loader stays free of Preact.' }],
          patterns: [
            { group: ['**/content/lens/**', '**/lens/**'], message: 'The loader loads the lens on demand; it never imports it.' },
            { group: ['preact/*', '@preact/*'], message: 'The loader stays free of Preact.' },
            { group: ['**/components/**'], message: 'The loader stays free of the UI.' },
            { group: ['**/lib/protocol/client', '**/lib/protocol/client.ts'], message: 'The loader uses the light protocol helpers, not the full client.' },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
