// Layers as folders (../shared/STYLE.md): each folder may import only what its row allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'url', 'stream', 'worker_threads', 'zlib', 'util', 'events', 'buffer', 'process'];

const ban = (...groups) => ['error', { patterns: groups }];
const electronPkg = { group: ['electron', 'electron/*'], message: 'This layer must not import Electron.' };
const nodePkg = { group: nodeBuiltins, message: 'This layer must not import Node built-ins.' };
const electronDirs = { group: ['**/electron/**', '../electron/*', '../../electron/*'], message: 'The renderer talks to the app only through window.dalel (shared/ipc).' };
const coreDir = { group: ['**/core/**', '../core/*'], message: 'The preload must not import electron/core.' };
const mainDir = { group: ['**/main/**', '../main/*'], message: 'electron/core and electron/cli must not import electron/main.' };
const rendererDir = { group: ['**/renderer/**'], message: 'Only the renderer imports renderer code.' };
const outsideShared = { group: ['**/electron/**', '**/renderer/**', '../electron/*', '../renderer/*', '../../electron/*', '../../renderer/*'], message: 'shared/ is pure TypeScript: it imports nothing from the app.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ban(electronPkg, nodePkg, outsideShared) },
  },
  {
    files: ['electron/core/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ban(electronPkg, mainDir, rendererDir) },
  },
  {
    // One owner per concept (issue 15): state lives in objects made when a vault opens, never in a
    // module, where two vaults (or a vault locked and another opened) would share it. A lookup table
    // built once from constants is no state: it is written with its entries, or filled at load time and
    // reviewed where it stands (an eslint-disable line saying why).
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/**/*.test.ts', 'electron/core/**/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Program > VariableDeclaration[kind='let'], Program > ExportNamedDeclaration > VariableDeclaration[kind='let']", message: 'No module-level `let` in electron/core: keep the state in the object that owns it.' },
        {
          selector: ':matches(Program > VariableDeclaration, Program > ExportNamedDeclaration > VariableDeclaration) > VariableDeclarator > NewExpression[callee.name=/^Weak(Map|Set|Ref)$/]',
          message: 'No module-level WeakMap/WeakSet in electron/core: state per vault or per connection belongs to the object that owns it (SearchIndex, LawRegister, the session).',
        },
        {
          selector: ':matches(Program > VariableDeclaration, Program > ExportNamedDeclaration > VariableDeclaration) > VariableDeclarator > NewExpression[callee.name=/^(Map|Set)$/][arguments.length=0]',
          message: 'No module-level cache in electron/core: an empty Map/Set filled later is state; give it an owner, or build the table from its entries.',
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ban(electronPkg, mainDir, rendererDir) },
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ban(rendererDir) },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ban(nodePkg, coreDir, rendererDir) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ban(electronPkg, nodePkg, electronDirs),
      // One date format per interface language (issue 14): days go through ui/dayInput and DayField,
      // never the browser's locale-bound formats and pickers (they wrote 04/08/2021 and 08/04/2021 for one day).
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.property.name='DateTimeFormat']", message: 'Write days with formatDay/formatMoment (renderer/src/ui/dayInput.ts).' },
        { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]", message: 'Write days with formatDay/formatMoment (renderer/src/ui/dayInput.ts).' },
        { selector: "JSXAttribute[name.name='type'][value.value=/^(date|datetime-local|month)$/]", message: 'Use DayField (renderer/src/ui/DayField.tsx) for a day.' },
      ],
    },
  },
  {
    // CommonJS test preloads (node --require): plain Node scripts.
    files: ['**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
);
