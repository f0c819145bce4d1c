/**
 * Extracts the surface of every library crate in a workspace read through a `SourceTree`.
 */
import { DEFAULT_LIMITS, Limits } from '../limits';
import type { CrateSurface, Diagnostic, FeatureSelection, Surface } from '../model';
import { SCHEMA_VERSION } from '../model';
import { sortItems, surfaceDigest } from '../digest';
import { isLineBreak } from '../rust/text';
import type { SourceTree } from '../source-tree';
import { discoverWorkspace, enabledFeatures } from '../workspace';
import { extractCrate, RustParser } from './extract-crate';
import type { ScanCache } from './scan-cache';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export interface ExtractOptions {
  features: FeatureSelection;
  limits?: Limits;
  /** Search tests, benches, fuzz targets, `#[cfg(test)]` code and Go `_test.go` files for each export. */
  testCoverage?: boolean;
  /**
   * Per-file scan results to reuse and fill: extracting a diff's head with the cache its base filled
   * re-parses only the files whose text (or module context) changed.
   */
  scanCache?: ScanCache;
}

/**
 * A test, bench or fuzz target: what `/(^|\/)(tests|benches|fuzz|fuzz_targets)\/.*\.rs$|_test\.go$/`
 * tests, without rescanning the path from every such directory name in it.
 */
export function isTestFile(p: string): boolean {
  if (p.endsWith('_test.go')) return true;
  if (!p.endsWith('.rs')) return false;
  let lineStart = p.length; // `.*` stops at a line break: the directory must come after the last one
  while (lineStart > 0 && !isLineBreak(p.charCodeAt(lineStart - 1))) lineStart--;
  for (const m of p.matchAll(/(?<=^|\/)(?:tests|benches|fuzz|fuzz_targets)\//g)) {
    const end = m.index + m[0].length;
    if (end >= lineStart && end <= p.length - 3) return true;
  }
  return false;
}

export async function extractSurface(
  tree: SourceTree,
  parser: RustParser,
  options: ExtractOptions,
): Promise<Surface> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const ws = await discoverWorkspace(tree, limits);
  const diagnostics: Diagnostic[] = [...ws.diagnostics];
  const crates: CrateSurface[] = [];
  const testTexts: string[] = [];
  for (const manifest of ws.crates) {
    const features = enabledFeatures(manifest, options.features);
    const r = await extractCrate(tree, manifest, features, parser, limits, options.scanCache);
    crates.push({ ...r.surface, items: sortItems(r.surface.items) });
    diagnostics.push(...r.diagnostics);
    testTexts.push(...r.testText);
  }
  if (options.testCoverage) await markTested(tree, crates, testTexts, limits, diagnostics);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    rev: tree.label,
    crates,
    diagnostics,
    digest: surfaceDigest(crates),
  };
}

async function markTested(
  tree: SourceTree,
  crates: CrateSurface[],
  texts: string[],
  limits: Limits,
  diagnostics: Diagnostic[],
): Promise<void> {
  const listing = await tree.listAll(limits.maxListedFiles);
  if (listing.truncated)
    diagnostics.push({
      level: 'warning',
      code: 'too-many-files',
      message: `more than ${limits.maxListedFiles} files; tests beyond them were not searched`,
    });
  let budget = 64 * 1024 * 1024;
  for (const p of listing.paths) {
    if (!isTestFile(p) || budget <= 0) continue;
    const r = await tree.read(p, Math.min(limits.maxFileBytes, budget));
    if (r.ok) {
      texts.push(r.text);
      budget -= r.bytes;
    }
  }
  const haystack = texts.join('\n');
  const tested = new MentionIndex(haystack);
  for (const c of crates) {
    for (const it of c.items) {
      if (it.kind !== 'function' && it.kind !== 'static') continue;
      it.tested = tested.mentions(it.symbol) || (it.symbol !== it.name && tested.mentions(it.name));
    }
  }
  if (tested.exhausted)
    diagnostics.push({
      level: 'warning',
      code: 'test-search-incomplete',
      message:
        'too many export names that are not identifiers to search the tests for; the rest count as untested',
    });
}

/**
 * Whether the tests mention a name as a whole word (not inside a longer identifier). Every word of
 * the text is indexed once, so an identifier is a set lookup instead of a scan of all the test text
 * per export. A name with other characters (`#[export_name = "…"]` allows any) needs each of its
 * words in the index before the text is searched, and those searches share a budget proportional
 * to the text; past it, names count as not mentioned.
 */
class MentionIndex {
  private readonly words = new Set<string>();
  private budget: number;
  exhausted = false;

  constructor(private readonly haystack: string) {
    for (const m of haystack.matchAll(/[A-Za-z0-9_]+/g)) this.words.add(m[0]);
    this.budget = 16 * haystack.length + 1_000_000;
  }

  mentions(name: string): boolean {
    if (!name) return false;
    const parts = name.match(/[A-Za-z0-9_]+/g) ?? [];
    if (parts.length === 1 && parts[0] === name) return this.words.has(name);
    if (!parts.every((w) => this.words.has(w))) return false;
    const { haystack } = this;
    let from = 0;
    for (;;) {
      if (this.budget <= 0) {
        this.exhausted = true;
        return false;
      }
      const i = haystack.indexOf(name, from);
      this.budget -= (i < 0 ? haystack.length : i) - from + name.length;
      if (i < 0) return false;
      const before = haystack[i - 1] ?? ' ';
      const after = haystack[i + name.length] ?? ' ';
      if (!/[A-Za-z0-9_]/.test(before) && !/[A-Za-z0-9_]/.test(after)) return true;
      from = i + 1;
    }
  }
}
