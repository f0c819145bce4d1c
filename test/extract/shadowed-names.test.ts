/**
 * Two ways past the accounting net that the census once waved through by name (SECURITY.md,
 * "Exports the engine does not understand"): inline assembly (`asm!`, `naked_asm!`) whose
 * templates define a global symbol, and names taken for built in — `#[test]`, `#[bench]`,
 * `#[derive]`, the derives std provides, `#[global_allocator]`, … — that a `use`, a glob import, a
 * `#[macro_use] extern crate` or a crate macro replaces with a macro that can export (checked with
 * rustc 1.95: `nm` of a staticlib for the assembly, `nm -D` of a cdylib for the names; the
 * soundness oracle builds both, test/fixtures/soundness/shadowed-names). Every case is extracted three ways — texts
 * released (the default), every census full (`quietTexts: false`), and with a scan cache and a
 * crate memo (texts kept) — which must agree.
 */
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { CrateMemo } from '../../src/core/extract/crate-memo';
import { extractSurface } from '../../src/core/extract/extract-surface';
import { ScanCache } from '../../src/core/extract/scan-cache';
import type { Surface, UnresolvedEntry } from '../../src/core/model';
import { MemoryTree } from '../../src/core/source-tree';
import { DEFAULT } from './helpers';

/** A crate whose dependencies are `evil` (a proc-macro crate, not trusted) and trusted ones. */
const MANIFEST = [
  '[package]',
  'name = "demo"',
  'version = "1.0.0"',
  'edition = "2021"',
  '[dependencies]',
  'evil = "1"',
  'tokio = "1"',
  'serde = "1"',
  'log = "0.4"',
  '',
].join('\n');

async function extractAllWays(files: Record<string, string>, trustedMacros: string[] = []): Promise<Surface> {
  const parser = await loadRustParser();
  const opts = { features: DEFAULT, trustedMacros };
  const released = await extractSurface(new MemoryTree(files), parser, opts);
  const full = await extractSurface(new MemoryTree(files), parser, { ...opts, quietTexts: false });
  const kept = await extractSurface(new MemoryTree(files), parser, {
    ...opts,
    scanCache: new ScanCache(),
    crateMemo: new CrateMemo(),
  });
  expect(full).toEqual(released);
  expect(kept).toEqual(released);
  return released;
}

async function entries(
  lib: string,
  files: Record<string, string> = {},
  trustedMacros: string[] = [],
): Promise<UnresolvedEntry[]> {
  const s = await extractAllWays({ 'Cargo.toml': MANIFEST, 'src/lib.rs': lib, ...files }, trustedMacros);
  return s.crates.flatMap((c) => c.unresolved ?? []);
}

const summary = (es: UnresolvedEntry[]): string[] =>
  es.map((e) => `${e.file}:${e.line} ${e.reason} ${e.macro}`);

describe('inline assembly', () => {
  it.each([
    ['.globl', 'use std::arch::asm;\npub fn f() { unsafe { asm!(".globl evil", "evil:", "ret") } }', 2],
    ['.GLOBL', 'pub fn f() { unsafe { core::arch::asm!(".GLOBL evil", "evil:", "ret") } }', 1],
    [
      'an escaped dot',
      'use core::arch::asm;\npub fn f() { unsafe { asm!("\\x2eglobl evil\\nevil: ret") } }',
      2,
    ],
    [
      'a raw string',
      'use core::arch::asm;\npub fn f() { unsafe { asm!(r#".globl evil"#, "evil: ret") } }',
      2,
    ],
    [
      'concat!',
      'use core::arch::asm;\npub fn f() { unsafe { asm!(concat!(".glo", "bl evil"), "evil: ret") } }',
      2,
    ],
    ['include_str!', 'use core::arch::asm;\npub fn f() { unsafe { asm!(include_str!("evil.s")) } }', 2],
    [
      'naked_asm!',
      'use core::arch::naked_asm;\n#[unsafe(naked)]\npub extern "C" fn n() {\n  naked_asm!(".weak evil", "evil:", "ret")\n}',
      4,
    ],
    ['a glob of core::arch', 'use core::arch::*;\npub fn f() { unsafe { asm!(".globl e", "e: ret") } }', 2],
  ])('reports %s', async (_what, lib, line) => {
    const es = await entries(lib, { 'src/evil.s': '.globl evil\nevil: ret\n' });
    expect(summary(es).filter((e) => e.includes('inline-asm'))).toHaveLength(1);
    expect(es.find((e) => e.reason === 'inline-asm')?.line).toBe(line);
  });

  it('reports inline assembly a crate macro makes, at the invocation', async () => {
    const es = await entries(
      [
        'macro_rules! define { ($t:literal) => { core::arch::asm!($t, "evil: ret") } }',
        'pub fn f() { unsafe { define!(".globl evil") } }',
        'pub fn g() { unsafe { define!("nop") } }',
      ].join('\n'),
    );
    expect(summary(es)).toEqual(['src/lib.rs:2 inline-asm core::arch::asm']);
  });

  it.each([
    [
      'instructions and operands',
      'use core::arch::asm;\npub fn f(x: u64) -> u64 { let y; unsafe { asm!("mov {0}, {1}", "add {0}, 1", out(reg) y, in(reg) x, options(nomem, nostack)) }; y }',
    ],
    [
      'a sym operand',
      'use core::arch::asm;\nextern "C" fn g() {}\npub fn f() { unsafe { asm!("call {}", sym g) } }',
    ],
    [
      'CFI directives and a comment',
      'pub fn f() { unsafe { core::arch::asm!(".cfi_remember_state", "// .globl in a comment", "nop", ".cfi_restore_state") } }',
    ],
    [
      'a naked function',
      'use core::arch::naked_asm;\n#[unsafe(naked)]\npub extern "C" fn n() { naked_asm!("ret") }',
    ],
  ])('spares %s', async (_what, lib) => {
    expect(await entries(lib)).toEqual([]);
  });

  it('resolves a shadowed asm! as the macro it names', async () => {
    // a proc macro imported as `asm`: an external macro, whatever its input
    expect(summary(await entries('use evil::asm;\npub fn f() { asm!("nop") }'))).toEqual([
      'src/lib.rs:2 external-macro asm',
    ]);
    // a crate macro called `asm` that exports: expanded, its export extracted
    const s = await extractAllWays({
      'Cargo.toml': MANIFEST,
      'src/lib.rs':
        'macro_rules! asm { ($t:literal) => { #[no_mangle] pub extern "C" fn made() {} } }\nasm!(".globl evil");\n',
    });
    expect(s.crates[0].items.map((i) => i.name)).toEqual(['made']);
    expect(s.crates[0].unresolved).toEqual([]);
  });
});

describe('names taken for built in', () => {
  it.each([
    ['use evil::test + #[test]', 'use evil::test;\n#[test]\nfn t() {}', 2, 'attribute-macro test'],
    ['#[bench] imported', 'use evil::bench;\n#[bench]\nfn b() {}', 2, 'attribute-macro bench'],
    [
      'a name imported from a crate module that globs evil',
      'mod inner {\n    pub use evil::*;\n}\nuse inner::test;\n#[test]\nfn t() {}',
      5,
      'attribute-macro test',
    ],
    [
      'a use in a fn body',
      'pub fn outer() {\n    use evil::test;\n    #[test]\n    fn inner() {}\n}',
      3,
      'attribute-macro test',
    ],
    [
      '#[macro_use] extern crate',
      '#[macro_use]\nextern crate evil;\n#[test]\nfn t() {}',
      3,
      'attribute-macro test',
    ],
    [
      'a crate macro named test',
      'macro_rules! test { () => {} }\n#[test]\nfn t() {}',
      2,
      'attribute-macro test',
    ],
    [
      'use evil::Exporter as Debug + derive(Debug)',
      'use evil::Exporter as Debug;\n#[derive(Debug)]\npub struct S;',
      2,
      'derive-macro Debug',
    ],
    // `default` is no prelude macro (a helper of derive(Default)): a glob brings it unopposed
    ['#[default] from a glob', 'use evil::*;\n#[default]\npub fn f() {}', 2, 'attribute-macro default'],
    [
      '#[default] from a glob of a crate module that re-exports it',
      'mod inner {\n    pub use evil::default;\n}\nuse inner::*;\n#[default]\npub fn f() {}',
      5,
      'attribute-macro default',
    ],
    [
      '#[default] from a glob of an unread module',
      'use crate::gen::*;\n#[default]\npub fn f() {}',
      2,
      'attribute-macro default',
    ],
    [
      'derive itself imported',
      'use evil::derive;\n#[derive(Clone)]\npub struct S;',
      2,
      'attribute-macro derive',
    ],
    [
      '#[global_allocator] imported',
      'use evil::global_allocator;\n#[global_allocator]\nstatic A: u8 = 0;',
      2,
      'attribute-macro global_allocator',
    ],
    ['#[default] imported', 'use evil::default;\n#[default]\npub fn f() {}', 2, 'attribute-macro default'],
  ])('reports %s', async (_what, lib, line, what) => {
    const es = await entries(lib);
    expect(summary(es)).toContain(`src/lib.rs:${line} ${what}`);
  });

  it('reports a std macro name a #[macro_use] crate may define', async () => {
    const es = await entries('#[macro_use]\nextern crate evil;\npub fn f() {\n    println!("x");\n}');
    // std's or evil's: not one crate's, so an unknown macro
    expect(summary(es)).toEqual(['src/lib.rs:4 unknown-macro println']);
  });

  it.each([
    ['a plain derive', '#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]\npub struct S;'],
    ['Debug imported from std', 'use std::fmt::Debug;\n#[derive(Debug)]\npub struct S;'],
    [
      'a test module without cfg(test) and its glob of the parent',
      'use std::fmt::*;\npub fn f() {}\nmod tests {\n    use super::*;\n    #[test]\n    fn t() { #[no_mangle] extern "C" fn hidden() {} }\n}',
    ],
    ['a test-only module', '#[cfg(test)]\nmod tests {\n    use evil::test;\n    #[test]\n    fn t() {}\n}'],
    ['cfg(test) on its own', '#[cfg(test)]\nfn only_in_tests() {}'],
    ['a default variant', '#[derive(Default)]\npub enum E {\n    #[default]\n    A,\n    B,\n}'],
    // a derive's helper is taken over an import of its name (rustc 1.95: the import is unused)
    [
      'a default variant under globs and imports of evil',
      'use evil::*;\nmod m {\n    use evil::default;\n    #[derive(Default)]\n    pub enum E {\n        #[default]\n        A,\n    }\n}\n#[derive(Clone, Default)]\npub enum F {\n    #[default]\n    A,\n}',
    ],
    [
      'a trusted #[macro_use] crate',
      '#[macro_use]\nextern crate log;\n#[test]\nfn t() {}\npub fn f() { println!("x"); }',
    ],
    ['the test attribute of a trusted crate', 'use tokio::test;\n#[test]\nasync fn t() {}'],
    ['a glob of std', 'use std::prelude::v1::*;\n#[test]\nfn t() {}\n#[derive(Debug)]\npub struct S;'],
    // rustc 1.95 rejects a glob-imported macro of a prelude name as ambiguous (E0659): no glob can
    // make `#[test]` or `derive(Debug)` another crate's, whatever it reaches
    ['a glob of evil before #[test]', 'use evil::*;\n#[test]\nfn t() {}'],
    ['a glob of evil before derive(Clone)', 'use evil::*;\n#[derive(Clone)]\npub struct S;'],
    [
      'a glob of a crate module that re-exports evil::test',
      'mod inner {\n    pub use evil::test;\n}\nuse inner::*;\n#[test]\nfn t() {}',
    ],
    ['a glob of an unread module before #[test]', 'use crate::gen::*;\n#[test]\nfn t() {}'],
  ])('spares %s', async (_what, lib) => {
    expect(await entries(lib)).toEqual([]);
  });

  it('spares what a trusted crate may bring (macros.trusted)', async () => {
    const lib =
      'use evil::{test, Exporter as Debug};\n#[derive(Debug)]\npub struct S;\n#[test]\nfn t() {}\nuse evil::*;\n#[default]\nfn u() {}';
    expect(summary(await entries(lib))).toEqual([
      'src/lib.rs:2 derive-macro Debug',
      'src/lib.rs:4 attribute-macro test',
      'src/lib.rs:7 attribute-macro default',
    ]);
    expect(await entries(lib, {}, ['evil'])).toEqual([]);
  });

  it('follows a glob of a crate module: a name it does not bring is std', async () => {
    expect(
      await entries('mod prelude {\n    pub use std::fmt::Debug;\n}\nuse prelude::*;\n#[default]\nfn t() {}'),
    ).toEqual([]);
  });

  it('reads a derive in a macro transcriber where the macro is invoked: anywhere', async () => {
    const lib = [
      'macro_rules! make { ($n:ident) => { #[derive(Debug)] pub struct $n; } }',
      'make!(A);',
      'mod m {',
      '    use evil::Exporter as Debug;',
      '    make!(B);',
      '}',
    ].join('\n');
    const es = await entries(lib);
    // the expansion in m derives evil's Exporter
    expect(summary(es).some((e) => e.startsWith('src/lib.rs:5 '))).toBe(true);
    // without the import, nothing
    expect(
      await entries('macro_rules! make { ($n:ident) => { #[derive(Debug)] pub struct $n; } }\nmake!(A);'),
    ).toEqual([]);
  });

  it('keeps quiet files quiet when nothing shadows, and takes the full census when something may', async () => {
    const files = (lib: string) => ({
      'Cargo.toml': MANIFEST,
      'src/lib.rs': `${lib}mod leaf;\n`,
      'src/leaf.rs': 'use std::fmt;\n#[derive(Debug, Clone)]\npub struct S;\n#[test]\nfn t() {}\n',
    });
    const parser = await loadRustParser();
    const count = async (lib: string) => {
      const stats = { quietCensuses: 0, fullCensuses: 0 };
      const s = await extractSurface(new MemoryTree(files(lib)), parser, { features: DEFAULT, stats });
      return { stats, entries: summary(s.crates.flatMap((c) => c.unresolved ?? [])) };
    };
    expect(await count('')).toEqual({ stats: { quietCensuses: 1, fullCensuses: 1 }, entries: [] });
    // a crate macro named Debug may shadow the derive anywhere: leaf.rs is read in full and reported
    const shadowed = await count('macro_rules! Debug { () => {} }\n');
    expect(shadowed.stats).toEqual({ quietCensuses: 0, fullCensuses: 2 });
    expect(shadowed.entries).toEqual(['src/leaf.rs:2 derive-macro Debug']);
    await extractAllWays(files('macro_rules! Debug { () => {} }\n'));
  });
});

describe('a std macro named in a macro_rules! body', () => {
  it('is std where no module imports the name: nothing to account', async () => {
    const lib =
      'macro_rules! say { () => { println!("x") } }\n' +
      'pub mod m {\n    use log::info;\n    pub fn f() { say!(); info!("y"); }\n}\n' +
      'pub fn g() { say!(); }\n';
    expect(summary(await entries(lib))).toEqual([]);
  });
});
