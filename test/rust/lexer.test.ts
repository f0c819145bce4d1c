/**
 * The optimised `lex` returns exactly the tokens of the implementation it replaced
 * (test/support/lexer-reference.ts, kept verbatim): same kinds, texts, offsets and `doc`, the same
 * cut at `maxTokens`, and the same object shape (`toStrictEqual` tells a missing `doc` from an
 * undefined one), on the Rust fixtures, on every source file of the project read as text, on
 * hand-picked edge cases, and on seeded random strings of Rust-ish fragments.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lex, LexOptions } from '../../src/core/rust/lexer';
import { referenceLex } from '../support/lexer-reference';
import { rng } from '../support/rng';

const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string, keep: (name: string) => boolean, acc: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, keep, acc);
    else if (e.isFile() && keep(e.name)) acc.push(p);
  }
  return acc.sort();
}

const OPTIONS: LexOptions[] = [{}, { docComments: true }, { docComments: false }];
const LIMITS = [0, 1, 7, 100];

/**
 * The two lexers agree on `text`: whole, with the defaults and with doc comments (`{}` and
 * `{ docComments: false }` take the defaults' path in both), and cut at small limits with every
 * option set. (Whole texts are compared twice, not four times: `toStrictEqual` on the ~250,000
 * tokens of src/ is most of this file's time.)
 */
function expectSame(text: string): void {
  expect(lex(text)).toStrictEqual(referenceLex(text));
  expect(lex(text, undefined, { docComments: true })).toStrictEqual(
    referenceLex(text, undefined, { docComments: true }),
  );
  for (const options of OPTIONS)
    for (const max of LIMITS) expect(lex(text, max, options)).toStrictEqual(referenceLex(text, max, options));
}

const EDGE_CASES = [
  '',
  ' ',
  'a',
  '/',
  '//',
  '///',
  '////',
  '//!',
  '/// doc\r\nfn f() {}',
  '//! inner\r\n/// outer\r\n//// not doc\r\n// plain\r',
  '/**/ /***/ /** doc */ /*! inner */ /* plain */ /*** not */',
  '/* /* nested */ still */ after',
  '/* unterminated /* nested',
  '/** unterminated doc',
  '"unterminated',
  '"escape at end\\',
  'b"bytes" c"cstr" b"\\"" c"\\\\"',
  'r"raw" r#"raw "# inside"# r##"x"#"## br#"b"# cr"c" cr##"c"##',
  'r#"unterminated raw',
  'r###',
  'r#abc r#fn r# r#1 r#"',
  "'a 'static 'r#a 'r#a' 'a' '\\'' '\\n' b'x' b'\\'' b'\\\\' '",
  "'\n' '(\n' 'ab\n",
  "'\\",
  "b'",
  "c'x'",
  '1..2 1.max() 1.0e-3 1e10 1E+5 1.5f32 1. 1.e3 0x1F_u8 0b1010 0o777 0xg 0b12 0x 1_000 1f 1else 1.x',
  '1.',
  '0',
  '0x',
  '9e',
  '9e+',
  ':: ..= ... .. . <<= >>= << >> <= >= <- -> => == != && || += -= *= /= %= ^= &= |= @ # $ ? ~ ; ,',
  '<<',
  '<',
  '..',
  '(a[b{c}d]e)',
  'caf\u00e9 \u00e9t\u00e9 \u4e2d\u6587 \ud83d\ude00 \ud800 x\udc00y',
  'a\u0085b\u200ec\u200fd\u2028e\u2029f\u00a0g',
  '#\u200e[no_mangle]',
  '\u0000\u0001\u007f\u001b',
  'a\tb\u000bc\u000cd\re\nf',
];

describe('lex matches the pre-optimisation reference', () => {
  test('hand-picked edge cases', () => {
    for (const text of EDGE_CASES) expectSame(text);
  });

  test('every .rs fixture', () => {
    const files = filesUnder(path.join(ROOT, 'test/fixtures'), (name) => name.endsWith('.rs'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expectSame(fs.readFileSync(file, 'utf8'));
  });

  test('every file under src/, read as text', () => {
    const files = filesUnder(path.join(ROOT, 'src'), () => true);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expectSame(fs.readFileSync(file, 'utf8'));
  });

  test('seeded random strings of Rust-ish fragments', () => {
    const FRAGMENTS = [
      '"',
      "'",
      '\\',
      'r#"',
      '"#',
      '"##',
      'r##"',
      'br"',
      'br#"',
      'cr"',
      'c"',
      'b"',
      "b'",
      'r#',
      'r',
      'b',
      'c',
      '#',
      '/*',
      '*/',
      '/**',
      '/*!',
      '//',
      '///',
      '//!',
      '////',
      '/',
      '*',
      "'a",
      "'r#a",
      "'static",
      '0',
      '1',
      '9',
      '0x',
      '0b',
      '0o',
      '.',
      'e',
      'E',
      '_',
      '+',
      '-',
      'u8',
      'f32',
      'x',
      'max',
      'fn',
      '\u00e9',
      '\u4e2d',
      '\ud83d\ude00',
      '\ud800',
      '\u0085',
      '\u200e',
      '\u200f',
      '\u2028',
      '\u2029',
      '\u00a0',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '::',
      '..=',
      '...',
      '..',
      '<<=',
      '>>=',
      '<<',
      '>>',
      '<-',
      '->',
      '=>',
      '==',
      '!=',
      '&&',
      '||',
      '=',
      '<',
      '>',
      '!',
      '&',
      '|',
      '^',
      '%',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      ',',
      ';',
      '@',
      '$',
      '?',
      '~',
      '\u0000',
    ];
    const random = rng(0x1e5e7);
    for (let round = 0; round < 400; round++) {
      const length = 1 + Math.floor(random() * 60);
      let text = '';
      for (let k = 0; k < length; k++) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
      expectSame(text);
    }
  });
});
