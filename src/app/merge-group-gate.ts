/**
 * `merge_group`: the queue builds one group per pull request (base + the PRs ahead + this one), so
 * the group's head gets `success` only when the FFI delta of the whole group is empty, or when the
 * pull request the group was built for holds its own `success` from this gate on its current head.
 * Anything else — a missing or non-success status, an unreadable ref name — is `failure`/`error`.
 */
import type { GitHubClient } from '../adapters/github-client';
import { analyseFeatureSets } from './analyse-feature-sets';
import type { AnalysisScope } from '../core/scope';
import { fetchCommit } from '../adapters/git-fetch';
import { Deadline, DeadlineExceeded } from '../core/deadline';
import { deadlineDecision, errorDecision, GateDecision } from '../core/gate/decide-status';
import { statusDescription } from '../core/gate/status-description';
import type { FeatureSelection } from '../core/model';
import type { Limits } from '../core/limits';

export interface MergeGroupSettings {
  root: string;
  statusContext: string;
  headSha: string;
  baseSha: string;
  headRef: string;
  featureSets: FeatureSelection[];
  limits?: Limits;
  scope?: AnalysisScope;
  /** The run's deadline: past it, the analysis stops and the status is `error` (default: none). */
  deadline?: Deadline;
  /** The identity whose status on the pull request counts (the gate's bot login). */
  botLogin: string;
  runUrl: string;
}

/** The pull request a merge-group ref was built for: `gh-readonly-queue/<base>/pr-<n>-<sha>`. */
export function pullOfMergeGroupRef(ref: string): number | null {
  const m = /gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40}$/.exec(ref);
  return m ? Number(m[1]) : null;
}

export async function runMergeGroupGate(client: GitHubClient, s: MergeGroupSettings): Promise<GateDecision> {
  let decision: GateDecision;
  try {
    for (const sha of [s.baseSha, s.headSha]) await fetchCommit(s.root, sha);
    const { report } = await analyseFeatureSets(
      {
        root: s.root,
        base: s.baseSha,
        head: s.headSha,
        features: s.featureSets[0],
        useMergeBase: false,
        limits: s.limits,
        scope: s.scope,
        deadline: s.deadline,
      },
      s.featureSets,
    );
    if (report.changes.length === 0)
      decision = {
        state: 'success',
        description: statusDescription('no FFI surface change in the merge group', report.head.digest),
      };
    else {
      const pull = pullOfMergeGroupRef(s.headRef);
      if (pull === null)
        decision = errorDecision(`cannot tell which pull request merge group ${s.headRef} is for`);
      else {
        const pr = await client.getPull(pull);
        // the latest status of the gate's context on the PR head, and it must be the gate's own
        const st = (await client.listStatuses(pr.headSha)).find((x) => x.context === s.statusContext);
        const own = st?.creator?.login.toLowerCase() === s.botLogin.toLowerCase();
        if (st?.state === 'success' && own && /ffi sha256:[0-9a-f]{12}$/.test(st.description))
          decision = {
            state: 'success',
            description: statusDescription(`FFI surface of #${pull} approved: ${st.description}`),
          };
        else {
          const why = !st
            ? 'no status'
            : st.state !== 'success'
              ? st.state
              : `success not set by ${s.botLogin}`;
          decision = {
            state: 'failure',
            description: statusDescription(
              `#${pull} has no approved FFI surface (${why}); the group changes the FFI surface`,
            ),
          };
        }
      }
    }
  } catch (e) {
    decision =
      e instanceof DeadlineExceeded
        ? deadlineDecision(e.seconds, e.activity)
        : errorDecision(e instanceof Error ? e.message : String(e));
  }
  await client.createStatus(s.headSha, decision.state, s.statusContext, decision.description, s.runUrl);
  return decision;
}
