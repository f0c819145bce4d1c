/**
 * Issue 19, "search first": a module file with nothing the accounting reads but top-level `use`s
 * and std macro calls gets the quiet census (quiet-census.ts) instead of the full one. These tests
 * check which texts are quiet, that the quiet census is taken (work done: counts), and that no
 * result changes — against `quietTexts: false`, which takes the full census of every text.
 */
import fc from 'fast-check';
import * as path from 'node:path';
import { FileSystemTree } from '../../src/adapters/file-system-tree';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { settleCensuses } from '../../src/core/extract/accounting';
import { takeCensus } from '../../src/core/extract/census';
import { CrateMemo } from '../../src/core/extract/crate-memo';
import { extractCrate } from '../../src/core/extract/extract-crate';
import { extractSurface } from '../../src/core/extract/extract-surface';
import { quietScan } from '../../src/core/extract/quiet-census';
import { ScanCache } from '../../src/core/extract/scan-cache';
import { DEFAULT_LIMITS } from '../../src/core/limits';
import type { FeatureSelection, Surface } from '../../src/core/model';
import { MemoryTree, SourceTree } from '../../src/core/source-tree';
import { discoverWorkspace } from '../../src/core/workspace';
import { rng } from '../support/rng';
import { ALL, DEFAULT } from './helpers';

const ENV = { features: new Set<string>() };
const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** A leaf module as real crates write them: imports, a type, an impl, a test module. */
const LEAF = `//! A leaf module.
use std::collections::HashMap;
use std::fmt::{self, Display as Shown};

/// A widget. Not \`foo!()\`, and "bar!(x)" is a string; 'a' is a char.
#[derive(Debug, Clone, PartialEq)]
pub struct Widget<'a> {
    pub name: &'a str,
    values: HashMap<String, u32>,
}

impl<'a> Shown for Widget<'a> {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.values.is_empty() { assert!(self.values.len() < 10); }
        write!(f, "{}", self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use some_crate::anything;

    #[test]
    fn shows() {
        let w = Widget { name: "w", values: HashMap::new() };
        assert_eq!(w.to_string(), "w");
        not_std!(w);
    }
}
`;

describe('quietScan', () => {
  it('keeps the top-level uses and the std macros of a quiet text', () => {
    const q = quietScan(LEAF, ENV);
    expect(q).not.toBeNull();
    expect(q?.stdMacros).toEqual(['assert', 'write']);
    expect(q?.uses.map((u) => [u.name, u.path.join('::')])).toEqual([
      ['HashMap', 'std::collections::HashMap'],
      ['fmt', 'std::fmt'],
      ['Shown', 'std::fmt::Display'],
    ]);
    expect(q?.globs).toEqual([]);
    expect([...(q?.imports ?? [])]).toEqual([
      ['HashMap', 'std'],
      ['fmt', 'std'],
      ['Shown', 'std'],
    ]);
  });

  it.each([
    [
      'an inner allow and std calls in a body',
      '#![allow(dead_code)]\nfn f() { let v = vec![0]; println!("{}", v.len()); }\n',
    ],
    ['a glob import and a pub use', 'pub use crate::a::*;\npub(crate) use self::b as c;\nfn f() {}\n'],
    [
      'an item the build leaves out, whatever it holds',
      '#[cfg(feature = "off")]\nuse evil::write;\n#[cfg(any())]\nfn g() { evil!(); }\n',
    ],
    ['a derive of std traits by path', '#[derive(core::fmt::Debug, std::hash::Hash)]\nstruct S;\n'],
    ['a negation and a comparison', 'fn f(a: bool) -> bool { !(a) && a != true }\n'],
    ['a cfg inside an item', 'fn f() {\n    #[cfg(unix)]\n    let x = 1;\n}\n'],
  ])('is quiet: %s', (_what, text) => {
    expect(quietScan(text, ENV)).not.toBeNull();
  });

  it('gives up at once on attributes nested in attributes, however deep (linear work)', () => {
    const deep = `${'#[doc(x, '.repeat(20_000)}${')]'.repeat(20_000)}\nfn f() {}\n`;
    expect(quietScan(deep, ENV)).toBeNull();
    const inBody = `fn f() { ${'#[allow(x, '.repeat(20_000)}${')]'.repeat(20_000)} let x = 1; }\n`;
    expect(quietScan(inBody, ENV)).toBeNull();
  });

  it.each([
    ['an export token, even in a comment', '// #[no_mangle]\nfn f() {}\n'],
    ['export_name', '#[export_name = "x"]\nfn f() {}\n'],
    ['a macro definition', 'macro_rules! m { () => {} }\n'],
    ['an extern block', 'extern "C" { fn f(); }\n'],
    ['a file module', 'mod a;\n'],
    ['a file module the build leaves out', '#[cfg(test)]\nmod a;\n'],
    ['an inline module that is compiled', 'mod a { pub fn f() {} }\n'],
    ['a macro that is not std', 'fn f() { foo!(1); }\n'],
    ['a std name called by path', 'fn f() { std::println!("x"); }\n'],
    ['a macro called by path', 'fn f() { log::info!("x"); }\n'],
    ['include!', 'include!("other.rs");\n'],
    ['global_asm!', 'global_asm!("");\n'],
    ['asm! (the census reads its templates)', 'fn f() { unsafe { asm!("nop") } }\n'],
    ['naked_asm!', 'fn f() { naked_asm!("ret") }\n'],
    ['a derive that is not std', '#[derive(Debug, Serialize)]\nstruct S;\n'],
    ['an attribute macro', '#[tokio::main]\nasync fn main() {}\n'],
    ['an unknown attribute in a body', 'fn f() {\n    #[my_attr]\n    let x = 1;\n}\n'],
    ['cfg_attr', '#[cfg_attr(unix, derive(Foo))]\nstruct S;\n'],
    ['a use in a body', 'fn f() { use x::y; }\n'],
    ['a use that is not an item', "fn f<'a>() -> impl Sized + use<'a> {}\n"],
    ['a cfg over the whole text', '#![cfg(feature = "x")]\nuse a::b;\n'],
    ['macro_use', '#[macro_use]\nuse a::b;\n'],
    ['a path attribute', '#[path = "x.rs"]\nfn f() {}\n'],
    ['an inner test attribute on an item', 'fn f() {}\n#![test]\nfn g() {}\n'],
    ['a macro call in the attribute of a use', '#[doc = include!("x.txt")]\nuse std::fmt;\n'],
    ['a derive path with a comment inside', '#[derive(Clone, evil:: /* c */ Export)]\nstruct S;\n'],
    ['a derive path that is not ASCII', '#[derive(evil::Éxport)]\nstruct S;\n'],
  ])('is not quiet: %s', (_what, text) => {
    expect(quietScan(text, ENV)).toBeNull();
  });
});

describe('derive paths the census records', () => {
  it('keeps entries that are not plain ASCII paths, and reads through comments', () => {
    // the names std defines (`derive`, `Clone`) are recorded as built in unless shadowed
    const derives = (t: string) =>
      takeCensus(t, ENV)
        .attrs.filter((a) => !a.builtin)
        .map((a) => a.path);
    expect(derives('#[derive(Clone, evil:: /* c */ Export)]\nstruct S;\n')).toEqual(['evil::Export']);
    expect(derives('#[derive(evil::Éxport)]\nstruct S;\n')).toEqual(['evil::Éxport']);
    expect(derives('#[derive(Debug /* std */, Clone,)]\nstruct S;\n')).toEqual([]);
  });
});

describe('quietScan against the full census', () => {
  // Rust-ish pieces: items, attributes, macro calls, comments and strings that hide them, cfgs
  const piece = fc.constantFrom(
    'use std::fmt;\n',
    'use a::{b, c as d, e::*};\n',
    'pub use crate::m::*;\n',
    'fn f() { ',
    ' }\n',
    '{',
    '}',
    '(',
    ')',
    ';',
    ',',
    'vec![1]',
    'write!(f, "x")',
    'println!("{}", 1)',
    'other!(x)',
    'a::b!()',
    'include!("x.rs")',
    '#[derive(Debug, Clone)]\n',
    '#[derive(Serialize)]\n',
    '#[cfg(test)]\n',
    '#[cfg(feature = "x")]\n',
    '#[inline]\n',
    '#[tokio::main]\n',
    '#![allow(dead_code)]\n',
    'mod tests ',
    'mod m;\n',
    'struct S;\n',
    'impl S ',
    'use x::y;',
    '// use evil::vec; other!()\n',
    '/* #[no_mangle] */',
    '"use a::b; x!()"',
    "'{'",
    'r#"}"#',
    '#[doc = include!("x")]\n',
    ' ',
    '\n',
    'let x = !y;',
    'if !(a) {}',
    '#[test]\n',
    '#[bench]\n',
    '#[global_allocator]\n',
    '#[derive(Default)]\n',
    '#[default]\n',
    'asm!("nop")',
    'use evil::test;\n',
  );

  it('is quiet only where the census holds nothing but its uses and bare std macro calls', () => {
    let quiet = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const q = quietScan(text, ENV);
        if (!q) return;
        quiet++;
        const c = takeCensus(text, ENV);
        expect(c.sites).toEqual([]);
        // every attribute the census records is a name built in unless shadowed the scan names
        for (const a of c.attrs) {
          expect(a.builtin).toBe(true);
          for (const name of [a.path, ...(a.derives ?? [])]) expect(q.builtins).toContain(name);
        }
        expect(c.macroDefs).toEqual([]);
        expect(c.disabledMods).toEqual([]);
        expect(c.macroUse).toEqual([]);
        expect(c.wholeInactive).toBe(false);
        // every invocation the census records is a bare std macro the scan names
        for (const b of c.bangs) {
          expect(b.path).toBe(b.name);
          expect(q.stdMacros).toContain(b.name);
          expect(b.asmRisk).toBeUndefined();
        }
        // the uses are the census's, exactly
        expect(q.uses).toEqual(c.uses);
        expect([...q.imports]).toEqual([...c.imports]);
        expect([...q.importPaths]).toEqual([...c.importPaths]);
        expect(q.globPaths).toEqual(c.globPaths);
        expect(q.globs).toEqual(c.globs);
      }),
      { numRuns: 3000, seed: 19 },
    );
    // the property is not vacuous: many random texts are quiet
    expect(quiet).toBeGreaterThan(300);
  });
});

const WS = '[workspace]\nmembers = ["a", "b"]\n';
const PKG = (name: string, deps = '') =>
  `[package]\nname = "${name}"\nversion = "1.0.0"\nedition = "2021"\n[features]\nx = []\n${deps}`;

/** Workspaces where a std macro name is (or is not) std's, with quiet files around it. */
const CASES: Record<string, Record<string, string>> = {
  'quiet files only': {
    'Cargo.toml': PKG('a'),
    'src/lib.rs': 'mod leaf;\nmod other;\n#[no_mangle]\npub extern "C" fn a_version() -> u32 { 1 }\n',
    'src/leaf.rs': LEAF,
    'src/other.rs': 'use std::fmt::Write;\npub fn f(s: &mut String) { let _ = write!(s, "x"); }\n',
  },
  'a use names a std macro': {
    'Cargo.toml': PKG('a', '[dependencies]\nevil = "1"\n'),
    'src/lib.rs': 'mod leaf;\nmod named;\n',
    'src/leaf.rs': `use evil::write;\n${LEAF}`,
    'src/named.rs': 'pub fn f() { let _ = vec![1]; }\n',
  },
  'a use elsewhere names a std macro': {
    'Cargo.toml': PKG('a', '[dependencies]\nevil = "1"\n'),
    'src/lib.rs': 'mod leaf;\nmod named;\n',
    'src/leaf.rs': LEAF,
    'src/named.rs': 'use evil::write;\npub fn f() { let _ = vec![1]; }\n',
  },
  'a use names a std macro under a feature': {
    'Cargo.toml': PKG('a', '[dependencies]\nevil = "1"\n'),
    'src/lib.rs': 'mod leaf;\nmod named;\n',
    'src/leaf.rs': LEAF,
    'src/named.rs': '#[cfg(feature = "x")]\nuse evil::write;\npub fn f() {}\n',
  },
  'the crate defines a std macro name': {
    'Cargo.toml': PKG('a'),
    'src/lib.rs':
      'macro_rules! write {\n    ($f:ident, $s:expr) => { #[no_mangle] pub extern "C" fn made() {} };\n}\nmod leaf;\n',
    'src/leaf.rs': LEAF,
  },
  'a use shadows test, a crate macro shadows Debug': {
    'Cargo.toml': PKG('a', '[dependencies]\nevil = "1"\n'),
    'src/lib.rs': 'macro_rules! Debug { () => {} }\nmod leaf;\nmod other;\nmod named;\n',
    'src/leaf.rs': LEAF,
    'src/other.rs': '#[test]\nfn t() {}\n#[derive(Clone)]\npub struct S;\n',
    'src/named.rs': 'use evil::test;\n#[test]\nfn u() {}\n',
  },
  'a glob of a module that brings default': {
    'Cargo.toml': PKG('a', '[dependencies]\nevil = "1"\n'),
    'src/lib.rs': 'mod reexport;\nmod leaf;\nmod plain;\n',
    'src/reexport.rs': 'pub use evil::default;\n',
    'src/leaf.rs': 'use crate::reexport::*;\n#[default]\npub fn f() {}\n',
    'src/plain.rs': '#[default]\npub fn g() {}\n#[test]\nfn t() {}\n',
  },
  'a glob from a dependency and a path into a quiet module': {
    'Cargo.toml': WS,
    'a/Cargo.toml': PKG('a'),
    'a/src/lib.rs':
      '#[macro_export]\nmacro_rules! vec {\n    () => { #[no_mangle] pub extern "C" fn from_a() {} };\n}\n',
    'b/Cargo.toml': PKG('b', '[dependencies]\na = { path = "../a" }\n'),
    'b/src/lib.rs': 'mod reexport;\nmod leaf;\nmod user;\n',
    'b/src/reexport.rs': 'pub use a::*;\npub use a::vec as v;\n',
    'b/src/leaf.rs': 'use crate::reexport::*;\npub fn f() -> Vec<u8> { vec![] }\n',
    'b/src/user.rs': 'pub fn g() { crate::reexport::v!(); }\n',
  },
};

async function surfaces(
  tree: () => SourceTree | Promise<SourceTree>,
  features: FeatureSelection,
): Promise<{ quiet: Surface; full: Surface }> {
  const parser = await loadRustParser();
  const quiet = await extractSurface(await tree(), parser, { features });
  const full = await extractSurface(await tree(), parser, { features, quietTexts: false });
  return { quiet, full };
}

/** The number of quiet and full censuses `settleCensuses` takes for each crate of `files`. */
async function censusCounts(files: Record<string, string>): Promise<{ quiet: number; full: number }> {
  const parser = await loadRustParser();
  const tree = new MemoryTree(files);
  const ws = await discoverWorkspace(tree, DEFAULT_LIMITS);
  const out = { quiet: 0, full: 0 };
  for (const manifest of ws.crates) {
    const r = await extractCrate(tree, manifest, new Set(), parser, DEFAULT_LIMITS);
    settleCensuses(r.accounting);
    for (const t of r.accounting.texts) out[t.census?.quiet ? 'quiet' : 'full']++;
  }
  return out;
}

describe('the quiet census', () => {
  it.each(Object.keys(CASES))('changes no result: %s (default and all features)', async (name) => {
    for (const features of [DEFAULT, ALL]) {
      const { quiet, full } = await surfaces(() => new MemoryTree(CASES[name]), features);
      expect(quiet).toEqual(full);
    }
  });

  it('is taken where it is exact, and only there', async () => {
    // lib.rs is parsed (it exports); leaf.rs and other.rs are quiet
    expect(await censusCounts(CASES['quiet files only'])).toEqual({ quiet: 2, full: 1 });
    // `use evil::write` names a macro leaf.rs calls: leaf.rs gets the full census; named.rs calls
    // only vec!, which no use names
    expect(await censusCounts(CASES['a use names a std macro'])).toEqual({ quiet: 1, full: 2 });
    // the same when the use is in a module whose scope leaf.rs does not see (stricter than
    // resolution: any use of the crate that names the macro counts); named.rs calls only vec!
    expect(await censusCounts(CASES['a use elsewhere names a std macro'])).toEqual({ quiet: 1, full: 2 });
    // the crate's own `write` macro: leaf.rs gets the full census
    expect(await censusCounts(CASES['the crate defines a std macro name'])).toEqual({ quiet: 0, full: 2 });
    // built-in names: leaf.rs derives Debug, which a crate macro may shadow (full); other.rs's
    // #[test] is std's in its module, though named.rs imports a `test` (quiet); named.rs is full
    expect(await censusCounts(CASES['a use shadows test, a crate macro shadows Debug'])).toEqual({
      quiet: 1,
      full: 3,
    });
  });

  it('counts the censuses it took (ExtractOptions.stats)', async () => {
    const parser = await loadRustParser();
    const stats = { quietCensuses: 0, fullCensuses: 0 };
    await extractSurface(new MemoryTree(CASES['quiet files only']), parser, { features: DEFAULT, stats });
    expect(stats).toEqual({ quietCensuses: 2, fullCensuses: 1 });
    const none = { quietCensuses: 0, fullCensuses: 0 };
    await extractSurface(new MemoryTree(CASES['quiet files only']), parser, {
      features: DEFAULT,
      stats: none,
      quietTexts: false,
    });
    expect(none).toEqual({ quietCensuses: 0, fullCensuses: 3 });
  });

  it('reports what the full census reports when a std name is not std', async () => {
    const { quiet } = await surfaces(() => new MemoryTree(CASES['a use names a std macro']), DEFAULT);
    const entries = quiet.crates.flatMap((c) => c.unresolved ?? []);
    expect(entries.map((e) => [e.file, e.macro])).toContainEqual(['src/leaf.rs', 'write']);
  });

  it.each(['soundness', 'layouts', 'crates/macros', 'crates/modules', 'crates/forms', 'crates/evidence'])(
    'changes no result: fixture %s, default and all features',
    async (dir) => {
      for (const features of [DEFAULT, ALL]) {
        const { quiet, full } = await surfaces(() => FileSystemTree.open(path.join(FIXTURES, dir)), features);
        expect(quiet).toEqual(full);
      }
    },
  );

  it('is never shared with an extraction whose crate resolves a std name differently', async () => {
    // leaf.rs is the same text on both sides; the head's crate root defines a `write` macro that
    // exports, so leaf.rs's write! is no longer std's: quiet in the base, not in the head
    const base = CASES['quiet files only'];
    const head = {
      ...base,
      'src/lib.rs': `macro_rules! write {\n    ($f:expr, $s:expr) => { #[no_mangle] pub extern "C" fn made() {} };\n}\n${base['src/lib.rs']}`,
    };
    const parser = await loadRustParser();
    const scanCache = new ScanCache();
    const crateMemo = new CrateMemo();
    const opts = { features: DEFAULT, scanCache, crateMemo };
    await extractSurface(new MemoryTree(base), parser, opts);
    const incremental = await extractSurface(new MemoryTree(head), parser, opts);
    const full = await extractSurface(new MemoryTree(head), parser, { features: DEFAULT, quietTexts: false });
    expect(incremental).toEqual(full);
    expect(full.crates[0].unresolved?.map((e) => [e.file, e.macro])).toContainEqual(['src/leaf.rs', 'write']);
    // leaf.rs's quiet scan was handed to the head, and the head still took its full census
    expect(crateMemo.stats.sharedQuietScans).toBeGreaterThan(0);
  });

  it('changes no result on seeded random crates of quiet and loud fragments', async () => {
    const quietBits = [
      'use std::fmt;\n',
      'use std::collections::HashMap as Map;\n',
      'pub use crate::m0::*;\n',
      'fn f() { let _ = vec![1]; }\n',
      'fn g(s: &mut String) { let _ = write!(s, "x"); }\n',
      'fn h() { println!("{}", 1); assert_eq!(1, 1); }\n',
      '#[derive(Debug, Clone)]\nstruct S { a: u8 }\n',
      '#[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n    fn t() { other!(); }\n}\n',
      '/* use evil::vec; */\n',
      'const S: &str = "use evil::println; foo!()";\n',
      '#[cfg(feature = "x")]\nuse evil::vec;\n',
      '#[inline]\npub fn k() -> bool { !true }\n',
    ];
    const loudBits = [
      'use evil::println;\n',
      'fn l() { evil::thing!(); }\n',
      'fn m() { unknown!(); }\n',
      '#[derive(Serialize)]\nstruct T;\n',
      'macro_rules! vec { () => { #[no_mangle] pub extern "C" fn v() {} }; }\n',
      'fn n() { use evil::write; }\n',
      '#[some_attr]\nfn o() {}\n',
    ];
    const r = rng(19);
    const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
    let quietSeen = 0;
    for (let round = 0; round < 12; round++) {
      const files: Record<string, string> = {
        'Cargo.toml': PKG('a', '[dependencies]\nevil = "1"\n'),
      };
      const mods: string[] = [];
      for (let m = 0; m < 4; m++) {
        mods.push(`mod m${m};`);
        let text = '';
        const loud = r() < 0.35;
        for (let k = 0; k < 4; k++) text += pick(quietBits);
        if (loud) text += pick(loudBits);
        files[`src/m${m}.rs`] = text;
        if (quietScan(text, ENV)) quietSeen++;
      }
      files['src/lib.rs'] =
        `${mods.join('\n')}\n#[no_mangle]\npub extern "C" fn lib_version() -> u32 { 1 }\n`;
      for (const features of [DEFAULT, ALL]) {
        const { quiet, full } = await surfaces(() => new MemoryTree(files), features);
        expect(quiet).toEqual(full);
      }
    }
    expect(quietSeen).toBeGreaterThan(10);
  });
});
