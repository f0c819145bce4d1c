/**
 * Workspace discovery and Cargo features: members globs, `exclude`, a root package beside
 * `[workspace]`, `[lib] path`, inherited versions, binary-only members, and feature implication.
 */
import { DEFAULT_LIMITS } from '../../src/core/limits';
import { MemoryTree } from '../../src/core/source-tree';
import { discoverWorkspace, enabledFeatures } from '../../src/core/workspace';
import { ALL, codes, DEFAULT, extractFiles, fn, NONE, symbolsOf } from './helpers';

const EXPORT = (name: string): string => `#[no_mangle]\npub extern "C" fn ${name}() {}\n`;

const pkg = (name: string, extra = ''): string =>
  `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}`;

const WORKSPACE: Record<string, string> = {
  'Cargo.toml': `[workspace]
members = ["crates/*", "tools/cli"]
exclude = ["crates/experimental"]
resolver = "2"

[workspace.package]
version = "3.4.5"

[package]
name = "root-crate"
version = "0.9.0"
edition = "2021"
`,
  'src/lib.rs': EXPORT('root_fn'),
  'crates/alpha/Cargo.toml': `[package]\nname = "alpha"\nversion.workspace = true\nedition = "2021"\n`,
  'crates/alpha/src/lib.rs': EXPORT('alpha_fn'),
  'crates/beta/Cargo.toml': pkg('beta', '\n[lib]\npath = "ffi.rs"\n'),
  'crates/beta/ffi.rs': EXPORT('beta_fn'),
  'crates/beta/src/lib.rs': EXPORT('beta_wrong_root'),
  'crates/experimental/Cargo.toml': pkg('experimental'),
  'crates/experimental/src/lib.rs': EXPORT('experimental_fn'),
  'crates/binonly/Cargo.toml': pkg('binonly'),
  'crates/binonly/src/main.rs': `${EXPORT('bin_fn')}fn main() {}\n`,
  'crates/not-a-crate/README.md': 'no manifest here\n',
  'tools/cli/Cargo.toml': pkg('cli-tool'),
  'tools/cli/src/lib.rs': EXPORT('tool_fn'),
  'tools/other/Cargo.toml': pkg('not-a-member'),
  'tools/other/src/lib.rs': EXPORT('not_member_fn'),
};

describe('workspace discovery', () => {
  it('finds the root package and the members, minus exclude and binary-only crates', async () => {
    const ws = await discoverWorkspace(new MemoryTree(WORKSPACE), DEFAULT_LIMITS);
    expect(ws.diagnostics).toEqual([]);
    expect(ws.crates.map((c) => [c.name, c.dir, c.libRoot, c.version, c.manifest])).toEqual([
      ['alpha', 'crates/alpha', 'crates/alpha/src/lib.rs', '3.4.5', 'crates/alpha/Cargo.toml'],
      ['beta', 'crates/beta', 'crates/beta/ffi.rs', '0.1.0', 'crates/beta/Cargo.toml'],
      ['cli-tool', 'tools/cli', 'tools/cli/src/lib.rs', '0.1.0', 'tools/cli/Cargo.toml'],
      ['root-crate', '', 'src/lib.rs', '0.9.0', 'Cargo.toml'],
    ]);
  });

  it('extracts every library crate with its own paths', async () => {
    const s = await extractFiles(WORKSPACE);
    expect(symbolsOf(s)).toEqual(['alpha_fn', 'beta_fn', 'root_fn', 'tool_fn']);
    expect(fn(s, 'beta_fn').file).toBe('crates/beta/ffi.rs');
    expect(s.crates.map((c) => c.name)).toEqual(['alpha', 'beta', 'cli-tool', 'root-crate']);
  });

  it('handles a virtual workspace (no root package) and a "**"-free exact member list', async () => {
    const s = await extractFiles({
      'Cargo.toml': '[workspace]\nmembers = ["a", "b/"]\n',
      'a/Cargo.toml': pkg('a'),
      'a/src/lib.rs': EXPORT('a_fn'),
      'b/Cargo.toml': pkg('b'),
      'b/src/lib.rs': EXPORT('b_fn'),
      'src/lib.rs': EXPORT('not_a_package'),
    });
    expect(symbolsOf(s)).toEqual(['a_fn', 'b_fn']);
  });

  it('reports a missing or invalid root manifest as a diagnostic', async () => {
    const none = await extractFiles({ 'src/lib.rs': EXPORT('x') });
    expect(none.crates).toEqual([]);
    expect(codes(none)).toEqual(['no-manifest']);
    const bad = await extractFiles({ 'Cargo.toml': '[package\nname = ', 'src/lib.rs': EXPORT('x') });
    // Superseded (Sound gate I): the package cannot be analysed, but its export is not dropped
    expect(
      bad.crates.map((c) => [c.items.length, c.unresolved?.map((u) => `${u.file} ${u.reason}`)]),
    ).toEqual([[0, ['src/lib.rs skipped-crate']]]);
    expect(codes(bad)).toEqual(['manifest-invalid']);
    const member = await extractFiles({
      'Cargo.toml': '[workspace]\nmembers = ["m"]\n',
      'm/Cargo.toml': '[package]\nversion = "1.0.0"\n',
    });
    expect(codes(member)).toEqual(['manifest-invalid']);
  });
});

describe('features', () => {
  const manifest = pkg(
    'feat',
    `
[features]
default = ["alpha"]
alpha = []
beta = ["gamma"]
gamma = ["delta", "dep:serde_json", "other-crate/feature", "opt_renamed?/x"]
delta = []
uses-dep = ["dep:hidden"]
turns-on-opt = ["opt/std"]

[dependencies]
serde_json = { version = "1", optional = true }
hidden = { version = "1", optional = true }
opt = { version = "1", optional = true }
opt_renamed = { package = "something", version = "1", optional = true }
other-crate = "1"
`,
  );
  const lib = ['alpha', 'beta', 'gamma', 'delta', 'serde_json', 'hidden', 'opt', 'opt_renamed', 'uses-dep']
    .map((f) => `#[cfg(feature = "${f}")]\n${EXPORT(`f_${f.replace('-', '_')}`)}`)
    .join('');
  const files = { 'Cargo.toml': manifest, 'src/lib.rs': lib };

  async function crateManifest() {
    const ws = await discoverWorkspace(new MemoryTree(files), DEFAULT_LIMITS);
    return ws.crates[0];
  }

  it('closes feature implication over the [features] table', async () => {
    const c = await crateManifest();
    // cargo passes `feature = "default"` too
    expect([...enabledFeatures(c, DEFAULT)].sort()).toEqual(['alpha', 'default']);
    expect([...enabledFeatures(c, { mode: 'default', features: ['beta'] })].sort()).toEqual([
      'alpha',
      'beta',
      'default',
      'delta',
      'gamma',
    ]);
    expect([...enabledFeatures(c, { mode: 'none', features: ['gamma'] })].sort()).toEqual(['delta', 'gamma']);
    expect([...enabledFeatures(c, NONE)]).toEqual([]);
  });

  it('turns `dep/feature` on the optional dependency and leaves `dep?/feature` alone', async () => {
    const c = await crateManifest();
    expect([...enabledFeatures(c, { mode: 'none', features: ['turns-on-opt'] })].sort()).toEqual([
      'opt',
      'turns-on-opt',
    ]);
    expect(enabledFeatures(c, { mode: 'none', features: ['gamma'] }).has('opt_renamed')).toBe(false);
  });

  it('treats optional dependencies as implicit features unless a `dep:` entry names them', async () => {
    const c = await crateManifest();
    const all = enabledFeatures(c, ALL);
    expect(all.has('opt')).toBe(true);
    expect(all.has('opt_renamed')).toBe(true);
    // `dep:serde_json` and `dep:hidden` suppress the implicit features of the same name
    expect(all.has('serde_json')).toBe(false);
    expect(all.has('hidden')).toBe(false);
    expect(all.has('uses-dep')).toBe(true);
    expect(enabledFeatures(c, { mode: 'none', features: ['opt'] }).has('opt')).toBe(true);
  });

  it('evaluates #[cfg(feature)] with the closed set', async () => {
    expect(symbolsOf(await extractFiles(files))).toEqual(['f_alpha']);
    expect(symbolsOf(await extractFiles(files, { mode: 'default', features: ['beta'] }))).toEqual([
      'f_alpha',
      'f_beta',
      'f_delta',
      'f_gamma',
    ]);
    expect(symbolsOf(await extractFiles(files, ALL))).toEqual([
      'f_alpha',
      'f_beta',
      'f_delta',
      'f_gamma',
      'f_opt',
      'f_opt_renamed',
      'f_uses_dep',
    ]);
    expect(symbolsOf(await extractFiles(files, NONE))).toEqual([]);
    const s = await extractFiles(files, ALL);
    expect(s.crates[0].features).toEqual([
      'alpha',
      'beta',
      'default',
      'delta',
      'gamma',
      'opt',
      'opt_renamed',
      'turns-on-opt',
      'uses-dep',
    ]);
  });
});
