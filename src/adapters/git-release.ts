/**
 * The git plumbing of the release gate: the tags and the first-parent history between two
 * releases, read from (and, in a shallow clone, fetched into) the runner's checkout. The release
 * gate (src/app/release-gate.ts) takes it as an interface, `ReleaseGit`.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { SourceTree } from '../core/source-tree';
import { explainGitFailure, git, GitError, runGit } from './git';
import { GitRevisionTree } from './git-revision-tree';
import { isShallow } from './git-revisions';

/** A first-parent commit between two releases. */
export interface StepCommit {
  sha: string;
  tree: string;
  parents: string[];
  subject: string;
}

/** A revision's files, to be closed when read. */
export type RevisionTree = SourceTree & { close(): void };

/** The commits a shallow clone holds without their parents. */
async function shallowCommits(root: string): Promise<Set<string>> {
  const file = path.resolve(root, (await git(root, ['rev-parse', '--git-path', 'shallow'])).trim());
  const text = await readFile(file, 'utf8').catch(() => '');
  return new Set(text.split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l)));
}

/** The release gate's git operations on the checkout at `root`. */
export class GitReleaseHistory {
  constructor(readonly root: string) {}

  /**
   * Makes sure the tags and their commits are in the local object database (a shallow checkout
   * lacks them). Returns git's complaint when the fetch failed (the tags may still be there).
   */
  async fetchTags(): Promise<string> {
    const r = await runGit(this.root, [
      'fetch',
      '--quiet',
      '--force',
      '--no-write-fetch-head',
      'origin',
      '+refs/tags/*:refs/tags/*',
    ]);
    // git's own words are translated into one line of ours (no raw "fatal:" in the Action's log)
    return r.code === 0 ? '' : explainGitFailure(['fetch', 'origin'], r.stderr, r.code, this.root);
  }

  /** The commit a tag points at, or null when there is no such tag. */
  async resolveTag(tag: string): Promise<string | null> {
    const r = await runGit(this.root, [
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `refs/tags/${tag}^{commit}`,
    ]);
    return r.code === 0 ? r.stdout.toString('utf8').trim() : null;
  }

  /** The commit of a tag known to exist (a git error otherwise). */
  async tagCommit(tag: string): Promise<string> {
    return (await git(this.root, ['rev-parse', '--verify', `refs/tags/${tag}^{commit}`])).trim();
  }

  /** Every tag name of the repository. */
  async listTags(): Promise<string[]> {
    return (await git(this.root, ['tag', '--list'])).split('\n').filter(Boolean);
  }

  /** The tree of a commit. */
  async treeOf(sha: string): Promise<string> {
    return (await git(this.root, ['rev-parse', `${sha}^{tree}`])).trim();
  }

  /** The files of a revision (close it when done). */
  openRevision(sha: string): Promise<RevisionTree> {
    return GitRevisionTree.open(this.root, sha);
  }

  /**
   * The first-parent commits `previous..tag`, oldest first, at most `max` (beyond: a GitError
   * whose message is `tooMany`). In a shallow clone the history is fetched first; a range that
   * still reaches a shallow commit cannot be trusted and throws.
   */
  async firstParentSteps(
    previousSha: string,
    tagSha: string,
    max: number,
    tooMany: string,
  ): Promise<StepCommit[]> {
    let fetchProblem = '';
    if (await isShallow(this.root)) {
      const r = await runGit(this.root, [
        'fetch',
        '--quiet',
        '--force',
        '--unshallow',
        '--no-write-fetch-head',
        'origin',
        '+refs/tags/*:refs/tags/*',
      ]);
      if (r.code !== 0) fetchProblem = explainGitFailure(['fetch', 'origin'], r.stderr, r.code, this.root);
    }
    const out = await git(this.root, [
      'log',
      '--first-parent',
      '--no-show-signature',
      `--max-count=${max + 1}`,
      '--format=%H%x1f%T%x1f%P%x1f%s',
      `${previousSha}..${tagSha}`,
      '--',
    ]);
    const steps = out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [sha, tree, parents, ...subject] = line.split('\x1f');
        return { sha, tree, parents: parents.split(' ').filter(Boolean), subject: subject.join('\x1f') };
      })
      .reverse();
    if (steps.length > max) throw new GitError(tooMany);
    const shallow = await shallowCommits(this.root);
    const cut = steps.find((s) => shallow.has(s.sha));
    if (cut)
      throw new GitError(
        `require-reviewed needs the history since the previous release, but this clone is shallow at ${cut.sha.slice(0, 12)}${fetchProblem ? ` and fetching it failed (${fetchProblem})` : ''}: use actions/checkout with fetch-depth: 0`,
      );
    return steps;
  }
}
