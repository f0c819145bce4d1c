/**
 * Issue 19: the walk for items nested in function bodies does not descend into expressions whose
 * text holds neither `{` nor `!` (FileScanner.holdsBraceOrBang). Items and macro calls reached only
 * through braces or a `!` are still found, at any expression position; a tree with a syntax error
 * is walked whole.
 */
import { crate, extractFiles, symbolsOf } from './helpers';

const NESTED = `
pub fn host(v: Vec<u8>) -> i32 {
    let a = (1 + { #[no_mangle] pub extern "C" fn in_block_expr() {} 2 });
    let b = [0u8; { #[no_mangle] pub extern "C" fn in_array_len() {} 3 }];
    let c = Some(|| { #[no_mangle] pub extern "C" fn in_closure() {} });
    let d = if v.is_empty() { #[no_mangle] pub extern "C" fn in_if() {} 1 } else { 2 };
    let e = match v.len() { _ => { #[no_mangle] pub extern "C" fn in_match_arm() {} 0 } };
    let f = call(arg(deep(more(|x| x + 1, unsafe { #[no_mangle] pub extern "C" fn in_call_args() {} 4 }))));
    let g = (v.len() as i32) * 7 - a + d + e + f;
    drop((b, c));
    g
}
`;

describe('items nested in expressions', () => {
  it('are found through braces at any depth of an expression', async () => {
    const s = await extractFiles(crate(NESTED));
    expect(symbolsOf(s)).toEqual([
      'in_array_len',
      'in_block_expr',
      'in_call_args',
      'in_closure',
      'in_if',
      'in_match_arm',
    ]);
  });

  it('are found in a file with a syntax error elsewhere (the whole tree is walked)', async () => {
    const s = await extractFiles(crate(`${NESTED}\nfn broken( {\n`));
    expect(symbolsOf(s)).toEqual(
      expect.arrayContaining(['in_block_expr', 'in_closure', 'in_if', 'in_match_arm']),
    );
  });

  it('a macro call in an expression is still recorded and accounted', async () => {
    const s = await extractFiles(
      crate(`pub fn host() -> usize { let n = (1 + (2 * len(unknown_macro!(x)))); n }\n`),
    );
    const entries = s.crates.flatMap((c) => c.unresolved ?? []);
    expect(entries.map((e) => e.macro)).toEqual(['unknown_macro']);
  });
});
