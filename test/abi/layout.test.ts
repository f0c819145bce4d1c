/**
 * Layout and ABI-shape unit cases beyond the compiled fixture: what is unknown (and why), the
 * cases rustc rejects, cycles, hostile sizes and nesting, and the shape equalities issue 14
 * lists (pointer spellings, PhantomData fields, reordered union fields, `4 * 1024` ↔ `4096`).
 */
import { abiShape, isKnown, layoutOf, LayoutResult, TypeDefs } from '../../src/core/abi/layout';
import { TARGETS } from '../../src/core/abi/targets';
import type { SurfaceItem } from '../../src/core/model';
import { parseType } from '../../src/core/rust/type-syntax';
import { alias, constant, defsOf, enumItem, struct, union } from './defs';

const linux = TARGETS['x86_64-unknown-linux-gnu'];
const windows = TARGETS['x86_64-pc-windows-msvc'];

function lay(type: string, defs: TypeDefs = defsOf(), target = linux): LayoutResult {
  return layoutOf(parseType(type), defs, target);
}

function size(type: string, defs: TypeDefs = defsOf(), target = linux): [number, number] | string {
  const l = lay(type, defs, target);
  return isKnown(l) ? [l.size, l.align] : l.unknown;
}

function shape(type: string, defs: TypeDefs = defsOf(), target = linux): string | null {
  return abiShape(parseType(type), defs, target);
}

describe('scalars, pointers and wrappers', () => {
  it.each([
    ['u8', 1, 1],
    ['i128', 16, 16],
    ['bool', 1, 1],
    ['char', 4, 4],
    ['f64', 8, 8],
    ['*const c_void', 8, 8],
    ['&mut Engine', 8, 8],
    ['Box<Engine>', 8, 8],
    ['Option<&Engine>', 8, 8],
    ['Option<Box<Engine>>', 8, 8],
    ['Option<NonNull<Engine>>', 8, 8],
    ['Option<unsafe extern "C" fn(c_int) -> c_int>', 8, 8],
    ['Option<NonZeroU16>', 2, 2],
    ['Option<NonZero<u64>>', 8, 8],
    ['&str', 16, 8],
    ['*const [u8]', 16, 8],
    ['Box<dyn Fn()>', 16, 8],
    ['&CStr', 16, 8],
    ['()', 0, 1],
    ['PhantomData<Engine>', 0, 1],
    ['[u64; 0]', 0, 8],
    ['MaybeUninit<[u32; 3]>', 12, 4],
    ['ManuallyDrop<u16>', 2, 2],
    ['UnsafeCell<c_long>', 8, 8],
    ['AtomicU64', 8, 8],
    ['AtomicBool', 1, 1],
  ])('%s is %i bytes, aligned to %i', (type, s, a) => {
    expect(size(type)).toEqual([s, a]);
  });

  it('does not know what has no defined layout', () => {
    for (const t of [
      'Engine',
      'Vec<u8>',
      'String',
      '(u8, u32)',
      'Option<u32>',
      'Option<*const u8>',
      '[u8]',
      'str',
      'dyn Fn()',
      'impl Copy',
      'c_void',
      '!',
      '<T as Trait>::Assoc',
    ])
      expect(typeof size(t)).toBe('string');
  });
});

describe('structs and unions', () => {
  const defs = defsOf(
    struct('Plain', [], [['a', 'u8']]),
    struct('AlignOnly', ['align(8)'], [['a', 'u8']]),
    struct('Generic', ['C'], [['a', 'T']]),
    struct('Inner', ['align(16)', 'C'], [['a', 'u8']]),
    struct('PackedOver', ['C', 'packed'], [['i', 'Inner']]),
    struct('PackedAlign', ['C', 'packed', 'align(8)'], [['a', 'u8']]),
    struct(
      'TwoData',
      ['transparent'],
      [
        ['a', 'u8'],
        ['b', 'u8'],
      ],
    ),
    struct(
      'Wrapper',
      ['transparent'],
      [
        ['m', 'PhantomData<u8>'],
        ['v', 'u32'],
      ],
    ),
    struct('OnlyZst', ['transparent'], [['m', 'PhantomData<u8>']]),
    struct('WeirdRepr', ['C', 'simd'], [['a', 'u8']]),
    struct('IntRepr', ['u8'], [['a', 'u8']]),
    union('Plain2', [], [['a', 'u8']]),
    union(
      'U',
      ['C'],
      [
        ['a', 'u8'],
        ['b', '[u16; 3]'],
      ],
    ),
  );

  it('lays out repr(transparent) as its one non-zero-sized field', () => {
    expect(lay('Wrapper', defs)).toEqual({
      size: 4,
      align: 4,
      fields: [
        { name: 'm', offset: 0, size: 0, align: 1 },
        { name: 'v', offset: 0, size: 4, align: 4 },
      ],
    });
    expect(size('OnlyZst', defs)).toEqual([0, 1]);
    expect(shape('Wrapper', defs)).toBe(shape('u32', defs));
  });

  it('lays out a repr(C) union', () => {
    expect(size('U', defs)).toEqual([6, 2]);
  });

  it('does not know types without repr(C), generic ones, or ones rustc rejects', () => {
    expect(size('Plain', defs)).toMatch(/not repr\(C\)/);
    expect(size('AlignOnly', defs)).toMatch(/not repr\(C\)/);
    expect(size('Plain2', defs)).toMatch(/not repr\(C\)/);
    expect(size('Generic', defs)).toMatch(/T is not a known type/);
    expect(size('Generic<u8>', defs)).toMatch(/generic/);
    expect(size('PackedOver', defs)).toMatch(/over-aligned/);
    expect(size('PackedAlign', defs)).toMatch(/packed and align/);
    expect(size('TwoData', defs)).toMatch(/more than one/);
    expect(size('WeirdRepr', defs)).toMatch(/unsupported repr/);
    expect(size('IntRepr', defs)).toMatch(/integer repr/);
  });

  it('resolves a name defined twice to nothing', () => {
    const twice = defsOf(struct('S', ['C'], [['a', 'u8']]), struct('S', ['C'], [['a', 'u64']]));
    expect(typeof size('S', twice)).toBe('string');
  });
});

describe('enums', () => {
  const defs = defsOf(
    enumItem('Small', ['C'], ['A', 'B']),
    enumItem('Unsigned', ['C'], [['A', '0xFFFF_FFFF']]),
    enumItem('Big', ['C'], [['A', '1 << 40'], 'B']),
    enumItem(
      'Mixed',
      ['C'],
      [
        ['A', '-1'],
        ['B', '0xFFFF_FFFF'],
      ],
    ),
    enumItem('ByConst', ['C'], [['A', 'BASE + 1']]),
    enumItem('ByMissing', ['C'], [['A', 'ELSEWHERE']]),
    enumItem('U16', ['u16'], [['A', 'ELSEWHERE'], 'B']),
    enumItem('Rusty', [], ['A', 'B']),
    enumItem('NoVariants', ['u8'], []),
    enumItem('AlignedTag', ['u8', 'align(4)'], ['A']),
    enumItem(
      'DataC',
      ['C'],
      [
        ['A', null, [['0', 'u8']]],
        ['B', null, [['x', 'u64']]],
      ],
    ),
    enumItem(
      'DataU8',
      ['u8'],
      [
        ['A', null, [['0', 'u16']]],
        ['B', null, []],
      ],
    ),
    constant('BASE', 'isize', '1 << 33'),
  );

  it('sizes fieldless repr(C) enums as rustc does (c_int unless a value needs more)', () => {
    expect(size('Small', defs)).toEqual([4, 4]);
    expect(size('Unsigned', defs)).toEqual([4, 4]);
    expect(shape('Unsigned', defs)).toBe('u4');
    expect(size('Big', defs)).toEqual([8, 8]);
    expect(size('Mixed', defs)).toEqual([8, 8]);
    expect(size('ByConst', defs)).toEqual([8, 8]);
    expect(size('ByMissing', defs)).toMatch(/discriminant/);
  });

  it('sizes integer-repr enums by the repr alone', () => {
    expect(size('U16', defs)).toEqual([2, 2]);
    expect(shape('U16', defs)).toBe(shape('u16', defs));
    expect(size('AlignedTag', defs)).toEqual([4, 4]);
    expect(size('Rusty', defs)).toMatch(/neither repr\(C\)/);
    expect(size('NoVariants', defs)).toMatch(/no variants/);
  });

  it('lays out data-carrying enums as RFC 2195 says', () => {
    expect(lay('DataC', defs)).toEqual({
      size: 16,
      align: 8,
      fields: [
        { name: 'tag', offset: 0, size: 4, align: 4 },
        { name: 'A.0', offset: 8, size: 1, align: 1 },
        { name: 'B.x', offset: 8, size: 8, align: 8 },
      ],
    });
    expect(lay('DataU8', defs)).toEqual({
      size: 4,
      align: 2,
      fields: [
        { name: 'tag', offset: 0, size: 1, align: 1 },
        { name: 'A.0', offset: 2, size: 2, align: 2 },
      ],
    });
  });
});

describe('arrays, consts and aliases', () => {
  const defs = defsOf(
    constant('LEN', 'usize', '4 * 1024'),
    alias('Id', 'u32'),
    alias('Loop1', 'Loop2'),
    alias('Loop2', 'Loop1'),
    alias('Bytes', '[u8]'),
    alias('Cb', 'extern "C" fn()'),
  );

  it('evaluates lengths and follows aliases', () => {
    expect(size('[u8; LEN]', defs)).toEqual([4096, 1]);
    expect(size('[Id; 1 << 2]', defs)).toEqual([16, 4]);
    expect(size('[[u16; 2]; LEN / 1024]', defs)).toEqual([16, 2]);
    expect(size('*const Bytes', defs)).toEqual([16, 8]);
    expect(size('Option<Cb>', defs)).toEqual([8, 8]);
    expect(size('[u8; UNKNOWN]', defs)).toMatch(/cannot be evaluated/);
    expect(size('Loop1', defs)).toMatch(/recursive/);
  });
});

describe('ABI shapes', () => {
  const defs = defsOf(
    struct(
      'A',
      ['C'],
      [
        ['x', 'i32'],
        ['y', 'f32'],
      ],
    ),
    struct(
      'ARenamed',
      ['C'],
      [
        ['first', 'i32'],
        ['second', 'f32'],
      ],
    ),
    struct(
      'APhantom',
      ['C'],
      [
        ['x', 'i32'],
        ['marker', 'PhantomData<*mut u8>'],
        ['y', 'f32'],
      ],
    ),
    struct(
      'ASwapped',
      ['C'],
      [
        ['y', 'f32'],
        ['x', 'i32'],
      ],
    ),
    struct('Pair', ['C'], [['p', 'A']]),
    struct(
      'Packed',
      ['C', 'packed'],
      [
        ['a', 'u8'],
        ['b', 'u32'],
      ],
    ),
    struct(
      'Unpacked',
      ['C'],
      [
        ['a', 'u8'],
        ['b', 'u32'],
      ],
    ),
    struct('Buf', ['C'], [['b', '[u8; 4 * 1024]']]),
    struct('Buf2', ['C'], [['b', '[u8; 4096]']]),
    union(
      'U1',
      ['C'],
      [
        ['a', 'u32'],
        ['b', 'f32'],
      ],
    ),
    union(
      'U2',
      ['C'],
      [
        ['b', 'f32'],
        ['a', 'u32'],
      ],
    ),
    struct('Cb1', ['C'], [['f', 'extern "C" fn(*const A) -> c_int']]),
    struct('Cb2', ['C'], [['f', 'Option<unsafe extern "C" fn(&A) -> i32>']]),
    struct('Cb3', ['C'], [['f', 'extern "C" fn(*const A) -> u32']]),
  );

  it('spells every thin pointer ptr', () => {
    const spellings = [
      '*const u8',
      '*mut u8',
      '&A',
      '&mut A',
      'Option<&A>',
      'Box<A>',
      'NonNull<A>',
      'Option<NonNull<c_void>>',
    ];
    for (const t of spellings) expect(shape(t, defs)).toBe('ptr');
    expect(shape('*const [u8]', defs)).toBe('fatptr');
  });

  it('tells scalars apart by class, size and signedness', () => {
    const all = ['i32', 'u32', 'f32', 'i64', 'u64', 'f64', 'bool', 'u8', 'i8', 'u128'].map((t) =>
      shape(t, defs),
    );
    expect(new Set(all).size).toBe(all.length);
    expect(shape('c_int', defs)).toBe(shape('i32', defs));
    expect(shape('usize', defs)).toBe(shape('u64', defs));
    expect(shape('char', defs)).toBe(shape('u32', defs));
  });

  it('ignores field names and zero-sized fields, not order or types', () => {
    expect(shape('A', defs)).toBe('{8,4|0:i4;4:f4}');
    expect(shape('ARenamed', defs)).toBe(shape('A', defs));
    expect(shape('APhantom', defs)).toBe(shape('A', defs));
    expect(shape('ASwapped', defs)).not.toBe(shape('A', defs));
    expect(shape('Pair', defs)).toBe(shape('A', defs));
    expect(shape('Packed', defs)).not.toBe(shape('Unpacked', defs));
    expect(shape('Buf', defs)).toBe(shape('Buf2', defs));
  });

  it('treats a union as a set of members', () => {
    expect(shape('U1', defs)).toBe(shape('U2', defs));
    expect(shape('U1', defs)).toBe('union{4,4|f4|u4}');
  });

  it('compares fn pointers by convention and what they pass, not by unsafe or pointer spelling', () => {
    expect(shape('Cb1', defs)).toBe(shape('Cb2', defs));
    expect(shape('Cb1', defs)).not.toBe(shape('Cb3', defs));
    expect(shape('extern "C" fn()', defs)).toBe(shape('extern "system" fn()', defs));
    expect(shape('extern "C" fn()', defs)).toBe(shape('extern "C-unwind" fn()', defs));
    expect(shape('extern "C" fn()', defs)).not.toBe(shape('fn()', defs));
    expect(shape('extern "win64" fn()', defs, windows)).toBe(shape('extern "C" fn()', defs, windows));
    expect(shape('extern "win64" fn()', defs, linux)).not.toBe(shape('extern "C" fn()', defs, linux));
  });

  it('has no shape for what has no layout', () => {
    expect(shape('Vec<u8>', defs)).toBeNull();
    expect(shape('extern "C" fn(Vec<u8>)', defs)).toBeNull();
    // but the fn pointer itself has a layout
    expect(size('extern "C" fn(Vec<u8>)', defs)).toEqual([8, 8]);
  });
});

describe('cycles and hostile input', () => {
  it('does not know types recursive by value, without overflowing the stack', () => {
    const defs = defsOf(
      struct('S', ['C'], [['s', 'S']]),
      struct('A', ['C'], [['b', 'B']]),
      struct('B', ['C'], [['a', '[A; 2]']]),
      struct(
        'Node',
        ['C'],
        [
          ['next', '*mut Node'],
          ['v', 'u32'],
        ],
      ),
    );
    expect(size('S', defs)).toMatch(/recursive/);
    expect(size('A', defs)).toMatch(/recursive/);
    expect(size('B', defs)).toMatch(/recursive/);
    expect(size('Node', defs)).toEqual([16, 8]);
  });

  it('knows types that refer to themselves through a fn pointer, in any order', () => {
    const items: SurfaceItem[] = [
      struct('S', ['C'], [['cb', 'extern "C" fn(T)']]),
      struct(
        'T',
        ['C'],
        [
          ['s', 'S'],
          ['x', 'u32'],
        ],
      ),
    ];
    const d1 = defsOf(...items);
    expect(size('S', d1)).toEqual([8, 8]);
    expect(size('T', d1)).toEqual([16, 8]);
    const d2 = defsOf(...items);
    expect(size('T', d2)).toEqual([16, 8]);
    expect(size('S', d2)).toEqual([8, 8]);
  });

  it('caps sizes', () => {
    expect(size('[[u8; 1 << 40]; 1 << 40]')).toMatch(/too large/);
    expect(size('[u8; usize::MAX]')).toMatch(/too large/);
    expect(size('[u64; 1 << 50]')).toMatch(/too large/);
  });

  it('stays polynomial on exponentially nested types, and bounds the shape', () => {
    const items: SurfaceItem[] = [struct('L0', ['C'], [['a', 'u8']])];
    for (let i = 1; i <= 40; i++)
      items.push(
        struct(
          `L${i}`,
          ['C'],
          [
            ['a', `L${i - 1}`],
            ['b', `L${i - 1}`],
          ],
        ),
      );
    const defs = defsOf(...items);
    expect(size('L40', defs)).toEqual([2 ** 40, 1]);
    expect(shape('L40', defs)).toBeNull();
    expect(shape('L3', defs)).toBe('{8,1|0:u1;1:u1;2:u1;3:u1;4:u1;5:u1;6:u1;7:u1}');
  });

  it('bounds nesting depth', () => {
    const items: SurfaceItem[] = [struct('D0', ['C'], [['a', 'u8']])];
    for (let i = 1; i <= 500; i++) items.push(struct(`D${i}`, ['C'], [['a', `D${i - 1}`]]));
    const defs = defsOf(...items);
    expect(size('D500', defs)).toMatch(/too deeply nested/);
    expect(size('D10', defs)).toEqual([1, 1]);
    const aliases: SurfaceItem[] = [];
    for (let i = 0; i < 500; i++) aliases.push(alias(`T${i}`, `T${i + 1}`));
    expect(typeof size('T0', defsOf(...aliases))).toBe('string');
  });

  it('bounds chains of layouts and consts that need each other, without overflowing the stack', () => {
    const items: SurfaceItem[] = [struct('D0', ['C'], [['a', 'u8']])];
    const parens = (e: string): string => '('.repeat(30) + e + ')'.repeat(30);
    for (let i = 1; i <= 300; i++) {
      items.push(
        struct(`D${i}`, ['C'], [['a', `[u8; ${parens(`size_of::<D${i - 1}>() + C${i} - C${i}`)}]`]]),
      );
      items.push(constant(`C${i}`, 'usize', parens(`core::mem::size_of::<D${i - 1}>()`)));
    }
    const defs = defsOf(...items);
    expect(size('D300', defs)).toMatch(/cannot be evaluated|too deeply nested|too complex/);
    expect(size('D12', defs)).toEqual([1, 1]);
  });

  it('bounds unreadable text', () => {
    expect(typeof size('[u8; ' + '1 + '.repeat(3000) + '1]')).toBe('string');
    expect(typeof size('*const '.repeat(5000) + 'u8')).toBe('string');
  });
});
