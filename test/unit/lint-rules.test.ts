import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rules that guard the shape of DESIGN.md §1 (eslint.config.js) see a
 * violation: each probe is linted as if it were the text of a real file of a
 * layer, with the project's own config, types and all.
 */
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The first source file under `dir` (from the root), so the probes survive renames inside a layer. */
function aFileIn(dir: string): string {
  const file = fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !/\.(test|d)\.ts$/.test(name))
    .sort()[0];
  if (!file) throw new Error(`no source file in ${dir}`);
  return path.posix.join(dir, file);
}

function specifierFrom(file: string, target: string): string {
  const relative = path.posix.relative(path.posix.dirname(file), target).replace(/\.tsx?$/, '');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The rules `code` breaks as the text of `file`; a parse error or an ignored file shows as its message. */
async function rulesBrokenBy(code: string, file: string): Promise<string[]> {
  const results = await eslint.lintText(code, { filePath: path.join(root, file) });
  return results.flatMap((result) => result.messages.map((message) => message.ruleId ?? message.message));
}

function importFrom(file: string, targetDir: string): string {
  return `import * as target from '${specifierFrom(file, aFileIn(targetDir))}';\n\nexport const probe = target;\n`;
}

// The first lint in each layer builds that layer's TypeScript program.
describe('lint rules', { timeout: 120_000 }, () => {
  it.each([
    ['main/core', 'main/web'],
    ['main/core', 'main/electron'],
    ['main/web', 'main/electron'],
    ['main/electron', 'main/web'],
    ['renderer/src', 'main/core'],
    ['shared', 'main/core'],
    ['shared', 'renderer/src'],
    ['main/core/services', 'main/core/api'],
    ['main/core/db', 'main/core/services'],
    ['main/core/db', 'main/core/pdf'],
    ['main/core/pdf', 'main/core/db'],
    ['main/web', 'main/core/team'],
    ['main/electron', 'main/core/team'],
    ['main/core/pdf', 'main/core/team'],
  ])('%s may not import %s', async (layer, forbidden) => {
    const file = aFileIn(layer);
    expect(await rulesBrokenBy(importFrom(file, forbidden), file)).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['main/core', 'electron', 'no-restricted-imports'],
    ['main/web', 'electron', 'no-restricted-imports'],
    ['renderer/src', 'node:path', 'import-x/no-nodejs-modules'],
    ['shared', 'node:fs', 'import-x/no-nodejs-modules'],
    ['shared', 'react', 'no-restricted-imports'],
  ])('%s may not import the package %s', async (layer, forbidden, rule) => {
    expect(await rulesBrokenBy(`import * as target from '${forbidden}';\n\nexport const probe = target;\n`, aFileIn(layer))).toContain(rule);
  });

  it.each([
    ['main/core/api', 'main/core/services'],
    ['main/core/services', 'main/core/db'],
    ['main/core/services', 'main/core/pdf'],
    ['main/core/pdf', 'shared'],
    ['main/web', 'main/core'],
    ['main/electron', 'main/core'],
    ['renderer/src', 'shared'],
    ['main/core/api', 'main/core/team'],
  ])('%s may import %s', async (layer, allowed) => {
    const file = aFileIn(layer);
    expect(await rulesBrokenBy(importFrom(file, allowed), file)).toEqual([]);
  });

  it("IT's CLI main/team-admin.ts may import main/core/team", async () => {
    expect(await rulesBrokenBy(importFrom('main/team-admin.ts', 'main/core/team'), 'main/team-admin.ts')).toEqual([]);
  });

  it('sees a cycle of imports', async () => {
    // Two real files: no-cycle follows imports on disk. Inside test/, so its tsconfig types them.
    const dir = fs.mkdtempSync(path.join(root, 'test', 'lint-probe-'));
    try {
      fs.writeFileSync(path.join(dir, 'first.ts'), "import { second } from './second';\n\nexport const first = (): string => second();\n");
      fs.writeFileSync(
        path.join(dir, 'second.ts'),
        "import { first } from './first';\n\nexport const second = (): string => 'second';\nexport const again = (): string => first();\n",
      );
      const results = await eslint.lintFiles([dir]);
      expect(results.map((result) => [path.basename(result.filePath), result.messages.map((message) => message.ruleId)])).toEqual([
        ['first.ts', ['import-x/no-cycle']],
        ['second.ts', ['import-x/no-cycle']],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sees a floating promise', async () => {
    const code = 'async function save(): Promise<void> {}\n\nexport function run(): void {\n  save();\n}\n';
    expect(await rulesBrokenBy(code, aFileIn('main/core/services'))).toEqual(['@typescript-eslint/no-floating-promises']);
    expect(await rulesBrokenBy(code.replace('  save();', '  void save();'), aFileIn('main/core/services'))).toEqual([]);
  });

  it('sees a missing hook dependency', async () => {
    const code =
      "import { useEffect } from 'react';\n\nexport function useTitle(title: string): void {\n  useEffect(() => {\n    document.title = title;\n  }, []);\n}\n";
    expect(await rulesBrokenBy(code, aFileIn('renderer/src'))).toEqual(['react-hooks/exhaustive-deps']);
    expect(await rulesBrokenBy(code.replace('}, []);', '}, [title]);'), aFileIn('renderer/src'))).toEqual([]);
  });
});
