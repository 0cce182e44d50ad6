// ESLint for every layer: `npm run lint` (part of `npm test`) and the editor see the same rules.
// The layer rules are DESIGN.md §1 in code: shared ← core ← hosts, the renderer never imports main/,
// and inside the core api → services → db | pdf → shared. test/unit/lint-rules.test.ts proves that
// each rule sees a violating import.
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** import-x/no-restricted-paths: files under `target` may not import from `from` (paths from the root). */
const layerZones = [
  { target: 'shared', from: ['main', 'renderer'], message: 'shared/ sits below every layer.' },
  { target: 'renderer', from: 'main', message: 'The renderer reaches the core only through the API contract.' },
  { target: 'main/core', from: 'main', except: ['core'], message: 'main/core knows no host.' },
  { target: 'main/web', from: ['main/electron', 'main/preload'], message: 'The two hosts do not know each other.' },
  { target: 'main/electron', from: 'main/web', message: 'The two hosts do not know each other.' },
  { target: 'main/preload', from: ['main/core', 'main/web'], message: 'The sandboxed preload only bridges IPC.' },
  {
    target: ['main/web', 'main/electron'],
    from: 'main/core/team',
    message: "Hosts reach team mode through the API (team.*); only IT's CLI main/team-admin.ts uses main/core/team directly.",
  },
  { target: 'main/core/services', from: 'main/core/api', message: 'Inside the core: api → services → db | pdf.' },
  {
    target: 'main/core/db',
    from: ['main/core/api', 'main/core/services', 'main/core/pdf', 'main/core/core.ts'],
    message: 'db/ sits below the services, beside pdf/.',
  },
  {
    target: 'main/core/pdf',
    from: ['main/core/api', 'main/core/services', 'main/core/db', 'main/core/team', 'main/core/core.ts'],
    message: 'pdf/ sits below the services, beside db/.',
  },
];

const noElectron = { paths: ['electron'], patterns: ['electron/*'] };

export default defineConfig([
  globalIgnores(['dist/', 'bench/dist/', 'release/', 'test-results/', 'playwright-report/', '.lotse-dev/', 'LICENSES/']),
  // An eslint-disable left behind once its cause is fixed fails the run, so it gets removed.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // Each file is typed by the tsconfig of its layer (the nearest one), as VS Code does.
        projectService: {
          // These sit beside the layers' folders, in no layer's tsconfig; main/web's settings fit them all.
          allowDefaultProject: ['main/*.ts', '*.config.ts', 'renderer/vite.config.ts'],
          defaultProject: 'main/web/tsconfig.json',
          // main/*.ts are the entry points and their helpers (start, team-admin, …): more than the default 8 files, all in that one program.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: root,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Tells import-x how to read the files an import leads to (no-cycle follows them).
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // React event handlers may be async: they report their own failures.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
      // tsc's noUnusedLocals/noUnusedParameters check this already, with the `_` convention for what is left out on purpose.
      '@typescript-eslint/no-unused-vars': 'off',
      // Stripping control characters (file names, XML, invisible input) is what those expressions are for.
      'no-control-regex': 'off',
      // Playwright fixtures take `({}, use)` when they need no other fixture.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', { paths: ['electron', 'react', 'react-dom'], patterns: ['electron/*', 'react/*', 'react-dom/*'] }],
    },
  },
  {
    files: ['renderer/src/**'],
    rules: { 'import-x/no-nodejs-modules': 'error', 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['main/core/**', 'main/web/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Plain JavaScript (this file, main/build.mjs) has no types to check.
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  prettier,
]);
