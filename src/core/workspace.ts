/**
 * Workspace discovery as Cargo does it (SPEC section 2, "Which crates"): the root `Cargo.toml` (a
 * package, a `[workspace]`, or both); `members` globs, `exclude` and `default-members`; every
 * path dependency of a package, followed transitively anywhere in the repository (`package =`
 * renames, `workspace = true` inheritance, `[target.'cfg(..)'.dependencies]`); `[patch.*]` and
 * `[replace]` entries with a `path`; and packages outside the root workspace that build a
 * `cdylib`/`staticlib` (alone, or as a member of a nested independent workspace).
 *
 * Never reads outside the root: a path that climbs above it, an absolute path and a symbolic
 * link that leads out of it are refused with a diagnostic. Every walk is bounded: manifests read,
 * directories listed, glob matching steps, files listed.
 *
 * Not analysed: `[dev-dependencies]` and `[build-dependencies]` reached only from there (not
 * linked into the library), binary-only packages (no library surface), and packages outside every
 * workspace that build only an rlib and that nothing depends on (Cargo would not build them from
 * this repository's workspace).
 */
import { parse as parseToml } from 'smol-toml';
import type { Diagnostic, FeatureSelection } from './model';
import type { Limits } from './limits';
import { joinPath } from './extract/scan-file';
import type { SourceTree } from './source-tree';
import { CompiledGlob, compileGlob, GlobCounter, hasGlobMeta, matchGlobSegment } from './cargo-glob';

/** Why a package is analysed. */
export type FoundBy =
  /** The package of the root `Cargo.toml`. */
  | 'root'
  /** A `members` entry of the root workspace. */
  | 'member'
  /** A path dependency (`[dependencies]`, `[target.*.dependencies]`) of an analysed package. */
  | 'path-dependency'
  /** A `[patch.*]` or `[replace]` entry with a `path`. */
  | 'patch'
  /**
   * Outside the root workspace: a package that builds a `cdylib`/`staticlib`, or a package of a
   * nested independent workspace one of whose packages does.
   */
  | 'standalone';

export interface CrateManifest {
  name: string;
  version: string;
  /** Manifest path relative to the root. */
  manifest: string;
  /** Crate directory relative to the root ('' for the root), with symbolic links resolved. */
  dir: string;
  /** Library root file relative to the root. */
  libRoot: string;
  /** `[features]` table: feature → what it enables. */
  featureTable: Record<string, string[]>;
  /** Optional dependencies (implicit features unless referred to with `dep:`). */
  optionalDeps: string[];
  /** `[lib] crate-type` (`['lib']` by default, `['proc-macro']` for a proc-macro crate). */
  crateTypes: string[];
  /** The library's name: `[lib] name`, else the package name with `-` turned into `_`. */
  libName: string;
  foundBy: FoundBy;
  /**
   * The package's targets that are not linked into the library, relative to the root, sorted:
   * the build script, `src/main.rs`, `src/bin`, `tests`, `examples`, `benches` (those that exist)
   * and the `path` of every `[[bin]]`, `[[test]]`, `[[example]]` and `[[bench]]`. A file there
   * that the library's module tree reaches (`#[path]`, `include!`) is linked all the same.
   */
  otherTargets: string[];
  /** Normal path dependencies (what the library links), for Cargo's feature unification. */
  dependencies: PathDependency[];
  /**
   * Every normal dependency (registry, git or path; `[target.*]` ones too): the name code uses
   * (`-` as `_`) → the package's name (`-` as `_`, `package =` renames applied). The only crates
   * a macro the crate invokes can come from, besides std and its own.
   */
  dependencyNames: Record<string, string>;
}

/** A `[dependencies]` (or `[target.*.dependencies]`) entry with a path, inherited ones resolved. */
export interface PathDependency {
  /** The dependency's name in this manifest (its key), as `key/feature` in `[features]` uses it. */
  key: string;
  /** The package directory, symbolic links resolved (relative to the root). */
  dir: string;
  features: string[];
  defaultFeatures: boolean;
  optional: boolean;
}

/** A package Cargo would build but the engine does not analyse. */
export interface SkippedPackage {
  /** Package directory relative to the root (may start with `..` when it was refused). */
  dir: string;
  manifest: string;
  /** The package name when known (read, or expected by the dependency that names it). */
  name: string | null;
  reason: string;
}

/** The work discovery did: for bounds and tests. */
export interface DiscoveryStats {
  /** Steps of glob matching (each bounded by pattern length × name length). */
  globSteps: number;
  /** Directories listed to expand globs. */
  dirsListed: number;
  /** Manifests read. */
  manifestsRead: number;
}

export interface Workspace {
  /** The library crates to analyse, sorted by name (then directory). */
  crates: CrateManifest[];
  diagnostics: Diagnostic[];
  skipped: SkippedPackage[];
  stats: DiscoveryStats;
}

type TomlTable = Record<string, unknown>;

function isTable(v: unknown): v is TomlTable {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function tables(v: unknown): TomlTable[] {
  return Array.isArray(v) ? v.filter(isTable) : [];
}

const MANIFEST_BYTES = 1024 * 1024;
/** Directory names never searched for packages. */
const SKIP_DIRS = new Set(['target', '.git', 'node_modules']);
/** Longest glob segment accepted, in characters. */
const MAX_GLOB_SEGMENT = 1024;
/** Most glob matching steps in one discovery. */
const MAX_GLOB_STEPS = 20_000_000;
/** Most directories listed to expand globs in one discovery. */
const MAX_DIRS_LISTED = 20_000;

function parentDir(dir: string): string | null {
  if (dir === '') return null;
  const slash = dir.lastIndexOf('/');
  return slash < 0 ? '' : dir.slice(0, slash);
}

function isUnder(dir: string, prefix: string): boolean {
  return prefix === '' || dir === prefix || dir.startsWith(prefix + '/');
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}

/** `rel` resolved against `base`, or why it is refused (absolute, or above the root). */
function resolveRel(base: string, rel: string): { path: string } | { refused: string } {
  if (/^([\\/]|[A-Za-z]:)/.test(rel)) return { refused: 'is an absolute path' };
  const p = joinPath(base, rel);
  if (p === '..' || p.startsWith('../')) return { refused: 'leads outside the repository' };
  return { path: p };
}

/** How a refused path is shown: absolute as written, relative joined to its base. */
function shown(base: string, rel: string): string {
  return /^([\\/]|[A-Za-z]:)/.test(rel) ? rel : joinPath(base, rel);
}

function crateTypesOf(toml: TomlTable): string[] {
  const lib = isTable(toml.lib) ? toml.lib : null;
  if (!lib) return ['lib'];
  const declared = strings(lib['crate-type'] ?? lib.crate_type);
  if (declared.length) return declared;
  if (lib['proc-macro'] === true || lib.proc_macro === true) return ['proc-macro'];
  return ['lib'];
}

function buildsCLibrary(toml: TomlTable): boolean {
  return isTable(toml.package) && crateTypesOf(toml).some((t) => t === 'cdylib' || t === 'staticlib');
}

/** The package name in a `[replace]` key: `foo`, `foo:1.0.0`, `foo@1.0.0`, `registry#foo:1.0.0`. */
function specName(spec: string): string {
  const afterHash = spec.slice(spec.lastIndexOf('#') + 1);
  return afterHash.split(/[:@]/)[0];
}

function inherit(value: unknown, ws: WsRoot | null, key: string): string | null {
  if (typeof value === 'string') return value;
  if (isTable(value) && value.workspace === true && ws && isTable(ws.ws.package)) {
    const v = ws.ws.package[key];
    return typeof v === 'string' ? v : null;
  }
  return null;
}

type ManifestRead = { ok: true; toml: TomlTable } | { ok: false; missing: boolean; reason: string };

/** A workspace root: a manifest with a `[workspace]` table. */
interface WsRoot {
  dir: string;
  manifest: string;
  toml: TomlTable;
  ws: TomlTable;
}

/** Normal dependencies by the name code uses → package name, both with `-` as `_`. */
function dependencyNames(toml: TomlTable, w: WsRoot | null): Record<string, string> {
  const out: Record<string, string> = {};
  const tablesOf: unknown[] = [toml.dependencies];
  if (isTable(toml.target))
    for (const t of Object.values(toml.target)) if (isTable(t)) tablesOf.push(t.dependencies);
  for (const deps of tablesOf) {
    if (!isTable(deps)) continue;
    for (const [key, v] of Object.entries(deps)) {
      let pkg = key;
      if (isTable(v) && typeof v.package === 'string') pkg = v.package;
      else if (isTable(v) && v.workspace === true && w && isTable(w.ws.dependencies)) {
        const inherited = w.ws.dependencies[key];
        if (isTable(inherited) && typeof inherited.package === 'string') pkg = inherited.package;
      }
      out[key.replace(/-/g, '_')] = pkg.replace(/-/g, '_');
    }
  }
  return out;
}

/** Cargo's rule: under an `exclude` path, and not under a `members` entry taken literally. */
function isExcluded(w: WsRoot, dir: string): boolean {
  const under = (entries: string[]) =>
    entries.some((e) => {
      const r = resolveRel(w.dir, e);
      return 'path' in r && isUnder(dir, r.path);
    });
  return under(strings(w.ws.exclude)) && !under(strings(w.ws.members));
}

interface Job {
  dir: string;
  foundBy: FoundBy;
  /** The package name the referring entry expects (dependency key or `package =`). */
  expect: string | null;
  /** The manifest that names this directory. */
  via: string | null;
  /** Named literally (not by a glob match): a missing manifest is worth a warning. */
  literal: boolean;
  /** For a path dependency: how the dependent asks for it. */
  dependency?: Omit<PathDependency, 'dir'>;
}

class Discovery {
  readonly diagnostics: Diagnostic[] = [];
  readonly skipped: SkippedPackage[] = [];
  readonly crates: CrateManifest[] = [];
  readonly stats: DiscoveryStats = { globSteps: 0, dirsListed: 0, manifestsRead: 0 };
  private readonly glob: GlobCounter = { steps: 0 };
  private readonly maxManifests: number;
  private readonly manifests = new Map<string, ManifestRead>();
  private readonly wsRoots = new Map<string, WsRoot | null>();
  /** Job directory → the package directory it really is (null: refused or no manifest). */
  private readonly realOf = new Map<string, string | null>();
  /** Library package directory → its path dependency jobs (resolved to directories at the end). */
  private readonly dependencyJobs = new Map<string, Job[]>();
  /** Package directory → package name (null until read, or when unreadable). */
  private readonly packages = new Map<string, string | null>();
  /** Directories accounted for: not searched again as standalone packages. */
  private readonly claimed = new Set<string>();
  private readonly nameChecks: { dir: string; expect: string; via: string }[] = [];
  private readonly defaultMembers: { dir: string; manifest: string; entry: string }[] = [];
  private readonly queue: Job[] = [];
  private readonly reported = new Set<string>();

  constructor(
    private readonly tree: SourceTree,
    private readonly limits: Limits,
  ) {
    this.maxManifests = Math.max(256, limits.maxCrates * 4);
  }

  /** Reports a bound once per discovery. */
  private once(code: string, message: string, level: Diagnostic['level'] = 'warning'): void {
    if (this.reported.has(code)) return;
    this.reported.add(code);
    this.diagnostics.push({ level, code, message });
  }

  private skip(dir: string, manifest: string, name: string | null, reason: string): void {
    if (!this.skipped.some((s) => s.dir === dir && s.reason === reason))
      this.skipped.push({ dir, manifest, name, reason });
  }

  private refuse(dir: string, name: string | null, via: string | null, reason: string): void {
    const manifest = `${dir.replace(/\/+$/, '')}/Cargo.toml`;
    this.diagnostics.push({
      level: 'error',
      code: 'package-outside',
      message: `${via ? `${via}: ` : ''}package directory ${dir}${name ? ` (${name})` : ''} ${reason}; not read`,
      file: via ?? manifest,
    });
    this.skip(dir, manifest, name, `${reason}; not read`);
  }

  async manifest(path: string): Promise<ManifestRead> {
    const cached = this.manifests.get(path);
    if (cached) return cached;
    let out: ManifestRead;
    if (this.stats.manifestsRead >= this.maxManifests) {
      this.once(
        'too-many-manifests',
        `more than ${this.maxManifests} Cargo.toml files; the rest were not read`,
        'error',
      );
      return { ok: false, missing: false, reason: `not read: more than ${this.maxManifests} manifests` };
    }
    this.stats.manifestsRead++;
    const r = await this.tree.read(path, MANIFEST_BYTES);
    if (!r.ok) {
      if (r.reason === 'missing') out = { ok: false, missing: true, reason: 'does not exist' };
      else {
        this.diagnostics.push({
          level: 'error',
          code: 'manifest-unreadable',
          message: `${path} ${r.detail}`,
          file: path,
        });
        out = { ok: false, missing: false, reason: `manifest ${r.detail}` };
      }
    } else {
      try {
        out = { ok: true, toml: parseToml(r.text) as TomlTable };
      } catch (e) {
        const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
        this.diagnostics.push({
          level: 'error',
          code: 'manifest-invalid',
          message: `${path} is not valid TOML: ${msg}`,
          file: path,
        });
        out = { ok: false, missing: false, reason: 'manifest is not valid TOML' };
      }
    }
    this.manifests.set(path, out);
    return out;
  }

  /** The workspace whose root manifest is in `dir`, if any. */
  private async wsAt(dir: string): Promise<WsRoot | null> {
    if (this.wsRoots.has(dir)) return this.wsRoots.get(dir) as WsRoot | null;
    const manifest = joinPath(dir, 'Cargo.toml');
    let w: WsRoot | null = null;
    if ((await this.tree.stat(manifest)) === 'file') {
      const m = await this.manifest(manifest);
      if (m.ok && isTable(m.toml.workspace)) w = { dir, manifest, toml: m.toml, ws: m.toml.workspace };
    }
    this.wsRoots.set(dir, w);
    return w;
  }

  /** Cargo's search: `package.workspace`, else the nearest ancestor workspace that does not exclude it. */
  private async workspaceOf(dir: string, pkg: TomlTable): Promise<WsRoot | null> {
    if (typeof pkg.workspace === 'string') {
      const r = resolveRel(dir, pkg.workspace);
      return 'path' in r ? this.wsAt(r.path) : null;
    }
    for (let d: string | null = dir; d !== null; d = parentDir(d)) {
      const w = await this.wsAt(d);
      if (w && !isExcluded(w, dir)) return w;
    }
    return null;
  }

  private async list(dir: string): Promise<{ name: string; type: string }[]> {
    if (this.stats.dirsListed >= MAX_DIRS_LISTED) {
      this.once(
        'glob-too-broad',
        `workspace globs listed more than ${MAX_DIRS_LISTED} directories; the rest were not searched`,
        'error',
      );
      return [];
    }
    this.stats.dirsListed++;
    return this.tree.list(dir);
  }

  private match(g: CompiledGlob, name: string): boolean {
    if (this.glob.steps > MAX_GLOB_STEPS) {
      this.once(
        'glob-too-costly',
        `workspace globs took more than ${MAX_GLOB_STEPS} matching steps`,
        'error',
      );
      return false;
    }
    return matchGlobSegment(g, name, this.glob, MAX_GLOB_STEPS);
  }

  /** The directories a `members`-style entry names, relative to the root. */
  private async expand(base: string, pattern: string, manifest: string, key: string): Promise<string[]> {
    const refuse = (why: string): string[] => {
      this.diagnostics.push({
        level: 'error',
        code: 'package-outside',
        message: `${manifest}: ${key} entry ${JSON.stringify(pattern)} ${why}; not read`,
        file: manifest,
      });
      this.skip(pattern, joinPath(pattern, 'Cargo.toml'), null, `${why}; not read`);
      return [];
    };
    if (/^([\\/]|[A-Za-z]:)/.test(pattern)) return refuse('is an absolute path');
    const cap = this.limits.maxCrates * 4;
    let current = [base];
    for (const seg of pattern.split(/[\\/]/)) {
      if (seg === '' || seg === '.') continue;
      let next: string[] = [];
      if (seg === '..') {
        if (current.includes('')) return refuse('leads outside the repository');
        next = [...new Set(current.map((c) => parentDir(c) as string))];
      } else if (seg === '**') {
        // any depth, including zero; dot directories and build output are not searched
        for (const start of current) {
          const stack = [start];
          while (stack.length) {
            const d = stack.pop() as string;
            next.push(d);
            for (const e of await this.list(d))
              if (e.type === 'dir' && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.'))
                stack.push(joinPath(d, e.name));
          }
        }
      } else if (hasGlobMeta(seg)) {
        if (seg.length > MAX_GLOB_SEGMENT) {
          this.diagnostics.push({
            level: 'error',
            code: 'glob-invalid',
            message: `${manifest}: ${key} entry has a glob segment longer than ${MAX_GLOB_SEGMENT} characters; ignored`,
            file: manifest,
          });
          return [];
        }
        const g = compileGlob(seg);
        for (const d of current)
          for (const e of await this.list(d))
            if ((e.type === 'dir' || e.type === 'symlink') && this.match(g, e.name))
              next.push(joinPath(d, e.name));
      } else next = current.map((c) => joinPath(c, seg));
      if (next.length > cap) {
        this.once(
          'glob-too-broad',
          `${manifest}: ${key} entry ${JSON.stringify(pattern)} names more than ${cap} directories; the rest were not searched`,
          'error',
        );
        // fail closed: what the glob names beyond the cap is skipped, not forgotten
        for (const d of next.slice(cap))
          this.skip(
            d,
            joinPath(d, 'Cargo.toml'),
            null,
            `beyond the ${cap} directories a glob may name (4 × limits.maxCrates)`,
          );
        next = next.slice(0, cap);
      }
      current = next;
    }
    return current;
  }

  /** Queues the packages a workspace root names: its own package, its members, its patches. */
  private async workspaceRoot(
    dir: string,
    manifest: string,
    toml: TomlTable,
    own: FoundBy,
    members: FoundBy,
  ) {
    if (isTable(toml.package)) this.queue.push({ dir, foundBy: own, expect: null, via: null, literal: true });
    const w = isTable(toml.workspace) ? await this.wsAt(dir) : null;
    if (w) {
      this.claimed.add(dir);
      for (const p of strings(w.ws.members))
        for (const d of await this.expand(dir, p, manifest, 'members'))
          if (!isExcluded(w, d))
            this.queue.push({
              dir: d,
              foundBy: members,
              expect: null,
              via: manifest,
              literal: !hasGlobMeta(p),
            });
      for (const p of strings(w.ws['default-members']))
        for (const d of await this.expand(dir, p, manifest, 'default-members'))
          this.defaultMembers.push({ dir: d, manifest, entry: p });
    }
    this.patches(dir, manifest, toml);
  }

  /** `[patch.<registry>]` and `[replace]` entries with a `path`. */
  private patches(dir: string, manifest: string, toml: TomlTable): void {
    const add = (name: string, v: unknown) => {
      if (!isTable(v) || typeof v.path !== 'string') return;
      const expect = typeof v.package === 'string' ? v.package : name;
      const r = resolveRel(dir, v.path);
      if ('refused' in r) this.refuse(shown(dir, v.path), expect, manifest, r.refused);
      else this.queue.push({ dir: r.path, foundBy: 'patch', expect, via: manifest, literal: true });
    };
    if (isTable(toml.patch))
      for (const reg of Object.values(toml.patch))
        if (isTable(reg)) for (const [k, v] of Object.entries(reg)) add(k, v);
    if (isTable(toml.replace)) for (const [k, v] of Object.entries(toml.replace)) add(specName(k), v);
  }

  /** The path dependencies linked into a package's library (normal dependencies only). */
  private pathDependencies(dir: string, manifest: string, toml: TomlTable, w: WsRoot | null): Job[] {
    const depTables: unknown[] = [toml.dependencies];
    if (isTable(toml.target))
      for (const t of Object.values(toml.target)) if (isTable(t)) depTables.push(t.dependencies);
    const jobs: Job[] = [];
    for (const deps of depTables) {
      if (!isTable(deps)) continue;
      for (const [key, v] of Object.entries(deps)) {
        if (!isTable(v)) continue;
        let base = dir;
        let path: string | null = typeof v.path === 'string' ? v.path : null;
        let pkgName = typeof v.package === 'string' ? v.package : null;
        const features = strings(v.features);
        let defaultFeatures = v['default-features'] !== false && v.default_features !== false;
        if (path === null && v.workspace === true) {
          const inherited = w && isTable(w.ws.dependencies) ? w.ws.dependencies[key] : undefined;
          if (inherited === undefined) {
            this.diagnostics.push({
              level: 'warning',
              code: 'workspace-dependency-missing',
              message: `${manifest}: dependency ${key} has workspace = true but ${w ? `${w.manifest} has no [workspace.dependencies] entry for it` : 'the package is in no workspace'}`,
              file: manifest,
            });
            continue;
          }
          if (isTable(inherited) && typeof inherited.path === 'string') {
            base = (w as WsRoot).dir;
            path = inherited.path;
            if (typeof inherited.package === 'string') pkgName = inherited.package;
            // features add up; default-features comes from the workspace's entry
            features.push(...strings(inherited.features));
            defaultFeatures = inherited['default-features'] !== false && inherited.default_features !== false;
          }
        }
        if (path === null) continue;
        const expect = pkgName ?? key;
        const r = resolveRel(base, path);
        if ('refused' in r) this.refuse(shown(base, path), expect, manifest, r.refused);
        else
          jobs.push({
            dir: r.path,
            foundBy: 'path-dependency',
            expect,
            via: manifest,
            literal: true,
            dependency: { key, features, defaultFeatures, optional: v.optional === true },
          });
      }
    }
    return jobs;
  }

  /** Where a job's package really is, or null (refused, or no manifest there). */
  private async locate(job: Job): Promise<string | null> {
    const manifest = joinPath(job.dir, 'Cargo.toml');
    const st = await this.tree.stat(manifest);
    const outside = 'is reached through a symbolic link that leads outside the repository';
    if (st === 'symlink') {
      this.refuse(job.dir, job.expect, job.via, outside);
      return null;
    }
    if (st !== 'file') {
      if (job.literal)
        this.diagnostics.push({
          level: 'warning',
          code: 'manifest-missing',
          message: `${job.via ? `${job.via} names ${job.dir}, but ` : ''}${manifest} does not exist`,
          file: job.via ?? manifest,
        });
      return null;
    }
    const real = this.tree.realPath ? await this.tree.realPath(job.dir) : job.dir;
    if (real === null) this.refuse(job.dir, job.expect, job.via, outside);
    return real;
  }

  private async process(job: Job): Promise<void> {
    this.claimed.add(job.dir);
    let real = this.realOf.get(job.dir);
    if (real === undefined) {
      real = await this.locate(job);
      this.realOf.set(job.dir, real);
    }
    if (real === null) return;
    this.claimed.add(real);
    if (job.expect && job.via) this.nameChecks.push({ dir: real, expect: job.expect, via: job.via });
    if (this.packages.has(real)) return;
    this.packages.set(real, null);
    await this.readPackage(real, job);
  }

  private async drain(): Promise<void> {
    while (this.queue.length) await this.process(this.queue.shift() as Job);
  }

  private async readPackage(dir: string, job: Job): Promise<void> {
    const manifest = joinPath(dir, 'Cargo.toml');
    const m = await this.manifest(manifest);
    if (!m.ok) {
      this.skip(dir, manifest, job.expect, m.reason);
      return;
    }
    const toml = m.toml;
    if (!isTable(toml.package)) {
      this.diagnostics.push({
        level: 'error',
        code: 'manifest-invalid',
        message: `${manifest} has no [package] table${job.via ? ` (named by ${job.via})` : ''}`,
        file: manifest,
      });
      return;
    }
    const pkg = toml.package;
    const name = typeof pkg.name === 'string' && pkg.name ? pkg.name : null;
    if (!name) {
      this.diagnostics.push({
        level: 'error',
        code: 'manifest-invalid',
        message: `${manifest} has no package.name`,
        file: manifest,
      });
      this.skip(dir, manifest, job.expect, 'manifest has no package.name');
      return;
    }
    this.packages.set(dir, name);
    const w = await this.workspaceOf(dir, pkg);
    // a binary-only package is built too: its path dependencies are followed
    const dependencyJobs = this.pathDependencies(dir, manifest, toml, w);
    this.queue.push(...dependencyJobs);
    // a standalone package is its own workspace root: its patches apply
    if (job.foundBy === 'standalone' && !w) this.patches(dir, manifest, toml);

    const lib = isTable(toml.lib) ? toml.lib : null;
    let libRoot: string | null = null;
    if (lib && typeof lib.path === 'string') {
      const r = resolveRel(dir, lib.path);
      if ('refused' in r) {
        this.refuse(dir, name, manifest, `has a [lib] path that ${r.refused}`);
        return;
      }
      libRoot = r.path;
    } else if (
      (lib || pkg.autolib !== false) &&
      (await this.tree.stat(joinPath(dir, 'src/lib.rs'))) === 'file'
    )
      libRoot = joinPath(dir, 'src/lib.rs');
    if (!libRoot) return; // a binary-only package has no library surface: neither analysed nor skipped

    if (this.crates.length >= this.limits.maxCrates) {
      this.once(
        'too-many-crates',
        `more than ${this.limits.maxCrates} crates; the rest were not analysed`,
        'error',
      );
      this.skip(dir, manifest, name, `more than ${this.limits.maxCrates} crates (limits.maxCrates)`);
      return;
    }
    const featureTable: Record<string, string[]> = {};
    if (isTable(toml.features))
      for (const [k, v] of Object.entries(toml.features)) featureTable[k] = strings(v);
    const optionalDeps: string[] = [];
    const depTables: unknown[] = [toml.dependencies, toml['build-dependencies']];
    if (isTable(toml.target))
      for (const t of Object.values(toml.target))
        if (isTable(t)) depTables.push(t.dependencies, t['build-dependencies']);
    for (const deps of depTables)
      if (isTable(deps))
        for (const [k, v] of Object.entries(deps))
          if (isTable(v) && v.optional === true && !optionalDeps.includes(k)) optionalDeps.push(k);
    this.crates.push({
      name,
      version: inherit(pkg.version, w, 'version') ?? '0.0.0',
      manifest,
      dir,
      libRoot,
      featureTable,
      optionalDeps,
      crateTypes: crateTypesOf(toml),
      libName: lib && typeof lib.name === 'string' ? lib.name : name.replace(/-/g, '_'),
      foundBy: job.foundBy,
      otherTargets: await this.otherTargets(dir, toml, libRoot),
      dependencies: [],
      dependencyNames: dependencyNames(toml, w),
    });
    this.dependencyJobs.set(dir, dependencyJobs);
  }

  private async otherTargets(dir: string, toml: TomlTable, libRoot: string): Promise<string[]> {
    const pkg = toml.package as TomlTable;
    const out = new Set<string>();
    const add = (rel: string) => {
      const r = resolveRel(dir, rel);
      if ('path' in r && r.path !== libRoot) out.add(r.path);
    };
    const exists = async (rel: string, type: 'file' | 'dir') =>
      (await this.tree.stat(joinPath(dir, rel))) === type;
    if (typeof pkg.build === 'string') add(pkg.build);
    else if (Array.isArray(pkg.build)) strings(pkg.build).forEach(add);
    else if (pkg.build !== false && (await exists('build.rs', 'file'))) add('build.rs');
    if (await exists('src/main.rs', 'file')) add('src/main.rs');
    for (const d of ['src/bin', 'tests', 'examples', 'benches']) if (await exists(d, 'dir')) add(d);
    for (const key of ['bin', 'test', 'example', 'bench'])
      for (const t of tables(toml[key])) if (typeof t.path === 'string') add(t.path);
    return [...out].sort();
  }

  /** The root manifest and everything it leads to. */
  async root(): Promise<boolean> {
    if ((await this.tree.stat('Cargo.toml')) === 'missing') return false;
    this.claimed.add('');
    const m = await this.manifest('Cargo.toml');
    if (!m.ok) {
      if (!m.missing) this.skip('', 'Cargo.toml', null, m.reason);
      return !m.missing;
    }
    if (!isTable(m.toml.package) && !isTable(m.toml.workspace))
      this.diagnostics.push({
        level: 'error',
        code: 'manifest-invalid',
        message: 'Cargo.toml has neither a [package] nor a [workspace] table',
        file: 'Cargo.toml',
      });
    await this.workspaceRoot('', 'Cargo.toml', m.toml, 'root', 'member');
    await this.drain();
    return true;
  }

  /**
   * Packages outside the root workspace: a `cdylib`/`staticlib` package, or a nested independent
   * workspace one of whose packages builds one (then all of its packages).
   */
  async standalone(): Promise<void> {
    const listing = await this.tree.listAll(this.limits.maxListedFiles);
    if (listing.truncated)
      this.diagnostics.push({
        level: 'warning',
        code: 'too-many-files',
        message: `more than ${this.limits.maxListedFiles} files; packages beyond them were not searched for`,
      });
    const dirs = listing.paths
      .filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml'))
      .map((p) => parentDir(p) as string)
      .filter((d) => !d.split('/').some((s) => SKIP_DIRS.has(s)))
      .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const dir of dirs) {
      if (this.claimed.has(dir)) continue;
      this.claimed.add(dir);
      const manifest = joinPath(dir, 'Cargo.toml');
      const m = await this.manifest(manifest);
      if (!m.ok) {
        // it may build a cdylib: Cargo would tell, the engine cannot
        if (!m.missing) this.skip(dir, manifest, null, m.reason);
        continue;
      }
      const w = isTable(m.toml.workspace) ? await this.wsAt(dir) : null;
      if (w) {
        const packages = isTable(m.toml.package) ? [dir] : [];
        for (const p of strings(w.ws.members))
          for (const d of await this.expand(dir, p, manifest, 'members'))
            if (!isExcluded(w, d)) packages.push(d);
        let exportsC = false;
        for (const d of packages) {
          this.claimed.add(d);
          const real = this.tree.realPath ? await this.tree.realPath(d) : d;
          if (real !== null) this.claimed.add(real);
          if ((await this.tree.stat(joinPath(d, 'Cargo.toml'))) !== 'file') continue;
          const pm = await this.manifest(joinPath(real ?? d, 'Cargo.toml'));
          if (pm.ok && buildsCLibrary(pm.toml)) exportsC = true;
        }
        if (exportsC) {
          await this.workspaceRoot(dir, manifest, m.toml, 'standalone', 'standalone');
          await this.drain();
        }
      } else if (buildsCLibrary(m.toml)) {
        this.queue.push({ dir, foundBy: 'standalone', expect: null, via: null, literal: true });
        await this.drain();
      }
    }
  }

  /** Checks that need every package read: names, duplicates, default members. */
  finish(): void {
    const seen = new Set<string>();
    for (const c of this.nameChecks) {
      const name = this.packages.get(c.dir);
      const key = `${c.via}\0${c.dir}\0${c.expect}`;
      if (!name || name === c.expect || seen.has(key)) continue;
      seen.add(key);
      this.diagnostics.push({
        level: 'warning',
        code: 'package-name-mismatch',
        message: `${c.via} expects package ${c.expect} in ${c.dir || '.'}, but ${joinPath(c.dir, 'Cargo.toml')} is package ${name}`,
        file: c.via,
      });
    }
    const byName = new Map<string, string[]>();
    for (const c of this.crates) byName.set(c.name, [...(byName.get(c.name) ?? []), c.dir || '.']);
    for (const [name, dirs] of byName)
      if (dirs.length > 1)
        this.diagnostics.push({
          level: 'warning',
          code: 'duplicate-package-name',
          message: `package ${name} is in ${dirs.length} directories (${dirs.sort().join(', ')}); each is analysed`,
        });
    for (const d of this.defaultMembers) {
      const real = this.realOf.get(d.dir) ?? d.dir;
      if (!this.packages.has(real))
        this.diagnostics.push({
          level: 'warning',
          code: 'default-member-not-member',
          message: `${d.manifest}: default-members entry ${JSON.stringify(d.entry)} (${d.dir || '.'}) is not a package of the workspace`,
          file: d.manifest,
        });
    }
    for (const c of this.crates)
      for (const j of this.dependencyJobs.get(c.dir) ?? []) {
        const real = this.realOf.get(j.dir);
        if (real && j.dependency) c.dependencies.push({ ...j.dependency, dir: real });
      }
    this.crates.sort((a, b) =>
      a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0,
    );
    this.stats.globSteps = this.glob.steps;
  }
}

export async function discoverWorkspace(tree: SourceTree, limits: Limits): Promise<Workspace> {
  const d = new Discovery(tree, limits);
  const hasRoot = await d.root();
  await d.standalone();
  d.finish();
  if (!hasRoot && d.crates.length === 0 && d.skipped.length === 0)
    d.diagnostics.unshift({
      level: 'error',
      code: 'no-manifest',
      message: `no Cargo.toml at the root of ${tree.label}`,
      file: 'Cargo.toml',
    });
  return { crates: d.crates, diagnostics: d.diagnostics, skipped: d.skipped, stats: d.stats };
}

/**
 * Optional dependencies that are implicit features: Cargo creates a feature named after each
 * optional dependency unless some feature refers to it with `dep:name`.
 */
function implicitFeatures(c: CrateManifest): Set<string> {
  const hidden = new Set<string>();
  for (const list of Object.values(c.featureTable))
    for (const f of list) if (f.startsWith('dep:')) hidden.add(f.slice(4));
  return new Set(c.optionalDeps.filter((d) => !hidden.has(d) && !(d in c.featureTable)));
}

/** The features a selection enables in a crate, closed under implication. */
export function enabledFeatures(c: CrateManifest, sel: FeatureSelection): Set<string> {
  const implicit = implicitFeatures(c);
  const out = new Set<string>();
  if (sel.mode === 'all') {
    for (const f of [...Object.keys(c.featureTable), ...implicit]) out.add(f);
    return out;
  }
  const queue: string[] = [...sel.features];
  if (sel.mode === 'default' && c.featureTable.default) queue.push('default');
  while (queue.length) {
    const f = queue.pop() as string;
    let name = f;
    if (f.startsWith('dep:'))
      name = ''; // enables the dependency, not a feature of ours
    else if (f.includes('/')) {
      // `dep/feat` also enables the optional dependency `dep` (its implicit feature, if any);
      // `dep?/feat` does not
      const dep = f.slice(0, f.indexOf('/'));
      name = !dep.endsWith('?') && implicit.has(dep) ? dep : '';
    }
    if (!name || out.has(name)) continue;
    out.add(name);
    for (const implied of c.featureTable[name] ?? []) queue.push(implied);
  }
  return out;
}
