/**
 * Crate-level reuse within one diff run (crate-memo.ts): the head takes the base's extraction of
 * a crate whose every tree question gets the same answer — and the result is exactly what two
 * independent extractions give, on real git histories and on seeded random edit sequences that
 * touch every kind of read-set entry (module files, `mod` resolution, `#[path]` and `include!`
 * targets, macro definitions, cfgs on modules, manifests, cbindgen.toml, build scripts, links).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseDiff } from '../../src/app/analyse-diff';
import { GitRevisionTree } from '../../src/adapters/git-revision-tree';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { buildReport } from '../../src/core/diff/build-report';
import { CrateMemo, RecordingTree } from '../../src/core/extract/crate-memo';
import type { RustParser } from '../../src/core/extract/extract-crate';
import { extractSurface } from '../../src/core/extract/extract-surface';
import { ScanCache } from '../../src/core/extract/scan-cache';
import type { FeatureSelection, Surface } from '../../src/core/model';
import { MemoryTree, SourceTree } from '../../src/core/source-tree';
import { exportFn, MANIFEST, removeDir, Repo } from '../diff/git-fixture';
import { rng } from '../support/rng';

const DEFAULT: FeatureSelection = { mode: 'default', features: [] };

/** Counts the texts parsed. */
class CountingParser implements RustParser {
  parses = 0;
  constructor(private readonly inner: RustParser) {}
  parse(text: string, origin?: string): ReturnType<RustParser['parse']> {
    this.parses++;
    return this.inner.parse(text, origin);
  }
}

let parser: RustParser;
beforeAll(async () => {
  parser = await loadRustParser();
});

const MACROS = (ret: string) =>
  `macro_rules! getter {\n    ($name:ident, $v:expr) => {\n        #[no_mangle]\n        pub extern "C" fn $name() -> ${ret} { $v }\n    };\n}\n`;

const ALPHA_LIB = (cfg: string) =>
  '#[macro_use]\nmod macros;\nmod ffi;\nmod gen;\nmod late;\n#[path = "other/p.rs"]\nmod p;\n' +
  `#[cfg(${cfg})]\nmod extra;\ninclude!("inc.rs");\n` +
  '#[repr(C)]\npub struct AlphaPoint {\n    pub x: i32,\n}\n' +
  exportFn('alpha_root', 'p: *const AlphaPoint');

/** Two crates; alpha reads every kind of file the extraction can depend on. */
const BASE: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["alpha", "beta"]\n',
  'README.md': 'demo\n',
  'alpha/Cargo.toml': `${MANIFEST('alpha')}\n[features]\ndefault = []\nextra = []\n`,
  'alpha/build.rs': 'fn main() {}\n',
  'alpha/cbindgen.toml': '[export.rename]\n"AlphaPoint" = "alpha_point_t"\n',
  'alpha/src/lib.rs': ALPHA_LIB('feature = "extra"'),
  'alpha/src/macros.rs': MACROS('u32'),
  'alpha/src/ffi.rs': exportFn('alpha_ffi'),
  'alpha/src/gen.rs': 'getter!(alpha_get, 1);\n',
  'alpha/src/other/p.rs': exportFn('alpha_p'),
  'alpha/src/extra.rs': exportFn('alpha_extra'),
  'alpha/src/inc.rs': exportFn('alpha_inc'),
  'beta/Cargo.toml': MANIFEST('beta', '0.2.0'),
  'beta/src/lib.rs': 'mod link;\n' + exportFn('beta_root'),
  'shared/l.rs': exportFn('beta_linked'),
};

async function full(tree: SourceTree, testCoverage = false): Promise<Surface> {
  return extractSurface(tree, parser, { features: DEFAULT, testCoverage });
}

describe('the recording tree', () => {
  it('records every question with its answer, and offers realPath only when the tree does', async () => {
    const rec = new RecordingTree(new MemoryTree({ 'a.rs': 'x', 'd/b.rs': 'y' }));
    expect(rec.realPath).toBeUndefined();
    await rec.read('a.rs', 10);
    await rec.stat('d');
    await rec.list('d');
    await rec.read('nope.rs', 10);
    expect(rec.calls.map((c) => `${c.op} ${'path' in c ? c.path : ''}`)).toEqual([
      'read a.rs',
      'stat d',
      'list d',
      'read nope.rs',
    ]);
    expect(rec.failed).toBe(false);
  });
});

describe('crate reuse between two trees (one run)', () => {
  /** Base then head with one memo and one scan cache; each compared with an independent extraction. */
  async function both(base: Record<string, string>, head: Record<string, string>) {
    const memo = new CrateMemo();
    const cache = new ScanCache();
    const counting = new CountingParser(parser);
    const b = await extractSurface(new MemoryTree(base), counting, {
      features: DEFAULT,
      scanCache: cache,
      crateMemo: memo,
    });
    const baseParses = counting.parses;
    const h = await extractSurface(new MemoryTree(head), counting, {
      features: DEFAULT,
      testCoverage: true,
      scanCache: cache,
      crateMemo: memo,
    });
    expect(b).toEqual(await full(new MemoryTree(base)));
    expect(h).toEqual(await full(new MemoryTree(head), true));
    return { memo, headParses: counting.parses - baseParses, b, h };
  }

  it('an unchanged tree reuses every crate and parses nothing', async () => {
    const { memo, headParses } = await both(BASE, BASE);
    expect(memo.stats.reusedCrates.sort()).toEqual(['alpha', 'beta']);
    expect(memo.stats.extracted).toBe(2);
    expect(headParses).toBe(0);
  });

  const edits: [string, Record<string, string | null>, string[]][] = [
    ['a module file', { 'alpha/src/ffi.rs': exportFn('alpha_ffi') + exportFn('alpha_new') }, ['beta']],
    ['a missing module file appears', { 'alpha/src/late.rs': exportFn('alpha_late') }, ['beta']],
    [
      'a module moves to mod.rs',
      { 'alpha/src/ffi.rs': null, 'alpha/src/ffi/mod.rs': exportFn('alpha_ffi') },
      ['beta'],
    ],
    ['a #[path] target', { 'alpha/src/other/p.rs': exportFn('alpha_p', '', 'u8') }, ['beta']],
    ['an include! target', { 'alpha/src/inc.rs': exportFn('alpha_inc2') }, ['beta']],
    ['a macro definition', { 'alpha/src/macros.rs': MACROS('u64') }, ['beta']],
    ['a cfg on a module', { 'alpha/src/lib.rs': ALPHA_LIB('not(feature = "extra")') }, ['beta']],
    [
      'a manifest',
      { 'alpha/Cargo.toml': `${MANIFEST('alpha')}\n[features]\ndefault = ["extra"]\nextra = []\n` },
      ['beta'],
    ],
    ['cbindgen.toml', { 'alpha/cbindgen.toml': '[export.rename]\n"AlphaPoint" = "ap_t"\n' }, ['beta']],
    ['another crate', { 'beta/src/lib.rs': 'mod link;\n' + exportFn('beta_root', '', 'u16') }, ['alpha']],
    // the engine reads no build script and no README: what the library exports does not depend on them
    ['a build script', { 'alpha/build.rs': 'fn main() { println!("x"); }\n' }, ['alpha', 'beta']],
    ['a file of no crate', { 'README.md': 'changed\n' }, ['alpha', 'beta']],
  ];
  it.each(edits)('%s: only the crates it cannot affect are reused', async (_what, change, reused) => {
    const head: Record<string, string> = { ...BASE };
    for (const [k, v] of Object.entries(change))
      if (v === null) delete head[k];
      else head[k] = v;
    const { memo, b, h } = await both(BASE, head);
    expect(memo.stats.reusedCrates.sort()).toEqual(reused);
    if (!reused.includes('alpha')) {
      expect(h.crates[0]).not.toEqual(b.crates[0]); // the edit shows
      // the unchanged texts of a crate extracted again are not lexed again for the accounting,
      // unless its cfg environment changed
      const sameEnv = h.crates[0].features.join() === b.crates[0].features.join();
      expect(memo.stats.sharedCensuses > 0).toBe(sameEnv);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Real git histories: seeded random edit sequences, each commit pair diffed through analyseDiff
// (incremental) and through two independent extractions (full)

type Edit = (repo: Repo, r: () => number, n: number) => void;

const flip = (repo: Repo, rel: string, a: string, b: string): void => {
  const p = path.join(repo.dir, rel);
  const now = fs.readFileSync(p, 'utf8');
  fs.writeFileSync(p, now.includes(a) ? now.replace(a, b) : now.replace(b, a));
};
const exists = (repo: Repo, rel: string) => fs.existsSync(path.join(repo.dir, rel));

/** One edit of each kind of read-set entry (`n` makes names unique). */
const KINDS: Record<string, Edit> = {
  moduleText: (repo, _r, n) => {
    const file = exists(repo, 'alpha/src/ffi.rs') ? 'alpha/src/ffi.rs' : 'alpha/src/ffi/mod.rs';
    repo.write({ [file]: repo.read(file) + exportFn(`alpha_f${n}`) });
  },
  missingModule: (repo) =>
    repo.write({ 'alpha/src/late.rs': exists(repo, 'alpha/src/late.rs') ? null : exportFn('alpha_late') }),
  moveModule: (repo) => {
    const [from, to] = exists(repo, 'alpha/src/ffi.rs')
      ? ['alpha/src/ffi.rs', 'alpha/src/ffi/mod.rs']
      : ['alpha/src/ffi/mod.rs', 'alpha/src/ffi.rs'];
    repo.write({ [to]: repo.read(from), [from]: null });
  },
  pathTarget: (repo, r) =>
    repo.write({ 'alpha/src/other/p.rs': exportFn('alpha_p', '', r() < 0.5 ? 'u8' : 'i64') }),
  includeTarget: (repo, _r, n) => repo.write({ 'alpha/src/inc.rs': exportFn(`alpha_inc${n}`) }),
  macroDefinition: (repo) => flip(repo, 'alpha/src/macros.rs', '-> u32', '-> u64'),
  macroInvocation: (repo, _r, n) =>
    repo.write({ 'alpha/src/gen.rs': repo.read('alpha/src/gen.rs') + `getter!(alpha_g${n}, ${n});\n` }),
  moduleCfg: (repo) =>
    flip(repo, 'alpha/src/lib.rs', '#[cfg(feature = "extra")]', '#[cfg(not(feature = "extra"))]'),
  manifest: (repo) => flip(repo, 'alpha/Cargo.toml', 'default = []', 'default = ["extra"]'),
  cbindgen: (repo) => flip(repo, 'alpha/cbindgen.toml', '"alpha_point_t"', '"ap_t"'),
  buildScript: (repo, _r, n) => repo.write({ 'alpha/build.rs': `fn main() { let _ = ${n}; }\n` }),
  linkTarget: (repo, _r, n) => repo.write({ 'shared/l.rs': exportFn(`beta_linked${n}`) }),
  otherCrate: (repo, _r, n) => repo.write({ 'beta/src/lib.rs': 'mod link;\n' + exportFn(`beta_root${n}`) }),
  unrelated: (repo, _r, n) => repo.write({ 'README.md': `readme ${n}\n` }),
};

function makeRepo(): Repo {
  const repo = Repo.init();
  repo.write(BASE);
  fs.rmSync(path.join(repo.dir, 'shared/l.rs'));
  repo.write({ 'shared/l.rs': BASE['shared/l.rs'] });
  // beta's `mod link;` is a symbolic link to a file outside the crate: its target can change
  // while the link's own blob stays the same
  fs.symlinkSync('../../shared/l.rs', path.join(repo.dir, 'beta/src/link.rs'));
  repo.commit('initial');
  return repo;
}

async function compareIncrementalWithFull(repo: Repo, base: string, head: string) {
  const memo = new CrateMemo();
  const counting = new CountingParser(parser);
  const a = await analyseDiff({
    root: repo.dir,
    base,
    head,
    useMergeBase: false,
    features: DEFAULT,
    parser: counting,
    crateMemo: memo,
    consumers: false,
  });
  const bt = await GitRevisionTree.open(repo.dir, base);
  const ht = await GitRevisionTree.open(repo.dir, head);
  try {
    const fullBase = await full(bt);
    const fullHead = await full(ht, true);
    expect(a.base).toEqual(fullBase);
    expect(a.head).toEqual(fullHead);
    expect(a.report).toEqual(buildReport(fullBase, fullHead));
  } finally {
    bt.close();
    ht.close();
  }
  return memo.stats;
}

describe('incremental and full diffs agree on real git histories', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = makeRepo();
  });
  afterAll(() => removeDir(repo.dir));

  it('each kind of read-set edit, committed alone', async () => {
    let prev = repo.sha('HEAD');
    let n = 0;
    const reusedAlpha: string[] = [];
    for (const [kind, edit] of Object.entries(KINDS)) {
      edit(repo, rng(n), n);
      const next = repo.commit(kind);
      const stats = await compareIncrementalWithFull(repo, prev, next);
      if (stats.reusedCrates.includes('alpha')) reusedAlpha.push(kind);
      // beta reads only its own files and the link's target
      expect([kind, stats.reusedCrates.includes('beta')]).toEqual([
        kind,
        kind !== 'linkTarget' && kind !== 'otherCrate',
      ]);
      prev = next;
      n++;
    }
    // alpha is reused exactly when nothing it reads changed
    expect(reusedAlpha.sort()).toEqual(['buildScript', 'linkTarget', 'otherCrate', 'unrelated']);
  });

  it.each([1, 2, 3])('a seeded random sequence of edits (seed %i)', async (seed) => {
    const r = rng(seed);
    const kinds = Object.keys(KINDS);
    let prev = repo.sha('HEAD');
    let reused = 0;
    for (let step = 0; step < 6; step++) {
      // one to three edits per commit, of random kinds
      const count = 1 + Math.floor(r() * 3);
      const done: string[] = [];
      for (let k = 0; k < count; k++) {
        const kind = kinds[Math.floor(r() * kinds.length)];
        KINDS[kind](repo, r, seed * 100 + step * 10 + k);
        done.push(kind);
      }
      const next = repo.commit(done.join(' '));
      reused += (await compareIncrementalWithFull(repo, prev, next)).reused;
      prev = next;
    }
    expect(reused).toBeGreaterThan(0);
  });
});
