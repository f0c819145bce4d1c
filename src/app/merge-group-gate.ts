/**
 * `merge_group`: the complete guard. The queue builds one group commit per pull request on top of
 * the base and the groups ahead of it, so the group's own contribution is the delta from the group
 * head's first parent to the group head. The group for PR N passes only when
 * - that delta is empty, or
 * - it is *covered* by N's approvals: enough eligible approvals (the pull-request gate's policy)
 *   given on commits that, merged into the same first parent, land a delta with the same approval
 *   digest — recomputed here from git objects and the reviews API, never read from a status; or
 * - it needs no approval under the review policy (`approval-required-for`: only changes of
 *   severities outside the set, no unresolved entry, no open high finding — the group's own
 *   findings, computed here), as N's policy-passed delta did, and no designated reviewer requested
 *   changes on it.
 * Anything else is `failure` (an unapproved or stale delta, a request for changes, a group delta
 * that needs the approval N's policy pass did not give) or `error` (an analysis or API failure, a
 * ref that names no pull request): fail closed.
 */
import type { Analysis } from './analyse-diff';
import type { ConsumerOptions } from './consumers';
import { LandingDeltas } from './landing-deltas';
import { evaluatePullApprovals, GateClient } from './pull-approvals';
import { computeReportFindings } from './findings';
import { fetchCommit, fetchPullHead, firstParent } from '../adapters/git-fetch';
import type { FindingPolicy } from '../core/findings';
import type { ApprovalOutcome, ApprovalPolicy } from '../core/gate/approvals';
import { Deadline, DeadlineExceeded } from '../core/deadline';
import { deadlineDecision, errorDecision, GateDecision } from '../core/gate/decide-status';
import { reviewNeed, type ReviewNeed } from '../core/gate/review-policy';
import { countChanges, statusDescription } from '../core/gate/status-description';
import type { FeatureSelection } from '../core/model';
import type { DiffReport } from '../core/report';
import type { Limits } from '../core/limits';
import type { AnalysisScope } from '../core/scope';

export interface MergeGroupSettings {
  root: string;
  statusContext: string;
  headSha: string;
  /** The event's `base_sha` (the group head's first parent, which is read from git). */
  baseSha: string;
  headRef: string;
  features: FeatureSelection;
  featureSets: FeatureSelection[];
  potentiallyBreakingBump?: 'major' | 'minor';
  limits?: Limits;
  scope?: AnalysisScope;
  /** The pull-request gate's approval policy and policy hash: coverage means the same approvals. */
  policy: ApprovalPolicy;
  /**
   * The findings policy (levels, scopes): the review policy lets a group through without an
   * approval only when it has no open high finding, so the group's findings are computed.
   */
  findingsPolicy: FindingPolicy;
  policyHash: string;
  /** The run's deadline: past it, the analysis stops and the status is `error` (default: none). */
  deadline?: Deadline;
  /**
   * The consumers' contract check (the config's `headers` and findings policy), as the
   * pull-request gate runs it: contract changes are part of the delta an approval covers.
   */
  consumers?: ConsumerOptions;
  /** The gate's identity: its statuses on a reviewed commit say which delta the reviewer was shown. */
  botLogin: string;
  runUrl: string;
  log?: (message: string) => void;
}

export interface MergeGroupResult {
  decision: GateDecision;
  /** The pull request the group was built for (null when the ref names none). */
  pull: number | null;
  /** The group's delta: first parent → group head. */
  analysis: Analysis | null;
  /** The approval digest of the group's delta. */
  digest: string | null;
  /** The group head's first parent. */
  parent: string | null;
}

/** The pull request a merge-group ref was built for: `gh-readonly-queue/<base>/pr-<n>-<sha>`. */
export function pullOfMergeGroupRef(ref: string): number | null {
  const m = /gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40}$/.exec(ref);
  return m ? Number(m[1]) : null;
}

function names(list: string[]): string {
  return list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
}

/**
 * The merge group's decision once PR `pull`'s approvals are known, pure: a designated reviewer's
 * request for changes fails it; an approval of the group's delta, or a delta the review policy
 * needs none for, passes it; anything else is not covered and fails (a queue cannot wait).
 */
export function groupDecision(
  pull: number,
  report: DiffReport,
  outcome: ApprovalOutcome,
  need: ReviewNeed,
  digest: string,
): GateDecision {
  if (outcome.state === 'changes-requested')
    return {
      state: 'failure',
      description: statusDescription(
        `FFI changes of #${pull} requested by ${names(outcome.changesRequestedBy)}`,
        digest,
      ),
    };
  if (outcome.state === 'approved')
    return {
      state: 'success',
      description: statusDescription(
        `FFI delta of #${pull} approved by ${names(outcome.approvedBy)}`,
        digest,
      ),
    };
  if (!need.needed)
    return {
      state: 'success',
      description: statusDescription(
        `No review needed for #${pull}'s group: ${countChanges(report)}`,
        digest,
      ),
    };
  return {
    state: 'failure',
    description: statusDescription(
      `the group's FFI delta (${countChanges(report)}) is not covered by approvals of #${pull} (${outcome.approvedBy.length}/${outcome.required})`,
      digest,
    ),
  };
}

export async function evaluateMergeGroup(
  client: GateClient,
  s: MergeGroupSettings,
): Promise<MergeGroupResult> {
  const out: MergeGroupResult = {
    decision: errorDecision('not evaluated'),
    pull: null,
    analysis: null,
    digest: null,
    parent: null,
  };
  try {
    await fetchCommit(s.root, s.headSha);
    await fetchCommit(s.root, s.baseSha);
    const parent = await firstParent(s.root, s.headSha);
    if (!parent) {
      out.decision = errorDecision(
        `cannot read the first parent of the merge group head ${s.headSha.slice(0, 12)}`,
      );
      return out;
    }
    out.parent = parent;
    if (parent !== s.baseSha)
      s.log?.(
        `the merge group head's first parent is ${parent}; the event's base_sha ${s.baseSha} is not used`,
      );
    // The group head descends from its first parent: merging it in lands exactly the group's tree.
    const deltas = new LandingDeltas(s, parent);
    const group = await deltas.landing(s.headSha, computeReportFindings(s.findingsPolicy));
    if (group.kind !== 'clean') {
      out.decision = errorDecision('the merge group head does not descend from its first parent');
      return out;
    }
    out.analysis = group.analysis;
    out.digest = group.digest;
    const report = group.analysis.report;
    const errorDiags = report.diagnostics.filter((d) => d.level === 'error');
    if (errorDiags.length) {
      out.decision = {
        state: 'error',
        description: statusDescription(
          `FFI analysis of the merge group incomplete: ${errorDiags[0].message}`,
        ),
      };
      return out;
    }
    if (report.changes.length === 0) {
      out.decision = {
        state: 'success',
        description: statusDescription('no FFI surface change in the merge group', report.head.digest),
      };
      return out;
    }
    const pull = pullOfMergeGroupRef(s.headRef);
    if (pull === null) {
      out.decision = errorDecision(`cannot tell which pull request merge group ${s.headRef} is for`);
      return out;
    }
    out.pull = pull;
    const pr = await client.getPull(pull);
    await fetchPullHead(s.root, pull);
    const { outcome } = await evaluatePullApprovals(client, {
      root: s.root,
      pull,
      author: pr.author.login,
      policy: s.policy,
      deltas,
      currentDigest: group.digest,
      hasBreaking: report.changes.some((c) => c.severity === 'breaking'),
      gate: { botLogin: s.botLogin, statusContext: s.statusContext },
    });
    for (const i of outcome.ignored) s.log?.(`#${pull}: not counted: ${i.login}: ${i.reason}`);
    const need = reviewNeed(report, s.policy.approvalRequiredFor);
    s.log?.(`#${pull}: review policy: ${need.summary}`);
    out.decision = groupDecision(pull, report, outcome, need, group.digest);
  } catch (e) {
    out.decision =
      e instanceof DeadlineExceeded
        ? deadlineDecision(e.seconds, e.activity)
        : errorDecision(e instanceof Error ? e.message : String(e));
  }
  return out;
}

export async function runMergeGroupGate(
  client: GateClient,
  s: MergeGroupSettings,
): Promise<MergeGroupResult> {
  const result = await evaluateMergeGroup(client, s);
  await client.createStatus(
    s.headSha,
    result.decision.state,
    s.statusContext,
    result.decision.description,
    s.runUrl,
  );
  return result;
}
