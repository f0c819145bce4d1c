/**
 * Hostile files: truncated and corrupted copies of real libraries. Every read either returns or
 * ends in an `ArtifactError` with a message naming the file — never another exception, an
 * out-of-range read, a hang or an allocation the file's numbers dictate.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ArtifactError } from '../../src/core/artifact/bytes';
import { readArtifact } from '../../src/core/artifact/read-artifact';
import { readMachO } from '../../src/core/artifact/macho';
import { describeWithTools } from '../support/debian-tools';
import { buildFixtures, hasTools, read } from './build';

const PREBUILDS = path.join(__dirname, '..', '..', 'node_modules', 'tree-sitter-rust', 'prebuilds');

/** A GNU archive with a long-name table holding `members` (name → bytes). */
function gnuArchive(members: [string, Uint8Array][]): Uint8Array {
  const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  const header = (name: string, size: number) =>
    enc(
      `${name.padEnd(16)}${'0'.padEnd(12)}${'0'.padEnd(6)}${'0'.padEnd(6)}${'644'.padEnd(8)}${String(size).padEnd(10)}\`\n`,
    );
  const longNames = members.map(([n]) => `${n}/\n`).join('');
  const parts: Uint8Array[] = [enc('!<arch>\n'), header('//', longNames.length), enc(longNames)];
  if (longNames.length % 2) parts.push(enc('\n'));
  let at = 0;
  for (const [n, data] of members) {
    parts.push(header(`/${at}`, data.length), data);
    if (data.length % 2) parts.push(enc('\n'));
    at += n.length + 2;
  }
  return new Uint8Array(Buffer.concat(parts));
}

type Outcome = 'ok' | 'error';

type Reader = (buf: Uint8Array, what: string) => unknown;

/** Runs the reader; anything but success or an ArtifactError naming the file fails the property. */
function outcome(buf: Uint8Array, what: string, reader: Reader = readArtifact): Outcome {
  try {
    reader(buf, what);
    return 'ok';
  } catch (e) {
    if (!(e instanceof ArtifactError)) throw e;
    expect(e.message.startsWith(what)).toBe(true);
    expect(e.message).not.toMatch(/\n/);
    return 'error';
  }
}

/** Truncations and byte corruptions of `seed`, biased to the headers and tables at both ends. */
function fuzz(
  seed: Uint8Array,
  what: string,
  reader: Reader = readArtifact,
  runs = 150,
): Record<Outcome, number> {
  const seen: Record<Outcome, number> = { ok: 0, error: 0 };
  const n = seed.length;
  const offset = fc.oneof(
    fc.integer({ min: 0, max: Math.min(n - 1, 4095) }),
    fc.integer({ min: Math.max(0, n - 8192), max: n - 1 }),
    fc.integer({ min: 0, max: n - 1 }),
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: n }), (cut) => {
      seen[outcome(seed.subarray(0, cut), what, reader)]++;
    }),
    { numRuns: runs, seed: 18 },
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(offset, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      (edits) => {
        const copy = new Uint8Array(seed);
        for (const [o, v] of edits) copy[o] = v;
        seen[outcome(copy, what, reader)]++;
      },
    ),
    { numRuns: runs, seed: 18 },
  );
  // 4-byte words set to extremes: counts and offsets claiming the whole address space
  fc.assert(
    fc.property(offset, fc.constantFrom(0xffffffff, 0x7fffffff, 0x80000000, 0x10000), (o, v) => {
      const copy = new Uint8Array(seed);
      new DataView(copy.buffer).setUint32(Math.min(o, n - 4), v, true);
      seen[outcome(copy, what, reader)]++;
    }),
    { numRuns: runs, seed: 18 },
  );
  return seen;
}

describeWithTools(hasTools())('fuzzed ELF and archives', () => {
  let so: Uint8Array;
  beforeAll(() => {
    so = read(path.join(buildFixtures(), 'libgenerated.so'));
  });

  it('ELF shared object', () => {
    const seen = fuzz(so, 'libgenerated.so');
    expect(seen.error).toBeGreaterThan(50); // the mutations do reach the checks
    expect(seen.ok).toBeGreaterThan(0);
  });

  it('a shared library whose symbol table cannot be found fails closed, never "exports nothing"', () => {
    const noHeaders = new Uint8Array(so);
    new DataView(noHeaders.buffer).setBigUint64(0x28, 0n, true); // e_shoff
    expect(() => readArtifact(noHeaders, 'libx.so')).toThrow('libx.so: no section headers');
  });

  it('ar archive', () => {
    const ar = gnuArchive([
      ['a-rather-long-member-name-over-sixteen.o', so.subarray(0, 64)],
      ['libgenerated-member.so', so],
    ]);
    const seen = fuzz(ar, 'libx.a');
    expect(seen.error).toBeGreaterThan(50);
  });
});

const macho = path.join(PREBUILDS, 'darwin-x64', 'tree-sitter-rust.node');
const pe = path.join(PREBUILDS, 'win32-x64', 'tree-sitter-rust.node');

describeWithTools(fs.existsSync(macho) && fs.existsSync(pe))('fuzzed Mach-O and PE', () => {
  it('Mach-O', () => {
    const seen = fuzz(read(macho), 'x.dylib', (b, w) => readMachO(b, w));
    expect(seen.error).toBeGreaterThan(50);
  });

  it('a dylib whose symbol table is emptied while its export trie is not fails closed', () => {
    const copy = new Uint8Array(read(macho));
    const v = new DataView(copy.buffer);
    const ncmds = v.getUint32(16, true);
    let o = 32;
    for (let i = 0; i < ncmds; i++) {
      if (v.getUint32(o, true) === 0x2) v.setUint32(o + 12, 0, true); // LC_SYMTAB nsyms
      o += v.getUint32(o + 4, true);
    }
    expect(readMachO(read(macho), 'x').symbols.length).toBeGreaterThan(0);
    expect(() => readMachO(copy, 'x.dylib')).toThrow('x.dylib: an export trie but no external symbols');
  });

  it('PE', () => {
    const seen = fuzz(read(pe), 'x.dll');
    expect(seen.error).toBeGreaterThan(50);
  });
});

describe('hostile headers, each a clear error', () => {
  const elf64 = (): Uint8Array => {
    const b = new Uint8Array(64);
    b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    const v = new DataView(b.buffer);
    v.setUint16(16, 3, true); // ET_DYN
    return b;
  };

  it('a section table far past the end', () => {
    const b = elf64();
    const v = new DataView(b.buffer);
    v.setBigUint64(0x28, 0xffffffffn, true);
    v.setUint16(0x3a, 64, true);
    v.setUint16(0x3c, 0xffff, true);
    expect(() => readArtifact(b, 'evil.so')).toThrow(/^evil\.so: .*section/);
  });

  it('not a library at all', () => {
    expect(() => readArtifact(new Uint8Array([1, 2, 3]), 'x.so')).toThrow(
      /^x\.so: not a library this tool reads/,
    );
    expect(() => readArtifact(new Uint8Array(0), 'x.so')).toThrow(ArtifactError);
  });

  it('an archive member whose size runs past the end', () => {
    const ar = gnuArchive([['m.o', new Uint8Array(10)]]);
    const bad = new Uint8Array(ar);
    // the last member's size field: make it huge
    const text = Buffer.from(bad).toString('latin1');
    const at = text.lastIndexOf('644     ') + 8;
    bad.set(Buffer.from('9999999999', 'latin1'), at);
    expect(() => readArtifact(bad, 'libm.a')).toThrow(/^libm\.a: truncated/);
  });

  it('a member that is no object file is listed as skipped, not guessed at', () => {
    const ar = gnuArchive([['m.o', new Uint8Array(10)]]);
    const r = readArtifact(ar, 'libm.a');
    expect(r.skippedMembers).toEqual(['m.o']);
  });
});
