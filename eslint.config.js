import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'bench/results', 'test-results', 'playwright-report', '.sandbox'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Imports point one way; a cycle (type-only ones included) is a layering mistake.
      'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Small modules: a file past this has more than one job and splits along it.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  // Imports point one way: app -> sessions, auth -> ui/lib. The browser bundle never imports server code.
  ...[
    { files: ['src/**/*.{ts,tsx}'], forbidden: [], why: 'src/ never imports server/.' },
    {
      files: ['src/ui/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
      forbidden: ['**/sessions/**', '**/auth/**', '**/app/**'],
      why: 'ui/ and lib/ know nothing of sessions, sign-in or the app.',
    },
    {
      files: ['src/sessions/**/*.{ts,tsx}'],
      forbidden: ['**/app/**'],
      why: 'sessions/ does not import app/ (auth/ only for its safe redirects).',
    },
    {
      files: ['src/auth/**/*.{ts,tsx}'],
      forbidden: ['**/app/**', '**/sessions/**'],
      why: 'auth/ is a feature beside sessions/: it imports neither it nor app/.',
    },
  ].map(({ files, forbidden, why }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...forbidden, '**/server/**'], message: why }] },
      ],
    },
  })),
);
