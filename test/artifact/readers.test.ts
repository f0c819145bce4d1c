/**
 * The symbol-table readers against the compiler and Debian's tools: the fixture libraries built
 * with cargo (ELF `.so`, `.a`), and the prebuilt Mach-O and PE binaries npm packages ship in
 * node_modules (tree-sitter-rust's `prebuilds/`).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readArchive } from '../../src/core/artifact/archive';
import { readElf } from '../../src/core/artifact/elf';
import { readMachO } from '../../src/core/artifact/macho';
import { readPe } from '../../src/core/artifact/pe';
import { readArtifact } from '../../src/core/artifact/read-artifact';
import { describeWithTools } from '../support/debian-tools';
import { buildFixtures, hasTools, nmDynamic, read, readelfArchive, tool } from './build';

const names = (s: { name: string }[]) => [...new Set(s.map((x) => x.name))].sort();

describeWithTools(hasTools())('ELF and ar readers equal the compiler output as binutils reads it', () => {
  let dir: string;
  beforeAll(() => {
    dir = buildFixtures();
  });

  it.each(['libgenerated.so', 'libplain.so', 'libdemo_ffi.so', 'libempty.so'])(
    '%s: nm -D --defined-only',
    (f) => {
      const file = path.join(dir, f);
      const r = readArtifact(read(file), f);
      expect(r.format).toBe('elf');
      expect(r.crateType).toBe('cdylib');
      expect(names(r.symbols)).toEqual(nmDynamic(file));
    },
  );

  it('libgenerated.so: the proc-macro exports are there, with their kinds', () => {
    const r = readArtifact(read(path.join(dir, 'libgenerated.so')), 'libgenerated.so');
    expect(r.symbols.map((s) => `${s.kind} ${s.name}`)).toEqual([
      'data GENERATED_LIMIT',
      'function answer_c',
      'function engine_size',
      'function gen_alpha',
      'function gen_beta',
      'function generated_version',
    ]);
  });

  it.each(['libgenerated.a', 'libplain.a', 'libempty.a'])('%s: every member as readelf -s reads it', (f) => {
    const file = path.join(dir, f);
    const r = readArchive(read(file), f);
    expect(r.skippedMembers).toEqual([]);
    const got = [...new Set(r.symbols.map((s) => `${s.member}\u0000${s.name}`))].sort();
    const want = readelfArchive(file);
    expect(want.length).toBeGreaterThan(100); // the standard library is in every staticlib
    expect(got).toEqual(want);
  });

  it('a relocatable object is not a shared library', () => {
    const file = path.join(dir, 'libplain.a');
    const r = readArchive(read(file), 'libplain.a');
    const member = r.symbols.find((s) => s.name === 'plain_add')?.member;
    expect(member).toMatch(/^plain\./);
    expect(readElf(read(path.join(dir, 'libplain.so')), 'x').objectType).toBe('shared');
  });
});

const PREBUILDS = path.join(__dirname, '..', '..', 'node_modules', 'tree-sitter-rust', 'prebuilds');
const prebuilt = (p: string) => path.join(PREBUILDS, p, 'tree-sitter-rust.node');
const hasPrebuilds = fs.existsSync(prebuilt('darwin-x64')) && fs.existsSync(prebuilt('win32-x64'));

describeWithTools(hasPrebuilds && tool('llvm-nm'))(
  'Mach-O reader on npm prebuilds (llvm-nm -g --defined-only)',
  () => {
    it.each(['darwin-x64', 'darwin-arm64'])('%s', (arch) => {
      const file = prebuilt(arch);
      const out = execFileSync('llvm-nm', ['-g', '--defined-only', file], { encoding: 'utf8' });
      const want = [
        ...new Set(
          out
            .split('\n')
            .map((l) => l.trim().split(/\s+/))
            .filter((p) => p.length === 3)
            .map((p) => p[2].replace(/^_/, '')),
        ),
      ].sort();
      const r = readMachO(read(file), arch);
      expect(r.fileType).toBe('other'); // a Node addon is a bundle, not a dylib
      expect(names(r.symbols)).toEqual(want);
      expect(want).toContain('tree_sitter_rust');
      // readArtifact takes dynamic libraries only
      expect(() => readArtifact(read(file), arch)).toThrow(/not a dynamic library/);
    });
  },
);

describeWithTools(hasPrebuilds && tool('objdump') && tool('llvm-readobj'))(
  'PE reader on npm prebuilds',
  () => {
    it('win32-x64: objdump -p export name table', () => {
      const file = prebuilt('win32-x64');
      const out = execFileSync('objdump', ['-p', file], { encoding: 'utf8' });
      const table = out.split('[Ordinal/Name Pointer] Table')[1]?.split('\n\n')[0] ?? '';
      const want = [...table.matchAll(/^\s*\[\s*\d+\]\s+(\S+)$/gm)].map((m) => m[1]).sort();
      expect(want).toContain('tree_sitter_rust');
      const r = readArtifact(read(file), 'tree-sitter-rust.dll');
      expect(r.format).toBe('pe');
      expect(names(r.symbols)).toEqual(want);
      expect(r.symbols.every((s) => s.kind === 'function')).toBe(true);
    });

    it('win32-arm64: llvm-readobj --coff-exports', () => {
      const file = prebuilt('win32-arm64');
      const out = execFileSync('llvm-readobj', ['--coff-exports', file], { encoding: 'utf8' });
      const want = [...out.matchAll(/^\s*Name: (\S+)$/gm)].map((m) => m[1]).sort();
      expect(want.length).toBe(3);
      expect(names(readPe(read(file), 'arm64'))).toEqual(want);
    });
  },
);
