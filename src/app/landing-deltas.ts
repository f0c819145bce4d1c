/**
 * What a commit lands (SPEC section 6, "What is evaluated"): the FFI delta from the base branch's
 * tip to the merge of the commit into that tip, computed from git objects. The gate evaluates the
 * PR head this way, and re-binds each approval by computing the same delta for the commit the
 * review was given on: equal digests, same approved delta.
 *
 * One instance per run and base tip; every merge and every analysis is done at most once (by
 * commit, and by merged tree: two commits that merge to the same tree share one analysis), with
 * one scan cache, so several reviews on one commit cost one analysis.
 */
import type { ConsumerOptions } from './consumers';
import { mergeIntoBase } from '../adapters/git-merge';
import { loadRustParser } from '../adapters/tree-sitter-parser';
import type { FindingsFunction } from '../core/diff/build-report';
import type { RustParser } from '../core/extract/extract-crate';
import { ScanCache } from '../core/extract/scan-cache';
import { approvalDigest } from '../core/gate/approvals';
import type { Limits } from '../core/limits';
import type { FeatureSelection } from '../core/model';
import type { AnalysisScope } from '../core/scope';
import type { Analysis } from './analyse-diff';
import { analyseFeatureSets } from './analyse-feature-sets';
import { Deadline, DeadlineExceeded } from '../core/deadline';

export interface DeltaSettings {
  root: string;
  features: FeatureSelection;
  /** The feature sets to analyse and merge (default: `features` alone). */
  featureSets?: FeatureSelection[];
  potentiallyBreakingBump?: 'major' | 'minor';
  limits?: Limits;
  scope?: AnalysisScope;
  /** The policy hash approvals bind to (part of the approval digest). */
  policyHash: string;
  /** The run's deadline: every read and parse checks it (default: none). */
  deadline?: Deadline;
  /** The consumers' contract check: the config's `headers` and findings policy. */
  consumers?: ConsumerOptions;
  log?: (message: string) => void;
}

export type Landing =
  | {
      kind: 'clean';
      commit: string;
      /** The merged tree's id. */
      tree: string;
      analysis: Analysis;
      /** The approval digest of the delta (delta digest, tool version, policy). */
      digest: string;
    }
  | { kind: 'conflict'; commit: string; paths: string[] };

export interface LandingStats {
  merges: number;
  analyses: number;
}

export class LandingDeltas {
  private readonly byCommit = new Map<string, Promise<Landing>>();
  private readonly byTree = new Map<string, Promise<Analysis>>();
  private readonly scanCache = new ScanCache();
  private parser: Promise<RustParser> | null = null;
  readonly stats: LandingStats = { merges: 0, analyses: 0 };

  constructor(
    private readonly s: DeltaSettings,
    /** The base branch's tip every commit is merged into. */
    readonly baseTip: string,
  ) {}

  /**
   * The merge of `commit` into the base tip and the delta it lands. Pass `findings` for the
   * commit whose report is shown (the head); approvals need the changes only.
   */
  landing(commit: string, findings?: FindingsFunction): Promise<Landing> {
    const key = findings ? `findings:${commit}` : commit;
    const known = this.byCommit.get(key) ?? (findings ? undefined : this.byCommit.get(`findings:${commit}`));
    if (known) return known;
    const p = this.compute(commit, findings);
    this.byCommit.set(key, p);
    return p;
  }

  private async compute(commit: string, findings?: FindingsFunction): Promise<Landing> {
    this.stats.merges++;
    const merged = await mergeIntoBase(this.s.root, this.baseTip, commit);
    if (merged.kind === 'conflict') return { kind: 'conflict', commit, paths: merged.paths };
    const analysis = await this.analyseTree(merged.tree, findings);
    return {
      kind: 'clean',
      commit,
      tree: merged.tree,
      analysis,
      digest: approvalDigest(analysis.report.deltaDigest, this.s.policyHash),
    };
  }

  private analyseTree(tree: string, findings?: FindingsFunction): Promise<Analysis> {
    const key = findings ? `findings:${tree}` : tree;
    const known = this.byTree.get(key) ?? (findings ? undefined : this.byTree.get(`findings:${tree}`));
    if (known) return known;
    const p = (async () => {
      this.stats.analyses++;
      this.s.log?.(`analysing the FFI delta of ${tree} (merged tree) against the base tip ${this.baseTip}`);
      this.parser ??= loadRustParser();
      return analyseFeatureSets(
        {
          root: this.s.root,
          base: this.baseTip,
          head: tree,
          useMergeBase: false,
          features: this.s.features,
          findings,
          potentiallyBreakingBump: this.s.potentiallyBreakingBump,
          limits: this.s.limits,
          scope: this.s.scope,
          scanCache: this.scanCache,
          parser: await this.parser,
          deadline: this.s.deadline,
          consumers: this.s.consumers,
        },
        this.s.featureSets ?? [this.s.features],
      );
    })();
    this.byTree.set(key, p);
    return p;
  }

  /**
   * The approval digest of what `commit` lands on the base tip, for `evaluateApprovals`: the
   * digest, `{ reason }` when the commit conflicts with the tip, or null when it cannot be
   * computed (a git or analysis failure: the approval then does not count, fail closed).
   */
  async approvalDigest(commit: string): Promise<string | { reason: string } | null> {
    try {
      const l = await this.landing(commit);
      if (l.kind === 'clean') return l.digest;
      return {
        reason: `which conflicts with the base tip ${this.baseTip.slice(0, 12)}: what it lands is unknown`,
      };
    } catch (e) {
      if (e instanceof DeadlineExceeded) throw e; // the run is over: an error status, not an uncounted review
      this.s.log?.(
        `cannot compute what ${commit.slice(0, 12)} lands: ${e instanceof Error ? e.message : String(e)}`,
      );
      return null;
    }
  }
}
