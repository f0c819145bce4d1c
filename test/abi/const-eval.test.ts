/** Integer const expressions: values as rustc computes them, null for what it would reject. */
import { evalConstExpr } from '../../src/core/abi/layout';
import { TARGETS } from '../../src/core/abi/targets';
import { alias, constant, defsOf, struct } from './defs';

const linux = TARGETS['x86_64-unknown-linux-gnu'];
const windows = TARGETS['x86_64-pc-windows-msvc'];
const none = defsOf();

function ev(expr: string, type: string | null = null, defs = none, target = linux): bigint | null {
  return evalConstExpr(expr, defs, target, type);
}

describe('literals', () => {
  it.each([
    ['42', 42n],
    ['1_000_000', 1000000n],
    ['0xFF', 255n],
    ['0x_dead_BEEF', 0xdeadbeefn],
    ['0o17', 15n],
    ['0b1010_1010', 170n],
    ['7u8', 7n],
    ['0xFFFF_FFFFu32', 4294967295n],
    ["b'A'", 65n],
    ["b'\\n'", 10n],
    ["b'\\xFF'", 255n],
    ["'a' as u32", 97n],
    ["'\\u{1F600}' as u32", 0x1f600n],
  ])('%s = %s', (expr, value) => {
    expect(ev(expr)).toBe(value);
  });

  it('rejects malformed or out-of-range literals', () => {
    expect(ev('0x')).toBeNull();
    expect(ev('256u8')).toBeNull();
    expect(ev('1.5')).toBeNull();
    expect(ev('"text"')).toBeNull();
    expect(ev('300', 'u8')).toBeNull();
  });
});

describe('operators, precedence and inference', () => {
  it.each([
    ['4 * 1024', 'usize', 4096n],
    ['1 + 2 * 3', null, 7n],
    ['(1 + 2) * 3', null, 9n],
    ['1 << 3 | 1', null, 9n],
    ['0xF0 & 0x3C ^ 0x0F', null, 0x3fn],
    ['17 / 5', null, 3n],
    ['-17 / 5', 'i32', -3n],
    ['-17 % 5', 'i32', -2n],
    ['-8 >> 1', 'i32', -4n],
    ['1 << 40', 'usize', 1n << 40n],
    ['!0', 'u32', 0xffffffffn],
    ['!0', 'u8', 255n],
    ['!0', 'i32', -1n],
    ['!0u16 >> 4', null, 0xfffn],
    ['!0 >> 1', 'u32', 0x7fffffffn],
    ['--5', 'i32', 5n],
    ['3u8 << 7', null, 128n],
  ])('%s as %s = %s', (expr, type, value) => {
    expect(ev(expr, type)).toBe(value);
  });

  it('returns null where rustc reports an error', () => {
    expect(ev('1 / 0')).toBeNull();
    expect(ev('1 % 0')).toBeNull();
    expect(ev('255u8 + 1')).toBeNull();
    expect(ev('-1', 'usize')).toBeNull();
    expect(ev('1u32 << 32')).toBeNull();
    expect(ev('1 << -1', 'i32')).toBeNull();
    // an unsuffixed literal under a cast is i32: 1 << 40 overflows it
    expect(ev('(1 << 40) as u64')).toBeNull();
    expect(ev('i32::MIN / -1')).toBeNull();
  });
});

describe('casts wrap to the target width', () => {
  it.each([
    ['300u32 as u8', 44n],
    ['-1i32 as u8', 255n],
    ['-1 as u32', 0xffffffffn],
    ['255u8 as i8', -1n],
    ['-1i8 as u64', 0xffffffffffffffffn],
    ['0x1_0000_0001u64 as u32', 1n],
    ['(-1i64 as u8) as usize', 255n],
    ['1 as core::ffi::c_long', 1n],
    ['-1 as c_ulong', 0xffffffffffffffffn],
  ])('%s = %s on x86_64 Linux', (expr, value) => {
    expect(ev(expr)).toBe(value);
  });

  it('follows the target: c_ulong is 32 bits on Windows', () => {
    expect(ev('-1 as c_ulong', null, none, windows)).toBe(0xffffffffn);
    expect(ev('c_long::MAX', null, none, windows)).toBe(0x7fffffffn);
    expect(ev('c_long::MAX', null, none, linux)).toBe(0x7fffffffffffffffn);
  });

  it('rejects casts to non-integer types', () => {
    expect(ev('1 as f32')).toBeNull();
    expect(ev('1 as bool')).toBeNull();
  });
});

describe('associated constants', () => {
  it.each([
    ['u8::MAX', 255n],
    ['i8::MIN', -128n],
    ['u32::BITS', 32n],
    ['usize::MAX', 0xffffffffffffffffn],
    ['isize::MIN', -(1n << 63n)],
    ['u128::MAX', (1n << 128n) - 1n],
    ['core::primitive::u16::MAX', 65535n],
    ['(u16::MAX as usize) >> 12', 15n],
  ])('%s = %s', (expr, value) => {
    expect(ev(expr)).toBe(value);
  });

  it('reads an integer alias', () => {
    expect(ev('Word::MAX', null, defsOf(alias('Word', 'u16')))).toBe(65535n);
  });
});

describe('named consts, size_of and align_of', () => {
  const defs = defsOf(
    constant('LEN', 'usize', '4 * 4'),
    constant('DOUBLE', 'usize', 'LEN * 2 + 1'),
    constant('MASK', 'u8', '!0xF0'),
    constant('A', 'usize', 'B + 1'),
    constant('B', 'usize', 'A + 1'),
    constant('SELF', 'usize', 'SELF'),
    constant('SZ', 'usize', 'core::mem::size_of::<Padded>()'),
    constant('BAD', 'u8', '300'),
    struct(
      'Padded',
      ['C'],
      [
        ['a', 'u8'],
        ['b', 'u64'],
        ['c', 'u16'],
      ],
    ),
  );

  it('evaluates consts through other consts, with their declared types', () => {
    expect(defs.constValue('LEN', linux)).toBe(16n);
    expect(ev('DOUBLE', 'usize', defs)).toBe(33n);
    expect(ev('crate::consts::LEN * 2', 'usize', defs)).toBe(32n);
    expect(defs.constValue('MASK', linux)).toBe(15n);
  });

  it('gives null for cycles, unknown names and values that do not fit their type', () => {
    expect(defs.constValue('A', linux)).toBeNull();
    expect(defs.constValue('B', linux)).toBeNull();
    expect(defs.constValue('SELF', linux)).toBeNull();
    expect(ev('MISSING + 1', 'usize', defs)).toBeNull();
    expect(defs.constValue('BAD', linux)).toBeNull();
  });

  it('computes size_of and align_of with the layout module', () => {
    expect(defs.constValue('SZ', linux)).toBe(24n);
    expect(ev('std::mem::size_of::<u128>() + align_of::<u128>()', 'usize', defs)).toBe(32n);
    expect(ev('size_of::<[Padded; 2]>()', 'usize', defs)).toBe(48n);
    expect(ev('size_of::<Option<NonNull<u8>>>()', 'usize', defs)).toBe(8n);
    expect(ev('size_of::<c_long>()', 'usize', defs, windows)).toBe(4n);
    expect(ev('size_of::<NotRepr>()', 'usize', defs)).toBeNull();
  });

  it('does not evaluate what is not an integer const expression', () => {
    for (const e of ['if true { 1 } else { 2 }', 'foo()', 'X.len()', '[1, 2][0]', '{ 4 }', '1 == 1', ''])
      expect(ev(e, 'usize', defs)).toBeNull();
  });
});

describe('hostile input is bounded', () => {
  it('caps the length, the nesting and the magnitude', () => {
    expect(ev('1 + '.repeat(5000) + '1')).toBeNull();
    expect(ev('('.repeat(10_000) + '1' + ')'.repeat(10_000))).toBeNull();
    expect(ev('-'.repeat(10_000) + '1')).toBeNull();
    expect(ev('9'.repeat(1000))).toBeNull();
    expect(ev('1 << 100000')).toBeNull();
    expect(ev('u128::MAX * u128::MAX * u128::MAX')).toBeNull();
    // nested parentheses within the bound still evaluate
    expect(ev('('.repeat(10) + '7' + ')'.repeat(10))).toBe(7n);
  });

  it('does not loop on consts that refer to each other through size_of', () => {
    const defs = defsOf(
      constant('N', 'usize', 'core::mem::size_of::<S>()'),
      struct('S', ['C'], [['x', '[u8; N]']]),
    );
    expect(defs.constValue('N', linux)).toBeNull();
  });
});
