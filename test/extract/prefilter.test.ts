/**
 * The byte prefilter decides which files are parsed (SPEC section 9). It is written for speed, so
 * it is checked here against its plain regular-expression definition, on chosen and random text.
 */
import fc from 'fast-check';
import { mayContribute, scanModsLexically } from '../../src/core/extract/extract-crate';
import type { ScanContext } from '../../src/core/extract/scan-file';

const DEFINITION = /no_mangle|export_name|extern|repr\s*\(|macro_rules|^[A-Za-z_][\w:]*!\s*[{([]/m;

const CASES = [
  '',
  'fn f() {}',
  '#[no_mangle]',
  'pub extern "C" fn f() {}',
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

describe('mayContribute', () => {
  it.each(CASES)('agrees with its definition on %j', (text) => {
    expect(mayContribute(text)).toBe(DEFINITION.test(text));
  });

  it('agrees with its definition on random text', () => {
    const alphabet = fc.constantFrom(
      ...'ab_:!({[ \n\r\t9#'.split(''),
      'no_mangle',
      'extern',
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
        if (mods.length) expect(/\bmod\b[^;{}]*;/.test(text)).toBe(true);
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
