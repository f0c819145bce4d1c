import { extractSurface } from '../../src/core/extract/extract-surface';
import type { FeatureSelection, Surface, SurfaceItem } from '../../src/core/model';
import { MemoryTree } from '../../src/core/source-tree';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { FileSystemTree } from '../../src/adapters/file-system-tree';

export const DEFAULT_FEATURES: FeatureSelection = { mode: 'default', features: [] };

/** A one-crate workspace in memory: `lib` is src/lib.rs, `files` are extra paths. */
export function crateFiles(
  lib: string,
  files: Record<string, string> = {},
  manifest = '',
): Record<string, string> {
  return {
    'Cargo.toml': manifest || '[package]\nname = "demo"\nversion = "1.0.0"\nedition = "2021"\n',
    'src/lib.rs': lib,
    ...files,
  };
}

export async function extractMemory(
  files: Record<string, string>,
  features: FeatureSelection = DEFAULT_FEATURES,
): Promise<Surface> {
  const parser = await loadRustParser();
  return extractSurface(new MemoryTree(files), parser, { features, testCoverage: true });
}

export async function extractDir(
  dir: string,
  features: FeatureSelection = DEFAULT_FEATURES,
): Promise<Surface> {
  const parser = await loadRustParser();
  return extractSurface(await FileSystemTree.open(dir), parser, { features, testCoverage: true });
}

export async function itemsOf(lib: string, files: Record<string, string> = {}): Promise<SurfaceItem[]> {
  const s = await extractMemory(crateFiles(lib, files));
  return s.crates[0]?.items ?? [];
}

export function symbols(s: Surface): string[] {
  return s.crates
    .flatMap((c) => c.items)
    .filter((i) => i.kind === 'function' || i.kind === 'static')
    .map((i) => (i as { symbol: string }).symbol)
    .sort();
}
