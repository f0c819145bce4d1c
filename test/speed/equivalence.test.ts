/**
 * Diff equivalence under random edits (issue 19, item 3: "results identical to the full path").
 *
 * A seeded sequence of commits on a generated multi-crate workspace, each commit making one to
 * three edits chosen among every kind of entry in a crate's read-set: a workspace member, a path
 * dependency, a feature, a `mod` declaration, a cfg on a module, a macro definition, an
 * `include!` target, a `#[path]` target, build.rs, .cargo/config.toml, cbindgen.toml, a C header,
 * an exported function, a repr type an export uses, a proc-macro crate. Between consecutive
 * commits, `diff` runs as the CLI runs it (in-process, through `run`), and its report must equal
 * the report built from two independent full extractions of the two revisions (fresh trees, no
 * shared cache or reads, the same findings and consumers' check). Today both paths share the
 * engine; when `diff` becomes incremental, this keeps guarding that it answers the same.
 */
import { run } from '../../src/cli/run';
import { extractSurface } from '../../src/core/extract/extract-surface';
import { buildReport } from '../../src/core/diff/build-report';
import { surfaceDigest } from '../../src/core/digest';
import type { FeatureSelection, Surface } from '../../src/core/model';
import type { DiffReport } from '../../src/core/report';
import { applyScope } from '../../src/core/scope';
import { GitRevisionTree } from '../../src/adapters/git-revision-tree';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { loadCParser, loadGoParser } from '../../src/adapters/consumer-parsers';
import { computeReportFindings } from '../../src/app/findings';
import { readConsumers, withConsumerView } from '../../src/app/consumers';
import { Repo } from '../diff/git-fixture';
import { rng } from '../support/rng';

/** The variable parts of the workspace; `render` writes the files from them. */
interface State {
  memberC: boolean;
  depOnB: 'none' | 'path' | 'path-features';
  defaultFeatures: 'fa' | 'none' | 'fa-fb';
  modM2: boolean;
  gatedCfg: 'fa' | 'fb' | 'none';
  macroParam: 'i32' | 'i64' | 'ptr';
  macroNoMangle: boolean;
  includeVersion: number;
  pathTarget: 'p' | 'q';
  pathExtra: boolean;
  buildCfg: boolean;
  configCfg: boolean;
  cbindgenPrefix: boolean;
  headerParam: 'int32_t' | 'int64_t';
  exportRet: 'i32' | 'u64';
  exportExtra: boolean;
  reprField: 'i32' | 'i64' | 'f64';
  reprPacked: boolean;
  procMacroExport: boolean;
  procMacro: boolean;
  bExport: number;
}

const INITIAL: State = {
  memberC: false,
  depOnB: 'path',
  defaultFeatures: 'fa',
  modM2: false,
  gatedCfg: 'fa',
  macroParam: 'i32',
  macroNoMangle: true,
  includeVersion: 0,
  pathTarget: 'p',
  pathExtra: false,
  buildCfg: false,
  configCfg: false,
  cbindgenPrefix: false,
  headerParam: 'int32_t',
  exportRet: 'i32',
  exportExtra: false,
  reprField: 'i32',
  reprPacked: false,
  procMacroExport: false,
  procMacro: true,
  bExport: 0,
};

const fn = (name: string, params = '', ret = 'i32') =>
  `#[no_mangle]\npub extern "C" fn ${name}(${params}) -> ${ret} {\n    Default::default()\n}\n`;

/** Every file of the workspace for a state (null: the file does not exist). */
function render(s: State): Record<string, string | null> {
  const members = ['crates/a', 'crates/b', 'crates/pm', ...(s.memberC ? ['crates/c'] : [])];
  const dep =
    s.depOnB === 'none'
      ? ''
      : s.depOnB === 'path'
        ? 'b = { path = "../b" }\n'
        : 'b = { path = "../b", features = ["extra"] }\n';
  const defaults = { fa: '["fa"]', none: '[]', 'fa-fb': '["fa", "fb"]' }[s.defaultFeatures];
  const gated = s.gatedCfg === 'none' ? '' : `#[cfg(feature = "${s.gatedCfg}")]\n`;
  const macroParam = { i32: 'x: i32', i64: 'x: i64', ptr: 'x: *const u8' }[s.macroParam];
  return {
    'Cargo.toml': `[workspace]\nresolver = "2"\nmembers = [${members.map((m) => `"${m}"`).join(', ')}]\n`,
    '.cargo/config.toml': s.configCfg ? '[build]\nrustflags = ["--cfg", "fsg_cfg"]\n' : '[build]\njobs = 2\n',
    'crates/a/Cargo.toml':
      `[package]\nname = "a"\nversion = "1.0.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib", "rlib"]\n\n` +
      `[dependencies]\n${dep}\n[features]\ndefault = ${defaults}\nfa = []\nfb = []\n`,
    'crates/a/build.rs': s.buildCfg
      ? 'fn main() {\n    println!("cargo:rustc-cfg=fsg_built");\n}\n'
      : 'fn main() {\n    println!("cargo:rerun-if-changed=build.rs");\n}\n',
    'crates/a/cbindgen.toml': s.cbindgenPrefix
      ? 'language = "C"\n\n[export]\nprefix = "A_"\n'
      : 'language = "C"\n',
    'crates/a/include/a.h': `#include <stdint.h>\n\nint32_t a_core(${s.headerParam} x);\nint32_t a_point_len(const struct Point *p);\n`,
    'crates/a/src/lib.rs':
      `//! Crate a.\n#[macro_use]\nmod macros;\nmod m1;\n${s.modM2 ? 'mod m2;\n' : ''}${gated}mod gated;\n` +
      `#[path = "other/${s.pathTarget}.rs"]\nmod other;\n#[cfg(fsg_built)]\nmod built;\n#[cfg(fsg_cfg)]\nmod configured;\n\n` +
      `include!("generated.rs");\n\nmake_export!(a_made_one);\nmake_export!(a_made_two);\n\n` +
      `#[repr(C${s.reprPacked ? ', packed' : ''})]\npub struct Point {\n    pub x: ${s.reprField},\n    pub y: ${s.reprField},\n}\n\n` +
      `#[no_mangle]\npub extern "C" fn a_point_len(p: *const Point) -> i32 {\n    let _ = p;\n    0\n}\n`,
    'crates/a/src/macros.rs':
      `macro_rules! make_export {\n    ($name:ident) => {\n${s.macroNoMangle ? '        #[no_mangle]\n' : ''}` +
      `        pub extern "C" fn $name(${macroParam}) -> i32 {\n            let _ = x;\n            0\n        }\n    };\n}\n`,
    'crates/a/src/m1.rs':
      fn('a_core', 'x: i32', s.exportRet) + (s.exportExtra ? '\n' + fn('a_extra', 'flags: u32') : ''),
    'crates/a/src/m2.rs': fn('a_from_m2', 'p: *mut u8'),
    'crates/a/src/gated.rs': fn('a_gated'),
    'crates/a/src/built.rs': fn('a_built'),
    'crates/a/src/configured.rs': fn('a_configured'),
    'crates/a/src/generated.rs': fn(`a_generated_v${s.includeVersion}`, 'n: usize'),
    'crates/a/src/other/p.rs': fn('a_other_p') + (s.pathExtra ? '\n' + fn('a_other_p_extra') : ''),
    'crates/a/src/other/q.rs': fn('a_other_q', 'x: u8'),
    'crates/b/Cargo.toml':
      '[package]\nname = "b"\nversion = "0.3.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib", "rlib"]\n\n[features]\nextra = []\n',
    'crates/b/src/lib.rs':
      fn('b_base', 'x: u32') +
      `\n#[cfg(feature = "extra")]\n${fn('b_extra')}` +
      (s.bExport > 0 ? `\n${fn(`b_added_${s.bExport}`, 'p: *const u8, n: usize')}` : ''),
    'crates/pm/Cargo.toml': `[package]\nname = "pm"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\n${s.procMacro ? 'proc-macro = true\n' : ''}`,
    'crates/pm/src/lib.rs':
      `//! A proc-macro crate.\npub fn helper() -> u32 {\n    1\n}\n` +
      (s.procMacroExport ? `\n${fn('pm_export')}` : ''),
    'crates/c/Cargo.toml': s.memberC
      ? '[package]\nname = "c"\nversion = "2.0.0"\nedition = "2021"\n\n[dependencies]\na = { path = "../a", default-features = false }\n'
      : null,
    'crates/c/src/lib.rs': s.memberC ? fn('c_only', 'v: f64', 'f64') : null,
  };
}

type Edit = (s: State, r: () => number) => void;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** One edit per kind of read-set entry (and the exports themselves). */
const EDITS: Record<string, Edit> = {
  'workspace member': (s) => void (s.memberC = !s.memberC),
  'path dependency': (s, r) => void (s.depOnB = pick(r, ['none', 'path', 'path-features'] as const)),
  feature: (s, r) => void (s.defaultFeatures = pick(r, ['fa', 'none', 'fa-fb'] as const)),
  'mod declaration': (s) => void (s.modM2 = !s.modM2),
  'cfg on a module': (s, r) => void (s.gatedCfg = pick(r, ['fa', 'fb', 'none'] as const)),
  'macro definition': (s, r) => {
    if (r() < 0.5) s.macroNoMangle = !s.macroNoMangle;
    else s.macroParam = pick(r, ['i32', 'i64', 'ptr'] as const);
  },
  'include! target': (s) => void (s.includeVersion = (s.includeVersion + 1) % 3),
  '#[path] target': (s, r) => {
    if (r() < 0.5) s.pathTarget = s.pathTarget === 'p' ? 'q' : 'p';
    else s.pathExtra = !s.pathExtra;
  },
  'build.rs': (s) => void (s.buildCfg = !s.buildCfg),
  '.cargo/config.toml': (s) => void (s.configCfg = !s.configCfg),
  'cbindgen.toml': (s) => void (s.cbindgenPrefix = !s.cbindgenPrefix),
  'C header': (s) => void (s.headerParam = s.headerParam === 'int32_t' ? 'int64_t' : 'int32_t'),
  'exported fn': (s, r) => {
    if (r() < 0.5) s.exportRet = s.exportRet === 'i32' ? 'u64' : 'i32';
    else s.exportExtra = !s.exportExtra;
  },
  'repr type used by an export': (s, r) => {
    if (r() < 0.6) s.reprField = pick(r, ['i32', 'i64', 'f64'] as const);
    else s.reprPacked = !s.reprPacked;
  },
  'proc-macro crate': (s, r) => {
    if (r() < 0.5) s.procMacroExport = !s.procMacroExport;
    else s.procMacro = !s.procMacro;
  },
  'another crate': (s) => void (s.bExport = (s.bExport + 1) % 4),
};

const FEATURES: FeatureSelection = { mode: 'default', features: [] };
const COMMITS = 30;

/** The diff report from two independent full extractions, composed as the CLI's diff composes it. */
async function fullPathReport(dir: string, baseSha: string, headSha: string): Promise<DiffReport> {
  const parser = await loadRustParser();
  const baseTree = await GitRevisionTree.open(dir, baseSha);
  const headTree = await GitRevisionTree.open(dir, headSha);
  try {
    const digest = (x: Surface) => surfaceDigest(x.crates);
    const base = applyScope(
      await extractSurface(baseTree, parser, { features: FEATURES }),
      undefined,
      digest,
    );
    const head = applyScope(
      await extractSurface(headTree, parser, { features: FEATURES, testCoverage: true }),
      undefined,
      digest,
    );
    const findings = computeReportFindings();
    const report = buildReport(base, head, { findings });
    const view = await readConsumers(
      headTree,
      head,
      base,
      { c: loadCParser, go: loadGoParser },
      {},
      baseTree,
    );
    return withConsumerView(report, view, { findings: true });
  } finally {
    baseTree.close();
    headTree.close();
  }
}

async function cliDiff(dir: string, base: string, head: string): Promise<DiffReport> {
  const r = await run(['diff', '--root', dir, '--base', base, '--head', head, '--format', 'json']);
  if (r.exitCode !== 0) throw new Error(`diff ${base}..${head}: ${r.error ?? r.stdout}`);
  return JSON.parse(r.stdout) as DiffReport;
}

let repo: Repo;
afterAll(() => repo?.remove());

it(`diff equals the diff of two full extractions over ${COMMITS} random commits touching every read-set kind`, async () => {
  const r = rng(19);
  const state: State = { ...INITIAL };
  repo = Repo.init();
  repo.commit('initial', render(state));
  const kinds = Object.keys(EDITS);
  const used = new Map<string, number>();
  let previous = repo.sha('HEAD');
  let changed = 0;
  for (let i = 0; i < COMMITS; i++) {
    // the first commits walk every kind once, in a shuffled order; later ones pick at random
    const n = 1 + Math.floor(r() * 3);
    const chosen = i < kinds.length ? [kinds[(i * 7) % kinds.length]] : [];
    while (chosen.length < n) chosen.push(pick(r, kinds));
    for (const k of chosen) {
      EDITS[k](state, r);
      used.set(k, (used.get(k) ?? 0) + 1);
    }
    const sha = repo.commit(`edit ${i}: ${chosen.join(', ')}`, render(state));
    const incremental = await cliDiff(repo.dir, previous, sha);
    const full = JSON.parse(JSON.stringify(await fullPathReport(repo.dir, previous, sha))) as DiffReport;
    expect([i, chosen, incremental]).toEqual([i, chosen, full]);
    if (incremental.changes.length > 0) changed++;
    previous = sha;
  }
  // the harness did its work: every kind of edit made, and most commits changed the surface
  expect([...used.keys()].sort()).toEqual([...kinds].sort());
  expect(changed).toBeGreaterThan(COMMITS / 3);
});
