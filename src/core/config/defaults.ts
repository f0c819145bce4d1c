/**
 * The configuration's defaults, bounds and normalised shape (`Config`), without the schema: what a
 * run without a configuration file needs. The zod schema (schema.ts) and the YAML loader
 * (load-config.ts) are loaded only when there is a file to read (app/config-file.ts), so that a
 * command-line run without one never evaluates them.
 */
import { MAX_DEADLINE_SECONDS } from '../deadline';
import type { FindingPolicy } from '../findings/policy';
import { DEFAULT_APPROVAL_REQUIRED_FOR } from '../gate/review-policy';
import { DEFAULT_LIMITS } from '../limits';
import type { Limits } from '../limits';
import type { FeatureSelection } from '../model';
import type { Severity } from '../report';

/** Configuration files larger than this are rejected before parsing. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Most entries in any list of the configuration. */
export const MAX_LIST_ENTRIES = 1000;

/** Most feature sets analysed. */
export const MAX_FEATURE_SETS = 16;

/** Upper bound of `required-approvals` and `required-approvals-breaking`. */
export const MAX_REQUIRED_APPROVALS = 100;

/** The default trusted bot login: the identity of every workflow's `GITHUB_TOKEN`. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

/** The default release tag pattern. */
export const DEFAULT_TAG_PATTERN = 'v*';

/** Inclusive bounds for each `limits` key: a configuration can tune the limits, never remove them. */
export const LIMIT_BOUNDS: Record<keyof Limits, { key: string; max: number; description: string }> = {
  maxFileBytes: {
    key: 'max-file-bytes',
    max: 256 * 1024 * 1024,
    description: 'Largest source file read, in bytes.',
  },
  maxFilesPerCrate: {
    key: 'max-files-per-crate',
    max: 1_000_000,
    description: 'Most files read for one crate.',
  },
  maxCrates: { key: 'max-crates', max: 100_000, description: 'Most crates analysed in one workspace.' },
  maxModuleDepth: { key: 'max-module-depth', max: 1024, description: 'Deepest module nesting followed.' },
  maxMacroDepth: { key: 'max-macro-depth', max: 1024, description: 'Deepest nesting of macro expansions.' },
  maxExpansions: {
    key: 'max-expansions',
    max: 10_000_000,
    description: 'Most macro expansions in one crate.',
  },
  maxListedFiles: {
    key: 'max-listed-files',
    max: 10_000_000,
    description: 'Most files listed when searching for tests.',
  },
  deadlineSeconds: {
    key: 'deadline-seconds',
    max: MAX_DEADLINE_SECONDS,
    description:
      'Seconds a whole run may take; past it the analysis stops with an error naming the file it was reading.',
  },
};

const LOGIN = '[A-Za-z0-9][A-Za-z0-9-]{0,38}';
const TEAM = '[A-Za-z0-9][A-Za-z0-9_-]{0,99}';
/** A GitHub user login or an `org/team` slug, optionally written with a leading `@`. */
export const APPROVER_PATTERN = new RegExp(`^@?${LOGIN}(?:/${TEAM})?$`);
/** A GitHub login, possibly of a bot (`name[bot]`). */
export const BOT_LOGIN_PATTERN = new RegExp(`^${LOGIN}(?:\\[bot\\])?$`);

// ---------------------------------------------------------------------------------------------
// The normalised configuration.

export interface Config {
  crates: {
    /** Crate names or globs to analyse; empty: every crate. Sorted, unique. */
    include: string[];
    /** Crate names or globs never analysed. Sorted, unique. */
    exclude: string[];
  };
  paths: {
    /** Source path globs to ignore. Sorted, unique. */
    exclude: string[];
  };
  /** Header globs the consumers' contract check reads; empty: auto-discovery. Sorted, unique. */
  headers: string[];
  /** The feature sets to analyse, at least one, in the order written, without duplicates. */
  featureSets: FeatureSelection[];
  /** Finding levels and scopes; levels equal to a rule's default are dropped. */
  findings: FindingPolicy;
  changes: {
    potentiallyBreakingBump: 'major' | 'minor';
  };
  /** Lower-cased logins and `org/team` slugs, without `@`. Sorted, unique. */
  approvers: string[];
  /**
   * The change severities that need an approval (besides unresolved entries and open high
   * findings, which always do). In severity order, unique.
   */
  approvalRequiredFor: Severity[];
  requiredApprovals: number;
  /** Approvals for a pull request with breaking changes; never below `requiredApprovals`. */
  requiredApprovalsBreaking: number;
  allowCommitAuthors: boolean;
  botLogin: string;
  release: {
    tagPattern: string;
    /** Crate name → tag pattern. */
    crateTagPatterns: Record<string, string>;
    requireReviewed: boolean;
  };
  macros: {
    /** Crate names (`-` and `_` alike) trusted not to export through their macros. Sorted, unique. */
    trusted: string[];
  };
  binaryExports: {
    /** Symbols (or globs) a built library may export beyond the source surface. Sorted by name, unique. */
    allow: AllowedExport[];
  };
  limits: Limits;
}

/** A `binary-exports.allow` entry. */
export interface AllowedExport {
  /** A symbol name or a glob (`*`, `?`). */
  name: string;
  reason: string;
}

/** The configuration when the file is missing or empty. */
export function defaultConfig(): Config {
  return {
    crates: { include: [], exclude: [] },
    paths: { exclude: [] },
    headers: [],
    featureSets: [{ mode: 'default', features: [] }],
    findings: { levels: {}, scopes: {} },
    changes: { potentiallyBreakingBump: 'major' },
    approvers: [],
    approvalRequiredFor: [...DEFAULT_APPROVAL_REQUIRED_FOR],
    requiredApprovals: 1,
    requiredApprovalsBreaking: 1,
    allowCommitAuthors: false,
    botLogin: DEFAULT_BOT_LOGIN,
    release: { tagPattern: DEFAULT_TAG_PATTERN, crateTagPatterns: {}, requireReviewed: false },
    macros: { trusted: [] },
    binaryExports: { allow: [] },
    limits: { ...DEFAULT_LIMITS },
  };
}
