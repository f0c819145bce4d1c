/** Job outputs, summary, annotations and the JSON report file. */
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DiffReport } from '../core/report';
import { planAnnotations } from '../core/render/annotations';

export function writeReport(path: string, report: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
}

/**
 * Annotations at file:line: breaking changes and high findings first, within what GitHub shows per
 * step, the rest summarised in one notice (src/core/render/annotations.ts decides).
 */
export function annotate(report: DiffReport, root: string): void {
  for (const a of planAnnotations(report, root)) {
    const props = { title: a.title, file: a.file, startLine: a.line };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  // the job summary takes up to 1 MiB
  await core.summary
    .addRaw(markdown.length > 1_000_000 ? markdown.slice(0, 1_000_000) : markdown, true)
    .write();
}
