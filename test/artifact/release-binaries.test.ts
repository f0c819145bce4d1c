/**
 * The Action's release gate with `binaries`: globs to files, the head's binary-only exports judged
 * by the default branch's allow list, a summary section with every symbol escaped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInputs } from '../../src/action/inputs';
import { checkReleaseBinaries } from '../../src/app/release-binaries';
import { expandArtifactGlobs } from '../../src/adapters/artifact-file';
import type { Surface } from '../../src/core/model';
import { describeWithTools, tempDir } from '../support/debian-tools';
import { extractDir } from '../support/extract';
import { buildFixtures, hasTools, WORKSPACE } from './build';

// @actions/core is ESM-only (jest runs CommonJS): its getInput, as the runner's `INPUT_*` reads it
jest.mock(
  '@actions/core',
  () => ({
    getInput: (name: string) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim(),
  }),
  { virtual: true },
);

describe('the binaries input', () => {
  it('one glob per line; blank and # lines ignored; none by default', () => {
    process.env.INPUT_BINARIES = 'built/libdemo.so\n\n# the static one\n  built/*.a  \n';
    try {
      expect(readInputs({ ...process.env, GITHUB_TOKEN: 't' }).binaries).toEqual([
        'built/libdemo.so',
        'built/*.a',
      ]);
    } finally {
      delete process.env.INPUT_BINARIES;
    }
    expect(readInputs({ ...process.env, GITHUB_TOKEN: 't' }).binaries).toEqual([]);
  });

  it('globs expand per segment; no match, ** and .. are errors', async () => {
    const dir = tempDir('globs');
    fs.mkdirSync(path.join(dir, 'out', 'x'), { recursive: true });
    for (const f of ['libdemo.so', 'libdemo.a', 'notes.txt']) fs.writeFileSync(path.join(dir, 'out', f), '');
    expect(await expandArtifactGlobs(dir, ['out/libdemo.*'])).toEqual(
      ['libdemo.a', 'libdemo.so'].map((f) => path.join(dir, 'out', f)),
    );
    expect(await expandArtifactGlobs(dir, ['o?t/*.so', 'out/libdemo.so'])).toEqual([
      path.join(dir, 'out', 'libdemo.so'),
    ]);
    await expect(expandArtifactGlobs(dir, ['out/*.dll'])).rejects.toThrow(
      'binaries: out/*.dll matches no file',
    );
    await expect(expandArtifactGlobs(dir, ['**/*.so'])).rejects.toThrow('not supported');
    await expect(expandArtifactGlobs(dir, ['../x/*.so'])).rejects.toThrow('not supported');
    await expect(expandArtifactGlobs(dir, ['out/x'])).rejects.toThrow('matches no file'); // a directory
  });
});

describeWithTools(hasTools())('checkReleaseBinaries on the fixture libraries', () => {
  let lib: string;
  let surface: Surface;
  beforeAll(async () => {
    lib = buildFixtures();
    surface = await extractDir(WORKSPACE);
  });

  it('fails on what the allow list does not cover, and says which', async () => {
    const g = await checkReleaseBinaries(
      lib,
      ['libgenerated.so'],
      surface,
      [{ name: 'gen_*', reason: 'make_exports!' }],
      null,
    );
    expect(g.ok).toBe(false);
    expect(g.verdicts.filter((v) => !v.allowedBy).map((v) => v.entry.symbol)).toEqual([
      'answer_c',
      'engine_size',
    ]);
    expect(g.reason).toBe('binary-only exports not in binary-exports.allow: answer_c, engine_size');
    expect(g.markdown).toContain(
      '| ✅ | generated | `gen_alpha` | `libgenerated.so` | `gen_*` (make\\_exports\\!) |',
    );
  });

  it('passes when everything is allowed, and for a crate without proc macros', async () => {
    const all = await checkReleaseBinaries(
      lib,
      ['libgenerated.so', 'libgenerated.a'],
      surface,
      [{ name: '*', reason: 'all of them' }],
      null,
    );
    expect(all.ok).toBe(true);
    const plain = await checkReleaseBinaries(lib, ['libplain.so', 'libplain.a'], surface, [], null);
    expect(plain.ok).toBe(true);
    expect(plain.markdown).toContain('No binary-only export');
    // a glob that also matches cargo's other outputs (libgenerated.d) fails closed, naming the file
    await expect(checkReleaseBinaries(lib, ['libgenerated.*'], surface, [], null)).rejects.toThrow(
      'libgenerated.d: not a library this tool reads',
    );
    // a per-crate tag judges its own crate only
    const other = await checkReleaseBinaries(lib, ['libgenerated.so'], surface, [], 'plain');
    expect(other.ok).toBe(true);
  });
});
