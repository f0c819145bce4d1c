/**
 * The compiler is the oracle for classification (issue 14): each pair of sources below is compiled
 * by rustc, both sides in one program, which prints `size_of`, `align_of` and `offset_of!` of the
 * types the pair's exports pass. A pair whose layouts rustc prints identical must not be called
 * `breaking` by the diff (the false breaks measured on real projects); a pair whose layouts differ
 * must be (the missed breaks) — and one edit is one change, however many exports it reaches.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffLib, H } from '../diff/helpers';
import { hasCargo } from '../support/cargo';

interface Probe {
  /** A type expression valid on both sides (`B`, `Option<&T>`). */
  ty: string;
  fields?: string[];
}

interface Pair {
  label: string;
  before: string;
  after: string;
  probes: Probe[];
  /** Integer expressions whose values are part of the ABI (discriminants), printed too. */
  values?: string[];
  /** What rustc prints for the probes: the same layouts (and values), or not. */
  abi: 'same' | 'differs';
  /** The worst severity the diff must report, and the rule that carries it. */
  worst: 'breaking' | 'source-breaking' | 'non-abi' | 'addition' | 'potentially-breaking' | 'none';
  rule?: string;
  /** Most changes the pair may yield (default 2): one edit is one change. */
  maxChanges?: number;
}

const PAIRS: Pair[] = [
  // false breaks: identical layouts and passing
  {
    label: 'raw pointer → reference, Option<&T>, Box<T>, NonNull<T>',
    before: 'pub struct T { x: u32 }\npub extern "C" fn f(a: *const T, b: *mut T, c: *mut T, d: *mut T) {}',
    after:
      'pub struct T { x: u32 }\npub extern "C" fn f(a: &T, b: Option<&mut T>, c: Box<T>, d: std::ptr::NonNull<T>) {}',
    probes: [
      { ty: '*const T' },
      { ty: '&T' },
      { ty: 'Option<&mut T>' },
      { ty: 'Box<T>' },
      { ty: 'std::ptr::NonNull<T>' },
    ],
    abi: 'same',
    worst: 'non-abi',
    rule: 'rust-spelling-changed',
    maxChanges: 4, // four parameters edited
  },
  {
    label: '*const u8 → *mut u8',
    before: 'pub extern "C" fn f(p: *const u8) {}',
    after: 'pub extern "C" fn f(p: *mut u8) {}',
    probes: [{ ty: '*const u8' }, { ty: '*mut u8' }],
    abi: 'same',
    worst: 'non-abi',
    rule: 'rust-spelling-changed',
  },
  {
    label: 'a callback type gains unsafe',
    before:
      'pub type Cb = Option<extern "C" fn(i32) -> i32>;\npub extern "C" fn f(cb: Option<extern "C" fn(i32) -> i32>) {}',
    after:
      'pub type Cb = Option<unsafe extern "C" fn(i32) -> i32>;\npub extern "C" fn f(cb: Option<unsafe extern "C" fn(i32) -> i32>) {}',
    probes: [{ ty: 'Cb' }],
    abi: 'same',
    worst: 'non-abi',
    rule: 'rust-spelling-changed',
  },
  {
    label: 'union members reordered',
    before: '#[repr(C)] pub union U { pub a: u32, pub b: f64 }\npub extern "C" fn f(u: U) {}',
    after: '#[repr(C)] pub union U { pub b: f64, pub a: u32 }\npub extern "C" fn f(u: U) {}',
    probes: [{ ty: 'U', fields: ['a', 'b'] }],
    abi: 'same',
    worst: 'none',
  },
  {
    label: '4 * 1024 → 4096',
    before:
      '#[repr(C)] pub struct B { pub d: [u8; 4 * 1024] }\npub const N: usize = 2 * 8;\npub extern "C" fn f(b: *mut B) {}',
    after:
      '#[repr(C)] pub struct B { pub d: [u8; 4096] }\npub const N: usize = 16;\npub extern "C" fn f(b: *mut B) {}',
    probes: [{ ty: 'B', fields: ['d'] }],
    abi: 'same',
    worst: 'non-abi',
    rule: 'rust-spelling-changed',
  },
  {
    label: 'an opaque struct gains repr(C)',
    before: 'pub struct O { x: u32 }\npub extern "C" fn f(o: *mut O) {}',
    after: '#[repr(C)] pub struct O { x: u32 }\npub extern "C" fn f(o: *mut O) {}',
    probes: [{ ty: '*mut O' }],
    abi: 'same',
    worst: 'addition',
    rule: 'repr-changed',
  },
  {
    label: 'void * → Engine * (source only)',
    before: '#[repr(C)] pub struct Engine { x: u32 }\npub extern "C" fn f(e: *mut std::ffi::c_void) {}',
    after: '#[repr(C)] pub struct Engine { x: u32 }\npub extern "C" fn f(e: *mut Engine) {}',
    probes: [{ ty: '*mut std::ffi::c_void' }, { ty: '*mut Engine' }],
    abi: 'same',
    worst: 'source-breaking',
    rule: 'c-declaration-changed',
  },
  {
    label: 'a fieldless repr(u32) enum grows',
    before: `#[repr(u32)] pub enum R { Ok, Err }\n${[...Array(40).keys()].map((i) => `pub extern "C" fn f${i}() -> R { R::Ok }`).join('\n')}`,
    after: `#[repr(u32)] pub enum R { Ok, Err, Busy }\n${[...Array(40).keys()].map((i) => `pub extern "C" fn f${i}() -> R { R::Ok }`).join('\n')}`,
    probes: [{ ty: 'R' }],
    abi: 'same',
    worst: 'potentially-breaking',
    rule: 'enum-variant-added',
  },
  {
    label: 'a PhantomData field appended',
    before: '#[repr(C)] pub struct S { pub a: u32 }\npub extern "C" fn f(s: S) {}',
    after:
      '#[repr(C)] pub struct S { pub a: u32, pub _m: std::marker::PhantomData<*mut u8> }\npub extern "C" fn f(s: S) {}',
    probes: [{ ty: 'S', fields: ['a'] }],
    abi: 'same',
    worst: 'non-abi',
    rule: 'struct-field-added-by-value',
  },
  // missed breaks: the layout changes
  {
    label: 'a const in a discriminant expression',
    before: 'const BASE: u32 = 1;\n#[repr(u32)] pub enum E { A = BASE + 1, B }\npub extern "C" fn f(e: E) {}',
    after: 'const BASE: u32 = 5;\n#[repr(u32)] pub enum E { A = BASE + 1, B }\npub extern "C" fn f(e: E) {}',
    probes: [{ ty: 'E' }],
    values: ['E::A as u32', 'E::B as u32'],
    abi: 'differs',
    worst: 'breaking',
    rule: 'const-value-changed',
  },
  {
    label: 'a private repr(C) struct passed by value grows',
    before: '#[repr(C)] struct P { a: u32 }\npub extern "C" fn f(p: P) {}',
    after: '#[repr(C)] struct P { a: u32, b: u32 }\npub extern "C" fn f(p: P) {}',
    probes: [{ ty: 'P', fields: ['a'] }],
    abi: 'differs',
    worst: 'breaking',
    rule: 'struct-field-added-by-value',
  },
  {
    label: 'a private const is an array length',
    before:
      'const N: usize = 4;\n#[repr(C)] pub struct B { pub d: [u8; N], pub t: u32 }\npub extern "C" fn f(b: B) {}',
    after:
      'const N: usize = 8;\n#[repr(C)] pub struct B { pub d: [u8; N], pub t: u32 }\npub extern "C" fn f(b: B) {}',
    probes: [{ ty: 'B', fields: ['d', 't'] }],
    abi: 'differs',
    worst: 'breaking',
    rule: 'const-value-changed',
  },
  {
    label: 'a private alias retargeted under a parameter',
    before: 'type Id = u32;\npub extern "C" fn f(id: Id) {}',
    after: 'type Id = u64;\npub extern "C" fn f(id: Id) {}',
    probes: [{ ty: 'Id' }],
    abi: 'differs',
    worst: 'breaking',
    rule: 'type-alias-changed',
  },
  {
    label: 'a variant field of a data-carrying repr(C) enum retyped',
    before: '#[repr(C)] pub enum Ev { Key { code: u32 }, Quit }\npub extern "C" fn f(e: *const Ev) {}',
    after: '#[repr(C)] pub enum Ev { Key { code: u64 }, Quit }\npub extern "C" fn f(e: *const Ev) {}',
    probes: [{ ty: 'Ev' }],
    abi: 'differs',
    worst: 'breaking',
    rule: 'enum-variant-layout-changed',
  },
];

const RANK = ['none', 'non-abi', 'addition', 'potentially-breaking', 'source-breaking', 'breaking'];

function program(): string {
  const mods: string[] = [];
  const calls: string[] = [];
  PAIRS.forEach((p, i) => {
    for (const side of ['before', 'after'] as const) {
      const m = `p${i}_${side}`;
      // the probes live in the module: private types and fields are measurable there
      const prints = p.probes.map((probe) => {
        const offsets = (probe.fields ?? []).map((f) => `std::mem::offset_of!(${probe.ty}, ${f})`);
        return `println!("{} {} {} {} {}", ${i}, "${side}", std::mem::size_of::<${probe.ty}>(), std::mem::align_of::<${probe.ty}>(), [${offsets.join(', ')}].iter().map(|x: &usize| x.to_string()).collect::<Vec<_>>().join(","));`;
      });
      for (const v of p.values ?? []) prints.push(`println!("{} {} value {}", ${i}, "${side}", ${v});`);
      mods.push(
        `#[allow(dead_code, unused, improper_ctypes_definitions)]\nmod ${m} {\n${p[side]}\npub fn probe() {\n${prints.join('\n')}\n}\n}`,
      );
      calls.push(`${m}::probe();`);
    }
  });
  return `${mods.join('\n')}\nfn main() {\n${calls.join('\n')}\n}\n`;
}

describe('classification agrees with the layouts rustc prints', () => {
  let layouts: Map<number, { before: string[]; after: string[] }>;

  beforeAll(() => {
    expect(hasCargo()).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-classify-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(
      path.join(dir, 'Cargo.toml'),
      '[package]\nname = "classify_oracle"\nversion = "0.0.0"\nedition = "2021"\n',
    );
    fs.writeFileSync(path.join(dir, 'src', 'main.rs'), program());
    const out = execFileSync(
      'cargo',
      ['run', '--offline', '--quiet', '--manifest-path', path.join(dir, 'Cargo.toml')],
      {
        encoding: 'utf8',
        env: { ...process.env, RUSTFLAGS: '-A warnings', CARGO_TARGET_DIR: path.join(dir, 'target') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    layouts = new Map();
    for (const line of out.trim().split('\n')) {
      const [i, side, ...rest] = line.split(' ');
      const e = layouts.get(Number(i)) ?? { before: [], after: [] };
      e[side as 'before' | 'after'].push(rest.join(' '));
      layouts.set(Number(i), e);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it.each(PAIRS.map((p, i) => [p.label, p, i] as const))('%s', async (_label, p, i) => {
    const measured = layouts.get(i);
    expect(measured).toBeDefined();
    const same = JSON.stringify(measured?.before) === JSON.stringify(measured?.after);
    // the oracle: is this pair what we say it is?
    expect(same ? 'same' : 'differs').toBe(p.abi);

    const exportAll = (src: string) =>
      `${H}${src.replace(/pub extern "C" fn/g, '#[no_mangle] pub extern "C" fn')}\n`;
    const report = await diffLib(exportAll(p.before), exportAll(p.after));
    const worst = report.changes.reduce((w, c) => Math.max(w, RANK.indexOf(c.severity)), 0);
    expect(RANK[worst]).toBe(p.worst);
    if (p.abi === 'same') expect(report.changes.map((c) => c.severity)).not.toContain('breaking');
    if (p.rule)
      expect(report.changes.filter((c) => c.severity === p.worst).map((c) => c.rule)).toContain(p.rule);
    // one edit, one change: never one per export
    expect(report.changes.length).toBeLessThanOrEqual(p.maxChanges ?? 2);
  });
});
