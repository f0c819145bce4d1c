/** `--features` (or the config file's feature sets) must name features an analysed crate declares. */
import { DEFAULT_CONFIG_PATH } from '../app/config-file';
import { undeclaredDetail, undeclaredFeature } from '../app/feature-names';
import { ConfigError } from '../core/config/errors';
import type { Deadline } from '../core/deadline';
import type { Limits } from '../core/limits';
import type { FeatureSelection } from '../core/model';
import type { AnalysisScope } from '../core/scope';
import { hasFeatureFlags, ParsedArgs, stringFlag, UsageError } from './arguments';

/**
 * Throws a usage error naming the first feature of `sets` that no analysed crate of `revisions`
 * declares: on `--features` when the command line chose the sets, else on the config file.
 */
export async function checkFeatureNames(
  args: ParsedArgs,
  o: {
    root: string;
    revisions: (string | undefined)[];
    sets: readonly FeatureSelection[];
    limits: Limits;
    scope?: AnalysisScope;
    deadline?: Deadline;
  },
): Promise<void> {
  const u = await undeclaredFeature(o);
  if (!u) return;
  if (hasFeatureFlags(args)) throw new UsageError(`--features: ${undeclaredDetail(u)}`);
  throw new ConfigError(stringFlag(args, '--config') ?? DEFAULT_CONFIG_PATH, '', undeclaredDetail(u));
}
