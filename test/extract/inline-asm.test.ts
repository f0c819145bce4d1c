/**
 * Inline assembly (src/core/extract/inline-asm.ts): which `asm!`/`naked_asm!` invocations are
 * provably harmless (their templates are plain string literals holding no directive that can make
 * a symbol, and no macro builds their input), read from the tokens of the invocation's input.
 */
import { matchGroups } from '../../src/core/extract/census';
import { asmTextRisk, inlineAsmRisk } from '../../src/core/extract/inline-asm';
import { decodeEscapes, unescapeRustString } from '../../src/core/rust/attributes';
import { lex } from '../../src/core/rust/lexer';

/** The risk of `asm!(<input>)`, read as the census reads it. */
function risk(input: string): string | null {
  const text = `asm!(${input})`;
  const tokens = lex(text, 1_000_000);
  const match = matchGroups(tokens);
  const n = tokens.length;
  const skip = (i: number) => (tokens[i].kind === 'open' ? (match[i] < 0 ? n : match[i] + 1) : i + 1);
  return inlineAsmRisk(tokens, 3, match[2], skip);
}

describe('inlineAsmRisk', () => {
  it.each([
    ['instructions only', '"nop"'],
    ['several templates and operands', '"mov {0}, {1}", "add {0}, 1", out(reg) x, in(reg) y'],
    [
      'named operands, options and clobber_abi',
      '"call {f}", f = sym callee, clobber_abi("C"), options(nostack)',
    ],
    ['a const operand', '"mov eax, {}", const 42, out("eax") _'],
    ['a raw string', 'r#"nop"#'],
    [
      'CFI and alignment directives',
      '".cfi_startproc", ".p2align 4", ".cfi_def_cfa_offset 16", ".cfi_endproc"',
    ],
    [
      'sections, their names not read as directives',
      '".pushsection .text.hot,\\"ax\\"", "nop", ".popsection"',
    ],
    ['upper-case harmless directives', '".SECTION .data", ".BYTE 0x90"'],
    ['names with dots in instructions', '"b.eq 1f", "ldr.w r0, [r1]", "mov {0:v}.d[1], {1}", "fence.i"'],
    ['a comment that names a directive', '"// a .globl here would be reported", "nop"'],
    ['MIPS assembler options', '".set noat", "syscall", ".set at", ".set noreorder", ".set mips32r2"'],
    ['a RISC-V attribute', '".attribute arch, \\"rv64gc\\"", ".option push", ".option pop"'],
    ['escapes that make instructions', '"mov eax, 1\\n\\tnop\\u{20}"'],
    ['a line continuation', '"nop\\\n      nop"'],
    ['a trailing comma', '"nop",'],
    [
      'an escaped brace (an AVX-512 mask)',
      '"vaddps {0}{{k1}}, {1}, {2}", out(xmm_reg) a, in(xmm_reg) b, in(xmm_reg) c',
    ],
  ])('spares %s', (_what, input) => {
    expect(risk(input)).toBeNull();
  });

  it.each([
    ['.globl', '".globl evil", "evil:", "ret"', '.globl'],
    ['.GLOBL (directive names are case-insensitive)', '".GLOBL evil"', '.GLOBL'],
    ['.global after instructions', '"nop; .global evil"', '.global'],
    ['an escaped dot', '"\\x2eglobl evil"', '.globl'],
    ['a Unicode escape', '"\\u{2e}glo\\u{62}l evil"', '.globl'],
    ['an escaped line break', '"nop\\n.weak evil"', '.weak'],
    ['a line continuation before the directive', '"nop\\n\\\n    .comm evil, 8"', '.comm'],
    ['a raw string', 'r#".globl evil"#', '.globl'],
    ['a later template', '"nop", ".symver a, b@V1"', '.symver'],
    ['.set of a symbol', '".set evil, 0"', '.set'],
    ['.equ', '".equ evil, 1"', '.equ'],
    ['.macro', '".macro m", ".endm"', '.macro'],
    ['.rept', '".rept 2", "nop", ".endr"', '.rept'],
    ['.incbin', '".incbin \\"x.o\\""', '.incbin'],
    ['.type', '".type evil, @function"', '.type'],
    ['an unknown directive', '".weird_directive x"', '.weird_directive'],
    ['a directive after a quote on the line', '"nop # \\"//\\" .globl evil"', '.globl'],
  ])('reports %s', (_what, input, directive) => {
    expect(risk(input)).toContain(`\`${directive}\``);
  });

  it.each([
    ['concat!', 'concat!(".glo", "bl evil")', 'concat!'],
    ['include_str!', 'include_str!("evil.s")', 'include_str!'],
    ['stringify!', 'stringify!(.globl evil)', 'stringify!'],
    ['a crate macro in an operand', '"mov {}, 1", out(reg) evil!()', 'evil!'],
  ])('reports a macro call: %s', (_what, input, name) => {
    expect(risk(input)).toContain(name);
  });

  it.each([
    ['a template that is an identifier', 'TEMPLATE'],
    ['a macro variable', '$t'],
    ['a macro variable among the operands', '"nop", $($rest)*'],
    ['a byte string', 'b"nop"'],
    ['a C string', 'c"nop"'],
    ['a suffixed string', '"nop"suffix'],
    ['an unknown escape', '"\\q"'],
    ['a \\x escape above 0x7F', '"\\xff"'],
    ['a surrogate', '"\\u{d800}"'],
    ['no template', ''],
    ['a directive made from an operand', '".{} evil", sym f'],
    ['a directive name completed by an operand', '".glo{0} evil", sym f'],
    ['a global label', '"evil::", "ret"'],
    ['the COFF linker directive section', '".section .drectve", ".ascii \\" -export:evil\\""'],
    ['a MIPS .set with a value', '".set noat, 1"'],
    ['an assembler option list with a symbol', '".option push", ".set at = 4"'],
  ])('reports what it cannot read or what may make a symbol: %s', (_what, input) => {
    expect(risk(input)).not.toBeNull();
  });

  it('reads options(raw): braces are then text, not operands', () => {
    expect(risk('"{}.globl evil", options(raw)')).toContain('.globl');
    expect(risk('"{0}.d", in(reg) x')).toBeNull();
  });

  it('is linear: a long template with many comments and dots', () => {
    const big = '"' + 'nop // x\\n'.repeat(50_000) + 'a.b '.repeat(50_000) + '"';
    const t0 = Date.now();
    expect(risk(big)).toBeNull();
    expect(Date.now() - t0).toBeLessThan(2_000);
    const oneLine = '"' + "a'//".repeat(100_000) + '"';
    expect(risk(oneLine)).toBeNull();
  });
});

describe('decodeEscapes', () => {
  const strict = (body: string) => decodeEscapes(body, true);

  it('decodes what rustc decodes in a string literal, strict or not', () => {
    for (const decode of [strict, (b: string) => decodeEscapes(b)]) {
      expect(decode('a\\n\\t\\r\\\\\\"\\\'\\0')).toBe('a\n\t\r\\"\'\0');
      expect(decode('\\x2e\\x7F')).toBe('.\x7f');
      expect(decode('\\u{2E}\\u{1_F6_00}')).toBe('.\u{1f600}');
      expect(decode('a\\\n   \t\n b')).toBe('ab');
      expect(decode('a\\\r\n  b')).toBe('ab');
    }
  });

  it('strict: refuses what rustc refuses in a string', () => {
    for (const bad of [
      '\\q',
      '\\x80',
      '\\x2',
      '\\u{}',
      '\\u{_1}',
      '\\u{1234567}',
      '\\u{110000}',
      '\\u{D800}',
      '\\u2e',
      '\\',
    ])
      expect(strict(bad)).toBe(false);
  });

  it('lenient (attribute values, byte strings): reads every escape as well as it can, in linear time', () => {
    expect(decodeEscapes('\\xFF\\q\\u{110000}x\\u{12')).toBe('\u00ffq\ufffdx\ufffd');
    expect(decodeEscapes('a\\')).toBe('a');
    // an export name spelled with `_` in a \u{…} escape is the symbol rustc makes ("abc")
    expect(unescapeRustString('"\\u{6_1}bc"')).toBe('abc');
    expect(unescapeRustString('r#"\\u{61}"#')).toBe('\\u{61}');
    // an unclosed \u{ runs to the end (one replacement), each bad one to its own `}`
    expect(decodeEscapes('\\u{'.repeat(50_000))).toBe('\ufffd');
    expect(decodeEscapes('\\u{zz}'.repeat(50_000))).toBe('\ufffd'.repeat(50_000));
  });
});

describe('asmTextRisk', () => {
  it('looks for directives anywhere a name does not continue, whatever separates statements', () => {
    expect(asmTextRisk('nop %% .globl evil', false)).toContain('.globl');
    expect(asmTextRisk('nop | .globl evil', false)).toContain('.globl');
    expect(asmTextRisk('x.globl', false)).toBeNull();
    expect(asmTextRisk('{0}.globl', false)).toBeNull();
    expect(asmTextRisk('}}.globl evil', false)).toContain('.globl');
    expect(asmTextRisk('.section .text.globl\n.popsection', false)).toBeNull();
  });
});
