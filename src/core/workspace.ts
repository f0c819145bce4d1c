/**
 * Workspace discovery: the root `Cargo.toml` (a package, a `[workspace]`, or both), member globs
 * and `exclude`, each library crate's root file, version and features.
 */
import { parse as parseToml } from 'smol-toml';
import type { Diagnostic, FeatureSelection } from './model';
import type { Limits } from './limits';
import { joinPath } from './extract/scan-file';
import type { SourceTree } from './source-tree';

export interface CrateManifest {
  name: string;
  version: string;
  /** Manifest path relative to the root. */
  manifest: string;
  /** Crate directory relative to the root ('' for the root). */
  dir: string;
  /** Library root file relative to the root. */
  libRoot: string;
  /** `[features]` table: feature → what it enables. */
  featureTable: Record<string, string[]>;
  /** Optional dependencies (implicit features unless referred to with `dep:`). */
  optionalDeps: string[];
}

type TomlTable = Record<string, unknown>;

function isTable(v: unknown): v is TomlTable {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

async function readToml(tree: SourceTree, path: string, diags: Diagnostic[]): Promise<TomlTable | null> {
  const r = await tree.read(path, 1024 * 1024);
  if (!r.ok) {
    if (r.reason !== 'missing')
      diags.push({ level: 'error', code: 'manifest-unreadable', message: `${path} ${r.detail}`, file: path });
    return null;
  }
  try {
    return parseToml(r.text) as TomlTable;
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    diags.push({
      level: 'error',
      code: 'manifest-invalid',
      message: `${path} is not valid TOML: ${msg}`,
      file: path,
    });
    return null;
  }
}

/** Matches one path segment against a Cargo glob segment (`*`, `?`, `[abc]`). */
function globSegment(pattern: string, name: string): boolean {
  const re =
    '^' +
    pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.') +
    '$';
  return new RegExp(re).test(name);
}

async function expandGlob(tree: SourceTree, pattern: string, limits: Limits): Promise<string[]> {
  const segs = pattern.split('/').filter((s) => s !== '' && s !== '.');
  let current = [''];
  for (const seg of segs) {
    const next: string[] = [];
    for (const base of current) {
      if (seg === '**') {
        // any depth, including zero (bounded)
        const stack = [base];
        let n = 0;
        while (stack.length && n++ < 10_000) {
          const d = stack.pop() as string;
          next.push(d);
          for (const e of await tree.list(d))
            if (e.type === 'dir' && e.name !== 'target' && !e.name.startsWith('.'))
              stack.push(joinPath(d, e.name));
        }
      } else if (/[*?[]/.test(seg)) {
        for (const e of await tree.list(base))
          if (e.type === 'dir' && globSegment(seg, e.name)) next.push(joinPath(base, e.name));
      } else next.push(joinPath(base, seg));
    }
    current = next.slice(0, limits.maxCrates * 4);
  }
  return current;
}

function inherit(value: unknown, ws: TomlTable | null, key: string): string | null {
  if (typeof value === 'string') return value;
  if (isTable(value) && value.workspace === true && ws && isTable(ws.package)) {
    const v = (ws.package as TomlTable)[key];
    return typeof v === 'string' ? v : null;
  }
  return null;
}

async function readCrate(
  tree: SourceTree,
  dir: string,
  wsTable: TomlTable | null,
  diags: Diagnostic[],
): Promise<CrateManifest | null> {
  const manifest = joinPath(dir, 'Cargo.toml');
  const toml = await readToml(tree, manifest, diags);
  if (!toml || !isTable(toml.package)) return null;
  const pkg = toml.package as TomlTable;
  const name = typeof pkg.name === 'string' ? pkg.name : null;
  if (!name) {
    diags.push({
      level: 'error',
      code: 'manifest-invalid',
      message: `${manifest} has no package.name`,
      file: manifest,
    });
    return null;
  }
  const version = inherit(pkg.version, wsTable, 'version') ?? '0.0.0';
  const lib = isTable(toml.lib) ? (toml.lib as TomlTable) : null;
  let libRoot: string | null = null;
  if (lib && typeof lib.path === 'string') libRoot = joinPath(dir, lib.path);
  else if ((await tree.stat(joinPath(dir, 'src/lib.rs'))) === 'file') libRoot = joinPath(dir, 'src/lib.rs');
  if (!libRoot) return null; // a binary-only crate has no library surface
  const featureTable: Record<string, string[]> = {};
  if (isTable(toml.features))
    for (const [k, v] of Object.entries(toml.features as TomlTable)) featureTable[k] = strings(v);
  const optionalDeps: string[] = [];
  const depTables: unknown[] = [toml.dependencies, toml['build-dependencies']];
  if (isTable(toml.target))
    for (const t of Object.values(toml.target as TomlTable))
      if (isTable(t)) depTables.push(t.dependencies, t['build-dependencies']);
  for (const deps of depTables)
    if (isTable(deps))
      for (const [k, v] of Object.entries(deps))
        if (isTable(v) && v.optional === true && !optionalDeps.includes(k)) optionalDeps.push(k);
  return { name, version, manifest, dir, libRoot, featureTable, optionalDeps };
}

export interface Workspace {
  crates: CrateManifest[];
  diagnostics: Diagnostic[];
}

export async function discoverWorkspace(tree: SourceTree, limits: Limits): Promise<Workspace> {
  const diagnostics: Diagnostic[] = [];
  const root = await readToml(tree, 'Cargo.toml', diagnostics);
  if (!root) {
    if (!diagnostics.length)
      diagnostics.push({
        level: 'error',
        code: 'no-manifest',
        message: `no Cargo.toml at the root of ${tree.label}`,
        file: 'Cargo.toml',
      });
    return { crates: [], diagnostics };
  }
  const ws = isTable(root.workspace) ? (root.workspace as TomlTable) : null;
  const dirs: string[] = [];
  if (isTable(root.package)) dirs.push('');
  if (ws) {
    const excluded = new Set<string>();
    for (const p of strings(ws.exclude)) for (const d of await expandGlob(tree, p, limits)) excluded.add(d);
    for (const p of strings(ws.members)) {
      for (const d of await expandGlob(tree, p, limits)) {
        if (!excluded.has(d) && !dirs.includes(d) && (await tree.stat(joinPath(d, 'Cargo.toml'))) === 'file')
          dirs.push(d);
      }
    }
  }
  const crates: CrateManifest[] = [];
  for (const d of dirs) {
    if (crates.length >= limits.maxCrates) {
      diagnostics.push({
        level: 'error',
        code: 'too-many-crates',
        message: `more than ${limits.maxCrates} crates; the rest were not analysed`,
      });
      break;
    }
    const c = await readCrate(tree, d, ws, diagnostics);
    if (c) crates.push(c);
  }
  crates.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { crates, diagnostics };
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
