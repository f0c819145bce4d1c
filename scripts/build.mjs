// Bundles the CLI and the action into self-contained files in dist/, with the WebAssembly
// parser files beside them, so that `node dist/cli.js` runs from a checkout with no node_modules.
//
// The CLI is two CommonJS files: dist/cli.js (src/cli/main.ts: the entry, a few KB, which answers
// `--version` alone) and dist/cli-run.js (src/cli/run.ts and every command), which cli.js requires
// only when a command runs. (esbuild's code splitting needs ESM output, and a `bin` in ESM needs
// `"type": "module"` on Node 20; a second CommonJS file does the same with neither.) Inside
// cli-run.js, web-tree-sitter is evaluated on the first parse only (a dynamic import).
//
// Options: --outdir DIR (default dist), --metafile FILE (esbuild's metafile of both CLI files
// and the action, for test/speed/startup.test.ts).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const version = readFileSync(path.join(ROOT, 'src/core/version.ts'), 'utf8');
if (!version.includes(`TOOL_VERSION = '${pkg.version}'`)) {
  console.error(`src/core/version.ts does not say version ${pkg.version} (package.json)`);
  process.exit(1);
}

function option(name) {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}
const outdir = path.resolve(option('--outdir') ?? path.join(ROOT, 'dist'));
const metafile = option('--metafile');

/** The file the CLI entry requires for the commands, relative to it. */
const RUN_BUNDLE = './cli-run.js';

/** In the entry's bundle, `import('./run')` becomes `require('./cli-run.js')` of the second file. */
const runOutside = {
  name: 'cli-run-outside',
  setup(b) {
    b.onResolve({ filter: /^\.\/run$/ }, (args) =>
      args.importer === path.join(ROOT, 'src/cli/main.ts') ? { path: RUN_BUNDLE, external: true } : undefined,
    );
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
  sourcemap: false,
  absWorkingDir: ROOT,
  metafile: true,
  // the CommonJS build of web-tree-sitter: its ESM build needs import.meta.url, absent in a CJS bundle
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
};
const results = await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: path.join(outdir, 'cli.js'),
    banner: { js: '#!/usr/bin/env node' },
    plugins: [runOutside],
    // `import()` as `require()`: Node's import() of a CommonJS file goes through the ESM loader,
    // which costs more than the require it ends in
    supported: { 'dynamic-import': false },
  }),
  build({ ...common, entryPoints: ['src/cli/run.ts'], outfile: path.join(outdir, 'cli-run.js') }),
  build({ ...common, entryPoints: ['src/action/main.ts'], outfile: path.join(outdir, 'index.js') }),
]);
if (metafile) {
  const merged = { inputs: {}, outputs: {} };
  for (const r of results) {
    Object.assign(merged.inputs, r.metafile.inputs);
    Object.assign(merged.outputs, r.metafile.outputs);
  }
  writeFileSync(metafile, JSON.stringify(merged));
}
const wasm = {
  'web-tree-sitter.wasm': 'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-rust.wasm': 'tree-sitter-rust/tree-sitter-rust.wasm',
  'tree-sitter-c.wasm': 'tree-sitter-c/tree-sitter-c.wasm',
  'tree-sitter-go.wasm': 'tree-sitter-go/tree-sitter-go.wasm',
};
for (const [file, from] of Object.entries(wasm)) copyFileSync(require.resolve(from), path.join(outdir, file));
