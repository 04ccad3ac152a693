import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const deterministic = 'src/sim is deterministic: use the simulation clock / the seeded Rng';
const uiOnly = 'src/sim is a plain TypeScript library: no UI framework, no DOM';
const engineKnowsNoModel = 'src/sim/engine knows no model: kinds reach it through the Catalog it is given (docs/ARCHITECTURE.md)';
const modelsKnowNoUi = 'src/sim is below the UI: it may not import app, components, store, i18n or styles';
const ui = ['./src/app', './src/components', './src/store', './src/i18n', './src/styles', './src/App.tsx', './src/main.tsx'];

/** Flat ESLint config: JS + typescript-eslint recommended everywhere, React hooks rules in src, purity rules in src/sim. */
export default tseslint.config(
  {
    ignores: [
      'dist', 'node_modules', 'test-results', 'playwright-report', 'coverage',
      // Files that break the layering rules on purpose; src/sim/testing/layering.test.ts lints them.
      'src/sim/testing/lint-fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // A missing dependency is a stale-closure bug, not a style nit.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/sim/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', '@xyflow/react', 'motion', 'framer-motion'].map(
            (name) => ({ name, message: uiOnly }),
          ),
          patterns: [
            {
              group: ['react/*', 'react-dom/*', 'zustand/*', '@xyflow/*', 'motion/*', 'framer-motion/*'],
              message: uiOnly,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'requestAnimationFrame'].map((name) => ({
          name,
          message: uiOnly,
        })),
        { name: 'performance', message: deterministic },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: deterministic },
        { object: 'Math', property: 'random', message: deterministic },
      ],
    },
  },
  {
    // The layers (docs/ARCHITECTURE.md): no runtime import cycle anywhere (type-only imports are
    // erased, so they cannot form one); the engine imports no model; nothing in src/sim imports the UI.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/sim/engine', from: ['./src/sim/models', './src/sim/catalog.ts'], message: engineKnowsNoModel },
            { target: './src/sim', from: ui, message: modelsKnowNoUi },
          ],
        },
      ],
    },
  },
);
