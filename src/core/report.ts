/**
 * The diff report: what `diff --format json` prints (schema/diff-report.schema.json; README,
 * "JSON reports"), and what the renderers, the Action and the gate consume. A field added here is
 * added to the schema too.
 */
import type { Diagnostic, ItemKind } from './model';

export type Severity = 'breaking' | 'source-breaking' | 'potentially-breaking' | 'addition' | 'non-abi';
export const SEVERITIES: Severity[] = [
  'breaking',
  'source-breaking',
  'potentially-breaking',
  'addition',
  'non-abi',
];

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface Change {
  /** The change rule id, e.g. `function-removed`. */
  rule: string;
  severity: Severity;
  /** Item kind; `unknown` for what the engine could not resolve (an unexpandable macro). */
  kind: ItemKind | 'unknown';
  name: string;
  /** Exported symbol (functions, statics, imports). */
  symbol?: string;
  crate: string;
  file: string;
  line: number;
  /** Rendered signature before / after (null when absent). */
  before: string | null;
  after: string | null;
  message: string;
  /** Labels of the feature sets the change appears under (only when several sets are analysed). */
  featureSets?: string[];
  /** For a breaking or removed export: the Go call sites (cgo) that use it, at most 20. */
  consumers?: ChangeConsumer[];
}

/** A consumer's use of an export: a Go call `C.symbol(…)` at file:line. */
export interface ChangeConsumer {
  file: string;
  line: number;
  via: 'call';
}

export type FindingLevel = 'high' | 'medium' | 'low';
export const FINDING_LEVELS: FindingLevel[] = ['high', 'medium', 'low'];

export interface Finding {
  /** The finding rule id, e.g. `raw-pointer-param`. */
  rule: string;
  level: FindingLevel;
  symbol: string;
  name: string;
  crate: string;
  file: string;
  line: number;
  message: string;
  /** What the reviewer must confirm. */
  checklist: string;
  /**
   * `verified` when the code shows the mitigation the checklist asks about (SPEC section 5; the
   * proof is in `evidence`); `open` (or absent) when a reviewer has to confirm it.
   */
  status?: 'open' | 'verified';
  /** What the code shows that answers the finding's question, at file:line. */
  evidence?: Evidence[];
}

/**
 * The finding is verified: the code answers its question. Anything else — `open`, absent, or a
 * status this version does not know (a report from elsewhere) — is open: fail closed.
 */
export function isVerified(finding: Pick<Finding, 'status'>): boolean {
  return finding.status === 'verified';
}

/** One place in the source that answers a finding's question (a null check, a boundary macro, ...). */
export interface Evidence {
  file: string;
  line: number;
  /** What was seen there, in one line, e.g. "`conn` checked by `try_ref_from_ptr!` (defined at src/ffi.rs:384)". */
  what: string;
}

export interface DiffReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  base: { rev: string; digest: string };
  head: { rev: string; digest: string };
  changes: Change[];
  findings: Finding[];
  requiredBump: Bump;
  /** Digest of the canonical list of changes (what an approval binds to, with tool version and policy). */
  deltaDigest: string;
  crates: { name: string; baseVersion: string | null; headVersion: string | null }[];
  diagnostics: Diagnostic[];
}
