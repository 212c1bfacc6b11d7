// ESLint: typescript-eslint's strict rules and React's rules of hooks, with hook dependency
// lists checked (exhaustive-deps) instead of kept by hand. Formatting is Prettier's job.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers, enforced here rather than by review (docs/architecture.md):
// src/ is the core (no React, no DOM, no Node but in src/cli); components/ are views that never
// train (no TensorFlow.js); workers/ only wire src/engine and src/model.
const NODE = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];
const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*'];
// d3's selection and transition modules touch the DOM; the core draws with d3-scale and d3-shape.
const D3_DOM = ['d3', 'd3-selection', 'd3-transition', 'd3-zoom', 'd3-drag', 'd3-brush', 'd3-axis'];
const restrict = (...patterns) => ['error', { patterns }];
const layers = [
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: REACT, message: 'src/ is the core: React belongs in components/.' },
        { group: NODE, message: 'Only src/cli imports Node modules: the core runs in a worker and the page too.' },
        { group: D3_DOM, message: 'The core imports no DOM code: use d3-array, d3-scale or d3-shape.' },
        { group: ['**/components/**', '**/workers/**'], message: 'src/ never imports views or worker entry points.' },
      ),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: REACT, message: 'The command has no views.' },
        { group: ['**/components/**', '**/workers/**'], message: 'The command is an adapter over src/, not over the page.' },
      ),
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['@tensorflow/*'], message: 'Views never train: TensorFlow.js runs in the train worker (workers/, src/model).' },
        { group: NODE, message: 'The page has no Node modules.' },
      ),
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['cli', 'data', 'decision', 'metrics', 'offline', 'report', 'session'].map((folder) => `../src/${folder}/**`),
        message: 'Workers only wire src/engine and src/model: dispatch lives there, where unit tests run it.',
      }),
    },
  },
];

export default defineConfig(
  {
    // Built, installed or generated files, and data.
    ignores: [
      'dist/',
      'dist-cli/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.bench-out/',
      'public/',
      'tests/fixtures/',
      'tests/unit/model/fixtures/',
      'tests/unit/charts/__snapshots__/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Leaving fields out of an object by destructuring the rest is not an unused variable.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  ...layers,
);
