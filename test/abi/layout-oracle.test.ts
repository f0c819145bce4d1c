/**
 * The compiler is the oracle for layouts (issue 14 item 2): test/fixtures/layouts is a cargo
 * crate whose `main` prints rustc's size_of, align_of and every field's offset for every repr
 * type of its library, and the values of its consts. The library is extracted with the real
 * extractor, and `layoutOf` on the host target must give exactly rustc's numbers for every type.
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { abiShape, evalConstExpr, isKnown, layoutOf, typeDefsFromItems } from '../../src/core/abi/layout';
import { ALL_TARGETS, Target, targetFor, TARGETS } from '../../src/core/abi/targets';
import type { SurfaceItem } from '../../src/core/model';
import { parseType } from '../../src/core/rust/type-syntax';
import { hasCargo } from '../support/cargo';
import { extractDir } from '../support/extract';

const CRATE = path.join(__dirname, '..', 'fixtures', 'layouts');
const TARGET_DIR = path.join(os.tmpdir(), 'ffi-surface-guard-test-target', 'layouts');

interface Measured {
  size: number;
  align: number;
  fields: Record<string, number>;
}

const cargo = hasCargo();
if (!cargo) console.warn('cargo is not installed: the layout oracle test is skipped');
const maybe = cargo ? describe : describe.skip;

maybe('layoutOf equals rustc on the host target (test/fixtures/layouts)', () => {
  let measured: Record<string, Measured>;
  let consts: Record<string, number>;
  let items: SurfaceItem[];
  const host = targetFor(process.platform, process.arch);

  beforeAll(async () => {
    execFileSync(
      'cargo',
      ['build', '--offline', '--quiet', '--manifest-path', path.join(CRATE, 'Cargo.toml')],
      {
        env: { ...process.env, CARGO_TARGET_DIR: TARGET_DIR, RUSTFLAGS: '-A warnings' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const out = execFileSync(path.join(TARGET_DIR, 'debug', 'layouts'), { encoding: 'utf8' });
    const parsed = JSON.parse(out) as Record<string, unknown>;
    consts = parsed.$consts as Record<string, number>;
    delete parsed.$consts;
    measured = parsed as Record<string, Measured>;
    const surface = await extractDir(CRATE);
    expect(surface.diagnostics).toEqual([]);
    items = surface.crates.flatMap((c) => c.items);
  });

  it('runs on a target of the table', () => {
    expect(host).not.toBeNull();
  });

  it('measures every repr type of the fixture, and only those', () => {
    const types = items
      .filter((i) => i.kind === 'struct' || i.kind === 'union' || i.kind === 'enum')
      .map((i) => i.name)
      .sort();
    expect(types).toEqual(Object.keys(measured).sort());
    expect(types.length).toBeGreaterThanOrEqual(35);
  });

  it('gives every type the size, alignment and field offsets rustc gives it', () => {
    if (!host) throw new Error('no target');
    const defs = typeDefsFromItems(items);
    const mismatches: string[] = [];
    let fieldsCompared = 0;
    for (const [name, m] of Object.entries(measured)) {
      const l = layoutOf(parseType(name), defs, host);
      if (!isKnown(l)) {
        mismatches.push(`${name}: unknown (${l.unknown})`);
        continue;
      }
      if (l.size !== m.size || l.align !== m.align)
        mismatches.push(`${name}: ${l.size}/${l.align}, rustc ${m.size}/${m.align}`);
      const ours = new Map((l.fields ?? []).map((f) => [f.name, f.offset]));
      for (const [field, offset] of Object.entries(m.fields)) {
        fieldsCompared++;
        if (ours.get(field) !== offset)
          mismatches.push(`${name}.${field}: ${ours.get(field)}, rustc ${offset}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(fieldsCompared).toBeGreaterThan(120);
  });

  it('gives every type an ABI shape, and a layout on every target of the table', () => {
    const defs = typeDefsFromItems(items);
    for (const name of Object.keys(measured)) {
      for (const t of ALL_TARGETS) {
        expect([name, t.name, isKnown(layoutOf(parseType(name), defs, t))]).toEqual([name, t.name, true]);
        expect([name, t.name, abiShape(parseType(name), defs, t) !== null]).toEqual([name, t.name, true]);
      }
    }
    // c_long is 4 bytes on Windows: Platform is smaller there
    const size = (t: Target): number => {
      const l = layoutOf(parseType('Platform'), defs, t);
      return isKnown(l) ? l.size : -1;
    };
    expect(size(TARGETS['x86_64-unknown-linux-gnu'])).toBe(40);
    expect(size(TARGETS['x86_64-pc-windows-msvc'])).toBe(32);
  });

  it('gives every struct and union field an offset (every field is measured)', () => {
    for (const it of items) {
      if (it.kind !== 'struct' && it.kind !== 'union') continue;
      expect(Object.keys(measured[it.name].fields).sort()).toEqual(it.fields.map((f) => f.name).sort());
    }
  });

  // issue 14: each false break (the ABI is identical) and missed break (it changed) as a pair
  // of types compiled by rustc; `class` is a change rustc's layout cannot show (i32 → u32)
  const PAIRS: [string, 'same' | 'layout' | 'class'][] = [
    ['PairRef', 'same'],
    ['PairFn', 'same'],
    ['PairPhantom', 'same'],
    ['PairUnion', 'same'],
    ['PairLen', 'same'],
    ['PairGrow', 'same'],
    ['PairAlias', 'layout'],
    ['PairConst', 'layout'],
    ['PairVariant', 'layout'],
    ['PairSign', 'class'],
  ];

  it.each(PAIRS)(
    '%s: old and new have the same ABI shape iff the ABI is identical (%s)',
    (pair, expected) => {
      if (!host) throw new Error('no target');
      const defs = typeDefsFromItems(items);
      const [old, neu] = [measured[`${pair}Old`], measured[`${pair}New`]];
      const rustcSame =
        old.size === neu.size &&
        old.align === neu.align &&
        Object.entries(old.fields).every(([f, o]) => !(f in neu.fields) || neu.fields[f] === o);
      expect(rustcSame).toBe(expected !== 'layout');
      const [a, b] = [
        abiShape(parseType(`${pair}Old`), defs, host),
        abiShape(parseType(`${pair}New`), defs, host),
      ];
      expect(a).not.toBeNull();
      expect(b).not.toBeNull();
      if (expected === 'same') expect(a).toBe(b);
      else expect(a).not.toBe(b);
    },
  );

  it('evaluates every const as rustc does', () => {
    if (!host) throw new Error('no target');
    const defs = typeDefsFromItems(items);
    const ours: Record<string, number | null> = {};
    for (const name of Object.keys(consts)) {
      const v = defs.constValue(name, host);
      ours[name] = v === null ? null : Number(v);
    }
    expect(ours).toEqual(consts);
    expect(evalConstExpr('SZ * LEN', defs, host, 'usize')).toBe(BigInt(consts.SZ * consts.LEN));
  });
});
