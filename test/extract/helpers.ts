/** Shared helpers for the extraction tests (not a test file itself). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractSurface } from '../../src/core/extract/extract-surface';
import { DEFAULT_LIMITS, Limits } from '../../src/core/limits';
import type { Diagnostic, FeatureSelection, FunctionItem, Surface, SurfaceItem } from '../../src/core/model';
import { MemoryTree, SourceTree } from '../../src/core/source-tree';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';

export const DEFAULT: FeatureSelection = { mode: 'default', features: [] };
export const ALL: FeatureSelection = { mode: 'all' };
export const NONE: FeatureSelection = { mode: 'none', features: [] };

export const MANIFEST = '[package]\nname = "demo"\nversion = "1.0.0"\nedition = "2021"\n';

/** Extracts a tree with the real parser. */
export async function extract(
  tree: SourceTree,
  features: FeatureSelection = DEFAULT,
  limits: Partial<Limits> = {},
): Promise<Surface> {
  const parser = await loadRustParser();
  return extractSurface(tree, parser, { features, limits: { ...DEFAULT_LIMITS, ...limits } });
}

/** Extracts an in-memory file map. */
export function extractFiles(
  files: Record<string, string>,
  features: FeatureSelection = DEFAULT,
  limits: Partial<Limits> = {},
): Promise<Surface> {
  return extract(new MemoryTree(files), features, limits);
}

/** A one-crate tree: `src/lib.rs` plus extra files. */
export function crate(lib: string, files: Record<string, string> = {}): Record<string, string> {
  return { 'Cargo.toml': MANIFEST, 'src/lib.rs': lib, ...files };
}

/** Exported symbols (functions and statics) of every crate, sorted. */
export function symbolsOf(s: Surface): string[] {
  return s.crates
    .flatMap((c) => c.items)
    .flatMap((i) => (i.kind === 'function' || i.kind === 'static' ? [i.symbol] : []))
    .sort();
}

export function items(s: Surface): SurfaceItem[] {
  return s.crates.flatMap((c) => c.items);
}

export function fn(s: Surface, symbol: string): FunctionItem {
  const f = items(s).find((i): i is FunctionItem => i.kind === 'function' && i.symbol === symbol);
  if (!f) throw new Error(`no function ${symbol} in ${symbolsOf(s).join(', ')}`);
  return f;
}

export function item(s: Surface, kind: SurfaceItem['kind'], name: string): SurfaceItem {
  const it = items(s).find((i) => i.kind === kind && i.name === name);
  if (!it) throw new Error(`no ${kind} ${name}`);
  return it;
}

export function codes(s: Surface): string[] {
  return s.diagnostics.map((d) => d.code);
}

export function diag(s: Surface, code: string): Diagnostic {
  const d = s.diagnostics.find((x) => x.code === code);
  if (!d) throw new Error(`no diagnostic ${code} in ${JSON.stringify(s.diagnostics)}`);
  return d;
}

/** Writes a file map below a fresh temporary directory and returns the directory. */
export function writeTree(files: Record<string, string | Buffer>, prefix = 'fsg-extract-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

export function removeTree(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A `SourceTree` that records which paths were read. */
export class RecordingTree implements SourceTree {
  readonly reads: string[] = [];
  constructor(private readonly inner: SourceTree) {}
  get label(): string {
    return this.inner.label;
  }
  stat(p: string): ReturnType<SourceTree['stat']> {
    return this.inner.stat(p);
  }
  read(p: string, max: number): ReturnType<SourceTree['read']> {
    this.reads.push(p);
    return this.inner.read(p, max);
  }
  list(d: string): ReturnType<SourceTree['list']> {
    return this.inner.list(d);
  }
  listAll(max: number): ReturnType<SourceTree['listAll']> {
    return this.inner.listAll(max);
  }
  get realPath(): SourceTree['realPath'] {
    return this.inner.realPath?.bind(this.inner);
  }
}
