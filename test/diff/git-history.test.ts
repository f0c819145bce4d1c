/**
 * `analyseDiff` (the diff job shared by the CLI and the Action) across real git history:
 * revisions named by SHA, tag and branch; the head defaulting to the working tree; comparing
 * against the merge base; `--root` in a subdirectory; shallow clones with and without `origin`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseDiff, Analysis, AnalyseOptions } from '../../src/app/analyse-diff';
import { GitError } from '../../src/adapters/git';
import { InputError } from '../../src/adapters/open-tree';
import type { DiffReport } from '../../src/core/report';
import {
  exportFn,
  History,
  lib,
  makeHistory,
  makeMonorepo,
  Monorepo,
  Repo,
  tempDir,
  removeDir,
} from './git-fixture';

const DEFAULT = { mode: 'default' as const, features: [] };

function diff(
  root: string,
  base: string,
  head?: string,
  more: Partial<AnalyseOptions> = {},
): Promise<Analysis> {
  return analyseDiff({ root, base, head, features: DEFAULT, ...more });
}

/** `rule name` of every change, sorted. */
function changes(report: DiffReport): string[] {
  return report.changes.map((c) => `${c.rule} ${c.name}`).sort();
}

let h: History;
beforeAll(() => {
  h = makeHistory();
});
afterAll(() => h.repo.remove());

describe('revisions', () => {
  it('named by SHA', async () => {
    const a = await diff(h.repo.dir, h.c1, h.c2);
    expect(changes(a.report)).toEqual(['function-added fsg_read']);
    expect(a.baseSha).toBe(h.c1);
    expect(a.headSha).toBe(h.c2);
    expect(a.report.base.rev).toBe(h.c1);
    expect(a.report.head.rev).toBe(h.c2);
    expect(a.report.requiredBump).toBe('minor');
  });

  it('named by tag (annotated and lightweight)', async () => {
    const a = await diff(h.repo.dir, 'v1.0.0', 'v1.1.0');
    expect(changes(a.report)).toEqual(['function-added fsg_read']);
    expect([a.baseSha, a.headSha]).toEqual([h.c1, h.c2]);
  });

  it('named by branch, and by relative revision', async () => {
    const a = await diff(h.repo.dir, 'v1.1.0', 'main~1');
    expect(changes(a.report)).toEqual(['function-parameters-changed fsg_close']);
    expect(a.report.changes[0]).toMatchObject({
      severity: 'breaking',
      before: 'extern "C" fn fsg_close(handle: i32) -> i32',
      after: 'extern "C" fn fsg_close(handle: i64) -> i32',
      file: 'src/lib.rs',
    });
    expect(a.report.requiredBump).toBe('major');
  });

  it('identical revisions: no change', async () => {
    const a = await diff(h.repo.dir, 'main', 'main');
    expect(a.report.changes).toEqual([]);
    expect(a.report.requiredBump).toBe('none');
    expect(a.report.base.digest).toBe(a.report.head.digest);
  });

  it('a revision that does not exist', async () => {
    await expect(diff(h.repo.dir, 'no-such-branch', 'main')).rejects.toThrow(
      new GitError(
        '--base "no-such-branch" is not in this repository; fetch it first (git fetch origin <rev>)',
      ),
    );
    await expect(diff(h.repo.dir, 'main', 'deadbeef')).rejects.toThrow(
      /^--head "deadbeef" is not in this repository/,
    );
    await expect(diff(h.repo.dir, '--upload-pack=x', 'main')).rejects.toThrow(
      new GitError('--base "--upload-pack=x" is not a revision'),
    );
  });

  it('a root that is not a directory in a git repository', async () => {
    const nowhere = path.join(h.repo.dir, 'nowhere');
    await expect(diff(nowhere, 'main')).rejects.toThrow(new InputError(`--root ${nowhere} does not exist`));
    const plain = tempDir('fsg-nogit-');
    try {
      await expect(diff(plain, 'main')).rejects.toThrow(
        new GitError(`--root ${plain} is not inside a git repository`),
      );
    } finally {
      removeDir(plain);
    }
  });
});

describe('the merge base', () => {
  it('a base branch that moved on does not show its own changes as the pull request’s', async () => {
    // main removed fsg_open after feature branched: against main itself, feature would "add" it
    const a = await diff(h.repo.dir, 'main', 'feature');
    expect(a.baseSha).toBe(h.c3);
    expect(a.report.base.rev).toBe(h.c3);
    expect(changes(a.report)).toEqual(['const-value-changed FSG_MAX', 'function-added fsg_feature']);
  });

  it('is not used when turned off (release checks compare the tags themselves)', async () => {
    const a = await diff(h.repo.dir, 'main', 'feature', { useMergeBase: false });
    expect(a.baseSha).toBe(h.c4);
    expect(changes(a.report)).toEqual([
      'const-value-changed FSG_MAX',
      'function-added fsg_feature',
      'function-added fsg_open',
    ]);
  });

  it('of an ancestor is the ancestor', async () => {
    const a = await diff(h.repo.dir, h.c1, 'feature');
    expect(a.baseSha).toBe(h.c1);
    expect(changes(a.report)).toEqual([
      'const-value-changed FSG_MAX',
      'function-added fsg_feature',
      'function-added fsg_read',
      'function-parameters-changed fsg_close',
    ]);
  });

  it('unrelated histories: compared against the base itself, with a warning', async () => {
    const other = Repo.clone(h.repo);
    try {
      other.git('checkout', '-q', '--orphan', 'unrelated');
      other.commit('unrelated root', { 'src/lib.rs': lib({ open: false }) });
      const a = await diff(other.dir, 'origin/main', 'unrelated');
      expect(a.baseSha).toBe(h.c4);
      expect(a.warnings).toEqual([
        'origin/main and unrelated have no common history; comparing against origin/main itself',
      ]);
      expect(changes(a.report)).toEqual([
        'function-parameters-changed fsg_close',
        'function-removed fsg_read',
      ]);
    } finally {
      other.remove();
    }
  });
});

describe('the head defaults to the working tree', () => {
  afterEach(() => {
    h.repo.git('checkout', '-q', '--', '.');
    h.repo.git('clean', '-q', '-fd');
  });

  it('uncommitted edits and untracked module files count', async () => {
    h.repo.write({
      'src/lib.rs':
        lib({ read: true, closeParam: 'i64', feature: true, max: 32 }) +
        exportFn('fsg_dirty') +
        'mod extra;\n',
      'src/extra.rs': exportFn('fsg_untracked'),
    });
    const a = await diff(h.repo.dir, 'main');
    expect(a.headSha).toBeNull();
    expect(a.report.head.rev).toBe('working tree');
    expect(a.baseSha).toBe(h.c3); // merge base of main and HEAD (feature)
    expect(changes(a.report)).toEqual([
      'const-value-changed FSG_MAX',
      'function-added fsg_dirty',
      'function-added fsg_feature',
      'function-added fsg_untracked',
    ]);
    expect(a.report.changes.find((c) => c.name === 'fsg_untracked')?.file).toBe('src/extra.rs');
  });

  it('a clean working tree equals its HEAD', async () => {
    const wt = await diff(h.repo.dir, 'main');
    const head = await diff(h.repo.dir, 'main', 'HEAD');
    expect(wt.report.changes).toEqual(head.report.changes);
    expect(wt.report.head.digest).toBe(head.report.head.digest);
  });
});

describe('--root in a subdirectory of the repository', () => {
  let m: Monorepo;
  beforeAll(() => {
    m = makeMonorepo();
  });
  afterAll(() => m.repo.remove());

  it('analyses only the crate below the root, with paths relative to it', async () => {
    const a = await diff(path.join(m.repo.dir, 'rust', 'ffi'), m.m1, m.m2);
    expect(a.report.crates).toEqual([{ name: 'ffi', baseVersion: '0.4.0', headVersion: '0.4.0' }]);
    expect(changes(a.report)).toEqual(['function-added ffi_new']);
    expect(a.report.changes[0].file).toBe('src/api.rs');
  });

  it('the repository root sees the other crate', async () => {
    const a = await diff(m.repo.dir, m.m1, m.m2);
    expect(a.report.crates.map((c) => c.name)).toEqual(['outer']);
    expect(changes(a.report)).toEqual(['function-removed outer_fn']);
  });

  it('with the working tree as head', async () => {
    const root = path.join(m.repo.dir, 'rust', 'ffi');
    fs.appendFileSync(path.join(root, 'src', 'api.rs'), exportFn('ffi_dirty'));
    try {
      const a = await diff(root, m.m1);
      expect(a.baseSha).toBe(m.m1);
      expect(changes(a.report)).toEqual(['function-added ffi_dirty', 'function-added ffi_new']);
    } finally {
      m.repo.git('checkout', '-q', '--', '.');
    }
  });
});

describe('shallow clones', () => {
  let clones: Repo[] = [];
  afterEach(() => {
    for (const c of clones) c.remove();
    clones = [];
  });
  const shallow = (withOrigin: boolean): Repo => {
    const c = Repo.clone(h.repo, '--depth', '1', '--branch', 'feature');
    clones.push(c);
    expect(c.git('rev-parse', '--is-shallow-repository')).toBe('true');
    if (!withOrigin) c.git('remote', 'remove', 'origin');
    return c;
  };

  it('missing the base, without a remote: one error naming fetch-depth: 0', async () => {
    const c = shallow(false);
    const message =
      ': this is a shallow clone; use actions/checkout with fetch-depth: 0, or fetch the base commit (git fetch origin <base>)';
    await expect(diff(c.dir, h.c1, 'HEAD')).rejects.toThrow(
      new GitError(`--base ${JSON.stringify(h.c1)} is not in this repository${message}`),
    );
    await expect(diff(c.dir, 'main')).rejects.toThrow(
      new GitError(`--base "main" is not in this repository${message}`),
    );
  });

  it('holding the base but not the merge base, without a remote: an error, not a wrong diff', async () => {
    const c = shallow(false);
    c.git('fetch', '-q', '--depth', '1', `file://${h.repo.dir}`, 'main');
    const base = c.git('rev-parse', 'FETCH_HEAD');
    expect(base).toBe(h.c4);
    await expect(diff(c.dir, base, 'HEAD')).rejects.toThrow(
      new GitError(
        `no merge base of ${base} and HEAD in this shallow clone: use actions/checkout with fetch-depth: 0, or fetch more history (git fetch --unshallow origin)`,
      ),
    );
  });

  it.each([
    ['a SHA', () => h.c4],
    ['a branch name', () => 'main'],
    ['a remote branch', () => 'origin/main'],
  ])(
    'missing the base named by %s, with origin: fetched, and the diff is the full clone’s',
    async (_what, base) => {
      const c = shallow(true);
      const a = await diff(c.dir, base(), 'HEAD');
      expect(a.baseSha).toBe(h.c3);
      expect(changes(a.report)).toEqual(['const-value-changed FSG_MAX', 'function-added fsg_feature']);
    },
  );

  it('a tag, with origin, against the working tree', async () => {
    const c = shallow(true);
    const a = await diff(c.dir, 'v1.1.0');
    expect(a.baseSha).toBe(h.c2);
    expect(changes(a.report)).toEqual([
      'const-value-changed FSG_MAX',
      'function-added fsg_feature',
      'function-parameters-changed fsg_close',
    ]);
  });

  it('a revision origin does not have either', async () => {
    const c = shallow(true);
    await expect(diff(c.dir, 'no-such-branch')).rejects.toThrow(
      /^--base "no-such-branch" is not in this repository: this is a shallow clone; use actions\/checkout with fetch-depth: 0/,
    );
  });
});
