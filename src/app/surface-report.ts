/**
 * `workflow_dispatch`: a report of the whole surface at the checked-out commit — every item as if
 * new, with the findings over all of it — for an audit outside any pull request.
 */
import { FileSystemTree } from '../adapters/file-system-tree';
import { loadRustParser } from '../adapters/tree-sitter-parser';
import { buildReport } from '../core/diff/build-report';
import { surfaceDigest } from '../core/digest';
import { extractSurface } from '../core/extract/extract-surface';
import type { FindingPolicy } from '../core/findings';
import type { Limits } from '../core/limits';
import { FeatureSelection, SCHEMA_VERSION, Surface } from '../core/model';
import type { DiffReport } from '../core/report';
import { AnalysisScope, applyScope } from '../core/scope';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';
import { computeReportFindings } from './findings';
import { Deadline, DeadlineTree, parserWithDeadline } from '../core/deadline';

export function emptySurface(rev: string): Surface {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    rev,
    crates: [],
    diagnostics: [],
    digest: surfaceDigest([]),
  };
}

export async function surfaceReport(o: {
  root: string;
  features: FeatureSelection;
  findingsPolicy?: FindingPolicy;
  limits?: Limits;
  scope?: AnalysisScope;
  trustedMacros?: readonly string[];
  /** The run's deadline: every read and parse checks it (default: none). */
  deadline?: Deadline;
}): Promise<DiffReport> {
  const disk = await FileSystemTree.open(o.root);
  const tree = o.deadline ? new DeadlineTree(disk, o.deadline) : disk;
  const rawParser = await loadRustParser();
  const parser = o.deadline ? parserWithDeadline(rawParser, o.deadline) : rawParser;
  const raw = await extractSurface(tree, parser, {
    features: o.features,
    limits: o.limits,
    testCoverage: true,
    trustedMacros: o.trustedMacros ?? o.scope?.trustedMacros,
  });
  const head = applyScope(raw, o.scope, (s) => surfaceDigest(s.crates));
  return buildReport(emptySurface('(empty)'), head, { findings: computeReportFindings(o.findingsPolicy) });
}
