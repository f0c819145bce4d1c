/**
 * `diff --format markdown`: the full report by default, the comment-sized one with `--comment`
 * (issue 15 item 4), on a git fixture through the CLI's own entry point.
 */
import { run } from '../../src/cli/run';
import { History, makeHistory } from '../diff/git-fixture';

describe('diff --format markdown', () => {
  let h: History;
  beforeAll(() => {
    h = makeHistory();
  });
  afterAll(() => {
    h.repo.remove();
  });

  const diff = (...extra: string[]) =>
    run(['diff', '--root', h.repo.dir, '--base', h.c1, '--head', h.c3, '--format', 'markdown', ...extra]);

  test('prints the full report by default, the comment with --comment', async () => {
    const full = await diff();
    expect(full.error).toBeUndefined();
    expect(full.exitCode).toBe(0);
    expect(full.stdout).toContain('## FFI surface review');
    expect(full.stdout).toContain('### Changes by export');
    expect(full.stdout).not.toContain('job summary');
    const comment = await diff('--comment');
    expect(comment.exitCode).toBe(0);
    // a small change: the comment is the whole report (nothing shortened)
    expect(comment.stdout).toBe(full.stdout);
    // rule ids link to the README of this version
    expect(full.stdout).toMatch(/\]\(https:\/\/github\.com\/[^)]+\/README\.md#rule-[a-z-]+\)/);
  });

  test('--comment needs --format markdown', async () => {
    const r = await run(['diff', '--root', h.repo.dir, '--base', h.c1, '--head', h.c3, '--comment']);
    expect(r.exitCode).toBe(2);
    expect(r.error).toMatch(/--comment needs --format markdown/);
  });

  test('--comment is in the help', async () => {
    const r = await run(['diff', '--help']);
    expect(r.stdout).toContain('--comment');
    expect(r.stdout).toMatch(/--comment\s+With --format markdown: the pull-request comment/);
  });
});
