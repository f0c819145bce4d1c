/**
 * Module resolution (SPEC section 2): `mod.rs` and `a.rs`+`a/` layouts, inline modules, `#[path]`
 * with the Rust reference's rules, unreachable files, non-library targets, `cfg` on files and
 * declarations, and declarations in files the byte prefilter does not parse. Each layout runs in
 * memory and on disk, and the `modules` fixture crate checks the same rules against rustc.
 */
import { FileSystemTree } from '../../src/adapters/file-system-tree';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { CrateMemo } from '../../src/core/extract/crate-memo';
import { extractSurface } from '../../src/core/extract/extract-surface';
import { ScanCache } from '../../src/core/extract/scan-cache';
import type { Surface } from '../../src/core/model';
import { MemoryTree, SourceTree } from '../../src/core/source-tree';
import {
  ALL,
  codes,
  crate,
  diag,
  extract,
  fn,
  MANIFEST,
  NONE,
  RecordingTree,
  removeTree,
  symbolsOf,
  writeTree,
} from './helpers';

const EXPORT = (name: string): string => `#[no_mangle]\npub extern "C" fn ${name}() {}\n`;

/**
 * Every layout rule in one crate; `wrong_*` exports sit where a wrong resolution would look. The
 * `modules` fixture crate holds the same layout, so rustc confirms these expectations.
 */
const LAYOUTS: Record<string, string> = {
  'Cargo.toml': MANIFEST,
  'src/lib.rs': `
mod a;
mod b;
mod inline_outer {
    mod inner;
    mod deeper {
        mod leaf;
    }
}
#[path = "x/y.rs"]
mod z;
mod inl {
    #[path = "t.rs"]
    mod u;
}
#[path = "thread_files"]
mod thread {
    #[path = "tls.rs"]
    mod local_data;
    mod plain;
}
#[path = "deep/er/m.rs"]
mod m;
${EXPORT('at_root')}`,
  // a.rs + a/ layout
  'src/a.rs': `
mod child;
#[path = "p.rs"]
mod q;
mod inl {
    #[path = "t.rs"]
    mod u;
}
#[path = "pinl"]
mod path_inline {
    mod leaf;
}
${EXPORT('in_a_rs')}`,
  'src/pinl/leaf.rs': EXPORT('path_inline_in_non_mod_rs'),
  'src/a/pinl/leaf.rs': EXPORT('wrong_path_inline_in_non_mod_rs'),
  'src/a/child.rs': EXPORT('in_a_child'),
  'src/p.rs': EXPORT('path_from_non_mod_rs'),
  'src/a/p.rs': EXPORT('wrong_path_relative_to_child_dir'),
  'src/a/inl/t.rs': EXPORT('path_in_inline_of_non_mod_rs'),
  'src/inl/t.rs': EXPORT('path_in_inline_of_mod_rs'),
  // mod.rs layout
  'src/b/mod.rs': `
mod child;
#[path = "../shared.rs"]
mod shared;
mod inl {
    #[path = "t.rs"]
    mod u;
}
${EXPORT('in_b_mod_rs')}`,
  'src/b/child.rs': EXPORT('in_b_child'),
  'src/shared.rs': EXPORT('path_parent_from_mod_rs'),
  'src/b/inl/t.rs': EXPORT('path_in_inline_of_nested_mod_rs'),
  'src/b/b/inl/t.rs': EXPORT('wrong_mod_rs_treated_as_non_mod_rs'),
  // inline nesting
  'src/inline_outer/inner.rs': EXPORT('inline_inner'),
  'src/inline_outer/deeper/leaf.rs': EXPORT('inline_deeper_leaf'),
  'src/inner.rs': EXPORT('wrong_inline_ignored'),
  // #[path] file: its children are looked up beside it (it behaves like mod.rs)
  'src/x/y.rs': `mod w;\n${EXPORT('path_file')}`,
  'src/x/w.rs': EXPORT('child_of_path_file'),
  'src/x/y/w.rs': EXPORT('wrong_child_of_path_file'),
  // #[path] on an inline module names a directory
  'src/thread_files/tls.rs': EXPORT('path_inline_dir_tls'),
  'src/thread_files/plain.rs': EXPORT('path_inline_dir_plain'),
  'src/thread/plain.rs': EXPORT('wrong_inline_path_ignored'),
  // nested path directories
  'src/deep/er/m.rs': `mod n;\n${EXPORT('nested_path_dirs')}`,
  'src/deep/er/n.rs': EXPORT('child_of_nested_path'),
  // never part of the library
  'src/unreachable.rs': EXPORT('unreachable'),
  'build.rs': `${EXPORT('from_build_rs')}fn main() {}\n`,
  'tests/it.rs': EXPORT('from_tests'),
  'examples/ex.rs': `${EXPORT('from_examples')}fn main() {}\n`,
  'benches/b.rs': EXPORT('from_benches'),
  'src/bin/tool.rs': `${EXPORT('from_bin')}fn main() {}\n`,
  'src/main.rs': `${EXPORT('from_main_rs')}fn main() {}\n`,
};

const EXPECTED = [
  'at_root',
  'child_of_nested_path',
  'child_of_path_file',
  'in_a_child',
  'in_a_rs',
  'in_b_child',
  'in_b_mod_rs',
  'inline_deeper_leaf',
  'inline_inner',
  'nested_path_dirs',
  'path_file',
  'path_from_non_mod_rs',
  'path_in_inline_of_mod_rs',
  'path_in_inline_of_nested_mod_rs',
  'path_in_inline_of_non_mod_rs',
  'path_inline_dir_plain',
  'path_inline_dir_tls',
  'path_inline_in_non_mod_rs',
  'path_parent_from_mod_rs',
];

async function onDisk<T>(files: Record<string, string>, f: (tree: SourceTree) => Promise<T>): Promise<T> {
  const dir = writeTree(files);
  try {
    return await f(await FileSystemTree.open(dir));
  } finally {
    removeTree(dir);
  }
}

const backends: [
  string,
  <T>(files: Record<string, string>, f: (t: SourceTree) => Promise<T>) => Promise<T>,
][] = [
  ['in memory', (files, f) => f(new MemoryTree(files))],
  ['on disk', onDisk],
];

describe.each(backends)('module resolution (%s)', (_label, withTree) => {
  it('follows mod.rs, a.rs + a/, inline nesting and #[path] by the reference rules', async () => {
    const s = await withTree(LAYOUTS, (t) => extract(t));
    expect(symbolsOf(s)).toEqual(EXPECTED);
    expect(s.diagnostics).toEqual([]);
  });

  it('records module paths and files of resolved modules', async () => {
    const s = await withTree(LAYOUTS, (t) => extract(t));
    expect(fn(s, 'in_a_child').path).toBe('crate::a::child');
    expect(fn(s, 'in_a_child').file).toBe('src/a/child.rs');
    expect(fn(s, 'path_in_inline_of_non_mod_rs').path).toBe('crate::a::inl::u');
    expect(fn(s, 'path_inline_dir_tls').path).toBe('crate::thread::local_data');
    expect(fn(s, 'path_inline_dir_tls').file).toBe('src/thread_files/tls.rs');
    expect(fn(s, 'inline_deeper_leaf').path).toBe('crate::inline_outer::deeper::leaf');
    expect(s.crates[0].files).not.toContain('src/unreachable.rs');
    expect(s.crates[0].files).toContain('src/deep/er/n.rs');
  });

  // Superseded (Sound gate I): files of the crate that no `mod` reaches are now read by the
  // accounting net — never extracted, but an export attribute in them is an unresolved entry,
  // since `include!` or a `#[path]` the engine did not follow may compile them. Non-library
  // targets are still never read.
  it('never reads non-library targets, and reads unreachable files only to account for them', async () => {
    const { reads, s } = await withTree(LAYOUTS, async (t) => {
      const rec = new RecordingTree(t);
      const s = await extract(rec);
      return { reads: rec.reads, s };
    });
    for (const p of [
      'build.rs',
      'tests/it.rs',
      'examples/ex.rs',
      'benches/b.rs',
      'src/main.rs',
      'src/bin/tool.rs',
    ])
      expect(reads).not.toContain(p);
    const unreachable = [
      'src/unreachable.rs',
      'src/inner.rs',
      'src/a/p.rs',
      'src/x/y/w.rs',
      'src/thread/plain.rs',
    ];
    const items = s.crates[0].items;
    for (const p of unreachable) expect(items.filter((i) => i.file === p)).toEqual([]);
    const flagged = new Set((s.crates[0].unresolved ?? []).map((u) => `${u.file} ${u.reason}`));
    for (const p of unreachable)
      if (reads.includes(p))
        expect(flagged.has(`${p} unreachable-file`) || !/no_mangle|export_name/.test(LAYOUTS[p] ?? '')).toBe(
          true,
        );
  });

  it('reports a declared module whose file is missing, and keeps the rest', async () => {
    const s = await withTree(crate(`mod gone;\n${EXPORT('kept')}`), (t) => extract(t));
    expect(symbolsOf(s)).toEqual(['kept']);
    const d = diag(s, 'module-not-found');
    expect(d.message).toContain('src/gone.rs');
    expect(d.message).toContain('src/gone/mod.rs');
    expect(d.file).toBe('src/lib.rs');
    expect(d.line).toBe(1);
  });

  it('skips a file whose inner #![cfg(test)] disables it', async () => {
    const s = await withTree(
      crate('mod only_tests;\nmod plain;\n', {
        'src/only_tests.rs': `//! tests\n#![cfg(test)]\n${EXPORT('in_test_file')}`,
        'src/plain.rs': `#![allow(dead_code)]\n${EXPORT('in_plain_file')}`,
      }),
      (t) => extract(t),
    );
    expect(symbolsOf(s)).toEqual(['in_plain_file']);
  });

  it('carries an inner #![cfg(unix)] onto the file items', async () => {
    const s = await withTree(
      crate('mod sys;\n', { 'src/sys.rs': `#![cfg(unix)]\n${EXPORT('sys_fn')}` }),
      (t) => extract(t),
    );
    expect(fn(s, 'sys_fn').cfg).toBe('unix');
  });

  it('honours #[cfg(feature)] on a mod declaration', async () => {
    const files = {
      'Cargo.toml': `${MANIFEST}\n[features]\nextra = []\n`,
      'src/lib.rs': '#[cfg(feature = "extra")]\nmod extra;\n#[cfg(not(feature = "extra"))]\nmod basic;\n',
      'src/extra.rs': `mod inner;\n${EXPORT('extra_fn')}`,
      'src/extra/inner.rs': EXPORT('extra_inner'),
      'src/basic.rs': EXPORT('basic_fn'),
    };
    const off = await withTree(files, (t) => extract(t));
    expect(symbolsOf(off)).toEqual(['basic_fn']);
    expect(fn(off, 'basic_fn').cfg).toBe('not(feature = "extra")');
    const on = await withTree(files, (t) => extract(t, ALL));
    expect(symbolsOf(on)).toEqual(['extra_fn', 'extra_inner']);
    expect(fn(on, 'extra_inner').cfg).toBe('feature = "extra"');
    const rec = await withTree(files, async (t) => {
      const r = new RecordingTree(t);
      await extract(r, NONE);
      return r.reads;
    });
    expect(rec).not.toContain('src/extra.rs');
  });

  it('follows modules declared in a file the byte prefilter does not parse', async () => {
    // plain.rs has no export, repr, extern or macro: it is scanned lexically for `mod` only
    const s = await withTree(
      crate('mod plain;\n', {
        'src/plain.rs': `//! no exports here
use std::fmt;
/// mod fake; in a doc comment
pub fn helper() -> &'static str { "mod not_a_mod;" }
#[cfg(test)]
mod tests;
#[cfg(feature = "nope")]
mod disabled;
#[cfg(unix)]
pub(crate) mod child;
#[path = "elsewhere/renamed.rs"]
mod renamed;
mod inline {
    mod grandchild;
}
pub struct S { x: u32 }
impl fmt::Debug for S { fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { let _ = "mod x;"; Ok(()) } }
`,
        'src/plain/child.rs': EXPORT('child_of_skipped_file'),
        'src/plain/tests.rs': EXPORT('in_tests_mod'),
        'src/plain/disabled.rs': EXPORT('in_disabled_mod'),
        'src/elsewhere/renamed.rs': EXPORT('renamed_from_skipped'),
        'src/plain/inline/grandchild.rs': EXPORT('grandchild_of_skipped'),
      }),
      (t) => extract(t),
    );
    expect(symbolsOf(s)).toEqual(['child_of_skipped_file', 'grandchild_of_skipped', 'renamed_from_skipped']);
    expect(fn(s, 'child_of_skipped_file').cfg).toBe('unix');
    expect(fn(s, 'child_of_skipped_file').path).toBe('crate::plain::child');
    expect(codes(s)).toEqual([]);
  });

  it('follows modules declared inside cfg_if! and inside crate macros', async () => {
    const s = await withTree(
      crate(
        `cfg_if::cfg_if! {
    if #[cfg(feature = "never")] {
        mod never;
    } else if #[cfg(unix)] {
        mod unix_impl;
    } else {
        mod fallback;
    }
}
macro_rules! declare { ($m:ident) => { pub mod $m; }; }
declare!(from_macro);
`,
        {
          'src/never.rs': EXPORT('never_fn'),
          'src/unix_impl.rs': `mod deeper;\n${EXPORT('unix_fn')}`,
          'src/unix_impl/deeper.rs': EXPORT('unix_deeper'),
          'src/fallback.rs': EXPORT('fallback_fn'),
          'src/from_macro.rs': EXPORT('macro_declared'),
        },
      ),
      (t) => extract(t),
    );
    expect(symbolsOf(s)).toEqual(['fallback_fn', 'macro_declared', 'unix_deeper', 'unix_fn']);
    expect(fn(s, 'unix_deeper').cfg).toBe('unix');
    expect(fn(s, 'fallback_fn').cfg).toBe('not(unix)');
  });

  it('strips the raw-identifier prefix from module files and exported names', async () => {
    const s = await withTree(
      crate('mod r#type;\n', {
        'src/type.rs':
          '#[no_mangle]\npub extern "C" fn r#loop() {}\n#[no_mangle]\npub static r#static: u8 = 0;\n',
      }),
      (t) => extract(t),
    );
    expect(symbolsOf(s)).toEqual(['loop', 'static']);
    expect(fn(s, 'loop').path).toBe('crate::type');
    expect(s.diagnostics).toEqual([]);
  });

  it('uses the [lib] path as the root and resolves from its directory', async () => {
    const s = await withTree(
      {
        'Cargo.toml': `${MANIFEST}\n[lib]\npath = "ffi/root.rs"\n`,
        'ffi/root.rs': `mod sub;\n${EXPORT('lib_path_root')}`,
        'ffi/sub.rs': EXPORT('lib_path_sub'),
        'src/lib.rs': EXPORT('not_the_root'),
      },
      (t) => extract(t),
    );
    expect(symbolsOf(s)).toEqual(['lib_path_root', 'lib_path_sub']);
  });
});

/**
 * A file of the crate that no module reaches is passed by when it holds the very text of a module
 * file the walk read (a copy or link of it). The extraction keeps the hashes of read texts that
 * name an export attribute only (peak memory, issue 19), and released crates share the listing's
 * path strings: every way of extracting must give the same entries.
 */
describe('unreached copies of read modules', () => {
  const files = crate('mod a;\nmod quiet;\n', {
    'src/a.rs': EXPORT('in_a'),
    'src/quiet.rs': 'pub fn nothing() {}\n',
    'src/copy_of_a.rs': EXPORT('in_a'),
    'src/copy_of_quiet.rs': 'pub fn nothing() {}\n',
    // the text of a read module with an export word added in a comment: not a copy
    'src/near_copy.rs': `${EXPORT('in_a')}// no_mangle\n`,
    'src/stray.rs': EXPORT('stray'),
  });
  const flagged = (s: Surface) => (s.crates[0].unresolved ?? []).map((u) => `${u.file} ${u.reason}`);

  it.each(backends)('passes a copy by and reports the rest, released or not (%s)', async (_l, withTree) => {
    const parser = await loadRustParser();
    const expected = ['src/near_copy.rs unreachable-file', 'src/stray.rs unreachable-file'];
    await withTree(files, async (t) => {
      const released = await extract(t);
      expect(symbolsOf(released)).toEqual(['in_a']);
      expect(flagged(released)).toEqual(expected);
      expect(released.crates[0].files).toEqual(['src/a.rs', 'src/lib.rs', 'src/quiet.rs']);
      for (const options of [{ crateMemo: new CrateMemo() }, { scanCache: new ScanCache() }]) {
        const s = await extractSurface(t, parser, { features: NONE, ...options });
        expect(flagged(s)).toEqual(expected);
        expect(s.crates[0].files).toEqual(released.crates[0].files);
      }
    });
  });
});
