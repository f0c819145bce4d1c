/**
 * The world of a release run, shared by the in-process release policies
 * (test/release/release-gate.test.ts) and the bundled action's end-to-end runs
 * (test/action/release.e2e.test.ts): crates as files, an origin whose history is built in a clone of
 * its own (branches, merges, tags mirrored into the fake API), and the runner's shallow checkout.
 */
import * as path from 'node:path';
import { gitIn, OriginRepo, writeFiles } from './action-runner';
import { FakeGitHub, startFakeGitHub } from './fake-github';

export const REPO = 'octo/lib';
export const CONTEXT = 'ffi-surface/release';
export const CONFIG = '.github/ffi-surface-guard.yml';

export function manifest(name: string, version: string): string {
  return `[package]\nname = "${name}"\nversion = "${version}"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib"]\n`;
}

export function lib(fns: string[]): string {
  return fns.map((f) => `#[no_mangle]\npub extern "C" fn ${f}(x: i32) -> i32 {\n    x\n}\n`).join('\n');
}

/** A crate's files: `Cargo.toml` and `src/lib.rs` exporting `fns`, under `dir`. */
export function crate(name: string, version: string, fns: string[], dir = ''): Record<string, string> {
  return { [`${dir}Cargo.toml`]: manifest(name, version), [`${dir}src/lib.rs`]: lib(fns) };
}

/** The origin's history, built in a clone of its own (merges, branches, tags). */
export class History {
  readonly origin = new OriginRepo();
  private readonly work: string;
  private started = false;

  constructor() {
    this.work = path.join(this.origin.dir, 'history');
    gitIn(this.origin.dir, 'init', '-q', '-b', 'main', this.work);
    gitIn(this.work, 'remote', 'add', 'origin', this.origin.bare);
  }

  /** Commits on `branch` (created from `from` when new) and pushes it; returns the SHA. */
  commit(files: Record<string, string | null>, message = 'change', branch = 'main', from = 'main'): string {
    if (this.started) {
      const exists = gitIn(this.work, 'branch', '--list', branch).length > 0;
      gitIn(this.work, 'checkout', '-q', ...(exists ? [branch] : ['-b', branch, from]));
    }
    writeFiles(this.work, files);
    gitIn(this.work, 'add', '-A');
    gitIn(this.work, 'commit', '-q', '--allow-empty', '-m', message);
    gitIn(this.work, 'push', '-q', 'origin', branch);
    this.started = true;
    return gitIn(this.work, 'rev-parse', 'HEAD');
  }

  /** Merges `branch` into main with a merge commit (GitHub's "Create a merge commit"). */
  merge(branch: string, message: string): string {
    gitIn(this.work, 'checkout', '-q', 'main');
    gitIn(this.work, 'merge', '-q', '--no-ff', '-m', message, branch);
    gitIn(this.work, 'push', '-q', 'origin', 'main');
    return gitIn(this.work, 'rev-parse', 'HEAD');
  }

  tag(name: string, sha: string, fake: FakeGitHub): void {
    gitIn(this.work, 'tag', name, sha);
    gitIn(this.work, 'push', '-q', 'origin', `refs/tags/${name}`);
    fake.addTag({ repo: REPO, name, sha });
  }
}

export interface Setup {
  h: History;
  fake: FakeGitHub;
}

export async function setup(config?: string): Promise<Setup> {
  const fake = await startFakeGitHub();
  fake.addRepo({ fullName: REPO, defaultBranch: 'main' });
  if (config !== undefined) fake.addFile({ repo: REPO, path: CONFIG, content: config, ref: 'main' });
  return { h: new History(), fake };
}

/** A runner workspace: actions/checkout's default (depth 1) of a branch or tag. */
export function checkout(s: Setup, ref: string): string {
  const ws = path.join(s.h.origin.dir, `workspace-${Math.random().toString(36).slice(2, 8)}`);
  gitIn(
    s.h.origin.dir,
    '-c',
    'advice.detachedHead=false',
    'clone',
    '-q',
    '--depth=1',
    '--branch',
    ref,
    `file://${s.h.origin.bare}`,
    ws,
  );
  return ws;
}

/** The release statuses on `sha`, oldest first. */
export function releaseStatuses(s: Setup, sha: string) {
  return s.fake.state.statuses.filter((x) => x.sha === sha && x.context === CONTEXT);
}

/** The summary table row of a crate: previous, new, required, actual, verdict. */
export function row(summary: string, crateName: string): string[] | null {
  const line = summary.split('\n').find((l) => l.startsWith(`| \`${crateName}\` |`));
  return line
    ? line
        .split('|')
        .slice(2, -1)
        .map((c) => c.trim())
    : null;
}
