/**
 * The byte prefilter decides which files are parsed (SPEC section 9). It is written for speed, so
 * it is checked here against its plain regular-expression definition, on chosen and random text.
 */
import fc from 'fast-check';
import { mayContribute, scanModsLexically } from '../../src/core/extract/extract-crate';
import type { ScanContext } from '../../src/core/extract/scan-file';

const MAIN = /no_mangle|export_name|repr\s*\(|macro_rules|^[A-Za-z_][\w:]*!\s*[{([]/m;
/**
 * `extern` alone is parsed only as a block (`extern {`, `extern 9 {`: a literal between) or beside
 * the word `test` or an `unsafe impl` (externNeedsParse; tokens, so no `r#`, quotes or comments in
 * the random alphabet below, where a number literal is `9` and word characters).
 */
const EXTERN = /\bextern\b\s*(?:9\w*\s*)?\{|\btest\b|\bunsafe\s+impl\b/;
const DEFINITION = {
  test: (text: string) => MAIN.test(text) || (text.includes('extern') && EXTERN.test(text)),
};

const CASES = [
  '',
  'fn f() {}',
  '#[no_mangle]',
  'extern {}',
  'extern 9 { }',
  'extern crate foo;',
  'pub extern fn f() {}',
  '#[repr (C)]',
  'repr',
  'macro_rules! m { () => {} }',
  'cfg_if::cfg_if! {',
  'm!(x);',
  '    indented!(x);',
  'x != y',
  'a\nb!{\n',
  'a\r\nb![1]',
  'let x = !y;\nfoo ! (z)',
  'foo!\n(z)',
  '!!!!',
  'a::b::c! [',
  '_m!{}',
  '9m!{}',
];

/** `extern` forms with an ABI string, decided on the lexer's tokens. */
const EXTERN_FORMS: [string, boolean][] = [
  ['extern "C" { fn f(); }', true],
  ['unsafe extern "C" {\n    safe fn f();\n}', true],
  ['extern /* abi */ "C" /* block */ {}', true],
  ['pub extern "C" fn f() {}', false],
  ['type Cb = extern "C" fn(u32);', false],
  ['pub unsafe extern "C-unwind" fn cb(x: u32) -> u32 { x }', false],
  ['extern "C" fn callback() {}\n#[cfg(test)]\nmod tests {}', true],
  ['extern "C" fn cb() {}\nunsafe impl Send for X {}', true],
  ['// extern "C" {\nextern "C" fn cb() {}', false],
  ['let s = "extern \\"C\\" {"; extern "C" fn cb() {}', false],
  ['/* unsafe impl */ extern "C" fn cb() {}', false],
];

describe('mayContribute', () => {
  it.each(EXTERN_FORMS)('parses %j: %s', (text, parsed) => {
    expect(mayContribute(text)).toBe(parsed);
  });

  it.each(CASES)('agrees with its definition on %j', (text) => {
    expect(mayContribute(text)).toBe(DEFINITION.test(text));
  });

  it('agrees with its definition on random text', () => {
    const alphabet = fc.constantFrom(
      ...'ab_:!({[ \n\r\t9#'.split(''),
      'no_mangle',
      'extern',
      ' test',
      'unsafe',
      'impl',
      'repr',
      'macro_rules',
      'm!',
      '::',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(mayContribute(text)).toBe(DEFINITION.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('scanModsLexically', () => {
  const ctx: ScanContext = {
    file: 'src/a.rs',
    modPath: 'crate::a',
    cfgs: [],
    childDir: 'src/a',
    pathBaseDir: 'src',
    lineBase: 1,
  };
  const env = { features: new Set<string>() };

  it('finds declarations with their lines, cfg and path', () => {
    const mods = scanModsLexically(
      '// mod fake;\n/* mod fake2; */\nmod one;\n\n#[cfg(unix)]\npub(crate) mod two;\n#[path = "x.rs"]\nmod three;\nmod inl {\n    mod four;\n}\n#[cfg(test)]\nmod t;\nconst S: &str = "mod s;";\n',
      ctx,
      env,
    );
    expect(mods.map((m) => [m.name, m.line, m.pathAttr, m.lookupDir, m.modPath])).toEqual([
      ['one', 3, null, 'src/a', 'crate::a::one'],
      ['two', 6, null, 'src/a', 'crate::a::two'],
      ['three', 8, 'x.rs', 'src/a', 'crate::a::three'],
      ['four', 10, null, 'src/a/inl', 'crate::a::inl::four'],
    ]);
    expect(mods[1].cfgs).toEqual([{ op: 'name', name: 'unix' }]);
  });

  it('skips files without a `mod name;` without lexing them', () => {
    expect(scanModsLexically('mod tests {\n    fn f() {}\n}\n', ctx, env)).toEqual([]);
  });

  it('finds a declaration whose name follows a comment or string holding a brace', () => {
    for (const text of ['mod // }\nhidden;\n', 'pub mod /* { */ hidden;\n', "mod /* '}' */ hidden;\n"])
      expect(scanModsLexically(text, ctx, env).map((m) => m.name)).toEqual(['hidden']);
  });

  it('agrees with a full lex on random text (the fast path never hides a declaration)', () => {
    const token = fc.constantFrom(
      'mod',
      ' ',
      'x',
      ';',
      '{',
      '}',
      '\n',
      '//',
      '"',
      'r#',
      'pub',
      '#[cfg(test)]',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const mods = scanModsLexically(text, ctx, env);
        // whenever the scan finds a declaration, the fast-path test must have let the text through
        // (a brace in a comment or string between `mod` and its `;` lets it through too)
        if (mods.length) expect(/\bmod\b[^;{}]*;|\bmod\b[^;{}]*["'/]/.test(text)).toBe(true);
        // and the same text with a marker that defeats the fast path yields the same declarations
        const forced = scanModsLexically(`${text}\nmod zz_forced;`, ctx, env).filter(
          (m) => m.name !== 'zz_forced',
        );
        expect(forced.map((m) => m.name)).toEqual(mods.map((m) => m.name));
      }),
      { numRuns: 2000 },
    );
  });
});
