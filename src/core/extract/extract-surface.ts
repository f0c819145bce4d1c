/**
 * Extracts the surface of every library crate in a workspace read through a `SourceTree`.
 */
import { DEFAULT_LIMITS, Limits } from '../limits';
import type { CrateSurface, Diagnostic, FeatureSelection, Surface } from '../model';
import { SCHEMA_VERSION } from '../model';
import { sortItems, surfaceDigest } from '../digest';
import type { SourceTree } from '../source-tree';
import { discoverWorkspace, enabledFeatures } from '../workspace';
import {
  CrateExtraction,
  dirname,
  extractCrate,
  RustParser,
  textHash,
  unreadableEntry,
} from './extract-crate';
import { accountUnreadText } from './accounting';
import { trustedMacroCrates } from './macro-trust';
import type { CfgEnv } from '../rust/cfg';
import type { CrateManifest } from '../workspace';
import type { UnresolvedEntry } from '../model';
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
  /** Crates trusted not to export through their macros, besides the default list (`macros.trusted`). */
  trustedMacros?: readonly string[];
}

const TEST_FILE = /(^|\/)(tests|benches|fuzz|fuzz_targets)\/.*\.rs$|_test\.go$/;

/** The library's non-library targets by Cargo's conventions (used until the manifest lists them). */
function defaultOtherTargets(dir: string): string[] {
  return ['build.rs', 'src/main.rs', 'src/bin/', 'tests/', 'examples/', 'benches/'].map((p) =>
    dir ? `${dir}/${p}` : p,
  );
}

/**
 * Export sites in `.rs` files of the crate's directory that the module walk did not read: a file
 * compiled through `include!` or a `#[path]` the engine did not follow holds exports nobody listed.
 * Files of other targets (build script, binaries, tests, examples, benches), of nested packages and
 * of modules switched off by a cfg are not part of the library.
 */
async function unreachedExportSites(
  tree: SourceTree,
  manifest: CrateManifest,
  r: CrateExtraction,
  packageDirs: Set<string>,
  paths: string[],
  env: CfgEnv,
  limits: Limits,
): Promise<UnresolvedEntry[]> {
  const prefix = manifest.dir ? manifest.dir + '/' : '';
  const read = new Set(r.surface.files);
  const listed = (manifest as CrateManifest & { otherTargets?: string[] }).otherTargets;
  const excluded = [...(listed ?? defaultOtherTargets(manifest.dir)), ...r.inactiveModules];
  const under = (p: string, e: string) =>
    e.endsWith('/') ? p.startsWith(e) : p === e || p.startsWith(e + '/');
  const out: UnresolvedEntry[] = [];
  for (const p of paths) {
    if (!p.endsWith('.rs') || !p.startsWith(prefix) || read.has(p)) continue;
    if (excluded.some((e) => under(p, e))) continue;
    // a nested package (its own Cargo.toml between the crate's directory and the file) is not ours
    let d = dirname(p);
    let nested = false;
    while (d.length > manifest.dir.length) {
      if (packageDirs.has(d) || /(^|\/)target$/.test(d)) nested = true;
      d = dirname(d);
    }
    if (nested) continue;
    const res = await tree.read(p, limits.maxFileBytes);
    const text = res.ok ? res.text : res.text;
    if (text === undefined) {
      if (
        res.ok === false &&
        res.reason !== 'missing' &&
        res.reason !== 'symlink' &&
        res.reason !== 'outside'
      )
        out.push(...unreadableEntry(manifest.name, p, res.detail));
      continue;
    }
    if (!text.includes('no_mangle') && !text.includes('export_name')) continue;
    if (r.readTextHashes.has(textHash(text))) continue; // the target of a link the walk read
    out.push(
      ...accountUnreadText(
        manifest.name,
        p,
        text,
        env,
        'unreachable-file',
        'a file of the crate that no `mod` declaration reaches (compiled only through include! or a #[path] the engine did not follow)',
      ),
    );
  }
  return out;
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
  const trustedMacros = trustedMacroCrates(options.trustedMacros);
  const listing = ws.crates.length ? await tree.listAll(limits.maxListedFiles) : null;
  const packageDirs = new Set(
    (listing?.paths ?? []).filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml')).map(dirname),
  );
  for (const manifest of ws.crates) {
    const features = enabledFeatures(manifest, options.features);
    const r = await extractCrate(tree, manifest, features, parser, limits, options.scanCache, {
      trustedMacros,
    });
    const unreached = listing
      ? await unreachedExportSites(tree, manifest, r, packageDirs, listing.paths, { features }, limits)
      : [];
    crates.push({
      ...r.surface,
      items: sortItems(r.surface.items),
      unresolved: [...(r.surface.unresolved ?? []), ...unreached],
    });
    diagnostics.push(...r.diagnostics);
    testTexts.push(...r.testText);
  }
  if (listing?.truncated)
    diagnostics.push({
      level: 'error',
      code: 'too-many-files',
      message: `more than ${limits.maxListedFiles} files; files beyond them were not searched for exports outside the module tree`,
    });
  if (options.testCoverage) await markTested(tree, crates, testTexts, limits, diagnostics, listing);
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
  listed: { paths: string[]; truncated: boolean } | null,
): Promise<void> {
  const listing = listed ?? (await tree.listAll(limits.maxListedFiles));
  if (listing.truncated)
    diagnostics.push({
      level: 'warning',
      code: 'too-many-files',
      message: `more than ${limits.maxListedFiles} files; tests beyond them were not searched`,
    });
  let budget = 64 * 1024 * 1024;
  for (const p of listing.paths) {
    if (!TEST_FILE.test(p) || budget <= 0) continue;
    const r = await tree.read(p, Math.min(limits.maxFileBytes, budget));
    if (r.ok) {
      texts.push(r.text);
      budget -= r.bytes;
    }
  }
  const haystack = texts.join('\n');
  for (const c of crates) {
    for (const it of c.items) {
      if (it.kind !== 'function' && it.kind !== 'static') continue;
      it.tested = mentions(haystack, it.symbol) || (it.symbol !== it.name && mentions(haystack, it.name));
    }
  }
}

function mentions(haystack: string, name: string): boolean {
  if (!name) return false;
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(name, from);
    if (i < 0) return false;
    const before = haystack[i - 1] ?? ' ';
    const after = haystack[i + name.length] ?? ' ';
    if (!/[A-Za-z0-9_]/.test(before) && !/[A-Za-z0-9_]/.test(after)) return true;
    from = i + 1;
  }
}
