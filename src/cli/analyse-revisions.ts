/**
 * What `diff`, `release-check` and `changelog` share: the feature names checked against both
 * revisions, then every feature set analysed and merged, with the configuration's settings.
 */
import type { Analysis } from '../app/analyse-diff';
import { analyseFeatureSets } from '../app/analyse-feature-sets';
import type { analysisSettings } from '../app/config-file';
import type { FindingsFunction } from '../core/diff/build-report';
import type { Deadline } from '../core/deadline';
import type { FeatureSelection } from '../core/model';
import type { ParsedArgs } from './arguments';
import { checkFeatureNames } from './feature-check';

export interface RevisionAnalysis {
  root: string;
  base: string;
  /** Undefined: the working tree. */
  head: string | undefined;
  sets: FeatureSelection[];
  settings: ReturnType<typeof analysisSettings>;
  deadline: Deadline | undefined;
  /** Compare with the merge base of `base` and `head` (`diff A...B`), not with `base` itself. */
  useMergeBase: boolean;
  /** The findings to compute, and the consumers' contract check with them (`diff` only). */
  findings?: FindingsFunction;
}

export async function analyseRevisions(args: ParsedArgs, r: RevisionAnalysis): Promise<Analysis> {
  const { root, base, head, sets, settings, deadline } = r;
  await checkFeatureNames(args, {
    root,
    revisions: [base, head],
    sets,
    limits: settings.limits,
    scope: settings.scope,
    deadline,
  });
  return analyseFeatureSets(
    {
      root,
      base,
      head,
      useMergeBase: r.useMergeBase,
      features: settings.features,
      ...(r.findings ? { findings: r.findings, consumers: settings.consumers } : {}),
      scope: settings.scope,
      potentiallyBreakingBump: settings.potentiallyBreakingBump,
      limits: settings.limits,
      deadline,
    },
    sets,
  );
}
