import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const deterministic = 'src/sim is deterministic: use the simulation clock / the seeded Rng';
const uiOnly = 'src/sim is a plain TypeScript library: no UI framework, no DOM';

/** Flat ESLint config: JS + typescript-eslint recommended everywhere, React hooks rules in src, purity rules in src/sim. */
export default tseslint.config(
  { ignores: ['dist', '.build', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
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
);
