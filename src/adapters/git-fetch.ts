/**
 * Bringing a pull request's commits into the local object database without touching the work
 * tree: the head through `refs/pull/<n>/head` (works for forks), the base by SHA or branch, into
 * private refs. PR code is never checked out.
 */
import { runGit } from './git';

export async function hasCommit(dir: string, sha: string): Promise<boolean> {
  return (await runGit(dir, ['cat-file', '-e', `${sha}^{commit}`])).code === 0;
}

export interface FetchResult {
  ok: boolean;
  detail: string;
}

export async function fetchPullCommits(
  dir: string,
  pull: number,
  headSha: string,
  baseSha: string,
  baseRef: string,
): Promise<FetchResult> {
  const missing: string[] = [];
  if (!(await hasCommit(dir, headSha))) {
    const r = await runGit(dir, [
      'fetch',
      '--no-tags',
      '--quiet',
      '--no-write-fetch-head',
      'origin',
      `+refs/pull/${pull}/head:refs/ffi-surface-guard/pull/${pull}/head`,
    ]);
    if (r.code !== 0 || !(await hasCommit(dir, headSha))) {
      // the PR head may have moved on: the commit we evaluate must still be fetchable by SHA
      await runGit(dir, ['fetch', '--no-tags', '--quiet', '--no-write-fetch-head', 'origin', headSha]);
    }
    if (!(await hasCommit(dir, headSha))) missing.push(`head ${headSha}`);
  }
  if (!(await hasCommit(dir, baseSha))) {
    const r = await runGit(dir, [
      'fetch',
      '--no-tags',
      '--quiet',
      '--no-write-fetch-head',
      'origin',
      `+${baseSha}:refs/ffi-surface-guard/pull/${pull}/base`,
    ]);
    if (r.code !== 0 || !(await hasCommit(dir, baseSha)))
      await runGit(dir, [
        'fetch',
        '--no-tags',
        '--quiet',
        '--no-write-fetch-head',
        'origin',
        `+refs/heads/${baseRef}:refs/ffi-surface-guard/pull/${pull}/base`,
      ]);
    if (!(await hasCommit(dir, baseSha))) missing.push(`base ${baseSha}`);
  }
  return missing.length
    ? {
        ok: false,
        detail: `cannot fetch the ${missing.join(' and ')} of pull request #${pull} from origin; check out the repository with actions/checkout first`,
      }
    : { ok: true, detail: '' };
}

/** Paths changed between two commits (for flagging PRs that edit the gate's config or workflows). */
export async function changedPaths(dir: string, from: string, to: string): Promise<string[]> {
  const r = await runGit(dir, ['diff', '--name-only', '-z', '--no-renames', from, to, '--']);
  if (r.code !== 0) return [];
  return r.stdout.toString('utf8').split('\0').filter(Boolean);
}

/** Fetches one commit by SHA from origin unless it is already present. */
export async function fetchCommit(dir: string, sha: string): Promise<void> {
  if (await hasCommit(dir, sha)) return;
  await runGit(dir, ['fetch', '--no-tags', '--quiet', '--no-write-fetch-head', 'origin', sha]);
}
