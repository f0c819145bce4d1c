/**
 * Compiler truth on the fixture workspace (issue 18): the proc-macro crate's exports are what the
 * source cannot see and the built library shows; a crate without proc macros gives no false alarm;
 * what every Rust library exports by itself is filtered by exact names, checked against an empty
 * cdylib and an empty staticlib.
 */
import * as path from 'node:path';
import { readArtifactFile } from '../../src/adapters/artifact-file';
import { crossCheckArtifacts } from '../../src/core/artifact/binary-only';
import {
  BUILTIN_EXPORTS,
  isBuiltinExport,
  isRustMangled,
  isToolchainMember,
} from '../../src/core/artifact/builtin-exports';
import { ArtifactError } from '../../src/core/artifact/bytes';
import { matchArtifact, parseArtifactName } from '../../src/core/artifact/match';
import type { Surface } from '../../src/core/model';
import { describeWithTools } from '../support/debian-tools';
import { extractDir } from '../support/extract';
import { buildFixtures, hasTools, WORKSPACE } from './build';

const GENERATED_ONLY = ['answer_c', 'engine_size', 'gen_alpha', 'gen_beta'];

describeWithTools(hasTools())('binary-only exports of the fixture workspace', () => {
  let dir: string;
  let surface: Surface;
  beforeAll(async () => {
    dir = buildFixtures();
    surface = await extractDir(WORKSPACE);
  });
  const check = async (...files: string[]) =>
    crossCheckArtifacts(surface, await Promise.all(files.map((f) => readArtifactFile(path.join(dir, f)))));

  it('the source-only surface cannot see the proc-macro exports: it names the macros instead', () => {
    const generated = surface.crates.find((c) => c.name === 'generated');
    expect(generated?.items.map((i) => i.name).sort()).toEqual([
      'Engine',
      'GENERATED_LIMIT',
      'generated_version',
    ]);
    const macros = (generated?.unresolved ?? []).map((u) => u.macro).sort();
    expect(macros).toEqual(expect.arrayContaining(['export_c', 'make_exports']));
    expect(generated?.lib).toEqual({ name: 'generated', crateTypes: ['cdylib', 'rlib', 'staticlib'] });
  });

  it('the cdylib names exactly the proc-macro exports as binary-only', async () => {
    const s = await check('libgenerated.so');
    const c = s.crates.find((x) => x.name === 'generated');
    expect(c?.binaryOnly?.map((b) => b.symbol)).toEqual(GENERATED_ONLY);
    expect(
      c?.binaryOnly?.every((b) => b.kind === 'function' && b.artifacts.join() === 'libgenerated.so'),
    ).toBe(true);
    // not part of the digest: a pull request's own build cannot change what is approved
    expect(s.digest).toBe(surface.digest);
    expect(s.crates.filter((x) => x.binaryOnly).map((x) => x.name)).toEqual(['generated']);
  });

  it('the staticlib names the same symbols, the standard library it bundles filtered out', async () => {
    const s = await check('libgenerated.a');
    expect(s.crates.find((x) => x.name === 'generated')?.binaryOnly?.map((b) => b.symbol)).toEqual(
      GENERATED_ONLY,
    );
    const both = await check('libgenerated.so', 'libgenerated.a');
    expect(both.crates.find((x) => x.name === 'generated')?.binaryOnly?.[0].artifacts).toEqual([
      'libgenerated.a',
      'libgenerated.so',
    ]);
  });

  it('a crate without proc macros: no false alarm, in either kind of library', async () => {
    const s = await check('libplain.so', 'libplain.a');
    expect(s.crates.find((x) => x.name === 'plain')?.binaryOnly).toEqual([]);
    expect(s.diagnostics.filter((d) => d.code.startsWith('artifact-'))).toEqual([]);
  });

  it('a [lib] name that differs from the package name is matched by the library name', async () => {
    expect(matchArtifact('librenamed_pkg.so', surface.crates)).toMatchObject({ ok: false });
    const s = await check('libdemo_ffi.so');
    expect(s.crates.find((x) => x.name === 'renamed-pkg')?.binaryOnly).toEqual([]);
  });

  it('the empty cdylib and staticlib: everything they export is on the exact-name list', async () => {
    const s = await check('libempty.so', 'libempty.a');
    expect(s.crates.find((x) => x.name === 'empty')?.binaryOnly).toEqual([]);
    // and the list is what does it: without it, the staticlib shows the toolchain's symbols
    const raw = await readArtifactFile(path.join(dir, 'libempty.a'));
    const unfiltered = raw.read.symbols.filter((x) => !isRustMangled(x.name));
    expect(unfiltered.length).toBeGreaterThan(100);
    expect(unfiltered.filter((x) => !isBuiltinExport(x, true))).toEqual([]);
  });

  it('a source export the library lacks is a note, not an error', async () => {
    const gone: Surface = {
      ...surface,
      crates: surface.crates.map((c) =>
        c.name !== 'plain'
          ? c
          : {
              ...c,
              items: c.items.map((i) =>
                i.kind === 'function' && i.symbol === 'plain_add' ? { ...i, symbol: 'plain_add_v2' } : i,
              ),
            },
      ),
    };
    const s = crossCheckArtifacts(gone, [await readArtifactFile(path.join(dir, 'libplain.so'))]);
    const notes = s.diagnostics.filter((d) => d.code === 'artifact-lacks-export');
    expect(notes).toHaveLength(1);
    expect(notes[0].level).toBe('warning');
    expect(notes[0].message).toContain('plain_add_v2');
    // the symbol it has instead is binary-only
    expect(s.crates.find((x) => x.name === 'plain')?.binaryOnly?.map((b) => b.symbol)).toEqual(['plain_add']);
  });

  it('an artifact of no analysed crate is an error, not ignored', async () => {
    const a = await readArtifactFile(path.join(dir, 'libplain.so'));
    expect(() => crossCheckArtifacts(surface, [{ ...a, file: 'libother.so' }])).toThrow(ArtifactError);
    expect(() => crossCheckArtifacts(surface, [{ ...a, file: 'plain.txt' }])).toThrow(
      /not a library file name/,
    );
  });
});

describe('the exact-name filter', () => {
  it('matches whole names only, never a prefix', () => {
    const sym = (name: string) => ({ name, kind: 'function' as const });
    expect(isBuiltinExport(sym('rust_eh_personality'), false)).toBe(true);
    expect(isBuiltinExport(sym('_init'), false)).toBe(true);
    for (const n of ['rust_eh_personality_hook', '_init_engine', '__rust_alloc2', 'x_fini', '__rust_allo'])
      expect(isBuiltinExport(sym(n), false)).toBe(false);
    expect([...BUILTIN_EXPORTS].every((n) => !n.includes('*'))).toBe(true);
  });

  it('in a shared library a Rust-mangled name is reported; in an archive it is the Rust ABI', () => {
    const legacy = { name: '_ZN4core3fmt5write17h0123456789abcdefE', kind: 'function' as const };
    expect(isBuiltinExport(legacy, false)).toBe(false);
    expect(isBuiltinExport(legacy, true)).toBe(true);
    // the legacy grammar is parsed in full: a C++ name or a near miss is not Rust's
    for (const n of [
      '_ZN4core3fmt5writeE',
      '_ZN4core3fmt5write17h0123456789abcdeE',
      '_ZN3foo3barEv',
      '_ZNK3foo3barEv',
    ])
      expect(isRustMangled(n)).toBe(false);
    expect(isRustMangled('_RNvCsfLfy6EI15iL_7___rustc12___rust_alloc')).toBe(true);
    expect(isRustMangled('_Rust_export')).toBe(false);
  });

  it('toolchain archive members are known by exact crate and object names', () => {
    expect(isToolchainMember('std-d1237ef7159db0a2.std.e28293b1aa0f68bd-cgu.0.rcgu.o')).toBe(true);
    expect(isToolchainMember('45c91108d938afe8-absvdi2.o')).toBe(true);
    // a C file of the crate built by the cc crate, and a crate that only looks like std
    expect(isToolchainMember('45c91108d938afe8-engine.o')).toBe(false);
    expect(isToolchainMember('stdx-d1237ef7159db0a2.stdx.e28293b1aa0f68bd-cgu.0.rcgu.o')).toBe(false);
    expect(isToolchainMember('std-d1237ef7159db0a2.core.e28293b1aa0f68bd-cgu.0.rcgu.o')).toBe(false);
    expect(isToolchainMember('generated.generated.8546bc9765cfaaae-cgu.0.rcgu.o')).toBe(false);
  });

  it('file names say library and crate type', () => {
    expect(parseArtifactName('target/release/libdemo_ffi.so')).toEqual({
      lib: 'demo_ffi',
      crateType: 'cdylib',
    });
    expect(parseArtifactName('libdemo.so.1.2')).toEqual({ lib: 'demo', crateType: 'cdylib' });
    expect(parseArtifactName('libdemo.dylib')).toEqual({ lib: 'demo', crateType: 'cdylib' });
    expect(parseArtifactName('C:\\out\\demo.dll')).toEqual({ lib: 'demo', crateType: 'cdylib' });
    expect(parseArtifactName('libdemo.a')).toEqual({ lib: 'demo', crateType: 'staticlib' });
    expect(parseArtifactName('demo.lib')).toEqual({ lib: 'demo', crateType: 'staticlib' });
    expect(parseArtifactName('demo.dll.lib')).toBeNull(); // an import library, not the code
    expect(parseArtifactName('demo.so')).toBeNull();
  });
});
