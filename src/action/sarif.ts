/** The Action's SARIF log (input `sarif-path`). No `@actions/core` here, so tests can load it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DiffReport } from '../core/report';
import { renderSarifJson, SarifOptions } from '../core/render/report-sarif';

/** The SARIF 2.1.0 log of the report (input `sarif-path`), for github/codeql-action/upload-sarif. */
export function writeSarif(path: string, report: DiffReport, options: SarifOptions): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderSarifJson(report, options));
}

/**
 * Where the rules are documented: the README of the action's own repository at the ref the
 * workflow uses (`GITHUB_ACTION_REPOSITORY`/`GITHUB_ACTION_REF`); none for a local `uses: ./`.
 */
export function actionDocsUrl(serverUrl: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const repo = env.GITHUB_ACTION_REPOSITORY ?? '';
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) return undefined;
  const ref = env.GITHUB_ACTION_REF ?? '';
  return /^[A-Za-z0-9_./-]+$/.test(ref) && !ref.includes('..')
    ? `${serverUrl}/${repo}/blob/${ref}/README.md`
    : `${serverUrl}/${repo}#readme`;
}
