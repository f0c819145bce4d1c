/**
 * The diff job shared by the CLI and the Action: resolve the revisions (comparing against the
 * merge base, as GitHub's diff does), extract both surfaces from git objects, build the report.
 */
import type { FeatureSelection, Surface } from '../core/model';
import type { DiffReport } from '../core/report';
import type { Limits } from '../core/limits';
import { extractSurface } from '../core/extract/extract-surface';
import { buildReport, FindingsFunction } from '../core/diff/build-report';
import { FileSystemTree } from '../adapters/file-system-tree';
import { GitRevisionTree } from '../adapters/git-revision-tree';
import { headCommit, mergeBase, resolveCommit } from '../adapters/git-revisions';
import { loadRustParser } from '../adapters/tree-sitter-parser';
import type { SourceTree } from '../core/source-tree';

export interface AnalyseOptions {
  root: string;
  base: string;
  /** A revision; undefined for the working tree. */
  head?: string;
  features: FeatureSelection;
  /** Compare against merge-base(base, head) (default), not base itself. */
  useMergeBase?: boolean;
  potentiallyBreakingBump?: 'major' | 'minor';
  findings?: FindingsFunction;
  limits?: Limits;
}

export interface Analysis {
  report: DiffReport;
  base: Surface;
  head: Surface;
  /** The commit compared against (the merge base when used). */
  baseSha: string;
  headSha: string | null;
  warnings: string[];
}

export async function analyseDiff(o: AnalyseOptions): Promise<Analysis> {
  const warnings: string[] = [];
  const baseNamed = await resolveCommit(o.root, o.base, '--base');
  const headSha = o.head !== undefined ? await resolveCommit(o.root, o.head, '--head') : null;
  let baseSha = baseNamed;
  if (o.useMergeBase !== false) {
    const other = headSha ?? (await headCommit(o.root));
    if (other) {
      const mb = await mergeBase(o.root, baseNamed, other);
      if (mb) baseSha = mb;
      else
        warnings.push(
          `no merge base between ${o.base} and ${o.head ?? 'HEAD'} (shallow clone?); comparing against ${o.base} itself`,
        );
    }
  }
  const parser = await loadRustParser();
  const baseTree = await GitRevisionTree.open(o.root, baseSha);
  const headTree: SourceTree & { close?: () => void } = headSha
    ? await GitRevisionTree.open(o.root, headSha)
    : await FileSystemTree.open(o.root);
  try {
    const base = await extractSurface(baseTree, parser, { features: o.features, limits: o.limits });
    const head = await extractSurface(headTree, parser, {
      features: o.features,
      limits: o.limits,
      testCoverage: true,
    });
    const report = buildReport(base, head, {
      potentiallyBreakingBump: o.potentiallyBreakingBump,
      findings: o.findings,
    });
    return { report, base, head, baseSha, headSha, warnings };
  } finally {
    baseTree.close();
    headTree.close?.();
  }
}
