/**
 * `--binary` end to end through the command line (issue 18, "Done when"): on the proc-macro
 * fixture the source-only report names the macros it cannot see into, `extract --binary` names
 * every symbol they generate, and `release-check --binary` blocks a release whose library ships a
 * symbol neither the source surface nor the allow list explains — until the allow list has it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import { describeWithTools, tempDir } from '../support/debian-tools';
import { buildFixtures, hasTools, WORKSPACE } from './build';

const GENERATED_ONLY = ['answer_c', 'engine_size', 'gen_alpha', 'gen_beta'];

interface CrateJson {
  name: string;
  binaryOnly?: { symbol: string; artifacts: string[] }[];
  unresolved?: { macro: string | null }[];
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
}

describeWithTools(hasTools())('--binary on the command line', () => {
  let lib: string;
  let repo: string;
  beforeAll(() => {
    lib = buildFixtures();
    // the fixture as a repository with a release v1.0.0 and the candidate on top of it
    repo = tempDir('binary-cli');
    fs.cpSync(WORKSPACE, repo, { recursive: true, filter: (p) => path.basename(p) !== 'target' });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'v1');
    git(repo, 'tag', 'v1.0.0');
    fs.appendFileSync(path.join(repo, 'plain', 'src', 'lib.rs'), '\n// a comment\n');
    git(repo, 'commit', '-q', '-am', 'candidate');
  });
  const so = () => path.join(lib, 'libgenerated.so');
  const a = () => path.join(lib, 'libgenerated.a');

  it('extract: source-only names the macros; with --binary, every symbol they export', async () => {
    const source = await run(['extract', '--root', WORKSPACE]);
    expect(source.exitCode).toBe(0);
    const gen = (JSON.parse(source.stdout) as { crates: CrateJson[] }).crates.find(
      (c) => c.name === 'generated',
    );
    expect(gen?.binaryOnly).toBeUndefined();
    expect(gen?.unresolved?.map((u) => u.macro)).toEqual(
      expect.arrayContaining(['export_c', 'make_exports']),
    );

    const r = await run(['extract', '--root', WORKSPACE, '--binary', so(), '--binary', a()]);
    expect(r.error).toBeUndefined();
    const doc = JSON.parse(r.stdout) as { crates: CrateJson[]; digest: string };
    const crate = doc.crates.find((c) => c.name === 'generated');
    expect(crate?.binaryOnly?.map((b) => b.symbol)).toEqual(GENERATED_ONLY);
    expect(crate?.binaryOnly?.[0].artifacts).toEqual(['libgenerated.a', 'libgenerated.so']);
    expect(doc.digest).toBe((JSON.parse(source.stdout) as { digest: string }).digest);

    const text = await run(['extract', '--root', WORKSPACE, '--binary', so(), '--format', 'text']);
    expect(text.stdout).toContain('binary-only exports of generated (4):');
    expect(text.stdout).toContain('  gen_alpha [function] in libgenerated.so');
  });

  it('extract: a wrong --binary is one line and exit code 2', async () => {
    const missing = await run(['extract', '--root', WORKSPACE, '--binary', path.join(lib, 'libnope.so')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.error).toMatch(/^--binary: .*libnope\.so: cannot be read \(ENOENT\)$/);
    const foreign = await run([
      'extract',
      '--root',
      WORKSPACE,
      '--binary',
      path.join(lib, 'libgen_macros.so'),
    ]);
    expect(foreign.exitCode).toBe(2);
    expect(foreign.error).toMatch(/^--binary: libgen_macros\.so: gen-macros is a proc-macro crate/);
    const garbage = path.join(tempDir('garbage'), 'libgenerated.so');
    fs.writeFileSync(garbage, 'not a library');
    const bad = await run(['extract', '--root', WORKSPACE, '--binary', garbage]);
    expect(bad.exitCode).toBe(2);
    expect(bad.error).toMatch(/^--binary: libgenerated\.so: not a library this tool reads/);
  });

  it('diff --binary: binary-only-export changes, the delta digest unchanged', async () => {
    const plain = await run(['diff', '--root', repo, 'v1.0.0..HEAD']);
    const r = await run(['diff', '--root', repo, 'v1.0.0..HEAD', '--binary', so()]);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      changes: { rule: string; symbol?: string }[];
      deltaDigest: string;
      requiredBump: string;
    };
    expect(doc.changes.filter((c) => c.rule === 'binary-only-export').map((c) => c.symbol)).toEqual(
      GENERATED_ONLY,
    );
    const before = JSON.parse(plain.stdout) as { deltaDigest: string; requiredBump: string };
    expect(doc.deltaDigest).toBe(before.deltaDigest);
    expect(doc.requiredBump).toBe(before.requiredBump);
  });

  it('release-check --binary fails naming the unexplained symbols', async () => {
    const ok = await run(['release-check', '--root', repo, 'v1.0.0..HEAD']);
    expect(ok.exitCode).toBe(0);
    const r = await run(['release-check', '--root', repo, 'v1.0.0..HEAD', '--binary', so(), '--binary', a()]);
    expect(r.exitCode).toBe(1);
    for (const s of GENERATED_ONLY) expect(r.error).toContain(`${s} (generated)`);
    expect(r.stdout).toContain(
      'FAIL generated: binary-only export gen_alpha in libgenerated.a, libgenerated.so',
    );
    // a crate without proc macros passes with its libraries
    const plain = await run([
      'release-check',
      '--root',
      repo,
      'v1.0.0..HEAD',
      '--binary',
      path.join(lib, 'libplain.so'),
    ]);
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).toContain('ok   built libraries: no binary-only export');
  });

  it('release-check passes once the allow list names them (--allow FILE, or the configuration)', async () => {
    const dir = tempDir('allow');
    const allow = path.join(dir, 'allow.yml');
    fs.writeFileSync(
      allow,
      'binary-exports:\n  allow:\n    - { name: "gen_*", reason: "make_exports! in gen-macros" }\n    - { name: answer_c, reason: "#[export_c]" }\n',
    );
    const partial = await run([
      'release-check',
      '--root',
      repo,
      'v1.0.0..HEAD',
      '--binary',
      so(),
      '--allow',
      allow,
    ]);
    expect(partial.exitCode).toBe(1);
    expect(partial.error).toContain('1 symbol(s)');
    expect(partial.error).toContain('engine_size (generated)');
    expect(partial.stdout).toContain(
      'ok   generated: binary-only export gen_beta in libgenerated.so allowed by gen_* (make_exports! in gen-macros)',
    );

    const config = path.join(dir, 'config.yml');
    fs.writeFileSync(
      config,
      'binary-exports:\n  allow:\n    - { name: engine_size, reason: "derive(ExportSize)" }\n',
    );
    const r = await run([
      'release-check',
      '--root',
      repo,
      'v1.0.0..HEAD',
      '--binary',
      so(),
      '--allow',
      allow,
      '--config',
      config,
      '--format',
      'json',
    ]);
    expect(r.error).toBeUndefined();
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; binaryOnly: { symbol: string; allowed: boolean }[] };
    expect(doc.ok).toBe(true);
    expect(doc.binaryOnly.map((b) => `${b.symbol} ${b.allowed}`)).toEqual(
      GENERATED_ONLY.map((s) => `${s} true`),
    );
  });

  it('an --allow file with an entry without a reason is a configuration error', async () => {
    const allow = path.join(tempDir('allow-bad'), 'allow.yml');
    fs.writeFileSync(allow, 'binary-exports:\n  allow:\n    - { name: "gen_*" }\n');
    const r = await run([
      'release-check',
      '--root',
      repo,
      'v1.0.0..HEAD',
      '--binary',
      so(),
      '--allow',
      allow,
    ]);
    expect(r.exitCode).toBe(2);
    expect(r.error).toContain('binary-exports.allow[0]');
  });
});
