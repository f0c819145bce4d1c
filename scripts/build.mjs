// Bundles the CLI and the action into self-contained files in dist/, with the WebAssembly
// parser files beside them, so that `node dist/cli.js` runs from a checkout with no node_modules.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const version = readFileSync(new URL('../src/core/version.ts', import.meta.url), 'utf8');
if (!version.includes(`TOOL_VERSION = '${pkg.version}'`)) {
  console.error(`src/core/version.ts does not say version ${pkg.version} (package.json)`);
  process.exit(1);
}

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
  sourcemap: false,
  // the CommonJS build of web-tree-sitter: its ESM build needs import.meta.url, absent in a CJS bundle
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
};
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
});
await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: 'dist/index.js' });
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-rust/tree-sitter-rust.wasm'), 'dist/tree-sitter-rust.wasm');
copyFileSync(require.resolve('tree-sitter-c/tree-sitter-c.wasm'), 'dist/tree-sitter-c.wasm');
copyFileSync(require.resolve('tree-sitter-go/tree-sitter-go.wasm'), 'dist/tree-sitter-go.wasm');
