/**
 * The accounting net (SPEC section 2, "Soundness"): every export attribute token of code linked
 * into the library and every macro the engine cannot expand is an extracted item or an unresolved
 * entry; inert text, code this build does not compile and trusted macros are not.
 */
import { diffSurfaces } from '../../src/core/diff/diff-surfaces';
import type { CrateSurface, Surface, UnresolvedEntry } from '../../src/core/model';
import { MemoryTree } from '../../src/core/source-tree';
import { extractSurface } from '../../src/core/extract/extract-surface';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { DEFAULT_LIMITS } from '../../src/core/limits';
import { crateFiles, DEFAULT_FEATURES, extractMemory } from '../support/extract';

/** A crate with dependencies, as a crate invoking their macros has: macros come only from them. */
const MANIFEST = [
  '[package]',
  'name = "demo"',
  'version = "1.0.0"',
  'edition = "2021"',
  '[dependencies]',
  'other = "1"',
  'exporter = "1"',
  'evil = "1"',
  'log = "0.4"',
  'serde = { version = "1", features = ["derive"] }',
  'tokio = "1"',
  'cfg-if = "1"',
  'our-macros = "1"',
  '',
].join('\n');

async function crateOf(lib: string, files: Record<string, string> = {}): Promise<CrateSurface> {
  const s = await extractMemory(crateFiles(lib, files, MANIFEST));
  return s.crates[0];
}

const reasons = (c: CrateSurface): string[] => (c.unresolved ?? []).map((u) => u.reason);
const symbols = (c: CrateSurface): string[] =>
  c.items.flatMap((i) => (i.kind === 'function' || i.kind === 'static' ? [i.symbol] : []));

/** [construct, source of src/lib.rs, expected reason, expected line] */
const FLAGGED: [string, string, string, number][] = [
  [
    'an exporting macro no rule of which matches',
    'macro_rules! m { (a) => { #[no_mangle] extern "C" fn g() {} } }\nm!(b);',
    'unmatched-macro',
    2,
  ],
  [
    'an export in the argument of a std macro the engine does not read',
    'pub fn f(x: u8) -> bool {\n  matches!(x, _ if { #[no_mangle] extern "C" fn g() {} true })\n}',
    'macro-input',
    2,
  ],
  ['include! of a build script output', 'include!(concat!(env!("OUT_DIR"), "/gen.rs"));', 'include', 1],
  ['include! of a missing file', 'include!("missing.rs");', 'include', 1],
  ['global_asm!', 'core::arch::global_asm!(".globl g", "g: ret");', 'global-asm', 1],
  [
    'asm! whose template defines a global symbol',
    'pub fn f() { unsafe { core::arch::asm!(".globl g", "g: ret") } }',
    'inline-asm',
    1,
  ],
  ['#[test] imported from another crate', 'use evil::test;\n#[test] fn t() {}', 'attribute-macro', 2],
  [
    'derive(Debug) of another crate',
    'use evil::Exports as Debug;\n#[derive(Debug)] pub struct S;',
    'derive-macro',
    2,
  ],
  [
    'an export_name the engine cannot evaluate',
    '#[export_name = env!("NAME")] pub extern "C" fn f() {}',
    'unrecognised-form',
    1,
  ],
  ['a function-like macro of another crate', 'other::make_exports!();', 'external-macro', 1],
  ['a function-like macro of unknown origin', 'make_exports!();', 'unknown-macro', 1],
  [
    'a function-like macro of another crate in a body',
    'pub fn f() { other::make_exports!(); }',
    'external-macro',
    1,
  ],
  ['an attribute macro', 'use other::exported;\n#[exported] pub fn f() {}', 'attribute-macro', 2],
  ['a path attribute macro', '#[other::exported] pub fn f() {}', 'attribute-macro', 1],
  ['a derive macro', '#[derive(Debug, other::Exports)] pub struct S;', 'derive-macro', 1],
  [
    'a proc macro imported under a std name',
    'use evil::println;\npub fn f() { println!("x"); }',
    'external-macro',
    2,
  ],
];

/** [construct, source of src/lib.rs, symbol, line] — extracted exactly, nothing unresolved. */
const EXTRACTED: [string, string, string, number][] = [
  [
    'an export in a println! argument',
    'pub fn f() {\n  println!("{}", { #[no_mangle] extern "C" fn g() {} 1 });\n}',
    'g',
    2,
  ],
  [
    'an export in a vec! argument',
    'pub fn f() -> Vec<u8> {\n  vec![{ #[no_mangle] extern "C" fn g() {} 1 }; 2]\n}',
    'g',
    2,
  ],
  [
    'an exporting crate macro in expression position',
    'macro_rules! m { () => {{ #[no_mangle] extern "C" fn g() {} 1 }} }\npub fn f() { let _x = m!(); }',
    'g',
    2,
  ],
  [
    'a crate macro calling an exporting macro, in a body',
    'macro_rules! inner { () => { #[no_mangle] extern "C" fn g() {} } }\nmacro_rules! outer { () => {{ inner!(); 1 }} }\npub fn f() -> i32 { outer!() }',
    'g',
    3,
  ],
  [
    'a shadowed macro_rules!: the later definition is the one used',
    'macro_rules! m { () => {} }\nmacro_rules! m { () => { #[no_mangle] extern "C" fn g() {} } }\nm!();',
    'g',
    3,
  ],
  [
    'a thread_local! initialiser',
    'thread_local! {\n  static X: u8 = { #[no_mangle] extern "C" fn g() {} 1 };\n}',
    'g',
    2,
  ],
  ['include! of a file', 'include!("gen.rs");', 'gen', 1],
  ['include! in an expression', 'pub fn f() -> u8 { include!("expr.rs") }', 'in_expr', 1],
  [
    'an array length in a parameter type',
    'pub extern "C" fn f(_a: [u8; { #[no_mangle] extern "C" fn g() {} 4 }]) {}',
    'g',
    1,
  ],
  ['an array length in a type alias', 'pub type A = [u8; { #[no_mangle] extern "C" fn g() {} 2 }];', 'g', 1],
  ['an enum discriminant', '#[repr(u8)] pub enum E { V = { #[no_mangle] extern "C" fn g() {} 1 } }', 'g', 1],
  [
    '$i:ident does not match _: the second rule',
    'macro_rules! m { ($i:ident) => { pub fn $i() {} }; ($t:tt) => { #[no_mangle] pub extern "C" fn g() {} } }\nm!(_);',
    'g',
    2,
  ],
];

/** [construct, source of src/lib.rs] — nothing unresolved. */
const SPARED: [string, string][] = [
  [
    'comments, doc comments and strings',
    '// #[no_mangle]\n/// #[no_mangle]\n/* #[export_name = "x"] */\npub const S: &str = "#[no_mangle]";\npub fn f() -> &\'static str { r#"#[no_mangle]"# }',
  ],
  [
    'an extracted export',
    '#[no_mangle] pub extern "C" fn f() {}\n#[export_name = "g2"] pub extern "C" fn g() {}\n#[unsafe(no_mangle)] pub static X: u8 = 1;',
  ],
  [
    'test-only code',
    '#[cfg(test)] mod tests { #[no_mangle] extern "C" fn t() {} #[other::test] fn u() {} evil!(); }\n#[test] fn t2() { #[no_mangle] extern "C" fn v() {} }',
  ],
  ['a cfg_attr whose predicate is off', '#[cfg_attr(test, no_mangle)] pub extern "C" fn f() {}'],
  ['a feature that is off', '#[cfg(feature = "extra")] #[no_mangle] pub extern "C" fn f() {}'],
  [
    'std and trusted macros',
    'use serde::Serialize;\n#[derive(Debug, Clone, Serialize, serde::Deserialize)]\n#[serde(rename_all = "camelCase")]\npub struct S { #[serde(default)] a: u32 }\npub fn f() { log::info!("x"); let _v = vec![1]; println!("{}", format!("{}", 1)); }\n#[tokio::main] async fn main2() {}',
  ],
  [
    'an exporting crate macro, expanded',
    'macro_rules! m { ($n:ident) => { #[no_mangle] pub extern "C" fn $n() {} } }\nm!(made);',
  ],
  [
    'a non-exporting crate macro in a body',
    'macro_rules! twice { ($e:expr) => { $e * 2 } }\npub fn f() -> i32 { twice!(2) }',
  ],
  [
    'cfg_if!',
    'cfg_if::cfg_if! { if #[cfg(unix)] { #[no_mangle] pub extern "C" fn u() {} } else { #[no_mangle] pub extern "C" fn w() {} } }',
  ],
  ['a module switched off', '#[cfg(test)] mod tests;'],
  [
    'inline assembly of instructions and operands',
    'pub fn f(x: u64) -> u64 { let y; unsafe { core::arch::asm!("lea {0}, [{1} + 1]", out(reg) y, in(reg) x) }; y }',
  ],
];

describe('the accounting net', () => {
  it.each(EXTRACTED)('extracts %s', async (_what, lib, symbol, line) => {
    const extra: Record<string, string> = {};
    if (lib.includes('"gen.rs"')) extra['src/gen.rs'] = '#[no_mangle] pub extern "C" fn gen() {}';
    if (lib.includes('"expr.rs"')) extra['src/expr.rs'] = '{ #[no_mangle] extern "C" fn in_expr() {} 1 }';
    const c = await crateOf(lib, extra);
    const it = c.items.find((i) => (i.kind === 'function' || i.kind === 'static') && i.symbol === symbol);
    expect({ found: !!it, symbols: symbols(c) }).toEqual(expect.objectContaining({ found: true }));
    expect(it?.line).toBe(line);
    expect(c.unresolved).toEqual([]);
  });

  it.each(FLAGGED)('flags %s', async (_what, lib, reason, line) => {
    const c = await crateOf(lib, { 'src/gen.rs': '#[no_mangle] pub extern "C" fn gen() {}' });
    const hits = (c.unresolved ?? []).filter((u) => u.reason === reason);
    expect({ reasons: reasons(c), found: hits.length > 0 }).toEqual(expect.objectContaining({ found: true }));
    expect(hits.map((u) => u.line)).toContain(line);
    for (const u of hits) expect(u.file).toBe('src/lib.rs');
  });

  it.each(SPARED)('does not flag %s', async (_what, lib) => {
    const tests: Record<string, string> = lib.includes('mod tests;')
      ? { 'src/tests.rs': '#[no_mangle] pub extern "C" fn in_tests() {}' }
      : {};
    const c = await crateOf(lib, tests);
    expect(c.unresolved).toEqual([]);
  });

  it('extracts what it can read exactly: the inner attribute, raw names, concat!/stringify! names', async () => {
    const c = await crateOf(
      [
        'pub extern "C" fn inner() { #![no_mangle] }',
        '#[r#no_mangle] pub extern "C" fn raw() {}',
        '#[r#export_name = "raw_named"] pub extern "C" fn raw2() {}',
        '#[cfg_attr(all(), r#no_mangle)] pub extern "C" fn raw3() {}',
        '#[export_name = concat!("a_", "b", 1)] pub extern "C" fn cat() {}',
        '#[export_name = stringify!(strung)] pub extern "C" fn st() {}',
        '#[cfg(not(debug_assertions))] #[no_mangle] pub extern "C" fn release_only() {}',
        '#\u200e[no_mangle] pub extern "C" fn lrm() {}',
      ].join('\n'),
    );
    expect(symbols(c).sort()).toEqual(
      ['a_b1', 'inner', 'raw', 'raw3', 'raw_named', 'release_only', 'lrm', 'strung'].sort(),
    );
    expect(c.unresolved).toEqual([]);
    const rel = c.items.find((i) => i.name === 'release_only');
    expect(rel?.cfg).toBe('not(debug_assertions)');
  });

  it('macros.trusted spares the macros of a named crate', async () => {
    const parser = await loadRustParser();
    const files = crateFiles('our_macros::make!();\n#[our_macros::attr] pub fn f() {}', {}, MANIFEST);
    const plain = await extractSurface(new MemoryTree(files), parser, { features: DEFAULT_FEATURES });
    expect(reasons(plain.crates[0]).sort()).toEqual(['attribute-macro', 'external-macro']);
    const trusted = await extractSurface(new MemoryTree(files), parser, {
      features: DEFAULT_FEATURES,
      trustedMacros: ['our-macros'],
    });
    expect(trusted.crates[0].unresolved).toEqual([]);
  });

  it('flags files of the crate no module reaches, but not other targets or nested packages', async () => {
    const c = await crateOf('pub fn f() {}', {
      'src/loose.rs': '#[no_mangle] pub extern "C" fn loose() {}',
      'src/bin/tool.rs': '#[no_mangle] pub extern "C" fn tool() {}',
      'tests/it.rs': '#[no_mangle] pub extern "C" fn it() {}',
      'build.rs': '#[no_mangle] pub extern "C" fn build() {}',
      'fuzz/Cargo.toml': '[package]\nname = "fuzz"\nversion = "0.1.0"\n',
      'fuzz/src/main.rs': '#[no_mangle] pub extern "C" fn fuzz() {}',
      'src/quiet.rs': 'pub fn nothing_exported() {}',
    });
    expect((c.unresolved ?? []).map((u) => `${u.file} ${u.reason}`)).toEqual([
      'src/loose.rs unreachable-file',
    ]);
  });

  it('flags a module file it cannot read', async () => {
    const parser = await loadRustParser();
    const big = '// ' + 'x'.repeat(2000) + '\n#[no_mangle] pub extern "C" fn hidden() {}';
    const s = await extractSurface(new MemoryTree(crateFiles('mod big;', { 'src/big.rs': big })), parser, {
      features: DEFAULT_FEATURES,
      limits: { ...DEFAULT_LIMITS, maxFileBytes: 1000 },
    });
    expect(s.crates[0].unresolved?.map((u) => `${u.file} ${u.reason}`)).toEqual([
      'src/big.rs unreadable-file',
    ]);
  });

  it('flags a package Cargo builds that the engine skipped', async () => {
    const s = await extractMemory({
      'Cargo.toml': '[workspace]\nmembers = ["good", "broken"]\n',
      'good/Cargo.toml': '[package]\nname = "good"\nversion = "1.0.0"\n',
      'good/src/lib.rs': '#[no_mangle] pub extern "C" fn good() {}',
      'broken/Cargo.toml': '[package\nname = "broken"\n',
      'broken/src/lib.rs': '#[no_mangle] pub extern "C" fn broken() {}',
    });
    const entries = s.crates.flatMap((c) =>
      (c.unresolved ?? []).map((u) => `${c.name} ${u.file} ${u.reason}`),
    );
    expect(entries).toEqual(['broken broken/src/lib.rs skipped-crate']);
  });

  it('reads the macro_rules! macros of other workspace crates; a workspace proc macro is not trusted', async () => {
    const s = await extractMemory({
      'Cargo.toml': '[workspace]\nmembers = ["helpers", "pm", "ffi"]\n',
      'helpers/Cargo.toml': '[package]\nname = "ffi-helpers"\nversion = "1.0.0"\n',
      'helpers/src/lib.rs': [
        '#[macro_export] macro_rules! quiet { ($e:expr) => { $e + 1 } }',
        '#[macro_export] macro_rules! loud { () => { #[no_mangle] pub extern "C" fn loud() {} } }',
      ].join('\n'),
      'pm/Cargo.toml': '[package]\nname = "pm"\nversion = "1.0.0"\n[lib]\nproc-macro = true\n',
      'pm/src/lib.rs': 'pub fn nothing() {}',
      'ffi/Cargo.toml':
        '[package]\nname = "ffi"\nversion = "1.0.0"\n[dependencies]\nffi-helpers = { path = "../helpers" }\npm = { path = "../pm" }\n',
      'ffi/src/lib.rs': [
        'use ffi_helpers::quiet;',
        'pub fn a() -> i32 { quiet!(1) }',
        'pub fn b() -> i32 { ffi_helpers::quiet!(2) }',
        'ffi_helpers::loud!();',
        '#[pm::exported] pub fn c() {}',
      ].join('\n'),
    });
    const ffi = s.crates.find((c) => c.name === 'ffi') as CrateSurface;
    expect((ffi.unresolved ?? []).map((u) => `${u.line} ${u.reason} ${u.macro}`)).toEqual([
      '4 external-macro ffi_helpers::loud',
      '5 attribute-macro pm::exported',
    ]);
  });

  it('expands a macro re-exported through a module path, checking the path by name resolution', async () => {
    const c = await crateOf('mod anyref;\nmod arrayref;\n', {
      'src/anyref.rs':
        'macro_rules! ref_wrapper { ($n:ident) => { #[no_mangle] pub extern "C" fn $n() {} } }\npub(crate) use ref_wrapper;\n',
      'src/arrayref.rs': 'crate::anyref::ref_wrapper!(made_here);\n',
    });
    expect(symbols(c)).toEqual(['made_here']);
    expect(c.unresolved).toEqual([]);
  });

  it("never takes another crate's macro for the crate's own of the same name", async () => {
    const c = await crateOf(
      [
        // `trace!` forwards to `::log::trace!`: not itself (no endless recursion)
        'macro_rules! trace { ($($t:tt)*) => { ::log::trace!($($t)*); } }',
        'pub fn f() { trace!("x"); }',
        // `crate::pm::export!` is a proc macro re-exported over a macro_rules! of the same name
        'macro_rules! export { ($($t:tt)*) => { crate::pm::export!($($t)*); } }',
        'mod pm { pub use other::export; }',
        'export!(f);',
      ].join('\n'),
    );
    expect(c.unresolved?.map((u) => `${u.line} ${u.reason} ${u.macro}`)).toEqual([
      '5 external-macro crate::pm::export',
    ]);
  });

  it('ignores a proc-macro crate: it is not linked', async () => {
    const s = await extractMemory({
      'Cargo.toml': '[package]\nname = "pm"\nversion = "1.0.0"\n[lib]\nproc-macro = true\n',
      'src/lib.rs': 'pub fn m() { quote::quote! { #[no_mangle] pub extern "C" fn made() {} }; }',
    });
    expect(s.crates[0]?.unresolved ?? []).toEqual([]);
  });
});

describe('unresolved entries across revisions', () => {
  const SITE = 'pub fn f() {}\n#[export_name = env!("NAME")]\npub extern "C" fn g() {}\n';
  const keys = (c: CrateSurface) => (c.unresolved ?? []).map((u: UnresolvedEntry) => u.key);

  async function surface(lib: string): Promise<Surface> {
    return extractMemory(crateFiles(lib, {}, MANIFEST));
  }

  it('keys do not depend on lines: an edit above a site changes nothing', async () => {
    const a = await surface(SITE);
    const b = await surface('// a comment\n\n' + SITE);
    expect(keys(b.crates[0])).toEqual(keys(a.crates[0]));
    expect(b.crates[0].unresolved?.[0].line).toBe(4);
    expect(diffSurfaces(a, b).changes).toEqual([]);
    expect(b.digest).toBe(a.digest);
  });

  it('a new site is a change; an edited site is one change; a removed one is a change', async () => {
    const none = await surface('pub fn f() {}\n');
    const one = await surface(SITE);
    const edited = await surface(SITE.replace('fn g() {}', 'fn g() { let _x = 2; }'));
    const added = diffSurfaces(none, one).changes;
    expect(added.map((c) => [c.rule, c.severity, c.file, c.line, c.before])).toEqual([
      ['unresolved-export-site', 'potentially-breaking', 'src/lib.rs', 2, null],
    ]);
    expect(added[0].message).toContain('export_name');
    const changed = diffSurfaces(one, edited).changes;
    expect(changed).toHaveLength(1);
    expect(changed[0].before).not.toContain('_x');
    expect(changed[0].after).toContain('_x');
    expect(diffSurfaces(one, none).changes.map((c) => [c.rule, c.after])).toEqual([
      ['unresolved-export-site', null],
    ]);
    expect(one.digest).not.toBe(none.digest);
  });

  it('a second identical invocation of an unexpandable macro in the same file is a new entry', async () => {
    const a = await surface('other::export_all! { f }\n');
    const b = await surface('other::export_all! { f }\nother::export_all! { f }\n');
    const changes = diffSurfaces(a, b).changes;
    expect(changes.map((c) => [c.rule, c.line])).toEqual([['unresolved-macro', 2]]);
    expect(keys(b.crates[0])).toHaveLength(2);
  });
});
