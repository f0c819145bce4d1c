/**
 * The soundness oracle's tools: build a fixture cargo workspace with the real compiler, read
 * the dynamic symbols of every cdylib it produced, and read the `// oracle: <symbol> <outcome>`
 * markers of its sources (see test/extract/soundness-oracle.test.ts).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';

/** Where the fixture workspaces are built (test/support/oracle-workspace.ts); one subdirectory each. */
export const ORACLE_TARGET = path.join(os.tmpdir(), 'ffi-surface-guard-test-target');

export interface BuiltLibrary {
  /** The package name (`[package] name`), as the engine names the crate. */
  crate: string;
  /** The shared library file. */
  file: string;
  /** The package's Cargo.toml, as cargo names it. */
  manifest: string;
}

function packageName(manifest: string): string {
  const toml = parseToml(fs.readFileSync(manifest, 'utf8')) as { package?: { name?: unknown } };
  const name = toml.package?.name;
  if (typeof name !== 'string') throw new Error(`${manifest}: no [package] name`);
  return name;
}

/**
 * `cargo build --offline [--locked] --release ARGS` in `dir` into `targetDir`: the cdylibs it
 * produced, and how many of them cargo found fresh (compiled by an earlier build). Cargo runs with
 * `dir` as its working directory, so the workspace's `.cargo/config.toml` applies; `RUSTFLAGS` is
 * removed from the environment because it would replace that file's `build.rustflags` (the
 * fixture silences warnings there instead).
 */
export function cargoBuild(
  dir: string,
  targetDir: string,
  o: { args: string[]; locked: boolean },
): { libs: BuiltLibrary[]; fresh: number } {
  const env: NodeJS.ProcessEnv = { ...process.env, CARGO_TARGET_DIR: targetDir };
  delete env.RUSTFLAGS;
  delete env.CARGO_ENCODED_RUSTFLAGS;
  delete env.CARGO_BUILD_RUSTFLAGS;
  delete env.CARGO_BUILD_TARGET;
  let out: string;
  try {
    out = execFileSync(
      'cargo',
      [
        'build',
        '--offline',
        ...(o.locked ? ['--locked'] : []),
        '--release',
        ...o.args,
        '--message-format=json',
        '--quiet',
      ],
      { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message: string };
    throw new Error(`cargo build of ${dir} failed: ${err.stderr || err.message}`);
  }
  const libs: BuiltLibrary[] = [];
  let fresh = 0;
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const msg = JSON.parse(line) as {
      reason?: string;
      manifest_path?: string;
      target?: { kind?: string[] };
      filenames?: string[];
      fresh?: boolean;
    };
    if (msg.reason !== 'compiler-artifact' || !msg.target?.kind?.includes('cdylib')) continue;
    const file = msg.filenames?.find((f) => /\.(so|dylib|dll)$/.test(f));
    if (!file || !msg.manifest_path) continue;
    libs.push({ crate: packageName(msg.manifest_path), file, manifest: msg.manifest_path });
    if (msg.fresh) fresh++;
  }
  libs.sort((a, b) => (a.crate < b.crate ? -1 : a.crate > b.crate ? 1 : 0));
  return { libs, fresh };
}

/** `nm -D --defined-only`: the names of the symbols a shared library defines, sorted. */
export function definedDynamicSymbols(lib: string): string[] {
  const out = execFileSync('nm', ['-D', '--defined-only', lib], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 3)
    .map((p) => p[2])
    .sort();
}

/**
 * Symbols the toolchain, not the crate's source, puts into a library (rustc 1.95 puts none into a
 * cdylib; listed so that a toolchain that does is not mistaken for an unexplained export).
 */
export function isToolchainSymbol(name: string): boolean {
  return /^(__rustc_proc_macro_decls_|rust_metadata_|_init$|_fini$|_edata$|_end$|__bss_start$)/.test(name);
}

export type OracleOutcome = 'extracted' | 'unresolved';

export interface OracleMarker {
  symbol: string;
  expected: OracleOutcome;
  /** Relative to the workspace root, with `/` separators, as the engine reports files. */
  file: string;
  /** 1-based. */
  line: number;
  /** The package whose directory holds the file (the nearest Cargo.toml with a `[package]`). */
  crate: string;
}

const MARKER = /\/\/\s*oracle:\s*(\S+)\s+(\S+)/;

/**
 * Every `// oracle: <symbol> <extracted|unresolved>` marker in the `.rs` files below `root`.
 * Symbolic links are not followed: a file reached through one is read once, where it really is.
 */
export function readMarkers(root: string): OracleMarker[] {
  const markers: OracleMarker[] = [];
  const walk = (rel: string, crate: string | null) => {
    const abs = path.join(root, rel);
    const manifest = path.join(abs, 'Cargo.toml');
    if (fs.existsSync(manifest) && !fs.lstatSync(manifest).isSymbolicLink()) {
      const toml = parseToml(fs.readFileSync(manifest, 'utf8')) as { package?: unknown };
      if (toml.package) crate = packageName(manifest);
    }
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && e.name !== 'target' && !e.name.startsWith('.')) walk(childRel, crate);
      if (!e.isFile() || !e.name.endsWith('.rs')) continue;
      const lines = fs.readFileSync(path.join(root, childRel), 'utf8').split('\n');
      lines.forEach((text, i) => {
        const m = MARKER.exec(text);
        if (!m) return;
        if (m[2] !== 'extracted' && m[2] !== 'unresolved')
          throw new Error(`${childRel}:${i + 1}: marker outcome must be extracted or unresolved`);
        if (!crate) throw new Error(`${childRel}:${i + 1}: marker outside any package`);
        markers.push({ symbol: m[1], expected: m[2], file: childRel, line: i + 1, crate });
      });
    }
  };
  walk('', null);
  return markers;
}
