/** Job outputs, summary, annotations and the JSON report file. */
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DiffReport } from '../core/report';
import { printable } from '../core/render/surface-text';

const MAX_ANNOTATIONS = 50;

export function writeReport(path: string, report: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
}

/** One annotation per change and finding at file:line (bounded; names made printable). */
export function annotate(report: DiffReport, root: string): void {
  let n = 0;
  const prefix = root === '.' || root === '' ? '' : root.replace(/\/+$/, '') + '/';
  for (const c of report.changes) {
    if (n++ >= MAX_ANNOTATIONS) break;
    const props = {
      title: `FFI ${c.severity}: ${c.rule}`,
      file: prefix + c.file,
      startLine: c.line || undefined,
    };
    const msg = printable(`${c.symbol ?? c.name}: ${c.message}`);
    if (c.severity === 'breaking' || c.severity === 'source-breaking') core.error(msg, props);
    else if (c.severity === 'potentially-breaking') core.warning(msg, props);
    else core.notice(msg, props);
  }
  for (const f of report.findings) {
    if (n++ >= MAX_ANNOTATIONS) break;
    const props = {
      title: `FFI review (${f.level}): ${f.rule}`,
      file: prefix + f.file,
      startLine: f.line || undefined,
    };
    const msg = printable(`${f.symbol}: ${f.message} — confirm: ${f.checklist}`);
    if (f.level === 'high') core.warning(msg, props);
    else core.notice(msg, props);
  }
  const total = report.changes.length + report.findings.length;
  if (total > MAX_ANNOTATIONS)
    core.notice(`${total - MAX_ANNOTATIONS} more changes and findings are in the job summary`);
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  // the job summary takes up to 1 MiB
  await core.summary
    .addRaw(markdown.length > 1_000_000 ? markdown.slice(0, 1_000_000) : markdown, true)
    .write();
}
