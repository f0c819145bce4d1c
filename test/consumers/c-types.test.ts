/**
 * The C and Rust type models against the compilers: gcc says what size and signedness each C
 * type has on this (LP64) machine, with `-funsigned-char` for the aarch64-like model; rustc says
 * it for each Rust type the contract check maps. LLP64 differs from LP64 only in `long` (4 bytes),
 * which no compiler here can show; the unit cases below pin it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  canonicalPrimitive,
  cAbiShape,
  LLP64,
  LP64,
  LP64_UNSIGNED_CHAR,
  primitiveLeaf,
  renderCType,
  resolveTypedef,
  type CTag,
  type CType,
  type DataModel,
} from '../../src/core/consumers/c-types';
import { rustAbiShape } from '../../src/core/consumers/contract';
import { parseType } from '../../src/core/rust/type-syntax';
import { describeWithTools, hasTool, tempDir } from '../support/debian-tools';

const base = (name: string, tag: CTag | null = null): CType => ({
  k: 'base',
  name,
  tag,
  const: false,
  volatile: false,
});

describe('canonical spellings', () => {
  it.each([
    [['long', 'unsigned', 'int'], 'unsigned long'],
    [['unsigned'], 'unsigned int'],
    [['signed'], 'int'],
    [['long', 'long', 'int'], 'long long'],
    [['unsigned', 'char'], 'unsigned char'],
    [['signed', 'char'], 'signed char'],
    [['char'], 'char'],
    [['short', 'int'], 'short'],
    [['long', 'double'], 'long double'],
    [['_Bool'], 'bool'],
  ])('%j is %s', (words, canon) => {
    expect(canonicalPrimitive(words)).toBe(canon);
  });
  it.each([[['long', 'long', 'long']], [['short', 'long']], [['int', 'char']], [['unsigned', 'float']]])(
    '%j is not a type',
    (words) => {
      expect(canonicalPrimitive(words)).toBeNull();
    },
  );
});

describe('data models', () => {
  it('long is 8 bytes under LP64 and 4 under LLP64; long long, pointers and size_t are 8 on both', () => {
    expect(primitiveLeaf('long', LP64)).toEqual({ k: 'int', bytes: 8, signed: true });
    expect(primitiveLeaf('unsigned long', LLP64)).toEqual({ k: 'int', bytes: 4, signed: false });
    for (const m of [LP64, LLP64]) {
      expect(primitiveLeaf('long long', m)).toMatchObject({ bytes: 8 });
      expect(primitiveLeaf('size_t', m)).toEqual({ k: 'int', bytes: 8, signed: false });
    }
    expect(rustAbiShape(parseType('c_long'), LLP64).leaf).toEqual({ k: 'int', bytes: 4, signed: true });
  });

  it('typedef chains resolve; a cycle or an over-long chain stays bounded', () => {
    const typedefs = new Map<string, CType>([
      ['a_t', base('b_t')],
      ['b_t', { k: 'ptr', const: false, to: base('uint16_t') }],
      ['loop1', base('loop2')],
      ['loop2', base('loop1')],
    ]);
    expect(cAbiShape(base('a_t'), LP64, typedefs)).toEqual({
      depth: 1,
      leaf: { k: 'int', bytes: 2, signed: false },
    });
    expect(resolveTypedef(base('loop1'), typedefs)).toMatchObject({ k: 'base' });
    expect(cAbiShape(base('loop1'), LP64, typedefs).leaf.k).toBe('unknown');
  });

  it('arrays decay in parameters, function pointers are one leaf, enums are int', () => {
    const arr: CType = { k: 'array', of: base('int32_t'), len: '4' };
    expect(cAbiShape(arr, LP64, new Map(), true)).toEqual({
      depth: 1,
      leaf: { k: 'int', bytes: 4, signed: true },
    });
    const fp: CType = {
      k: 'ptr',
      const: false,
      to: { k: 'fn', params: [base('int')], variadic: false, ret: base('void') },
    };
    expect(cAbiShape(fp, LP64, new Map())).toEqual({ depth: 0, leaf: { k: 'fn' } });
    expect(renderCType(fp)).toBe('void (*)(int)');
    expect(cAbiShape(base('Mode', 'enum'), LP64, new Map()).leaf).toEqual({
      k: 'int',
      bytes: 4,
      signed: true,
    });
  });
});

const C_TYPES = [
  'char',
  'signed char',
  'unsigned char',
  'short',
  'unsigned short',
  'int',
  'unsigned int',
  'long',
  'unsigned long',
  'long long',
  'unsigned long long',
  'bool',
  'int8_t',
  'uint8_t',
  'int16_t',
  'uint16_t',
  'int32_t',
  'uint32_t',
  'int64_t',
  'uint64_t',
  'size_t',
  'ssize_t',
  'intptr_t',
  'uintptr_t',
  'ptrdiff_t',
  'wchar_t',
  'char16_t',
  'char32_t',
];

/** `name size signed` for each C type, from gcc. */
function gccFacts(flags: string[]): Map<string, string> {
  const dir = tempDir('consumers-gcc');
  const src = [
    '#include <stdbool.h>',
    '#include <stddef.h>',
    '#include <stdint.h>',
    '#include <stdio.h>',
    '#include <sys/types.h>',
    '#include <uchar.h>',
    'int main(void) {',
    ...C_TYPES.map((t) => `  printf("%s %zu %d\\n", "${t}", sizeof(${t}), (${t})-1 < (${t})0);`),
    '  return 0;',
    '}',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'facts.c'), src);
  execFileSync('gcc', [...flags, '-o', path.join(dir, 'facts'), path.join(dir, 'facts.c')], {
    stdio: 'pipe',
  });
  const out = execFileSync(path.join(dir, 'facts'), { encoding: 'utf8' });
  return new Map(
    out
      .trim()
      .split('\n')
      .map((l) => {
        const parts = l.split(' ');
        return [parts.slice(0, -2).join(' '), parts.slice(-2).join(' ')] as const;
      }),
  );
}

const fact = (m: DataModel, name: string): string => {
  const leaf = primitiveLeaf(name, m);
  return leaf?.k === 'int'
    ? `${leaf.bytes} ${leaf.signed ? 1 : 0}`
    : `not an integer: ${JSON.stringify(leaf)}`;
};

const onX64Linux = process.arch === 'x64' && process.platform === 'linux';

describeWithTools(hasTool('gcc', ['--version']) && onX64Linux)('gcc is the oracle of the C model', () => {
  it('every C type: size and signedness as gcc says under LP64 (x86_64)', () => {
    const facts = gccFacts([]);
    expect(Object.fromEntries(C_TYPES.map((t) => [t, fact(LP64, t)]))).toEqual(Object.fromEntries(facts));
  });

  it('with -funsigned-char (aarch64 Linux): char is unsigned', () => {
    const facts = gccFacts(['-funsigned-char']);
    expect(Object.fromEntries(C_TYPES.map((t) => [t, fact(LP64_UNSIGNED_CHAR, t)]))).toEqual(
      Object.fromEntries(facts),
    );
  });
});

const RUST_INTS = [
  'i8',
  'u8',
  'i16',
  'u16',
  'i32',
  'u32',
  'i64',
  'u64',
  'isize',
  'usize',
  'core::ffi::c_char',
  'core::ffi::c_schar',
  'core::ffi::c_uchar',
  'core::ffi::c_short',
  'core::ffi::c_ushort',
  'core::ffi::c_int',
  'core::ffi::c_uint',
  'core::ffi::c_long',
  'core::ffi::c_ulong',
  'core::ffi::c_longlong',
  'core::ffi::c_ulonglong',
];
const RUST_SIZES = [
  'bool',
  'char',
  'f32',
  'f64',
  'core::ffi::c_float',
  'core::ffi::c_double',
  'core::num::NonZeroU32',
  'Option<core::num::NonZeroU16>',
  '*const u8',
  '&mut u64',
  'Option<&u8>',
  'Option<Box<u8>>',
  'core::ptr::NonNull<u8>',
  'Option<extern "C" fn(i32) -> i32>',
  'core::mem::MaybeUninit<u16>',
];

describeWithTools(hasTool('rustc', ['--version']) && onX64Linux)(
  'rustc is the oracle of the Rust mapping',
  () => {
    it('sizes and signedness of the Rust types the contract check maps (x86_64 Linux: LP64)', () => {
      const dir = tempDir('consumers-rustc');
      const src = [
        'fn main() {',
        ...RUST_INTS.map(
          (t) => `    println!("{} {} {}", "${t}", core::mem::size_of::<${t}>(), (<${t}>::MIN != 0) as u8);`,
        ),
        ...RUST_SIZES.map(
          (t) => `    println!("{} {}", ${JSON.stringify(t)}, core::mem::size_of::<${t}>());`,
        ),
        '}',
      ].join('\n');
      fs.writeFileSync(path.join(dir, 'facts.rs'), src);
      const built = spawnSync(
        'rustc',
        ['--edition', '2021', '-o', path.join(dir, 'facts'), path.join(dir, 'facts.rs')],
        {
          encoding: 'utf8',
        },
      );
      expect(built.stderr).toBe('');
      const out = execFileSync(path.join(dir, 'facts'), { encoding: 'utf8' }).trim().split('\n');
      const model = (t: string): string => {
        const s = rustAbiShape(parseType(t), LP64);
        if (s.depth > 0 || s.leaf.k === 'fn') return `${t} 8`;
        if (s.leaf.k === 'int')
          return RUST_INTS.includes(t)
            ? `${t} ${s.leaf.bytes} ${s.leaf.signed ? 1 : 0}`
            : `${t} ${s.leaf.bytes}`;
        if (s.leaf.k === 'float') return `${t} ${s.leaf.bytes}`;
        return `${t} ${JSON.stringify(s)}`;
      };
      expect([...RUST_INTS, ...RUST_SIZES].map(model)).toEqual(out);
    });
  },
);
