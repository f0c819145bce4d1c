/**
 * PE and COFF on files built here: a DLL and a static library compiled with Debian's
 * `gcc-mingw-w64-x86-64` (`.ci/run` installs it), checked against binutils' `objdump -p` (the
 * DLL's export name table) and the MinGW `nm` (the archive's COFF members).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readArchive } from '../../src/core/artifact/archive';
import { readArtifact } from '../../src/core/artifact/read-artifact';
import { describeWithTools, tempDir } from '../support/debian-tools';
import { read, tool } from './build';

const CC = 'x86_64-w64-mingw32-gcc';
const SOURCE = [
  '__declspec(dllexport) int demo_add(int a, int b) { return a + b; }',
  '__declspec(dllexport) const char *demo_version(void) { return "1"; }',
  '__declspec(dllexport) int demo_counter = 3;',
  'static int hidden_helper(void) { return 1; }',
  'int demo_not_exported(void) { return hidden_helper(); }',
  '',
].join('\n');

const present = tool(CC) && tool('objdump') && tool('x86_64-w64-mingw32-nm') && tool('x86_64-w64-mingw32-ar');

describeWithTools(present)('PE and COFF readers on MinGW-built files', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('mingw');
    fs.writeFileSync(path.join(dir, 'demo.c'), SOURCE);
    execFileSync(CC, ['-shared', '-O2', '-o', 'demo.dll', 'demo.c'], { cwd: dir });
    execFileSync(CC, ['-c', '-O2', '-o', 'demo.o', 'demo.c'], { cwd: dir });
    execFileSync('x86_64-w64-mingw32-ar', ['rcs', 'libdemo.a', 'demo.o'], { cwd: dir });
  });

  it('the DLL: the export directory, as objdump -p lists it', () => {
    const file = path.join(dir, 'demo.dll');
    const out = execFileSync('objdump', ['-p', file], { encoding: 'utf8' });
    const table = out.split('[Ordinal/Name Pointer] Table')[1]?.split('\n\n')[0] ?? '';
    const want = [...table.matchAll(/^\s*\[\s*\d+\]\s+(\S+)$/gm)].map((m) => m[1]).sort();
    expect(want).toEqual(['demo_add', 'demo_counter', 'demo_version']);
    const r = readArtifact(read(file), 'demo.dll');
    expect(r.format).toBe('pe');
    expect(r.crateType).toBe('cdylib');
    expect(r.symbols.map((s) => `${s.kind} ${s.name}`)).toEqual([
      'function demo_add',
      'data demo_counter',
      'function demo_version',
    ]);
  });

  it('the static library: COFF members, as the MinGW nm lists them', () => {
    const file = path.join(dir, 'libdemo.a');
    const out = execFileSync('x86_64-w64-mingw32-nm', ['-g', '--defined-only', file], { encoding: 'utf8' });
    const want = [
      ...new Set(
        out
          .split('\n')
          .map((l) => l.trim().split(/\s+/))
          .filter((p) => p.length === 3)
          .map((p) => p[2]),
      ),
    ].sort();
    expect(want).toEqual(
      expect.arrayContaining(['demo_add', 'demo_counter', 'demo_not_exported', 'demo_version']),
    );
    const r = readArchive(read(file), 'libdemo.a');
    expect(r.skippedMembers).toEqual([]);
    expect([...new Set(r.symbols.map((s) => s.name))].sort()).toEqual(want);
    expect(r.symbols.find((s) => s.name === 'demo_add')?.kind).toBe('function');
    expect(r.symbols.find((s) => s.name === 'demo_counter')?.kind).toBe('data');
    expect(r.symbols.every((s) => s.member === 'demo.o')).toBe(true);
  });
});
