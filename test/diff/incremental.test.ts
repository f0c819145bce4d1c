/**
 * Incremental extraction (SPEC section 9): a diff's head re-parses only the files whose text
 * changed since the base, through a scan cache shared by both extractions — and the surfaces are
 * exactly the ones extracting without the cache gives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseDiff } from '../../src/app/analyse-diff';
import { GitRevisionTree } from '../../src/adapters/git-revision-tree';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { buildReport } from '../../src/core/diff/build-report';
import type { RustParser } from '../../src/core/extract/extract-crate';
import { extractSurface, ExtractOptions } from '../../src/core/extract/extract-surface';
import { ScanCache, SharedReads } from '../../src/core/extract/scan-cache';
import type { FeatureSelection, FunctionItem, Surface } from '../../src/core/model';
import { MemoryTree, SourceTree } from '../../src/core/source-tree';
import { exportFn, MANIFEST, Repo } from './git-fixture';

const DEFAULT: FeatureSelection = { mode: 'default', features: [] };
const ALL: FeatureSelection = { mode: 'all' };

/** Wraps the parser and records every text it is asked to parse. */
class CountingParser implements RustParser {
  readonly texts: string[] = [];
  constructor(private readonly inner: RustParser) {}
  parse(text: string): ReturnType<RustParser['parse']> {
    this.texts.push(text);
    return this.inner.parse(text);
  }
}

let parser: RustParser;
beforeAll(async () => {
  parser = await loadRustParser();
});

async function extract(
  tree: SourceTree,
  options: Partial<ExtractOptions> = {},
): Promise<{ surface: Surface; parsed: string[] }> {
  const counting = new CountingParser(parser);
  const surface = await extractSurface(tree, counting, { features: DEFAULT, testCoverage: true, ...options });
  return { surface, parsed: counting.texts };
}

const BOUNDARY = (catches: boolean) =>
  `macro_rules! ffi_guard {\n    ($($t:tt)*) => { ${catches ? 'match std::panic::catch_unwind(move || { $($t)* }) { Ok(v) => v, Err(_) => -1 }' : '{ $($t)* }'} };\n}\n`;

/** Two crates, module layouts of every kind, a crate macro, cfg_if, features, imports. */
const BASE: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
  'crates/alpha/Cargo.toml': `${MANIFEST('alpha')}\n[features]\ndefault = []\nextra = []\n`,
  'crates/alpha/src/lib.rs':
    BOUNDARY(true) +
    'macro_rules! getter {\n    ($name:ident, $v:expr) => {\n        #[no_mangle]\n        pub extern "C" fn $name() -> u32 { $v }\n    };\n}\n' +
    'mod plain;\nmod ffi;\nmod generated;\nmod platform;\npub mod nested;\n' +
    exportFn('alpha_root'),
  'crates/alpha/src/plain.rs': 'pub fn helper() -> u32 {\n    1\n}\n',
  'crates/alpha/src/ffi.rs':
    exportFn('alpha_ffi', 'p: *const u8, len: usize') +
    '#[cfg(feature = "extra")]\n' +
    exportFn('alpha_extra') +
    '#[repr(C)]\npub struct AlphaPoint {\n    pub x: i32,\n    pub y: i32,\n}\n' +
    '#[no_mangle]\npub extern "C" fn alpha_guarded(n: u32) -> i32 {\n    ffi_guard! { i32::try_from(n).unwrap() }\n}\n',
  'crates/alpha/src/generated.rs': 'getter!(alpha_get_one, 1);\ngetter!(alpha_get_two, 2);\n',
  'crates/alpha/src/platform.rs':
    'cfg_if::cfg_if! {\n    if #[cfg(unix)] {\n        #[no_mangle]\n        pub extern "C" fn alpha_unix() {}\n    } else {\n        #[no_mangle]\n        pub extern "C" fn alpha_other() {}\n    }\n}\n',
  'crates/alpha/src/nested/mod.rs': 'mod deep;\nmod same;\n',
  'crates/alpha/src/nested/same.rs': exportFn('same_text'),
  'crates/alpha/src/nested/deep.rs': exportFn('alpha_deep'),
  'crates/beta/Cargo.toml': MANIFEST('beta', '0.2.0'),
  'crates/beta/src/lib.rs':
    '#[path = "impl/x.rs"]\nmod x;\nmod same;\n#[cfg(unix)]\n#[path = "unix/same.rs"]\nmod same_unix;\n',
  'crates/beta/src/impl/x.rs':
    exportFn('beta_x') + 'unsafe extern "C" {\n    fn host_log(msg: *const u8);\n}\n',
  'crates/beta/src/same.rs': exportFn('same_text'),
  'crates/beta/src/unix/same.rs': exportFn('same_text'),
  'crates/beta/tests/it.rs': 'fn t() { beta_x(); }\n',
};

describe('the scan cache', () => {
  it('the head of a one-file change parses only that file, with identical results', async () => {
    const head = {
      ...BASE,
      'crates/beta/src/impl/x.rs': BASE['crates/beta/src/impl/x.rs'] + exportFn('beta_y'),
    };
    const cache = new ScanCache();
    const base = await extract(new MemoryTree(BASE), { scanCache: cache });
    expect(base.parsed.length).toBeGreaterThanOrEqual(10); // files and macro expansions
    const headRun = await extract(new MemoryTree(head), { scanCache: cache });
    expect(headRun.parsed).toEqual([
      head['crates/beta/src/impl/x.rs'].replace('unsafe extern', '       extern'),
    ]);

    // exactly what extraction without a cache gives, on both sides
    expect(base.surface).toEqual((await extract(new MemoryTree(BASE))).surface);
    expect(headRun.surface).toEqual((await extract(new MemoryTree(head))).surface);
    expect(buildReport(base.surface, headRun.surface).changes.map((c) => `${c.rule} ${c.name}`)).toEqual([
      'function-added beta_y',
    ]);
  });

  it('an unchanged tree parses nothing the second time', async () => {
    const cache = new ScanCache();
    const first = await extract(new MemoryTree(BASE), { scanCache: cache });
    const again = await extract(new MemoryTree(BASE), { scanCache: cache });
    expect(again.parsed).toEqual([]);
    expect(cache.stats.hits).toBe(first.parsed.length);
    expect(again.surface).toEqual(first.surface);
  });

  it('a changed macro definition re-parses its file and the expansions, not the invoking file', async () => {
    const lib = BASE['crates/alpha/src/lib.rs'].replace(
      'pub extern "C" fn $name() -> u32',
      'pub extern "C" fn $name() -> u64',
    );
    const head = { ...BASE, 'crates/alpha/src/lib.rs': lib };
    const cache = new ScanCache();
    await extract(new MemoryTree(BASE), { scanCache: cache });
    const headRun = await extract(new MemoryTree(head), { scanCache: cache });
    expect(headRun.parsed[0]).toBe(lib);
    expect(headRun.parsed.slice(1).map((t) => t.trim().split('\n').pop())).toEqual([
      '# [ no_mangle ] pub extern "C" fn alpha_get_one ( ) -> u64 { 1 }',
      '# [ no_mangle ] pub extern "C" fn alpha_get_two ( ) -> u64 { 2 }',
    ]);
    expect(headRun.parsed).not.toContain(BASE['crates/alpha/src/generated.rs']);
    expect(headRun.surface).toEqual((await extract(new MemoryTree(head))).surface);
  });

  it('the same text under other features, or at another path or module, is scanned again', async () => {
    const cache = new ScanCache();
    const plain = await extract(new MemoryTree(BASE), { scanCache: cache });
    const all = await extract(new MemoryTree(BASE), { scanCache: cache, features: ALL });
    expect(all.parsed).toContain(BASE['crates/alpha/src/ffi.rs']);
    expect(all.surface).toEqual((await extract(new MemoryTree(BASE), { features: ALL })).surface);
    const symbols = (s: Surface) =>
      s.crates.flatMap((c) =>
        c.items.flatMap((i) => (i.kind === 'function' ? [`${i.symbol} ${i.file} ${i.path}`] : [])),
      );
    expect(symbols(all.surface)).toContain('alpha_extra crates/alpha/src/ffi.rs crate::ffi');
    expect(symbols(plain.surface).filter((s) => s.startsWith('alpha_extra'))).toEqual([]);
    // the identical `same.rs` files keep their own paths, modules and cfgs
    const same = plain.surface.crates
      .flatMap((c) => c.items)
      .filter((i) => i.name === 'same_text')
      .map((i) => `${i.file} ${i.path} ${i.cfg}`);
    expect(same).toEqual([
      'crates/alpha/src/nested/same.rs crate::nested::same null',
      'crates/beta/src/same.rs crate::same null',
      'crates/beta/src/unix/same.rs crate::same_unix unix',
    ]);
  });

  it('hands out copies: what one extraction does to its items does not leak into the next', async () => {
    // base: ffi_guard catches unwinds, so the panic inside it is dropped from alpha_guarded's body;
    // head: it no longer does, and ffi.rs (a cache hit) must show the panic again
    const head = {
      ...BASE,
      'crates/alpha/src/lib.rs': BASE['crates/alpha/src/lib.rs'].replace(BOUNDARY(true), BOUNDARY(false)),
    };
    const guarded = (s: Surface) =>
      s.crates[0].items.find((i): i is FunctionItem => i.kind === 'function' && i.symbol === 'alpha_guarded');
    const cache = new ScanCache();
    const base = await extract(new MemoryTree(BASE), { scanCache: cache });
    const headRun = await extract(new MemoryTree(head), { scanCache: cache });
    expect(headRun.parsed).not.toContain(BASE['crates/alpha/src/ffi.rs']);
    expect(guarded(base.surface)?.body.panics).toEqual([]);
    expect(guarded(headRun.surface)?.body.panics.map((p) => p.what)).toEqual(['unwrap in ffi_guard!']);
    expect(headRun.surface).toEqual((await extract(new MemoryTree(head))).surface);
  });

  it('stays within its bounds', async () => {
    const cache = new ScanCache({ maxEntries: 3 });
    const first = await extract(new MemoryTree(BASE), { scanCache: cache });
    expect(cache.size).toBe(3);
    expect(cache.stats.evictions).toBe(first.parsed.length - 3);
    const again = await extract(new MemoryTree(BASE), { scanCache: cache });
    expect(again.surface).toEqual(first.surface);
  });
});

describe('shared reads', () => {
  it('serve unchanged paths from the other side, changed ones from their own tree', async () => {
    const base = new MemoryTree({ 'a.rs': 'base a', 'dir/b.rs': 'base b' });
    const head = new MemoryTree({ 'a.rs': 'head a', 'dir/b.rs': 'head b' });
    // a deliberately false claim that dir/b.rs did not change shows where the text comes from
    const shared = new SharedReads((p) => p === 'dir/b.rs');
    const b = shared.wrap(base);
    const hd = shared.wrap(head);
    expect(await b.read('a.rs', 100)).toMatchObject({ text: 'base a' });
    expect(await b.read('dir/b.rs', 100)).toMatchObject({ text: 'base b' });
    expect(await hd.read('a.rs', 100)).toMatchObject({ text: 'head a' });
    expect(await hd.read('dir/b.rs', 100)).toMatchObject({ text: 'base b' });
    expect(shared.reused).toBe(1);
  });
});

describe('analyseDiff between two commits', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = Repo.init();
    const files: Record<string, string> = {};
    for (const [p, text] of Object.entries(BASE)) files[p] = text;
    repo.commit('base', files);
    repo.commit('pr', {
      'crates/alpha/src/nested/deep.rs': BASE['crates/alpha/src/nested/deep.rs'] + exportFn('alpha_deeper'),
      'README.md': 'not Rust\n',
    });
  });
  afterAll(() => repo.remove());

  it('parses the base, then only the changed file; the report is the uncached one', async () => {
    const counting = new CountingParser(parser);
    const a = await analyseDiff({
      root: repo.dir,
      base: 'HEAD~1',
      head: 'HEAD',
      features: DEFAULT,
      parser: counting,
    });

    const uncached = async (rev: string, testCoverage: boolean) => {
      const c = new CountingParser(parser);
      const tree = await GitRevisionTree.open(repo.dir, rev);
      try {
        return {
          surface: await extractSurface(tree, c, { features: DEFAULT, testCoverage }),
          parses: c.texts.length,
        };
      } finally {
        tree.close();
      }
    };
    const base = await uncached('HEAD~1', false);
    const head = await uncached('HEAD', true);
    expect(counting.texts.length).toBe(base.parses + 1);
    expect(counting.texts[counting.texts.length - 1]).toBe(repo.read('crates/alpha/src/nested/deep.rs'));
    expect(a.base).toEqual(base.surface);
    expect(a.head).toEqual(head.surface);
    expect(a.report).toEqual(buildReport(base.surface, head.surface));
    expect(a.report.changes.map((c) => `${c.rule} ${c.name}`)).toEqual(['function-added alpha_deeper']);
  });

  it('a symbolic link whose target changed is read again, not shared', async () => {
    const r = Repo.init();
    try {
      r.write({
        'Cargo.toml': MANIFEST('linked'),
        'src/lib.rs': 'mod ffi;\n',
        'shared/ffi.rs': exportFn('linked_one'),
      });
      fs.symlinkSync(path.join('..', 'shared', 'ffi.rs'), path.join(r.dir, 'src', 'ffi.rs'));
      r.commit('base');
      r.commit('pr', { 'shared/ffi.rs': exportFn('linked_one') + exportFn('linked_two') });
      const a = await analyseDiff({ root: r.dir, base: 'HEAD~1', head: 'HEAD', features: DEFAULT });
      expect(a.report.changes.map((c) => `${c.rule} ${c.name} ${c.file}`)).toEqual([
        'function-added linked_two src/ffi.rs',
      ]);
    } finally {
      r.remove();
    }
  });
});
