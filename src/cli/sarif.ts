/** `--format sarif` for `diff` and `release-check`: the report as a SARIF 2.1.0 log. */
import { git } from '../adapters/git';
import type { DiffReport } from '../core/report';
import { renderSarifJson } from '../core/render/report-sarif';

/**
 * `--root` relative to the top of its git repository (`rust/ffi`, or `''`), so that the log's
 * artifact URIs are repository-relative, as code scanning resolves them.
 */
export async function repositoryPrefix(root: string): Promise<string> {
  try {
    return (await git(root, ['rev-parse', '--show-prefix'])).trim().replace(/\/+$/, '');
  } catch {
    return '';
  }
}

export async function sarifOutput(report: DiffReport, root: string): Promise<string> {
  return renderSarifJson(report, { uriPrefix: await repositoryPrefix(root) });
}
