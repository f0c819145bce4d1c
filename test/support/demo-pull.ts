/**
 * A pull request on the bundled demo (or on any files), opened in a real git origin and in the
 * fake GitHub REST API — the set-up shared by the in-process gate jobs (test/gate/) and the bundled
 * action's end-to-end runs (test/action/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startFakeGitHub, type FakeGitHub } from './fake-github';
import { OriginRepo } from './action-runner';

export const DEMO_DIR = path.join(__dirname, '..', '..', 'demo');

/** Every file under `dir`, by path relative to it. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = fs.readFileSync(path.join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

/** The demo crate as released (v1) and as its pull request changes it (v2). */
export const DEMO_V1 = tree(path.join(DEMO_DIR, 'v1'));
export const DEMO_V2 = tree(path.join(DEMO_DIR, 'v2'));

export const STATUS_CONTEXT = 'ffi-surface/security-review';

export interface DemoPull {
  origin: OriginRepo;
  fake: FakeGitHub;
  base: string;
  head: string;
  /** The runner's checkout of main. */
  workspace: string;
}

export interface DemoPullOptions {
  /** The base branch's files (default: the demo's v1). */
  base?: Record<string, string>;
  /** What the pull request changes (default: the demo's v2). */
  head?: Record<string, string | null>;
  /** The default branch's `.github/ffi-surface-guard.yml` (default: `sec-bob` approves; null: none). */
  config?: string | null;
  baseMessage?: string;
  headMessage?: string;
}

/** Pull request #1 by `alice` from `feature-1` into `main` of `octo/lib`. */
export async function openDemoPull(o: DemoPullOptions = {}): Promise<DemoPull> {
  const origin = new OriginRepo();
  const base = origin.commit('main', o.base ?? DEMO_V1, o.baseMessage ?? 'tinyimg 1.4.0');
  const head = origin.commit('feature-1', o.head ?? DEMO_V2, o.headMessage ?? 'PR change');
  origin.setPullRef(1, head);
  const fake = await startFakeGitHub();
  fake.addRepo({ fullName: 'octo/lib', defaultBranch: 'main', branches: { main: base } });
  fake.addPull({
    repo: 'octo/lib',
    number: 1,
    user: 'alice',
    head: { sha: head, ref: 'feature-1' },
    base: { sha: base, ref: 'main' },
    commits: [head],
  });
  const config = o.config === undefined ? 'approvers:\n  - sec-bob\n' : o.config;
  if (config !== null)
    fake.addFile({ repo: 'octo/lib', path: '.github/ffi-surface-guard.yml', content: config, ref: 'main' });
  return { origin, fake, base, head, workspace: origin.checkout('main') };
}

/** The gate's statuses on `sha`, oldest first. */
export function statusesOf(fake: FakeGitHub, sha: string, context = STATUS_CONTEXT) {
  return fake.state.statuses.filter((s) => s.sha === sha && s.context === context);
}
