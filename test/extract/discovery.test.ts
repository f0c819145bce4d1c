/**
 * Which crates are analysed (SPEC section 2, "Which crates"): path dependencies in every form,
 * patches, symbolic links in a git revision and on disk, standalone cdylib/staticlib packages and
 * nested workspaces, hostile globs, and what each crate's manifest says about its targets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyseDiff } from '../../src/app/analyse-diff';
import { FileSystemTree } from '../../src/adapters/file-system-tree';
import { GitRevisionTree } from '../../src/adapters/git-revision-tree';
import { compileGlob, matchGlobSegment } from '../../src/core/cargo-glob';
import { DEFAULT_LIMITS, Limits } from '../../src/core/limits';
import { MemoryTree, SourceTree } from '../../src/core/source-tree';
import { discoverWorkspace, Workspace } from '../../src/core/workspace';
import { Repo, tempDir, removeDir } from '../diff/git-fixture';
import { DEFAULT, extract, extractFiles, fn, RecordingTree, symbolsOf } from './helpers';

jest.setTimeout(60_000);

const EXPORT = (name: string): string => `#[no_mangle]\npub extern "C" fn ${name}() {}\n`;

const pkg = (name: string, extra = ''): string =>
  `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}`;

/** A library package: manifest and `src/lib.rs` exporting `<name>_fn`. */
const lib = (dir: string, name: string, extra = ''): Record<string, string> => ({
  [`${dir}/Cargo.toml`]: pkg(name, extra),
  [`${dir}/src/lib.rs`]: EXPORT(`${name.replace(/-/g, '_')}_fn`),
});

const discover = (files: Record<string, string>, limits: Partial<Limits> = {}): Promise<Workspace> =>
  discoverWorkspace(new MemoryTree(files), { ...DEFAULT_LIMITS, ...limits });

const summary = (ws: Workspace): string[] => ws.crates.map((c) => `${c.name} ${c.dir} ${c.foundBy}`);

const codesOf = (ws: Workspace): string[] => ws.diagnostics.map((d) => d.code);

describe('path dependencies', () => {
  const FILES: Record<string, string> = {
    'Cargo.toml': `[workspace]
members = ["app"]

[workspace.dependencies]
inherited = { path = "libs/inherited" }
registry-only = "1"

[patch.crates-io]
patched = { path = "patches/patched" }

[replace]
"replaced:1.0.0" = { path = "patches/replaced" }
`,
    'app/Cargo.toml': pkg(
      'app',
      `
[dependencies]
plain = { path = "../libs/plain" }
helper = { path = "../vendor/helper" }
renamed-key = { path = "../libs/renamed", package = "real-renamed" }
inherited = { workspace = true, features = ["x"] }
registry-only = { workspace = true }
wrong = { path = "../libs/wrong" }
serde = "1"

[target.'cfg(unix)'.dependencies]
unixonly = { path = "../libs/unixonly" }

[dev-dependencies]
devonly = { path = "../libs/devonly" }
shared-dev = { path = "../libs/shared-dev" }

[build-dependencies]
buildonly = { path = "../libs/buildonly" }

[target.'cfg(windows)'.build-dependencies]
winbuild = { path = "../libs/winbuild" }
`,
    ),
    'app/src/main.rs': 'fn main() {}\n',
    ...lib(
      'libs/plain',
      'plain',
      '\n[dependencies]\ndeep = { path = "../deep" }\nshared-dev = { path = "../shared-dev" }\n',
    ),
    ...lib('libs/deep', 'deep'),
    ...lib('vendor/helper', 'helper'),
    ...lib('libs/renamed', 'real-renamed'),
    ...lib('libs/inherited', 'inherited'),
    ...lib('libs/wrong', 'other-name'),
    ...lib('libs/unixonly', 'unixonly'),
    ...lib('libs/devonly', 'devonly'),
    ...lib('libs/shared-dev', 'shared-dev'),
    ...lib('libs/buildonly', 'buildonly'),
    ...lib('libs/winbuild', 'winbuild'),
    ...lib('patches/patched', 'patched'),
    ...lib('patches/replaced', 'replaced'),
  };

  it('follows plain, out-of-members, renamed, inherited, target-specific and transitive path dependencies and patches', async () => {
    const ws = await discover(FILES);
    expect(summary(ws)).toEqual([
      'deep libs/deep path-dependency',
      'helper vendor/helper path-dependency',
      'inherited libs/inherited path-dependency',
      'other-name libs/wrong path-dependency',
      'patched patches/patched patch',
      'plain libs/plain path-dependency',
      'real-renamed libs/renamed path-dependency',
      'replaced patches/replaced patch',
      'shared-dev libs/shared-dev path-dependency',
      'unixonly libs/unixonly path-dependency',
    ]);
    // `app` is binary-only: built, but no library surface, and not "skipped" either
    expect(ws.skipped).toEqual([]);
    expect(ws.diagnostics).toEqual([
      expect.objectContaining({
        code: 'package-name-mismatch',
        level: 'warning',
        file: 'app/Cargo.toml',
        message: expect.stringContaining('expects package wrong in libs/wrong'),
      }),
    ]);
  });

  it('does not analyse dev- or build-only path dependencies', async () => {
    const s = await extractFiles(FILES);
    const names = s.crates.map((c) => c.name);
    expect(names).not.toContain('devonly');
    expect(names).not.toContain('buildonly');
    expect(names).not.toContain('winbuild');
    expect(symbolsOf(s)).toContain('real_renamed_fn');
    expect(symbolsOf(s)).toContain('helper_fn');
  });

  it('counts a crate reached as a member and as a path dependency once, as a member', async () => {
    const ws = await discover({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
      ...lib(
        'crates/a',
        'a',
        '\n[dependencies]\nb = { path = "../b" }\nb2 = { path = "../../crates/./b", package = "b" }\n',
      ),
      ...lib('crates/b', 'b'),
    });
    expect(summary(ws)).toEqual(['a crates/a member', 'b crates/b member']);
    expect(ws.diagnostics).toEqual([]);
  });

  it('refuses a path dependency that leaves the repository, and reads nothing there', async () => {
    const tree = new RecordingTree(
      new MemoryTree({
        'Cargo.toml': '[workspace]\nmembers = ["m"]\n',
        ...lib(
          'm',
          'm',
          '\n[dependencies]\nup = { path = "../../elsewhere" }\nabs = { path = "/etc/evil" }\n\n[patch.crates-io]\np = { path = "../p" }\n',
        ),
      }),
    );
    const ws = await discoverWorkspace(tree, DEFAULT_LIMITS);
    expect(summary(ws)).toEqual(['m m member']);
    expect(codesOf(ws)).toEqual(['package-outside', 'package-outside']);
    expect(ws.skipped).toEqual([
      {
        dir: '../elsewhere',
        manifest: '../elsewhere/Cargo.toml',
        name: 'up',
        reason: 'leads outside the repository; not read',
      },
      {
        dir: '/etc/evil',
        manifest: '/etc/evil/Cargo.toml',
        name: 'abs',
        reason: 'is an absolute path; not read',
      },
    ]);
    expect(tree.reads.filter((r) => r.includes('elsewhere') || r.includes('evil'))).toEqual([]);
    // a member path climbing out is refused the same way
    const up = await discover({ 'Cargo.toml': '[workspace]\nmembers = ["../x", "a/../../y"]\n' });
    expect(codesOf(up)).toEqual(['package-outside', 'package-outside']);
  });

  it('reports workspace = true without a [workspace.dependencies] entry', async () => {
    const ws = await discover({
      'Cargo.toml': '[workspace]\nmembers = ["m"]\n',
      ...lib('m', 'm', '\n[dependencies]\nnothere = { workspace = true }\n'),
    });
    expect(summary(ws)).toEqual(['m m member']);
    expect(codesOf(ws)).toEqual(['workspace-dependency-missing']);
  });
});

describe('a wasmtime-shaped workspace', () => {
  const FILES: Record<string, string> = {
    'Cargo.toml':
      '[workspace]\nmembers = ["crates/c-api/artifact"]\n\n[workspace.package]\nversion = "40.0.0"\n',
    'crates/c-api/artifact/Cargo.toml': `[package]
name = "wasmtime-c-api"
version.workspace = true
edition = "2021"

[lib]
name = "wasmtime"
crate-type = ["staticlib", "cdylib"]

[dependencies]
wasmtime-c-api = { path = "..", package = "wasmtime-c-api-impl" }
`,
    'crates/c-api/artifact/src/lib.rs': 'pub use wasmtime_c_api::*;\n',
    'crates/c-api/Cargo.toml': `[package]
name = "wasmtime-c-api-impl"
version.workspace = true
edition = "2021"

[lib]
name = "wasmtime_c_api"
`,
    'crates/c-api/src/lib.rs': '#[no_mangle] pub extern "C" fn wasm_engine_new() {}\n',
    'crates/c-api/build.rs': 'fn main() {}\n',
  };

  it('reaches the C API crate through the artifact member', async () => {
    const ws = await discover(FILES);
    expect(ws.diagnostics).toEqual([]);
    expect(
      ws.crates.map((c) => [c.name, c.dir, c.foundBy, c.version, c.libName, c.crateTypes, c.otherTargets]),
    ).toEqual([
      [
        'wasmtime-c-api',
        'crates/c-api/artifact',
        'member',
        '40.0.0',
        'wasmtime',
        ['staticlib', 'cdylib'],
        [],
      ],
      [
        'wasmtime-c-api-impl',
        'crates/c-api',
        'path-dependency',
        '40.0.0',
        'wasmtime_c_api',
        ['lib'],
        ['crates/c-api/build.rs'],
      ],
    ]);
  });

  it('extracts wasm_engine_new', async () => {
    const s = await extractFiles(FILES);
    expect(symbolsOf(s)).toEqual(['wasm_engine_new']);
    expect(fn(s, 'wasm_engine_new').file).toBe('crates/c-api/src/lib.rs');
  });
});

describe('symbolic links to package directories', () => {
  /**
   * A repository whose members glob meets: a link to a crate outside the members (followed), a
   * link to a member (the same crate once), links leading out of the repository, relative and
   * absolute (refused), and a link to itself (no package there). Beside the repository, a crate that
   * must never be read.
   */
  function linkedRepo(): { repo: Repo; outside: string } {
    const outside = tempDir('fsg-outside-');
    fs.mkdirSync(path.join(outside, 'src'));
    fs.writeFileSync(path.join(outside, 'Cargo.toml'), pkg('secret', '\n[lib]\ncrate-type = ["cdylib"]\n'));
    fs.writeFileSync(path.join(outside, 'src/lib.rs'), EXPORT('secret_fn'));
    const repo = Repo.init();
    repo.write({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
      ...lib('shared/real', 'real'),
      ...lib('crates/plain', 'plain'),
    });
    const link = (rel: string, target: string) => fs.symlinkSync(target, path.join(repo.dir, rel));
    link('crates/link', '../shared/real');
    link('crates/again', 'plain');
    link('crates/evil', path.relative(path.join(repo.dir, 'crates'), outside));
    link('crates/abs', outside);
    link('crates/loop', 'loop');
    repo.commit('links');
    return { repo, outside };
  }

  async function check(tree: SourceTree): Promise<void> {
    const rec = new RecordingTree(tree);
    const ws = await discoverWorkspace(rec, DEFAULT_LIMITS);
    expect(summary(ws)).toEqual(['plain crates/plain member', 'real shared/real member']);
    expect(
      ws.diagnostics.map((d) => `${d.code} ${d.message.includes('symbolic link that leads outside')}`),
    ).toEqual(['package-outside true', 'package-outside true']);
    expect(ws.skipped.map((s) => s.dir).sort()).toEqual(['crates/abs', 'crates/evil']);
    expect(rec.reads.filter((r) => /crates\/(evil|abs)/.test(r))).toEqual([]);
    const s = await extract(tree);
    expect(symbolsOf(s)).toEqual(['plain_fn', 'real_fn']);
    expect(fn(s, 'real_fn').file).toBe('shared/real/src/lib.rs');
    expect(JSON.stringify(s)).not.toContain('secret');
  }

  it('follows a link inside the repository and refuses links out of it (git revision)', async () => {
    const { repo, outside } = linkedRepo();
    const tree = await GitRevisionTree.open(repo.dir, 'HEAD');
    try {
      expect(await tree.stat('crates/link')).toBe('dir');
      expect(await tree.stat('crates/evil')).toBe('symlink');
      expect(await tree.realPath('crates/link/src/lib.rs')).toBe('shared/real/src/lib.rs');
      expect(await tree.realPath('crates/abs')).toBeNull();
      const viaLink = await tree.read('crates/link/src/lib.rs', 1000);
      expect(viaLink.ok && viaLink.text).toBe(EXPORT('real_fn'));
      const out = await tree.read('crates/evil/src/lib.rs', 1000);
      expect(out.ok ? 'read' : out.reason).toBe('outside');
      await check(tree);
    } finally {
      tree.close();
      repo.remove();
      removeDir(outside);
    }
  });

  it('does the same on disk', async () => {
    const { repo, outside } = linkedRepo();
    try {
      await check(await FileSystemTree.open(repo.dir));
    } finally {
      repo.remove();
      removeDir(outside);
    }
  });

  it('notices a change behind a linked package directory between two revisions', async () => {
    const repo = Repo.init();
    try {
      repo.write({ 'Cargo.toml': '[workspace]\nmembers = ["crates/link"]\n', ...lib('shared/real', 'real') });
      fs.mkdirSync(path.join(repo.dir, 'crates'));
      fs.symlinkSync('../shared/real', path.join(repo.dir, 'crates/link'));
      repo.commit('base');
      repo.commit('pr', { 'shared/real/src/lib.rs': EXPORT('real_fn') + EXPORT('real_new') });
      const a = await analyseDiff({ root: repo.dir, base: 'HEAD~1', head: 'HEAD', features: DEFAULT });
      expect(a.report.changes.map((c) => `${c.rule} ${c.name} ${c.file}`)).toEqual([
        'function-added real_new shared/real/src/lib.rs',
      ]);
    } finally {
      repo.remove();
    }
  });
});

describe('packages outside the root workspace', () => {
  const FILES: Record<string, string> = {
    'Cargo.toml': '[workspace]\nmembers = ["core"]\nexclude = ["excluded"]\n',
    ...lib('core', 'core'),
    // a cdylib nobody depends on: analysed
    ...lib(
      'bindings/c',
      'core-c',
      '\n[lib]\ncrate-type = ["cdylib"]\n\n[dependencies]\nglue = { path = "../glue" }\n',
    ),
    ...lib('bindings/glue', 'glue'),
    // excluded from the root workspace, but a staticlib: analysed
    ...lib('excluded/static', 'static-one', '\n[lib]\ncrate-type = ["staticlib"]\n'),
    // a plain library nobody depends on: Cargo would not build it from here, not analysed
    ...lib('tools/plainlib', 'plainlib'),
    // a nested workspace with a staticlib member: all its packages
    'nested/Cargo.toml': '[workspace]\nmembers = ["ffi", "util"]\n\n[workspace.package]\nversion = "7.0.0"\n',
    'nested/ffi/Cargo.toml':
      '[package]\nname = "nested-ffi"\nversion.workspace = true\n\n[lib]\ncrate-type = ["staticlib", "rlib"]\n',
    'nested/ffi/src/lib.rs': EXPORT('nested_ffi_fn'),
    ...lib('nested/util', 'nested-util'),
    // a nested workspace of plain libraries: not analysed
    'other-ws/Cargo.toml': '[workspace]\nmembers = ["a"]\n',
    ...lib('other-ws/a', 'other-a'),
    // build output and dependencies' sources are never searched
    ...lib('target/debug/build/x', 'in-target', '\n[lib]\ncrate-type = ["cdylib"]\n'),
    ...lib('node_modules/pkg/native', 'in-node-modules', '\n[lib]\ncrate-type = ["cdylib"]\n'),
  };

  it('analyses standalone cdylib/staticlib packages and nested workspaces that build one', async () => {
    const ws = await discover(FILES);
    expect(summary(ws)).toEqual([
      'core core member',
      'core-c bindings/c standalone',
      'glue bindings/glue path-dependency',
      'nested-ffi nested/ffi standalone',
      'nested-util nested/util standalone',
      'static-one excluded/static standalone',
    ]);
    expect(ws.crates.find((c) => c.name === 'nested-ffi')?.version).toBe('7.0.0');
    expect(ws.diagnostics).toEqual([]);
    expect(ws.skipped).toEqual([]);
  });

  it('finds a standalone cdylib when there is no root manifest at all', async () => {
    const ws = await discover({
      'README.md': 'hi\n',
      ...lib('rust/ffi', 'ffi', '\n[lib]\ncrate-type = ["cdylib"]\n'),
      ...lib('rust/plain', 'plain'),
    });
    expect(summary(ws)).toEqual(['ffi rust/ffi standalone']);
    expect(ws.diagnostics).toEqual([]);
    const none = await discover({ ...lib('rust/plain', 'plain') });
    expect(none.crates).toEqual([]);
    expect(codesOf(none)).toEqual(['no-manifest']);
  });

  it('lists an unreadable standalone manifest as skipped', async () => {
    const ws = await discover({
      ...lib('core', 'core'),
      'Cargo.toml': pkg('root'),
      'odd/Cargo.toml': '[package',
    });
    expect(ws.skipped).toEqual([
      { dir: 'odd', manifest: 'odd/Cargo.toml', name: null, reason: 'manifest is not valid TOML' },
    ]);
    expect(codesOf(ws)).toEqual(['manifest-invalid']);
  });
});

describe('members, exclude and default-members', () => {
  it('applies Cargo exclusion (path prefixes; a literal member wins) and validates default-members', async () => {
    const ws = await discover({
      'Cargo.toml': `[workspace]
members = ["crates/*", "crates/experimental/keep", "tools/**/ffi"]
exclude = ["crates/experimental", "crates/old"]
default-members = ["crates/a", "crates/nope", "tools/x/y/ffi"]
`,
      ...lib('crates/a', 'a'),
      ...lib('crates/old', 'old'),
      ...lib('crates/experimental', 'experimental'),
      ...lib('crates/experimental/keep', 'keep'),
      ...lib('tools/ffi', 'tools-ffi'),
      ...lib('tools/x/y/ffi', 'deep-ffi'),
      ...lib('tools/x/other', 'not-matched'),
    });
    expect(summary(ws)).toEqual([
      'a crates/a member',
      'deep-ffi tools/x/y/ffi member',
      'keep crates/experimental/keep member',
      'tools-ffi tools/ffi member',
    ]);
    expect(ws.diagnostics).toEqual([
      expect.objectContaining({
        code: 'default-member-not-member',
        message: expect.stringContaining('"crates/nope"'),
      }),
    ]);
  });

  it('lists packages it does not analyse as skipped, with the reason, and binary-only ones not at all', async () => {
    const files: Record<string, string> = {
      'Cargo.toml': '[workspace]\nmembers = ["c/*", "bad", "noname"]\n',
      'bad/Cargo.toml': '[package\n',
      'noname/Cargo.toml': '[package]\nversion = "1.0.0"\n',
      'c/bin/Cargo.toml': pkg('bin-only'),
      'c/bin/src/main.rs': 'fn main() {}\n',
    };
    for (let i = 0; i < 4; i++) Object.assign(files, lib(`c/k${i}`, `k${i}`));
    const ws = await discover(files, { maxCrates: 2 });
    expect(ws.crates.map((c) => c.name)).toEqual(['k0', 'k1']);
    expect(ws.skipped).toEqual([
      {
        dir: 'c/k2',
        manifest: 'c/k2/Cargo.toml',
        name: 'k2',
        reason: 'more than 2 crates (limits.maxCrates)',
      },
      {
        dir: 'c/k3',
        manifest: 'c/k3/Cargo.toml',
        name: 'k3',
        reason: 'more than 2 crates (limits.maxCrates)',
      },
      { dir: 'bad', manifest: 'bad/Cargo.toml', name: null, reason: 'manifest is not valid TOML' },
      { dir: 'noname', manifest: 'noname/Cargo.toml', name: null, reason: 'manifest has no package.name' },
    ]);
    expect(codesOf(ws).sort()).toEqual(['manifest-invalid', 'manifest-invalid', 'too-many-crates']);
  });

  it('keeps packages of the same name in different directories, with a diagnostic', async () => {
    const ws = await discover({
      'Cargo.toml': '[workspace]\nmembers = ["one", "two"]\n',
      ...lib('one', 'same'),
      ...lib('two', 'same'),
    });
    expect(summary(ws)).toEqual(['same one member', 'same two member']);
    expect(ws.diagnostics).toEqual([
      expect.objectContaining({
        code: 'duplicate-package-name',
        message: expect.stringContaining('one, two'),
      }),
    ]);
  });

  it('warns about a literal member or path dependency without a manifest, not about glob matches', async () => {
    const ws = await discover({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*", "gone"]\n',
      ...lib('crates/a', 'a', '\n[dependencies]\nmissing = { path = "../missing" }\n'),
      'crates/docs/README.md': 'not a package\n',
    });
    expect(summary(ws)).toEqual(['a crates/a member']);
    expect(ws.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual([
      'manifest-missing Cargo.toml',
      'manifest-missing crates/a/Cargo.toml',
    ]);
  });
});

describe('globs', () => {
  const reference = (pattern: string, name: string): boolean =>
    new RegExp(
      '^' +
        pattern
          .replace(/[.+^${}()|\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')
          .replace(/\[!/g, '[^') +
        '$',
    ).test(name);

  it('matches *, ?, [abc], [a-z] and [!a-z] like a regular expression would', () => {
    const m = (p: string, n: string) => matchGlobSegment(compileGlob(p), n);
    expect(m('*', '')).toBe(true);
    expect(m('crate-*', 'crate-ffi')).toBe(true);
    expect(m('crate-*', 'crate')).toBe(false);
    expect(m('?x', 'ax')).toBe(true);
    expect(m('?x', 'x')).toBe(false);
    expect(m('[abc]*', 'beta')).toBe(true);
    expect(m('[abc]*', 'delta')).toBe(false);
    expect(m('v[0-9]', 'v7')).toBe(true);
    expect(m('[!a-z]*', 'Zed')).toBe(true);
    expect(m('[!a-z]*', 'zed')).toBe(false);
    expect(m('[]]', ']')).toBe(true);
    expect(m('a[', 'a[')).toBe(true);
    expect(m('*.rs', 'é.rs')).toBe(true);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ab*?]{0,8}$/),
        fc.stringMatching(/^[ab]{0,10}$/),
        (p, n) => matchGlobSegment(compileGlob(p), n) === reference(p, n),
      ),
      { numRuns: 2000 },
    );
  });

  it('matches thirty `*a` against a 200-character name in bounded steps', async () => {
    const pattern = '*a'.repeat(30);
    const files: Record<string, string> = {
      'Cargo.toml': `[workspace]\nmembers = ["crates/${pattern}"]\n`,
      ...lib(`crates/${'a'.repeat(200)}`, 'many-a'),
      ...lib(`crates/${'a'.repeat(199)}b`, 'ends-in-b'),
      ...lib(`crates/${'a'.repeat(29)}`, 'too-few'),
    };
    const ws = await discover(files);
    expect(ws.crates.map((c) => c.name)).toEqual(['many-a']);
    // at most (tokens + 1) × (name + 1) steps per name: 61 × 201 each
    expect(ws.stats.globSteps).toBeGreaterThan(0);
    expect(ws.stats.globSteps).toBeLessThanOrEqual(3 * 61 * 201);
    expect(ws.stats.dirsListed).toBe(1);
    const counter = { steps: 0 };
    expect(matchGlobSegment(compileGlob(pattern), `${'a'.repeat(199)}b`, counter)).toBe(false);
    expect(counter.steps).toBeLessThanOrEqual(61 * 201);
  });

  it('refuses a glob segment longer than 1024 characters', async () => {
    const ws = await discover({
      'Cargo.toml': `[workspace]\nmembers = ["${'*'.repeat(1025)}x"]\n`,
      ...lib('ax', 'ax'),
    });
    expect(ws.crates).toEqual([]);
    expect(codesOf(ws)).toEqual(['glob-invalid']);
  });

  it('counts directories listed for `**`', async () => {
    const ws = await discover({
      'Cargo.toml': '[workspace]\nmembers = ["p/**"]\n',
      ...lib('p/a', 'pa'),
      ...lib('p/a/b', 'pab'),
      ...lib('p/.hidden/c', 'hidden'),
      ...lib('p/target/d', 'in-target'),
    });
    expect(ws.crates.map((c) => c.name)).toEqual(['pa', 'pab']);
    // p, p/a, p/a/src, p/a/b, p/a/b/src
    expect(ws.stats.dirsListed).toBe(5);
  });
});

describe('what a crate manifest says', () => {
  it('reads crate types, the library name and the targets not linked into the library', async () => {
    const ws = await discover({
      'Cargo.toml': '[workspace]\nmembers = ["full", "plain", "nobuild", "macro"]\n',
      'full/Cargo.toml': pkg(
        'full-crate',
        `build = "tools/build.rs"

[lib]
name = "ffi_core"
crate-type = ["cdylib", "rlib"]
path = "src/ffi.rs"

[[bin]]
name = "cli"
path = "cli/main.rs"

[[test]]
name = "it"
path = "it/all.rs"

[[example]]
name = "ex"
path = "ex/ex.rs"

[[bench]]
name = "perf"
path = "perf/p.rs"
`,
      ),
      'full/src/ffi.rs': EXPORT('full_fn'),
      'full/src/main.rs': 'fn main() {}\n',
      'full/src/bin/x.rs': 'fn main() {}\n',
      'full/tests/t.rs': '',
      'full/examples/e.rs': '',
      'full/benches/b.rs': '',
      'full/build.rs': 'fn main() {}\n',
      ...lib('plain', 'plain-crate'),
      'plain/build.rs': 'fn main() {}\n',
      ...lib('nobuild', 'nobuild', 'build = false\n'),
      'nobuild/build.rs': 'fn main() {}\n',
      ...lib('macro', 'my-macros', '\n[lib]\nproc-macro = true\n'),
    });
    expect(ws.diagnostics).toEqual([]);
    expect(ws.crates.map((c) => [c.name, c.libRoot, c.crateTypes, c.libName, c.otherTargets])).toEqual([
      [
        'full-crate',
        'full/src/ffi.rs',
        ['cdylib', 'rlib'],
        'ffi_core',
        [
          'full/benches',
          'full/cli/main.rs',
          'full/ex/ex.rs',
          'full/examples',
          'full/it/all.rs',
          'full/perf/p.rs',
          'full/src/bin',
          'full/src/main.rs',
          'full/tests',
          'full/tools/build.rs',
        ],
      ],
      ['my-macros', 'macro/src/lib.rs', ['proc-macro'], 'my_macros', []],
      ['nobuild', 'nobuild/src/lib.rs', ['lib'], 'nobuild', []],
      ['plain-crate', 'plain/src/lib.rs', ['lib'], 'plain_crate', ['plain/build.rs']],
    ]);
  });
});
