import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of DESIGN.md §1: nothing in main/core imports electron,
 * nothing in renderer/ imports main/, shared/ uses neither Node nor DOM.
 * Imports are checked here; globals by each layer's tsconfig (probed below).
 */
const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

/** Where a relative import points, as a path from the project root. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), specifier)) : specifier;
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

function violations(dir: string, forbidden: (resolved: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden(target(file, specifier)))
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

const isElectron = (resolved: string) => resolved === 'electron' || resolved.startsWith('electron/');

describe('layering', () => {
  it('main/core never imports electron', () => {
    expect(violations('main/core', isElectron)).toEqual([]);
  });

  it('the browser host never imports electron', () => {
    expect(violations('main/web', isElectron)).toEqual([]);
  });

  it('renderer/ never imports main/ or Node', () => {
    expect(violations('renderer/src', (resolved) => resolved.startsWith('main/') || resolved === 'main' || NODE_BUILTINS.has(resolved))).toEqual([]);
  });

  it('shared/ imports neither Node, electron, React, main/ nor renderer/', () => {
    const forbidden = (resolved: string) =>
      NODE_BUILTINS.has(resolved) || isElectron(resolved) || /^react(-dom)?$/.test(resolved) || /^(main|renderer)\//.test(resolved);
    expect(violations('shared', forbidden)).toEqual([]);
  });

  it('the checks see the files they guard', () => {
    expect(sourceFiles('main/core')).toContain('main/core/api/dispatch.ts');
    expect(importsOf('main/core/api/dispatch.ts')).toContain('../../../shared/api/contract');
    expect(violations('main/core', (resolved) => resolved.startsWith('shared/'))).not.toEqual([]);
  });

  function diagnosticsFor(layer: string, code: string): string[] {
    const configFile = path.join(root, layer, 'tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!config) throw new Error(`cannot read ${configFile}`);
    const probe = path.join(root, layer, '__layer-probe.ts');
    const host = ts.createCompilerHost(config.options);
    const readFile = host.readFile;
    host.readFile = (name) => (path.resolve(name) === probe ? code : readFile(name));
    host.fileExists = (
      (exists) => (name: string) =>
        path.resolve(name) === probe || exists(name)
    )(host.fileExists);
    const program = ts.createProgram([probe], config.options, host);
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }

  it('shared/ cannot use Node or DOM globals', () => {
    expect(diagnosticsFor('shared', 'export const env = process.env;').join('\n')).toMatch(/Cannot find name 'process'/);
    expect(diagnosticsFor('shared', 'export const title = document.title;').join('\n')).toMatch(/Cannot find name 'document'/);
    expect(diagnosticsFor('shared', 'export const n: number = 1;')).toEqual([]);
  });

  it('renderer/ cannot use Node globals', () => {
    expect(diagnosticsFor('renderer', 'export const env = process.env;').join('\n')).toMatch(/Cannot find name 'process'/);
  });

  it('main/core cannot use DOM globals', () => {
    expect(diagnosticsFor('main/core', 'export const title = document.title;').join('\n')).toMatch(/Cannot find name 'document'/);
  });
});
