/**
 * The layering the README describes, read from the import statements of src/: the core imports
 * nothing from the adapters, the app layer, the Action or the CLI; the Action and the app layer
 * import nothing from the CLI; the app layer imports nothing from the Action. (A static `import`,
 * `export … from`, a dynamic `import()` and a `require()` all count.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', 'src');
const LAYERS = ['core', 'adapters', 'app', 'action', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

/** Every .ts file under `dir`, as a path relative to src/. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(abs));
    else if (e.name.endsWith('.ts')) out.push(path.relative(SRC, abs));
  }
  return out;
}

/**
 * The module specifiers a TypeScript source imports or re-exports, read by the compiler's own
 * pre-processor (comments and strings are not imports; `import()` and `require()` are).
 */
function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The layer of src/ a relative specifier of `file` resolves into (null: a package or outside src/). */
function layerOf(file: string, spec: string): Layer | null {
  if (!spec.startsWith('.')) return null;
  const target = path.relative(SRC, path.resolve(SRC, path.dirname(file), spec));
  const top = target.split(path.sep)[0];
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : null;
}

/** Every import of a file of layer `from` into one of the `forbidden` layers, as `file → spec`. */
function violations(from: Layer, forbidden: Layer[]): string[] {
  const out: string[] = [];
  for (const file of sources(path.join(SRC, from)))
    for (const spec of specifiers(fs.readFileSync(path.join(SRC, file), 'utf8'))) {
      const to = layerOf(file, spec);
      if (to && forbidden.includes(to)) out.push(`${file} → ${spec}`);
    }
  return out;
}

describe('import boundaries', () => {
  it('every layer has sources (the walk sees them)', () => {
    for (const layer of LAYERS)
      expect([layer, sources(path.join(SRC, layer)).length > 0]).toEqual([layer, true]);
  });

  it('src/core imports nothing from adapters, app, action or cli', () => {
    expect(violations('core', ['adapters', 'app', 'action', 'cli'])).toEqual([]);
  });

  it('src/action and src/app import nothing from src/cli', () => {
    expect(violations('action', ['cli'])).toEqual([]);
    expect(violations('app', ['cli'])).toEqual([]);
  });

  it('src/app imports nothing from src/action', () => {
    expect(violations('app', ['action'])).toEqual([]);
  });
});

describe('the import reader', () => {
  it('reads static, type-only, re-export, side-effect, dynamic and require imports', () => {
    const text = [
      "import * as core from '@actions/core';",
      "import type { A } from '../cli/a';",
      "import {\n  B,\n  C,\n} from '../cli/b';",
      "export { D } from '../action/d';",
      "export * from './e';",
      "import '../cli/side-effect';",
      "const f = await import('../cli/f');",
      "const g = require('../cli/g');",
      '// import { H } from "../cli/commented";',
      "/* import { I } from '../cli/block-commented'; */",
      "const glob = 'src/**/*.rs'; // a string, not a comment",
      "const later = require('../cli/after-the-glob');",
    ].join('\n');
    expect(specifiers(text)).toEqual([
      '@actions/core',
      '../cli/a',
      '../cli/b',
      '../action/d',
      './e',
      '../cli/side-effect',
      '../cli/f',
      '../cli/g',
      '../cli/after-the-glob',
    ]);
  });

  it('resolves a specifier to the layer it lands in', () => {
    expect(layerOf('action/run-action.ts', '../cli/commands/diff')).toBe('cli');
    expect(layerOf('core/diff/rules/x.ts', '../../report')).toBe('core');
    expect(layerOf('core/diff/rules/x.ts', '../../../adapters/git')).toBe('adapters');
    expect(layerOf('app/release-gate.ts', './gate-config')).toBe('app');
    expect(layerOf('app/release-gate.ts', 'node:path')).toBeNull();
  });
});
