/**
 * The diff job over every configured feature set: one `analyseDiff` per set, sharing one scan cache
 * and one parser (scan-cache keys include the features, so sharing is safe), and one merged report.
 */
import type { FeatureSelection } from '../core/model';
import { ScanCache } from '../core/extract/scan-cache';
import { featureSetLabel, mergeReports } from '../core/diff/merge-reports';
import { loadRustParser } from '../adapters/tree-sitter-parser';
import { analyseDiff, Analysis, AnalyseOptions } from './analyse-diff';

/**
 * Analyses `sets` (or `options.features` when `sets` is empty). With one set this is exactly
 * `analyseDiff`; with several, the report is the merge of the per-set reports and the surfaces are
 * the first set's.
 */
export async function analyseFeatureSets(
  options: AnalyseOptions,
  sets: FeatureSelection[],
): Promise<Analysis> {
  const [only, ...rest] = sets;
  if (!only) return analyseDiff(options);
  if (rest.length === 0) return analyseDiff({ ...options, features: only });
  const scanCache = options.scanCache ?? new ScanCache();
  const parser = options.parser ?? (await loadRustParser());
  const analyses: { label: string; analysis: Analysis }[] = [];
  for (const features of sets)
    analyses.push({
      label: featureSetLabel(features),
      analysis: await analyseDiff({ ...options, features, scanCache, parser }),
    });
  const first = analyses[0].analysis;
  const report = mergeReports(analyses.map((a) => ({ label: a.label, report: a.analysis.report })));
  const warnings = [...new Set(analyses.flatMap((a) => a.analysis.warnings))];
  return { ...first, report, warnings };
}
