/**
 * Bringing a pull request's commits into the local object database without touching the work
 * tree, into private refs (`refs/ffi-surface-guard/…`): the head through `refs/pull/<n>/head`
 * (works for forks), the base branch's current tip, and the commits reviewers approved. PR code is
 * never checked out.
 */
import { runGit } from './git';

const PRIVATE = 'refs/ffi-surface-guard';
const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export async function hasCommit(dir: string, sha: string): Promise<boolean> {
  return (await runGit(dir, ['cat-file', '-e', `${sha}^{commit}`])).code === 0;
}

export interface FetchResult {
  ok: boolean;
  detail: string;
}

/** What the pull-request gate needs: the head, and the base branch's tip as origin has it now. */
export interface GateCommits extends FetchResult {
  /** The base branch's tip (empty when it could not be fetched). */
  baseTip: string;
}

async function fetchInto(dir: string, refspec: string): Promise<boolean> {
  const r = await runGit(dir, ['fetch', '--no-tags', '--quiet', '--no-write-fetch-head', 'origin', refspec]);
  return r.code === 0;
}

/** A branch name git accepts (so no `:`, `*`, `?`, `[`, `^`, `~`, space or `..`: safe in a refspec). */
async function validBranch(dir: string, name: string): Promise<boolean> {
  if (!name || name.startsWith('-')) return false;
  return (await runGit(dir, ['check-ref-format', `refs/heads/${name}`])).code === 0;
}

/**
 * Fetches the PR head (unless present) and, always, the tip of its base branch: the gate evaluates
 * the merge of the head into that tip, and the API's `base.sha` may lag behind the branch.
 */
export async function fetchGateCommits(
  dir: string,
  pull: number,
  headSha: string,
  baseRef: string,
): Promise<GateCommits> {
  const missing: string[] = [];
  if (!(await hasCommit(dir, headSha))) {
    const ok = await fetchInto(dir, `+refs/pull/${pull}/head:${PRIVATE}/pull/${pull}/head`);
    // the PR head may have moved on: the commit we evaluate must still be fetchable by SHA
    if (!ok || !(await hasCommit(dir, headSha)))
      await fetchInto(dir, `+${headSha}:${PRIVATE}/pull/${pull}/head`);
    if (!(await hasCommit(dir, headSha))) missing.push(`head ${headSha}`);
  }
  let baseTip = '';
  const baseRefName = `${PRIVATE}/pull/${pull}/base`;
  if ((await validBranch(dir, baseRef)) && (await fetchInto(dir, `+refs/heads/${baseRef}:${baseRefName}`))) {
    const r = await runGit(dir, ['rev-parse', '--verify', '--quiet', `${baseRefName}^{commit}`]);
    if (r.code === 0) baseTip = r.stdout.toString('utf8').trim();
  }
  if (!baseTip) missing.push(`tip of the base branch ${JSON.stringify(baseRef)}`);
  return missing.length
    ? {
        ok: false,
        baseTip,
        detail: `cannot fetch the ${missing.join(' and ')} of pull request #${pull} from origin; check out the repository with actions/checkout first`,
      }
    : { ok: true, baseTip, detail: '' };
}

/**
 * Makes a commit a review was given on available (it may have been force-pushed away from the PR
 * branch): by SHA from origin, into a private ref. Returns whether it is present.
 */
export async function fetchReviewedCommit(dir: string, pull: number, sha: string): Promise<boolean> {
  if (!OID.test(sha)) return false;
  if (await hasCommit(dir, sha)) return true;
  await fetchInto(dir, `+${sha}:${PRIVATE}/pull/${pull}/reviewed/${sha}`);
  return hasCommit(dir, sha);
}

/** Paths changed between two commits or trees (for flagging PRs that edit the gate's config or workflows). */
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

/** Best effort: the PR's commits through `refs/pull/<n>/head` (reviewed commits are usually among them). */
export async function fetchPullHead(dir: string, pull: number): Promise<boolean> {
  return fetchInto(dir, `+refs/pull/${pull}/head:${PRIVATE}/pull/${pull}/head`);
}

/**
 * The first parent of a commit, or null (a root commit, or not present). In a shallow clone whose
 * boundary hides the parents, the history is deepened by one commit from origin first.
 */
export async function firstParent(dir: string, sha: string): Promise<string | null> {
  const parent = async () => {
    const r = await runGit(dir, ['rev-parse', '--verify', '--quiet', `${sha}^1^{commit}`]);
    return r.code === 0 ? r.stdout.toString('utf8').trim() : null;
  };
  const found = await parent();
  if (found || !OID.test(sha)) return found;
  const shallow = await runGit(dir, ['rev-parse', '--is-shallow-repository']);
  if (shallow.stdout.toString('utf8').trim() !== 'true') return null;
  await runGit(dir, ['fetch', '--no-tags', '--quiet', '--no-write-fetch-head', '--deepen=1', 'origin', sha]);
  return parent();
}
