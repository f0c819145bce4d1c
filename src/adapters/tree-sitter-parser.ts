/**
 * Loads the WebAssembly build of tree-sitter and its Rust grammar. The `.wasm` files sit next to
 * the bundle in `dist/`, or in `node_modules` when running from source.
 *
 * Loading is lazy and happens once per process: `web-tree-sitter` itself is imported on the first
 * call (a command that parses nothing never evaluates it), the runtime is initialised once, and
 * each grammar is compiled once and shared by every extraction of the run (base and head of a
 * diff, every feature set). Compiling is cheap (V8 compiles WebAssembly lazily: ~9 ms for the
 * runtime, ~2 ms for the Rust grammar on the development machine); a compiled module cannot be
 * cached across runs on Node 20 (`v8.serialize` of a `WebAssembly.Module` gives a two-byte
 * in-process reference that `v8.deserialize` refuses in another process; see README,
 * Performance).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RustParser } from '../core/extract/extract-crate';

type WebTreeSitter = typeof import('web-tree-sitter');

let imported: Promise<WebTreeSitter> | null = null;

/** The `web-tree-sitter` module, imported on first use. */
export function webTreeSitter(): Promise<WebTreeSitter> {
  imported ??= import('web-tree-sitter').then((m) => {
    memoiseNodeType(m.Node);
    return m;
  });
  return imported;
}

/**
 * `node.type` reads the node's symbol out of WebAssembly memory on every access (it writes the
 * node into a transfer buffer, then calls in): the scanners ask one node its type several times in
 * a row (`t === 'line_comment' || t === 'block_comment'`, a switch after an `if`). A node's type
 * never changes (trees are immutable), so the first answer is kept on the node object.
 */
function memoiseNodeType(node: WebTreeSitter['Node']): void {
  const proto = node.prototype as object;
  const own = Object.getOwnPropertyDescriptor(proto, 'type');
  const read = own?.get;
  if (!read || (read as { memoised?: boolean }).memoised) return;
  const get = function (this: { fsgType?: string }): string {
    let t = this.fsgType;
    if (t === undefined) {
      t = read.call(this) as string;
      this.fsgType = t;
    }
    return t;
  };
  (get as { memoised?: boolean }).memoised = true;
  Object.defineProperty(proto, 'type', { ...own, get });
}

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
    runtime = webTreeSitter().then(({ Parser }) => Parser.init({ locateFile: () => wasm }));
  }
  return runtime;
}

export function loadRustParser(): Promise<RustParser> {
  if (!loaded) {
    loaded = (async () => {
      await initTreeSitter();
      const { Language, Parser } = await webTreeSitter();
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
