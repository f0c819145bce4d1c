/**
 * Function bodies are walked only when they can hold something the walk finds (an item, an
 * attribute, a macro invocation, a syntax error): every way of nesting an export in a body is
 * still found, and a body of plain expressions is not walked.
 */
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { mayHoldItems } from '../../src/core/extract/scan-file';
import type { RustParser } from '../../src/core/extract/extract-crate';
import { codes, crate, extractFiles, symbolsOf } from './helpers';

let parser: RustParser;
beforeAll(async () => {
  parser = await loadRustParser();
});

/** `mayHoldItems` of the body of the one function in `src`. */
function bodyMayHoldItems(src: string): boolean {
  const tree = parser.parse(src);
  try {
    const fnNode = tree.rootNode.namedChildren.find((n) => n?.type === 'function_item');
    const body = fnNode?.childForFieldName('body');
    if (!body) throw new Error('no body');
    return mayHoldItems(body);
  } finally {
    tree.delete();
  }
}

describe('which bodies are walked', () => {
  it('a body of plain expressions, comparisons and negations is not', () => {
    const plain = [
      'fn f(a: u32, b: u32) -> bool { let c = a + b; if c != 3 && !(a > b) { return c == 4; } false }',
      'fn f(v: &[u8]) -> usize { let mut n = 0; for x in v { n += *x as usize; } loop { break n; } }',
      'fn f(x: Option<u8>) -> u8 { match x { Some(y) => y, None => 0 } }',
    ];
    for (const src of plain) expect([src, bodyMayHoldItems(src)]).toEqual([src, false]);
  });

  it('a body with any sign of an item, attribute, macro invocation or error is', () => {
    const signs = [
      'fn f() { fn g() {} }',
      'fn f() { static S: u8 = 0; }',
      'fn f() { struct S; }',
      'fn f() { union U { a: u8 } }',
      'fn f() { enum E { A } }',
      'fn f() { type T = u8; }',
      'fn f() { const C: u8 = 0; }',
      'fn f() { impl S {} }',
      'fn f() { mod m {} }',
      'fn f() { extern "C" { fn g(); } }',
      'fn f() { trait T {} }',
      'fn f() { use std::io; }',
      'fn f() { macro_rules! m { () => {} } }',
      'fn f() { #[allow(unused)] let x = 1; }',
      'fn f() { let r#x = 1; }',
      'fn f() { m!(); }',
      'fn f() { a::m! { } }',
      'fn f() { let v = vec ! [1]; }',
      'fn f() { make_export! /* a comment */ (g); }',
      'fn f() { make_export! // a comment\n (g); }',
      'fn f() { exporté!(g); }',
      'fn f() { let x = ; }',
    ];
    for (const src of signs) expect([src, bodyMayHoldItems(src)]).toEqual([src, true]);
  });
});

describe('exports nested in bodies are still found', () => {
  it('nested functions and statics, through attributes, crate macros and cfg_if', async () => {
    const lib =
      'macro_rules! make {\n    ($n:ident) => {\n        #[no_mangle]\n        pub extern "C" fn $n() {}\n    };\n}\n' +
      'pub fn outer() -> u32 {\n    #[no_mangle]\n    pub extern "C" fn nested_fn() {}\n    1 + 2\n}\n' +
      'pub fn with_static() {\n    #[export_name = "nested_static"]\n    pub static S: u8 = 0;\n}\n' +
      'pub fn with_macro() {\n    make!(from_macro);\n}\n' +
      'pub fn with_cfg_if() {\n    cfg_if::cfg_if! {\n        if #[cfg(all())] {\n            #[no_mangle]\n            pub extern "C" fn from_cfg_if() {}\n        }\n    }\n}\n' +
      'pub fn deeper() {\n    let _ = || {\n        #[no_mangle]\n        pub extern "C" fn in_closure() {}\n    };\n}\n' +
      'pub fn plain(a: u32) -> u32 {\n    if a != 0 { a * 2 } else { !a }\n}\n';
    const s = await extractFiles(crate(lib));
    expect(symbolsOf(s)).toEqual(['from_cfg_if', 'from_macro', 'in_closure', 'nested_fn', 'nested_static']);
  });

  it.each(['@ @', '1 2 3'])(
    'a syntax error in a body of plain expressions is still reported (%s)',
    async (body) => {
      const s = await extractFiles(
        crate(`pub fn broken() -> u32 {\n    ${body}\n    0\n}\n#[no_mangle]\npub extern "C" fn ok() {}\n`),
      );
      expect(symbolsOf(s)).toEqual(['ok']);
      expect(codes(s)).toContain('syntax-error');
    },
  );
});
