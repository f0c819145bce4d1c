/**
 * Loads the WebAssembly build of tree-sitter and its Rust grammar. The `.wasm` files sit next to
 * the bundle in `dist/`, or in `node_modules` when running from source.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { RustParser } from '../core/extract/extract-crate';

export function locate(file: string, packageName: string): string {
  const candidates = [path.join(__dirname, file), path.join(__dirname, 'wasm', file)];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  return require.resolve(`${packageName}/${file}`);
}

let loaded: Promise<RustParser> | null = null;
let runtime: Promise<void> | null = null;

/** Initialises the tree-sitter WebAssembly runtime once (every grammar shares it). */
export function initTreeSitter(): Promise<void> {
  if (!runtime) {
    const wasm = locate('web-tree-sitter.wasm', 'web-tree-sitter');
    runtime = Parser.init({ locateFile: () => wasm });
  }
  return runtime;
}

export function loadRustParser(): Promise<RustParser> {
  if (!loaded) {
    loaded = (async () => {
      await initTreeSitter();
      const language = await Language.load(
        fs.readFileSync(locate('tree-sitter-rust.wasm', 'tree-sitter-rust')),
      );
      const parser = new Parser();
      parser.setLanguage(language);
      return {
        parse: (text: string) => {
          const tree = parser.parse(text);
          if (!tree) throw new Error('tree-sitter returned no tree');
          return tree;
        },
      };
    })();
  }
  return loaded;
}
