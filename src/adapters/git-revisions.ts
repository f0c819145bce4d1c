/**
 * Resolving revisions: a commit SHA for a name, the merge base of two commits, and fetching what a
 * shallow clone lacks when a remote is configured.
 */
import { git, GitError, runGit } from './git';

async function verify(dir: string, rev: string, type: 'commit' | 'tree' = 'commit'): Promise<string | null> {
  const r = await runGit(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{${type}}`]);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : null;
}

/**
 * The object id `rev` names when it may be a commit or a bare tree (the merged tree of the gate):
 * a commit's SHA, else a tree's id; else what `resolveCommit` says.
 */
export async function resolveTreeish(dir: string, rev: string, what = 'revision'): Promise<string> {
  if (rev.startsWith('-')) throw new GitError(`${what} ${JSON.stringify(rev)} is not a revision`);
  return (await verify(dir, rev)) ?? (await verify(dir, rev, 'tree')) ?? resolveCommit(dir, rev, what);
}

async function hasRemote(dir: string, name: string): Promise<boolean> {
  const r = await runGit(dir, ['remote']);
  return r.code === 0 && r.stdout.toString('utf8').split('\n').includes(name);
}

export async function isShallow(dir: string): Promise<boolean> {
  return (await git(dir, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
}

/**
 * The commit SHA `rev` names. When it is missing and an `origin` remote exists, fetch it once;
 * otherwise fail with a message that names the fix.
 */
export async function resolveCommit(dir: string, rev: string, what = 'revision'): Promise<string> {
  if (rev.startsWith('-')) throw new GitError(`${what} ${JSON.stringify(rev)} is not a revision`);
  const sha = await verify(dir, rev);
  if (sha) return sha;
  // A clone made by actions/checkout has no local branches but its own, and no tags: fetch what
  // the name means on origin (`origin/main` is origin's `main`), then read what was fetched. Only
  // plain names and SHAs are fetched: a `:` or a leading `+` would make the name a refspec.
  const remoteName = /^(?:refs\/remotes\/)?origin\/(.+)$/.exec(rev)?.[1] ?? rev;
  if (/^[\w.][\w./-]*$/.test(remoteName) && (await hasRemote(dir, 'origin'))) {
    const fetched = await runGit(dir, ['fetch', '--no-tags', '--quiet', 'origin', remoteName]);
    if (fetched.code === 0) {
      const again = (await verify(dir, rev)) ?? (await verify(dir, 'FETCH_HEAD'));
      if (again) return again;
    }
  }
  const shallow = await isShallow(dir);
  throw new GitError(
    `${what} ${JSON.stringify(rev)} is not in this repository` +
      (shallow
        ? ': this is a shallow clone; use actions/checkout with fetch-depth: 0, or fetch the base commit (git fetch origin <base>)'
        : '; fetch it first (git fetch origin <rev>)'),
  );
}

/**
 * The merge base of two commits, as GitHub's three-dot diff uses. In a shallow clone without it,
 * deepen from `origin` when possible; returns null when it cannot be found.
 */
export async function mergeBase(dir: string, a: string, b: string): Promise<string | null> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const r = await runGit(dir, ['merge-base', a, b]);
    if (r.code === 0) return r.stdout.toString('utf8').trim();
    if (!(await isShallow(dir)) || !(await hasRemote(dir, 'origin'))) return null;
    const deepen = attempt < 3 ? ['--deepen=' + 50 * 4 ** attempt] : ['--unshallow'];
    await runGit(dir, ['fetch', '--no-tags', '--quiet', ...deepen, 'origin']);
  }
  return null;
}

/** The SHA of HEAD, or null outside a repository / before the first commit. */
export async function headCommit(dir: string): Promise<string | null> {
  return verify(dir, 'HEAD');
}
