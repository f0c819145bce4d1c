/**
 * Issue 19, peak memory: an extraction without a scan cache or crate memo lets each crate's texts go
 * once the crate is read (`releaseTexts`), keeping compact accounting records. These tests check
 * the work done and what is kept — never absolute memory — and that results do not change.
 */
import * as path from 'node:path';
import { FileSystemTree } from '../../src/adapters/file-system-tree';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import {
  accountCrate,
  buildScopes,
  detachString,
  MacroWorld,
  releaseTexts,
} from '../../src/core/extract/accounting';
import { extractCrate } from '../../src/core/extract/extract-crate';
import { extractSurface } from '../../src/core/extract/extract-surface';
import { ScanCache } from '../../src/core/extract/scan-cache';
import { DEFAULT_LIMITS } from '../../src/core/limits';
import { MemoryTree, SourceTree } from '../../src/core/source-tree';
import { discoverWorkspace } from '../../src/core/workspace';
import { ALL, crate, DEFAULT } from './helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** A crate with something of every kind the accounting reads. */
const LIB = crate(
  `//! lib
#![allow(dead_code)]
use other_crate::maybe_exports;
#[cfg(any())]
mod switched_off;
mod inner;
macro_rules! export_fn {
    ($name:ident) => {
        #[no_mangle]
        pub extern "C" fn $name() -> u32 { 7 }
    };
}
export_fn!(made_by_a_macro_with_a_long_name);
maybe_exports!(something_long_enough_to_slice);
#[some_attribute_macro]
fn decorated() {}
#[derive(Debug, serde::Serialize)]
struct Derived { field_with_a_long_name: u32 }
#[no_mangle]
pub extern "C" fn plain_export_with_a_long_name(x: u32) -> u32 {
    println!("{}", x);
    vec![1, 2, 3].len() as u32 + x
}
`,
  {
    'src/inner.rs': `
pub fn nothing_to_account_here() -> u32 { 1 + 2 }
pub struct JustAStruct { a: u8 }
`,
    'src/unreached.rs': '#[no_mangle]\npub extern "C" fn only_through_include() {}\n',
  },
);

async function both(tree: () => Promise<SourceTree> | SourceTree, features = DEFAULT) {
  const parser = await loadRustParser();
  const released = await extractSurface(await tree(), parser, { features });
  // a scan cache keeps texts (it is shared by a diff's two sides): nothing is released
  const kept = await extractSurface(await tree(), parser, { features, scanCache: new ScanCache() });
  return { released, kept };
}

describe('releasing texts after each crate', () => {
  it('changes no result: in-memory crate with every kind of accounted place', async () => {
    const { released, kept } = await both(() => new MemoryTree(LIB));
    expect(released).toEqual(kept);
    // the fixture does reach the accounting: there are unresolved entries with lines
    const entries = released.crates.flatMap((c) => c.unresolved ?? []);
    expect(entries.length).toBeGreaterThan(2);
    expect(entries.every((e) => Number.isInteger(e.line) && e.line > 0)).toBe(true);
  });

  it('changes no result: std macro names shadowed by imports, definitions and other crates', async () => {
    const files: Record<string, string> = {
      'Cargo.toml': '[workspace]\nmembers = ["a", "b"]\n',
      'a/Cargo.toml': '[package]\nname = "a"\nversion = "1.0.0"\nedition = "2021"\n',
      'a/src/lib.rs': `#[macro_export]
macro_rules! println {
    ($n:ident) => { #[no_mangle] pub extern "C" fn $n() {} };
}
pub use std::vec;
`,
      'b/Cargo.toml':
        '[package]\nname = "b"\nversion = "1.0.0"\nedition = "2021"\n[dependencies]\na = { path = "../a" }\n',
      'b/src/lib.rs': `use a::println;
mod plain;
mod globbed;
println!(exported_through_a_std_name);
pub fn f() -> Vec<u8> { vec![1, 2] }
format!("{}", #[no_mangle] 1);
`,
      'b/src/plain.rs': 'pub fn g() { println!("hello"); let _ = format!("x"); }\n',
      'b/src/globbed.rs': 'use a::*;\npub fn h() { println!(something_else); let _ = vec![0]; }\n',
    };
    const { released, kept } = await both(() => new MemoryTree(files));
    expect(released).toEqual(kept);
    expect(released.crates.flatMap((c) => c.unresolved ?? []).length).toBeGreaterThan(0);
  });

  it.each(['soundness', 'layouts', 'crates/macros', 'crates/modules', 'crates/forms'])(
    'changes no result: fixture %s, default and all features',
    async (dir) => {
      for (const features of [DEFAULT, ALL]) {
        const { released, kept } = await both(() => FileSystemTree.open(path.join(FIXTURES, dir)), features);
        expect(released).toEqual(kept);
      }
    },
  );

  it('keeps no text, only the records the accounting reads, and accounts alike', async () => {
    const parser = await loadRustParser();
    const tree = new MemoryTree(LIB);
    const ws = await discoverWorkspace(tree, DEFAULT_LIMITS);
    const manifest = ws.crates[0];
    const features = new Set<string>();
    const r = await extractCrate(tree, manifest, features, parser, DEFAULT_LIMITS);
    const reference = structuredClone(r.accounting);
    reference.own.scopes = buildScopes(reference.texts, reference.env);
    const expected = accountCrate(
      reference,
      new MacroWorld([reference.own], new Set(), { features: new Set() }),
    );

    const read = r.accounting.texts.length;
    expect(releaseTexts(r.accounting)).toBe(read);
    const kept = r.accounting.texts;
    // a file with nothing to account (inner.rs) is not kept; the others are, without their text
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(read);
    expect(kept.some((t) => t.origin.file === 'src/inner.rs')).toBe(false);
    for (const t of kept) {
      expect(t.text).toBe('');
      expect(t.invocations.every((i) => i.input === '')).toBe(true);
      expect(t.census?.uses).toEqual([]);
      // an expansion's places are all shown at its invocation's line: no line is recorded
      if (t.origin.expansionOf !== null) continue;
      for (const s of t.census?.sites ?? []) expect(t.lines?.has(s.offset)).toBe(true);
      for (const b of t.census?.bangs ?? []) expect(t.lines?.has(b.start)).toBe(true);
      for (const a of t.census?.attrs ?? []) expect(t.lines?.has(a.start)).toBe(true);
    }
    expect(r.accounting.own.scopes).toEqual(reference.own.scopes);
    const actual = accountCrate(
      r.accounting,
      new MacroWorld([r.accounting.own], new Set(), { features: new Set() }),
    );
    expect(actual).toEqual(expected);
    expect(actual.entries.length).toBeGreaterThan(0);
  });

  it('detaches strings without changing them', () => {
    const text = `fn main() {} // ${'x'.repeat(100)} \ud800 lone surrogate é`;
    for (const s of [text, text.slice(3, 40), text.slice(60), 'short', '']) expect(detachString(s)).toBe(s);
  });
});
