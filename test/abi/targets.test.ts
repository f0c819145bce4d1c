/**
 * The target table (no cross toolchain is installed): each target's documented parameters, and
 * the layouts and shapes they produce. Sources are in src/core/abi/targets.ts.
 */
import { abiShape, isKnown, layoutOf } from '../../src/core/abi/layout';
import { ALL_TARGETS, scalarOf, targetFor, TARGETS, TargetName } from '../../src/core/abi/targets';
import { parseType } from '../../src/core/rust/type-syntax';
import { defsOf, struct } from './defs';

// [target, c_long bytes, c_char signed]
const TABLE: [TargetName, number, boolean][] = [
  ['x86_64-unknown-linux-gnu', 8, true],
  ['aarch64-unknown-linux-gnu', 8, false],
  ['x86_64-apple-darwin', 8, true],
  ['aarch64-apple-darwin', 8, true],
  ['x86_64-pc-windows-msvc', 4, true],
  ['aarch64-pc-windows-msvc', 4, true],
];

describe.each(TABLE)('%s', (name, cLong, cCharSigned) => {
  const t = TARGETS[name];
  const defs = defsOf(
    struct(
      'Mixed',
      ['C'],
      [
        ['c', 'c_char'],
        ['l', 'c_long'],
        ['s', 'u8'],
      ],
    ),
    struct(
      'Wide',
      ['C'],
      [
        ['a', 'u8'],
        ['b', 'u128'],
      ],
    ),
    struct(
      'Words',
      ['C'],
      [
        ['a', 'u8'],
        ['b', 'u64'],
        ['c', 'f64'],
        ['d', 'usize'],
      ],
    ),
  );

  it('has the documented parameters', () => {
    expect(t.name).toBe(name);
    expect(t.pointerBytes).toBe(8);
    expect(t.cLongBytes).toBe(cLong);
    expect(t.cCharSigned).toBe(cCharSigned);
    expect(t.u128Align).toBe(16);
    expect(t.u64Align).toBe(8);
    expect(t.f64Align).toBe(8);
  });

  it('sizes the C types', () => {
    expect(scalarOf('c_long', t)).toMatchObject({ size: cLong, align: cLong, signed: true });
    expect(scalarOf('c_ulong', t)).toMatchObject({ size: cLong, signed: false });
    expect(scalarOf('c_char', t)).toMatchObject({ size: 1, signed: cCharSigned });
    expect(scalarOf('c_int', t)?.size).toBe(4);
    expect(scalarOf('c_longlong', t)?.size).toBe(8);
    expect(scalarOf('usize', t)?.size).toBe(8);
    expect(scalarOf('size_t', t)?.size).toBe(8);
    expect(scalarOf('i128', t)).toMatchObject({ size: 16, align: 16 });
  });

  it('lays out structs with the target parameters', () => {
    const mixed = layoutOf(parseType('Mixed'), defs, t);
    expect(mixed).toEqual(
      cLong === 8
        ? {
            size: 24,
            align: 8,
            fields: [
              { name: 'c', offset: 0, size: 1, align: 1 },
              { name: 'l', offset: 8, size: 8, align: 8 },
              { name: 's', offset: 16, size: 1, align: 1 },
            ],
          }
        : {
            size: 12,
            align: 4,
            fields: [
              { name: 'c', offset: 0, size: 1, align: 1 },
              { name: 'l', offset: 4, size: 4, align: 4 },
              { name: 's', offset: 8, size: 1, align: 1 },
            ],
          },
    );
    expect(layoutOf(parseType('Wide'), defs, t)).toMatchObject({ size: 32, align: 16 });
    expect(layoutOf(parseType('Words'), defs, t)).toMatchObject({ size: 32, align: 8 });
  });

  it('gives c_char and c_long the shapes of the matching Rust integers', () => {
    const none = defsOf();
    expect(abiShape(parseType('c_char'), none, t)).toBe(cCharSigned ? 'i1' : 'u1');
    expect(abiShape(parseType('c_char'), none, t)).toBe(
      abiShape(parseType(cCharSigned ? 'i8' : 'u8'), none, t),
    );
    expect(abiShape(parseType('c_long'), none, t)).toBe(
      abiShape(parseType(cLong === 8 ? 'i64' : 'i32'), none, t),
    );
    expect(abiShape(parseType('c_ulong'), none, t)).toBe(cLong === 8 ? 'u8' : 'u4');
  });
});

describe('the table', () => {
  it('differs where the platforms differ', () => {
    const longs = new Set(ALL_TARGETS.map((t) => t.cLongBytes));
    const chars = new Set(ALL_TARGETS.map((t) => t.cCharSigned));
    expect([...longs].sort()).toEqual([4, 8]);
    expect([...chars].sort()).toEqual([false, true]);
    // a struct with a c_long field changes layout between Linux and Windows
    const defs = defsOf(struct('S', ['C'], [['l', 'c_long']]));
    const sizes = ALL_TARGETS.map((t) => {
      const l = layoutOf(parseType('S'), defs, t);
      return isKnown(l) ? l.size : -1;
    });
    expect(sizes).toEqual([8, 8, 8, 8, 4, 4]);
  });

  it('finds the target of a Node platform and architecture', () => {
    expect(targetFor('linux', 'x64')?.name).toBe('x86_64-unknown-linux-gnu');
    expect(targetFor('linux', 'arm64')?.name).toBe('aarch64-unknown-linux-gnu');
    expect(targetFor('darwin', 'arm64')?.name).toBe('aarch64-apple-darwin');
    expect(targetFor('darwin', 'x64')?.name).toBe('x86_64-apple-darwin');
    expect(targetFor('win32', 'x64')?.name).toBe('x86_64-pc-windows-msvc');
    expect(targetFor('win32', 'arm64')?.name).toBe('aarch64-pc-windows-msvc');
    expect(targetFor('linux', 'ia32')).toBeNull();
    expect(targetFor('freebsd', 'x64')).toBeNull();
  });
});
