/** `--format sarif` for `diff` and `release-check`: the report as a SARIF 2.1.0 log. */
import { git } from '../adapters/git';
import type { DiffReport } from '../core/report';
import { renderSarifJson } from '../core/render/report-sarif';
import { TOOL_VERSION } from '../core/version';

/** The tool's repository (package.json `repository`; a test keeps the two in step). */
export const TOOL_REPOSITORY = 'https://github.com/your-org/ffi-surface-guard';

/**
 * Where the CLI's SARIF rules are documented: the README at this version's tag, whose rule table
 * has a `#rule-<id>` anchor per rule (the Action links to the README at the ref it runs from).
 */
export const CLI_DOCS_URL = `${TOOL_REPOSITORY}/blob/v${TOOL_VERSION}/README.md`;

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
  return renderSarifJson(report, { uriPrefix: await repositoryPrefix(root), docsUrl: CLI_DOCS_URL });
}
