/**
 * The compiler as oracle on generated types: a seeded generator writes a crate of random
 * `repr(C)`/packed/aligned structs, unions and (data-carrying) enums nesting each other, with
 * arrays whose lengths are const expressions; rustc measures them and `layoutOf` (fed by the real
 * extractor) must agree on every size, alignment and field offset.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isKnown, layoutOf, typeDefsFromItems } from '../../src/core/abi/layout';
import { targetFor } from '../../src/core/abi/targets';
import { parseType } from '../../src/core/rust/type-syntax';
import { hasCargo } from '../support/cargo';
import { extractDir } from '../support/extract';
import { rng } from '../support/rng';

const TYPES = 160;
const SEED = 0x5eed_1234;

interface Gen {
  name: string;
  kind: 'struct' | 'union' | 'enum';
  fields: string[];
  overAligned: boolean;
}

const SCALARS = [
  'u8',
  'u16',
  'u32',
  'u64',
  'i8',
  'i16',
  'i32',
  'i64',
  'u128',
  'i128',
  'f32',
  'f64',
  'bool',
  'char',
  'usize',
  'c_char',
  'c_int',
  'c_long',
  'c_short',
  '*const u8',
  "Option<&'static u8>",
  'Option<NonNull<u8>>',
  'PhantomData<u8>',
  '()',
  'MaybeUninit<u16>',
];

function generate(seed: number): { lib: string; main: string; types: Gen[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const types: Gen[] = [];
  const consts = [
    'pub const K1: usize = 3;',
    'pub const K2: usize = K1 * 2 - 1;',
    'pub const K3: usize = 1 << 2;',
  ];
  const lens = ['0', '1', '2', '3', 'K1', 'K2 + 1', 'K3 / 2', '(K1 | 4) - 5'];
  const fieldType = (allowOverAligned: boolean, depth: number): { t: string; over: boolean } => {
    const roll = r();
    const usable = types.filter((g) => allowOverAligned || !g.overAligned);
    if (roll < 0.25 && usable.length > 0) {
      const g = pick(usable);
      return { t: g.name, over: g.overAligned };
    }
    if (roll < 0.35 && depth < 2) {
      const inner = fieldType(allowOverAligned, depth + 1);
      return { t: `[${inner.t}; ${pick(lens)}]`, over: inner.over };
    }
    return { t: pick(SCALARS), over: false };
  };
  const lib: string[] = [
    '#![allow(dead_code, non_camel_case_types, improper_ctypes_definitions)]',
    'use std::marker::PhantomData;',
    'use std::mem::MaybeUninit;',
    'use std::os::raw::{c_char, c_int, c_long, c_short};',
    'use std::ptr::NonNull;',
    ...consts,
  ];
  for (let i = 0; i < TYPES; i++) {
    const name = `G${i}`;
    const roll = r();
    const kind: Gen['kind'] = roll < 0.6 ? 'struct' : roll < 0.8 ? 'union' : 'enum';
    const fields: string[] = [];
    if (kind === 'enum') {
      const reprs = ['C', 'u8', 'u16', 'i32', 'u64', 'C, u8', 'C, u32'];
      const repr = pick(reprs);
      const variants: string[] = [];
      let over = false;
      const dataful = r() < 0.7;
      const n = 1 + Math.floor(r() * 4);
      for (let v = 0; v < n; v++) {
        if (!dataful || r() < 0.3) {
          variants.push(`V${v}`);
          continue;
        }
        const fs2: string[] = [];
        const m = 1 + Math.floor(r() * 3);
        for (let f = 0; f < m; f++) {
          const ft = fieldType(true, 0);
          over ||= ft.over;
          fs2.push(ft.t);
        }
        variants.push(`V${v}(${fs2.join(', ')})`);
      }
      // a fieldless enum with both C and an integer is rejected by rustc
      const reprText = !variants.some((v) => v.includes('(')) && repr.includes(',') ? 'C' : repr;
      lib.push(
        `#[repr(${reprText})]\n#[derive(Clone, Copy)]\npub enum ${name} {\n    ${variants.join(',\n    ')},\n}`,
      );
      types.push({ name, kind, fields, overAligned: over });
      continue;
    }
    const mods = r();
    const packed = mods < 0.2 ? pick(['packed', 'packed(2)', 'packed(4)']) : null;
    const align = packed === null && mods > 0.8 ? `align(${pick([1, 2, 4, 8, 16, 32])})` : null;
    const n = (kind === 'union' ? 1 : 0) + Math.floor(r() * 6);
    const body: string[] = [];
    let over = align !== null;
    for (let f = 0; f < n; f++) {
      const ft = fieldType(packed === null, 0);
      over ||= ft.over;
      fields.push(`f${f}`);
      body.push(`    pub f${f}: ${ft.t},`);
    }
    const repr = ['C', packed, align].filter((x) => x !== null).join(', ');
    lib.push(`#[repr(${repr})]\n#[derive(Clone, Copy)]\npub ${kind} ${name} {\n${body.join('\n')}\n}`);
    types.push({ name, kind, fields, overAligned: over });
  }
  lib.push('#[no_mangle]\npub extern "C" fn generated_layouts(_p: *const G0) {}');
  const main = [
    'use generated::*;',
    'use std::mem::{align_of, offset_of, size_of};',
    'fn main() {',
    '    let mut out: Vec<String> = Vec::new();',
    ...types.map((g) => {
      const fs2 = g.fields.map((f) => `format!("\\"${f}\\":{}", offset_of!(${g.name}, ${f}))`);
      return `    out.push(format!("\\"${g.name}\\":{{\\"size\\":{},\\"align\\":{},\\"fields\\":{{{}}}}}", size_of::<${g.name}>(), align_of::<${g.name}>(), Vec::<String>::from([${fs2.join(', ')}]).join(",")));`;
    }),
    '    println!("{{{}}}", out.join(","));',
    '}',
  ];
  return { lib: lib.join('\n\n') + '\n', main: main.join('\n') + '\n', types };
}

const cargo = hasCargo();
if (!cargo) console.warn('cargo is not installed: the generated layout oracle test is skipped');
const maybe = cargo ? describe : describe.skip;

maybe('layoutOf equals rustc on generated types', () => {
  let dir = '';
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`agrees on ${TYPES} generated types (seed ${SEED})`, async () => {
    const host = targetFor(process.platform, process.arch);
    if (!host) throw new Error('no target for this host');
    const { lib, main, types } = generate(SEED);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-layouts-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(
      path.join(dir, 'Cargo.toml'),
      '[package]\nname = "generated"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
    );
    fs.writeFileSync(path.join(dir, 'src', 'lib.rs'), lib);
    fs.writeFileSync(path.join(dir, 'src', 'main.rs'), main);
    const target = path.join(dir, 'target');
    execFileSync(
      'cargo',
      ['build', '--offline', '--quiet', '--manifest-path', path.join(dir, 'Cargo.toml')],
      {
        env: { ...process.env, CARGO_TARGET_DIR: target, RUSTFLAGS: '-A warnings' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const measured = JSON.parse(
      execFileSync(path.join(target, 'debug', 'generated'), { encoding: 'utf8' }),
    ) as Record<string, { size: number; align: number; fields: Record<string, number> }>;
    const surface = await extractDir(dir);
    const items = surface.crates.flatMap((c) => c.items);
    const defs = typeDefsFromItems(items);
    const mismatches: string[] = [];
    let fields = 0;
    for (const g of types) {
      const m = measured[g.name];
      const l = layoutOf(parseType(g.name), defs, host);
      if (!isKnown(l)) {
        mismatches.push(`${g.name}: unknown (${l.unknown})`);
        continue;
      }
      if (l.size !== m.size || l.align !== m.align)
        mismatches.push(`${g.name}: ${l.size}/${l.align}, rustc ${m.size}/${m.align}`);
      for (const [f, o] of Object.entries(m.fields)) {
        fields++;
        const ours = l.fields?.find((x) => x.name === f)?.offset;
        if (ours !== o) mismatches.push(`${g.name}.${f}: ${ours}, rustc ${o}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(Object.keys(measured)).toHaveLength(TYPES);
    expect(fields).toBeGreaterThan(200);
    expect(types.filter((g) => g.kind === 'enum').length).toBeGreaterThan(10);
    expect(types.filter((g) => g.kind === 'union').length).toBeGreaterThan(10);
  });
});
