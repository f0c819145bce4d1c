/**
 * What lands: the tree of a commit merged into a base tip, computed from git objects with
 * `git merge-tree --write-tree` (git 2.38 or newer). Nothing is checked out and no ref moves; the
 * merged tree is written to the object database, where `GitRevisionTree` reads it like a commit.
 * GitHub's `refs/pull/<n>/merge` is not used: it may be stale (it is rebuilt lazily).
 */
import { explainGitFailure, GitError, runGit } from './git';
import { isShallow, mergeBase } from './git-revisions';

export type MergeOutcome =
  /** The merge is clean: `tree` is the id of the merged tree. */
  | { kind: 'clean'; tree: string }
  /** The merge conflicts; `paths` are the conflicted files (possibly empty for directory/rename conflicts). */
  | { kind: 'conflict'; paths: string[] };

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * Merges `head` into `base` (both commits). In a shallow clone the history is deepened from
 * `origin` until the two have a merge base; commits with no common history are an error, never a
 * merge against an empty ancestor (which would make every file look added by both sides).
 */
export async function mergeIntoBase(dir: string, base: string, head: string): Promise<MergeOutcome> {
  if (!OID.test(base) || !OID.test(head))
    throw new GitError(`cannot merge ${head} into ${base}: not commit ids`);
  if (!(await mergeBase(dir, base, head)))
    throw new GitError(
      (await isShallow(dir))
        ? `no merge base of ${head.slice(0, 12)} and the base tip ${base.slice(0, 12)} in this shallow clone, even after deepening it from origin`
        : `${head.slice(0, 12)} and the base tip ${base.slice(0, 12)} have no common history`,
    );
  const r = await runGit(dir, [
    'merge-tree',
    '--write-tree',
    '-z',
    '--name-only',
    '--no-messages',
    '--end-of-options',
    base,
    head,
  ]);
  // exit 0: clean; 1: conflicts (git 2.39 also exits 1 on some errors, with nothing on stdout)
  const fields = r.stdout.toString('utf8').split('\0');
  const tree = fields[0] ?? '';
  if ((r.code === 0 || r.code === 1) && OID.test(tree)) {
    if (r.code === 0) return { kind: 'clean', tree };
    return { kind: 'conflict', paths: [...new Set(fields.slice(1).filter(Boolean))].sort() };
  }
  if (/unknown option|usage: git merge-tree/i.test(r.stderr))
    throw new GitError('git merge-tree --write-tree is not available: git 2.38 or newer is needed');
  throw new GitError(explainGitFailure(['merge-tree'], r.stderr, r.code, dir));
}
