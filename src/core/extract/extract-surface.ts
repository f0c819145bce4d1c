/**
 * Extracts the surface of every library crate in a workspace read through a `SourceTree`.
 */
import { lowerBound } from '../bisect';
import { DEFAULT_LIMITS, Limits } from '../limits';
import type { CrateSurface, Diagnostic, FeatureSelection, Surface } from '../model';
import { SCHEMA_VERSION } from '../model';
import { sortItems, surfaceDigest } from '../digest';
import { isLineBreak } from '../rust/text';
import type { SourceTree } from '../source-tree';
import { discoverWorkspace, enabledFeatures } from '../workspace';
import {
  CrateExtraction,
  dirname,
  extractCrate,
  namesExportAttribute,
  RustParser,
  textHash,
  unreadableEntry,
} from './extract-crate';
import {
  accountCrate,
  accountUnreadText,
  buildScopes,
  MacroWorld,
  macroUseOf,
  releaseTexts,
  settleCensuses,
} from './accounting';
import { trustedMacroCrates } from './macro-trust';
import type { CfgEnv } from '../rust/cfg';
import type { CrateManifest, SkippedPackage } from '../workspace';
import { unifiedFeatures } from '../feature-unification';
import type { UnresolvedEntry } from '../model';
import type { ScanCache } from './scan-cache';
import type { CrateMemo } from './crate-memo';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export interface ExtractOptions {
  features: FeatureSelection;
  limits?: Limits;
  /**
   * Search tests, benches, fuzz targets and examples (Rust, C/C++, Go, Python ctypes/cffi) and
   * `#[cfg(test)]` code for each export (see `testFileLanguage`).
   */
  testCoverage?: boolean;
  /**
   * Per-file scan results to reuse and fill: extracting a diff's head with the cache its base filled
   * re-parses only the files whose text (or module context) changed.
   */
  scanCache?: ScanCache;
  /**
   * Whole-crate extractions to reuse and fill within one run: a crate whose extraction asks the
   * tree the same questions and gets the same answers as a recorded one is not extracted again.
   */
  crateMemo?: CrateMemo;
  /** Crates trusted not to export through their macros, besides the default list (`macros.trusted`). */
  trustedMacros?: readonly string[];
  /**
   * Take the quiet census of quiet texts (quiet-census.ts; default true). False takes the full
   * census of every text: the reference the equivalence tests compare with.
   */
  quietTexts?: boolean;
  /** Filled with counts of the work done (for the benchmark and the tests; no result depends on it). */
  stats?: ExtractStats;
}

/** Work an extraction did. */
export interface ExtractStats {
  /** Texts (module files, fragments, expansions) whose census was the quiet one. */
  quietCensuses: number;
  /** Texts whose census was the full one. */
  fullCensuses: number;
}

/** The languages whose files count as tests for `untested-export`. */
export type TestLanguage = 'rust' | 'c' | 'go' | 'python';

/** Directories whose C, C++ and Go sources count as tests (besides Go's `_test.go` anywhere). */
const TEST_DIRS = new Set([
  'test',
  'tests',
  'fuzz',
  'fuzz_targets',
  'bench',
  'benches',
  'example',
  'examples',
]);
const C_EXTENSIONS = ['.c', '.cc', '.cpp', '.cxx', '.h', '.hh', '.hpp'];

/** Some directory of the path (not the file name) is one of `dirs`. */
function underDir(p: string, dirs: ReadonlySet<string>): boolean {
  const parts = p.split('/');
  for (let i = 0; i < parts.length - 1; i++) if (dirs.has(parts[i])) return true;
  return false;
}

/**
 * The language of a file that counts as a test, or null: Rust under `tests/`, `benches/`, `fuzz/`,
 * `fuzz_targets/` (what `/(^|\/)(tests|benches|fuzz|fuzz_targets)\/.*\.rs$/` tests, without
 * rescanning the path from every such directory name in it); C and C++ (`*.c`, `*.cc`, `*.cpp`,
 * `*.cxx`, `*.h`, `*.hh`, `*.hpp`) and Go (`*.go`) under `test/`, `tests/`, `fuzz/`, `bench/`,
 * `benches/`, `example/` or `examples/`; Go `_test.go` anywhere; Python `test_*.py` and `*_test.py`
 * anywhere (they count only when they load the library through `ctypes` or `cffi`).
 */
export function testFileLanguage(p: string): TestLanguage | null {
  if (p.endsWith('_test.go')) return 'go';
  if (p.endsWith('.py')) {
    const base = p.slice(p.lastIndexOf('/') + 1);
    return base.startsWith('test_') || base.endsWith('_test.py') ? 'python' : null;
  }
  if (p.endsWith('.go')) return underDir(p, TEST_DIRS) ? 'go' : null;
  if (C_EXTENSIONS.some((e) => p.endsWith(e))) return underDir(p, TEST_DIRS) ? 'c' : null;
  if (!p.endsWith('.rs')) return null;
  let lineStart = p.length; // `.*` stops at a line break: the directory must come after the last one
  while (lineStart > 0 && !isLineBreak(p.charCodeAt(lineStart - 1))) lineStart--;
  for (const m of p.matchAll(/(?<=^|\/)(?:tests|benches|fuzz|fuzz_targets)\//g)) {
    const end = m.index + m[0].length;
    if (end >= lineStart && end <= p.length - 3) return 'rust';
  }
  return null;
}

/** A test, bench, fuzz target or example in any language `untested-export` searches. */
export function isTestFile(p: string): boolean {
  return testFileLanguage(p) !== null;
}

/** A Python test counts only when it loads a C library. */
const PYTHON_FFI = /\b(?:ctypes|cffi)\b/;

/** At most this many test files are read, whatever their size. */
export const MAX_TEST_FILES = 20_000;
/** At most this many bytes of test files are read (64 MiB). */
export const TEST_TEXT_BUDGET = 64 * 1024 * 1024;

/** The `.rs` files below `dir` that are not below a directory `foreign` claims (a nested package). */
function rsFilesUnder(paths: string[], dir: string, foreign: (d: string) => boolean): string[] {
  const prefix = dir ? dir + '/' : '';
  return paths.filter((p) => {
    if (!p.endsWith('.rs') || !p.startsWith(prefix)) return false;
    for (let d = dirname(p); d.length > dir.length; d = dirname(d)) if (foreign(d)) return false;
    return true;
  });
}

/**
 * The export sites of a file the module walk did not read (`reason` says why): none when it names
 * no export attribute, an `unreadable-file` entry when it exists but cannot be read.
 */
async function unreadSites(
  tree: SourceTree,
  crate: string,
  p: string,
  limits: Limits,
  env: CfgEnv,
  reason: 'unreachable-file' | 'skipped-crate',
  detail: string,
  skip: (text: string) => boolean = () => false,
): Promise<UnresolvedEntry[]> {
  const res = await tree.read(p, limits.maxFileBytes);
  if (res.text === undefined)
    return !res.ok && res.reason !== 'missing' && res.reason !== 'symlink' && res.reason !== 'outside'
      ? unreadableEntry(crate, p, res.detail)
      : [];
  if (!namesExportAttribute(res.text)) return [];
  if (skip(res.text)) return [];
  return accountUnreadText(crate, p, res.text, env, reason, detail);
}

/**
 * Gives the paths of `files` (a crate's module files, made by its module walk) as the tree
 * listing's own strings where the listing has them (`listing` is sorted, as both trees sort it):
 * a released crate's file list then holds no copies of its own (peak memory, issue 19; ~250 KB a
 * 5,000-file crate, kept to the end of the run).
 */
function internPaths(files: string[], listing: string[]): string[] {
  return files.map((f) => {
    const at = lowerBound(listing, f);
    return listing[at] === f ? listing[at] : f;
  });
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
  inactiveModules: string[],
  packageDirs: Set<string>,
  paths: string[],
  env: CfgEnv,
  limits: Limits,
): Promise<UnresolvedEntry[]> {
  const read = new Set(r.surface.files);
  for (const u of r.surface.unresolved ?? []) if (u.reason === 'unreadable-file') read.add(u.file);
  const excluded = [
    ...manifest.otherTargets.map((t) => (t.endsWith('.rs') ? t : `${t}/`)),
    ...inactiveModules,
  ];
  const under = (p: string, e: string) =>
    e.endsWith('/') ? p.startsWith(e) : p === e || p.startsWith(e + '/');
  const out: UnresolvedEntry[] = [];
  const files = rsFilesUnder(paths, manifest.dir, (d) => packageDirs.has(d) || /(^|\/)target$/.test(d));
  for (const p of files) {
    if (read.has(p) || excluded.some((e) => under(p, e))) continue;
    out.push(
      ...(await unreadSites(
        tree,
        manifest.name,
        p,
        limits,
        env,
        'unreachable-file',
        'a file of the crate that no `mod` declaration reaches (compiled only through include! or a #[path] the engine did not follow)',
        // the target of a link the walk read
        (text) => r.readTextHashes.has(textHash(text)),
      )),
    );
  }
  return out;
}

/**
 * A package Cargo would build that the engine skipped (an unreadable manifest, over the crate
 * limit, a path leading out of the repository): each export attribute in its files is an
 * unresolved entry; a package the engine cannot read at all is one.
 */
async function skippedPackageSites(
  tree: SourceTree,
  sk: SkippedPackage,
  paths: string[],
  analysedDirs: Set<string>,
  limits: Limits,
  env: CfgEnv,
): Promise<UnresolvedEntry[]> {
  const name = sk.name ?? (sk.dir || '.');
  if (sk.dir.startsWith('..') || sk.dir.startsWith('/'))
    return unreadableEntry(name, sk.manifest, `package not read: ${sk.reason}`);
  const prefix = sk.dir ? sk.dir + '/' : '';
  const out: UnresolvedEntry[] = [];
  for (const p of rsFilesUnder(paths, sk.dir, (d) => analysedDirs.has(d))) {
    if (/(^|\/)(tests|examples|benches|target)\//.test(p.slice(prefix.length)) || p.endsWith('/build.rs'))
      continue;
    out.push(
      ...(await unreadSites(
        tree,
        name,
        p,
        limits,
        env,
        'skipped-crate',
        `a package the engine skipped (${sk.reason})`,
      )),
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
  const listing = ws.crates.length || ws.skipped.length ? await tree.listAll(limits.maxListedFiles) : null;
  const packageDirs = new Set(
    (listing?.paths ?? []).filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml')).map(dirname),
  );
  const unified = unifiedFeatures(ws.crates, options.features);
  const read: { manifest: CrateManifest; features: Set<string>; r: CrateExtraction; released: boolean }[] =
    [];
  for (const manifest of ws.crates) {
    const features = unified.get(manifest) ?? enabledFeatures(manifest, options.features);
    const run = (t: SourceTree) => extractCrate(t, manifest, features, parser, limits, options.scanCache);
    const r = options.crateMemo
      ? await options.crateMemo.extract(tree, manifest, features, limits, run)
      : await run(tree);
    // without a cache or memo sharing them, the crate's texts go now (its scopes are built now): the
    // accounting keeps compact records, so memory is bounded by one crate's source, not the workspace's
    const released = !options.crateMemo && !options.scanCache;
    settleCensuses(r.accounting, options.quietTexts !== false);
    if (options.stats)
      for (const t of r.accounting.texts)
        if (t.census?.quiet) options.stats.quietCensuses++;
        else options.stats.fullCensuses++;
    if (released) {
      releaseTexts(r.accounting);
      if (listing) r.surface.files = internPaths(r.surface.files, listing.paths);
    }
    read.push({ manifest, features, r, released });
  }
  // the accounting net, once every crate's macros are known
  for (const x of read)
    if (!x.released) {
      x.r.accounting.own.scopes = buildScopes(x.r.accounting.texts, x.r.accounting.env);
      x.r.accounting.own.macroUse = macroUseOf(x.r.accounting.texts);
    }
  const world = new MacroWorld(
    read.map((x) => x.r.accounting.own),
    trustedMacros,
    { features: new Set() },
  );
  for (const { manifest, features, r } of read) {
    // a proc-macro crate runs in the compiler: nothing of it is linked into a library
    const linked = !manifest.crateTypes.includes('proc-macro');
    let unresolved: UnresolvedEntry[] = [];
    if (linked) {
      const account = accountCrate(r.accounting, world);
      const unreached = listing
        ? await unreachedExportSites(
            tree,
            manifest,
            r,
            account.inactiveModules,
            packageDirs,
            listing.paths,
            { features },
            limits,
          )
        : [];
      unresolved = [...account.entries, ...(r.surface.unresolved ?? []), ...unreached];
    }
    crates.push({
      ...r.surface,
      items: sortItems(r.surface.items),
      unresolved,
      lib: { name: manifest.libName.replace(/-/g, '_'), crateTypes: [...manifest.crateTypes].sort() },
    });
    diagnostics.push(...r.diagnostics);
    testTexts.push(...r.testText);
  }
  // packages Cargo builds but the engine skipped: what they may export is unresolved
  const analysedDirs = new Set(ws.crates.map((c) => c.dir));
  for (const sk of ws.skipped) {
    const entries = await skippedPackageSites(tree, sk, listing?.paths ?? [], analysedDirs, limits, {
      features: new Set(),
    });
    if (!entries.length) continue;
    crates.push({
      name: sk.name ?? (sk.dir || '.'),
      version: '',
      manifest: sk.manifest,
      root: '',
      features: [],
      items: [],
      declaredTypes: [],
      panicBoundaryMacros: [],
      files: [],
      unresolved: entries,
    });
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
  let budget = TEST_TEXT_BUDGET;
  let files = 0;
  const searched: Record<TestLanguage, number> = { rust: 0, c: 0, go: 0, python: 0 };
  for (const p of listing.paths) {
    const lang = testFileLanguage(p);
    if (lang === null) continue;
    if (files >= MAX_TEST_FILES || budget <= 0) {
      diagnostics.push({
        level: 'warning',
        code: 'test-search-incomplete',
        message:
          files >= MAX_TEST_FILES
            ? `more than ${MAX_TEST_FILES} test files; the rest were not searched`
            : `test files past ${TEST_TEXT_BUDGET} bytes were not searched`,
      });
      break;
    }
    files++;
    const r = await tree.read(p, Math.min(limits.maxFileBytes, budget));
    if (r.ok) {
      budget -= r.bytes;
      if (lang === 'python' && !PYTHON_FFI.test(r.text)) continue;
      texts.push(r.text);
      searched[lang]++;
    }
  }
  for (const c of crates) c.testSearch = { ...searched };
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
