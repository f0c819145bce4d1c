/**
 * Loads the tree-sitter-c and tree-sitter-go WebAssembly grammars that read the consumers' side
 * (C headers and cgo files), the same way as tree-sitter-rust: from beside the bundle in `dist/`,
 * or from `node_modules` when running from source.
 */
import * as fs from 'node:fs';
import type { Tree } from 'web-tree-sitter';
import { initTreeSitter, locate, webTreeSitter } from './tree-sitter-parser';
import type { CParser } from '../core/consumers/c-declarations';
import type { GoParser } from '../core/consumers/cgo';

function loader(file: string, packageName: string): () => Promise<{ parse(text: string): Tree }> {
  let loaded: Promise<{ parse(text: string): Tree }> | null = null;
  return () => {
    if (!loaded) {
      loaded = (async () => {
        await initTreeSitter();
        const { Language, Parser } = await webTreeSitter();
        const language = await Language.load(fs.readFileSync(locate(file, packageName)));
        const parser = new Parser();
        parser.setLanguage(language);
        return {
          parse: (text: string) => {
            const tree = parser.parse(text);
            if (!tree) throw new Error(`tree-sitter returned no tree (${packageName})`);
            return tree;
          },
        };
      })();
    }
    return loaded;
  };
}

/** The C parser (tree-sitter-c). */
export const loadCParser: () => Promise<CParser> = loader('tree-sitter-c.wasm', 'tree-sitter-c');

/** The Go parser (tree-sitter-go). */
export const loadGoParser: () => Promise<GoParser> = loader('tree-sitter-go.wasm', 'tree-sitter-go');
