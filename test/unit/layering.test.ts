import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of DESIGN.md §1 may use only their own globals: shared/ neither
 * Node nor DOM, renderer/ no Node, main/core no DOM. Each layer's tsconfig
 * says so; the probes below prove it. What a layer may import is a lint rule
 * (eslint.config.js, proven by lint-rules.test.ts).
 */
const root = path.resolve(__dirname, '../..');

describe('layering', () => {
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
