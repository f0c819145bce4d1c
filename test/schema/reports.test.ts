/**
 * The JSON report contract kept in the repository: `schema/extract-report.schema.json` and
 * `schema/diff-report.schema.json` (JSON Schema draft-07) validate the real output of
 * `extract --format json` on every fixture crate, of `diff --format json` across git history, and
 * the report the Action writes at `report-path` (with its `gate` section). The schemas are closed
 * where the model is, so a field added to the model without the schema fails here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { openDemoPull } from '../support/demo-pull';
import { run } from '../../src/cli/run';
import { extractDir } from '../support/extract';
import { exportFn, History, makeHistory, makeMonorepo, MANIFEST, Monorepo, Repo } from '../diff/git-fixture';
import { startFakeGitHub } from '../support/fake-github';
import { gitIn, OriginRepo, pullRequestEvent, runAction } from '../support/action-runner';

const ROOT = path.join(__dirname, '..', '..');
const readSchema = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', name), 'utf8')) as Record<string, unknown>;

const ajv = new Ajv({ allErrors: true, jsonPointers: true });
const validateExtract = ajv.compile(readSchema('extract-report.schema.json'));
const validateDiff = ajv.compile(readSchema('diff-report.schema.json'));

function errorsOf(validate: Ajv.ValidateFunction, doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.dataPath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

async function cliJson(argv: string[]): Promise<unknown> {
  const r = await run(argv);
  expect(r.error).toBeUndefined();
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

/** Every directory holding a Cargo.toml under `dir` (the fixture roots), skipping `target/`. */
function manifestDirs(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (fs.existsSync(path.join(d, 'Cargo.toml'))) out.push(d);
    for (const e of fs.readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory() && e.name !== 'target' && !e.name.startsWith('.')) walk(path.join(d, e.name));
  };
  walk(dir);
  return out.sort();
}

const FIXTURES = [
  ...manifestDirs(path.join(ROOT, 'test/fixtures/crates')),
  ...manifestDirs(path.join(ROOT, 'test/fixtures/soundness')),
].map((d) => path.relative(ROOT, d));

describe('the schema files', () => {
  it.each(['extract-report.schema.json', 'diff-report.schema.json'])(
    '%s is draft-07 with a title and descriptions',
    (name) => {
      const s = readSchema(name);
      expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(s.additionalProperties).toBe(false);
      expect(typeof s.title).toBe('string');
      expect(typeof s.description).toBe('string');
      expect(ajv.validateSchema(s)).toBe(true);
    },
  );
});

describe('extract --format json validates against schema/extract-report.schema.json', () => {
  it('has fixtures to check', () => {
    expect(FIXTURES.length).toBeGreaterThan(15);
  });

  it.each(FIXTURES)('%s', async (rel) => {
    const surface = await extractDir(path.join(ROOT, rel));
    // what the CLI prints is the surface serialised
    expect(errorsOf(validateExtract, JSON.parse(JSON.stringify(surface)))).toEqual([]);
  });

  it('through the command line, with --findings, --all-features and with --rev', async () => {
    const forms = path.join(ROOT, 'test/fixtures/crates/forms');
    expect(errorsOf(validateExtract, await cliJson(['extract', '--root', forms, '--findings']))).toEqual([]);
    const soundness = path.join(ROOT, 'test/fixtures/soundness');
    const all = await cliJson(['extract', '--root', soundness, '--all-features', '--format', 'json']);
    expect(errorsOf(validateExtract, all)).toEqual([]);
    const repo = Repo.init({ 'Cargo.toml': MANIFEST(), 'src/lib.rs': exportFn('fsg_one') });
    try {
      const doc = await cliJson(['extract', '--root', repo.dir, '--rev', 'HEAD']);
      expect(errorsOf(validateExtract, doc)).toEqual([]);
    } finally {
      repo.remove();
    }
  });

  it('the surface of the fixtures exercises every item kind, gated and unresolved entries', async () => {
    const kinds = new Set<string>();
    let gated = 0;
    let unresolved = 0;
    for (const rel of FIXTURES) {
      const s = await extractDir(path.join(ROOT, rel));
      for (const c of s.crates) {
        for (const i of c.items) kinds.add(i.kind);
        gated += c.gated?.length ?? 0;
        unresolved += c.unresolved?.length ?? 0;
      }
    }
    expect([...kinds].sort()).toEqual([
      'const',
      'enum',
      'function',
      'import',
      'static',
      'struct',
      'type',
      'union',
    ]);
    expect(unresolved).toBeGreaterThan(0);
    expect(gated).toBeGreaterThan(0);
  });

  it('catches drift: an unknown field or a missing one is rejected', async () => {
    const s = JSON.parse(
      JSON.stringify(await extractDir(path.join(ROOT, 'test/fixtures/crates/forms'))),
    ) as Record<string, unknown> & { crates: Record<string, unknown>[] };
    expect(errorsOf(validateExtract, { ...s, extra: 1 })).not.toEqual([]);
    const noDigest = { ...s } as Record<string, unknown>;
    delete noDigest.digest;
    expect(errorsOf(validateExtract, noDigest)).not.toEqual([]);
    const item = (s.crates[0].items as Record<string, unknown>[])[0];
    const drifted = { ...s, crates: [{ ...s.crates[0], items: [{ ...item, novel: true }] }] };
    expect(errorsOf(validateExtract, drifted)).not.toEqual([]);
  });
});

describe('diff --format json validates against schema/diff-report.schema.json', () => {
  let h: History;
  let m: Monorepo;
  beforeAll(() => {
    h = makeHistory();
    m = makeMonorepo();
  });
  afterAll(() => {
    h.repo.remove();
    m.repo.remove();
  });

  it.each([
    ['c1', 'c2'],
    ['c1', 'c3'],
    ['c1', 'f2'],
    ['c4', 'f2'],
    ['c1', 'r1'],
    ['c1', 'c1'],
  ] as const)('%s..%s', async (base, head) => {
    const doc = await cliJson([
      'diff',
      '--base',
      h[base],
      '--head',
      h[head],
      '--root',
      h.repo.dir,
      '--format',
      'json',
    ]);
    expect(errorsOf(validateDiff, doc)).toEqual([]);
  });

  it('against the working tree, in a monorepo with --all-features', async () => {
    expect(errorsOf(validateDiff, await cliJson(['diff', '--base', h.c1, '--root', h.repo.dir]))).toEqual([]);
    const doc = await cliJson([
      'diff',
      '--base',
      m.m1,
      '--head',
      m.m2,
      '--root',
      m.repo.dir,
      '--all-features',
    ]);
    expect(errorsOf(validateDiff, doc)).toEqual([]);
  });

  it('with unresolved changes (kind unknown) and diagnostics', async () => {
    const repo = Repo.init({ 'Cargo.toml': MANIFEST(), 'src/lib.rs': exportFn('fsg_one') });
    try {
      const base = repo.sha('HEAD');
      repo.commit('unresolved', {
        'src/lib.rs': `${exportFn('fsg_one')}\nmake_exports!(fsg_two);\n#[some_proc::export]\npub fn fsg_three() {}\nfn broken( {\n`,
      });
      const doc = (await cliJson(['diff', '--base', base, '--head', 'HEAD', '--root', repo.dir])) as {
        changes: { kind: string }[];
        diagnostics: unknown[];
      };
      expect(errorsOf(validateDiff, doc)).toEqual([]);
      expect(doc.changes.some((c) => c.kind === 'unknown')).toBe(true);
    } finally {
      repo.remove();
    }
  });

  it('catches drift: an unknown severity or an extra field is rejected', async () => {
    const doc = (await cliJson(['diff', '--base', h.c1, '--head', h.c3, '--root', h.repo.dir])) as Record<
      string,
      unknown
    > & { changes: Record<string, unknown>[] };
    expect(doc.changes.length).toBeGreaterThan(0);
    expect(errorsOf(validateDiff, { ...doc, extra: true })).not.toEqual([]);
    expect(
      errorsOf(validateDiff, { ...doc, changes: [{ ...doc.changes[0], severity: 'catastrophic' }] }),
    ).not.toEqual([]);
    const noDelta = { ...doc } as Record<string, unknown>;
    delete noDelta.deltaDigest;
    expect(errorsOf(validateDiff, noDelta)).not.toEqual([]);
  });
});

describe('the report the Action writes at report-path validates against the diff schema', () => {
  it('on a pull request (with the gate section) and on workflow_dispatch', async () => {
    const { origin, fake, base, head } = await openDemoPull({ baseMessage: 'v1', headMessage: 'v2' });
    try {
      const prReport = path.join(origin.dir, 'out', 'pr.json');
      const pr = await runAction({
        workspace: origin.checkout('main'),
        fake,
        eventName: 'pull_request',
        event: pullRequestEvent(1, head, base),
        inputs: { 'report-path': prReport },
      });
      expect(pr.code).toBe(0);
      const report = JSON.parse(fs.readFileSync(prReport, 'utf8')) as { gate?: unknown };
      expect(report.gate).toBeDefined();
      expect(errorsOf(validateDiff, report)).toEqual([]);

      const dispatchReport = path.join(origin.dir, 'out', 'dispatch.json');
      const dispatch = await runAction({
        workspace: origin.checkout('main'),
        fake,
        eventName: 'workflow_dispatch',
        event: { ref: 'refs/heads/main' },
        inputs: { 'report-path': dispatchReport },
      });
      expect(dispatch.code).toBe(0);
      expect(errorsOf(validateDiff, JSON.parse(fs.readFileSync(dispatchReport, 'utf8')))).toEqual([]);
    } finally {
      await fake.close();
      origin.cleanup();
    }
  });

  it('on a release tag (with the release section)', async () => {
    const origin = new OriginRepo();
    const fake = await startFakeGitHub();
    try {
      fake.addRepo({ fullName: 'octo/lib', defaultBranch: 'main' });
      const tag = (name: string, sha: string) => {
        gitIn(origin.bare, 'tag', name, sha);
        fake.addTag({ repo: 'octo/lib', name, sha });
      };
      const c0 = origin.commit('main', {
        'Cargo.toml': MANIFEST('foo', '1.0.0'),
        'src/lib.rs': exportFn('foo_a'),
      });
      tag('v1.0.0', c0);
      const c1 = origin.commit('main', {
        'Cargo.toml': MANIFEST('foo', '1.0.1'),
        'src/lib.rs': exportFn('foo_a') + exportFn('foo_b'),
      });
      tag('v1.0.1', c1);
      const reportPath = path.join(origin.dir, 'out', 'release.json');
      const rel = await runAction({
        workspace: origin.checkout('v1.0.1'),
        fake,
        eventName: 'push',
        event: {
          ref: 'refs/tags/v1.0.1',
          after: c1,
          repository: { full_name: 'octo/lib', default_branch: 'main' },
        },
        inputs: { 'report-path': reportPath, 'require-reviewed': 'true' },
        env: { GITHUB_REF: 'refs/tags/v1.0.1', GITHUB_SHA: c1 },
      });
      expect(rel.outputs['report-path']).toBe(reportPath);
      const report = JSON.parse(fs.readFileSync(reportPath, 'utf8')) as {
        release?: { ok: boolean };
        review?: unknown;
      };
      // a patch bump does not cover an addition in 1.x
      expect(report.release?.ok).toBe(false);
      expect(report.review).toBeDefined();
      expect(errorsOf(validateDiff, report)).toEqual([]);
    } finally {
      await fake.close();
      origin.cleanup();
    }
  });
});
