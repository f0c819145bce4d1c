/**
 * The Action's annotations (SPEC section 6, issue 15 item 6): one per change and open finding at
 * its file:line, the most important first, within what GitHub shows, and the rest summarised in
 * one notice with counts. Pure: a report in, the annotations to emit out (src/action/publish.ts
 * writes them).
 *
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per job);
 * what a step emits beyond that is dropped without a word. So the order is by importance —
 * breaking and source-breaking changes (errors), high findings, potentially-breaking changes
 * (warnings), then medium findings, additions, non-ABI changes and low findings (notices) — each
 * level stops at its quota, and when anything is left out one notice slot is kept for the summary.
 * Verified findings (the code shows the mitigation) are not annotated.
 */
import type { DiffReport, Finding, Severity } from '../report';
import { isVerified } from '../report';
import { printable } from './surface-text';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  /** Relative to the repository root. */
  file?: string;
  line?: number;
}

export interface AnnotationLimits {
  /** Annotations of one level GitHub shows per step. */
  perLevel: number;
  /** Annotations in all. */
  total: number;
}

export const ANNOTATION_LIMITS: AnnotationLimits = { perLevel: 10, total: 30 };

interface Candidate {
  rank: number;
  /** What the summary counts it as. */
  what: string;
  annotation: Annotation;
}

const CHANGE_RANK: Record<Severity, { rank: number; level: AnnotationLevel }> = {
  breaking: { rank: 0, level: 'error' },
  'source-breaking': { rank: 0, level: 'error' },
  'potentially-breaking': { rank: 2, level: 'warning' },
  addition: { rank: 4, level: 'notice' },
  'non-abi': { rank: 5, level: 'notice' },
};
const FINDING_RANK: Record<Finding['level'], { rank: number; level: AnnotationLevel }> = {
  high: { rank: 1, level: 'warning' },
  medium: { rank: 3, level: 'notice' },
  low: { rank: 6, level: 'notice' },
};
/** The summary's categories, in rank order. */
const WHAT_ORDER = [
  'breaking',
  'source-breaking',
  'high findings',
  'potentially-breaking',
  'medium findings',
  'additions',
  'non-ABI',
  'low findings',
];

function candidates(report: DiffReport, prefix: string): Candidate[] {
  const out: Candidate[] = [];
  const where = (file: string, line: number) => ({
    ...(file ? { file: prefix + file } : {}),
    ...(Number.isInteger(line) && line > 0 ? { line } : {}),
  });
  for (const c of report.changes) {
    const r = CHANGE_RANK[c.severity] ?? CHANGE_RANK['potentially-breaking'];
    out.push({
      rank: r.rank,
      what: c.severity === 'addition' ? 'additions' : c.severity === 'non-abi' ? 'non-ABI' : c.severity,
      annotation: {
        level: r.level,
        title: printable(`FFI ${c.severity}: ${c.rule}`),
        message: printable(`${c.symbol ?? c.name}: ${c.message}`),
        ...where(c.file, c.line),
      },
    });
  }
  for (const f of report.findings) {
    if (isVerified(f)) continue;
    const r = FINDING_RANK[f.level] ?? FINDING_RANK.high;
    out.push({
      rank: r.rank,
      what: `${f.level} findings`,
      annotation: {
        level: r.level,
        title: printable(`FFI review (${f.level}): ${f.rule}`),
        message: printable(`${f.symbol}: ${f.message} — confirm: ${f.checklist}`),
        ...where(f.file, f.line),
      },
    });
  }
  // stable: report order within a rank
  return out
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.rank - b.c.rank || a.i - b.i)
    .map((x) => x.c);
}

function select(all: Candidate[], perLevel: Record<AnnotationLevel, number>, total: number): Set<Candidate> {
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const out = new Set<Candidate>();
  for (const c of all) {
    if (out.size >= total) break;
    const level = c.annotation.level;
    if (used[level] >= perLevel[level]) continue;
    used[level]++;
    out.add(c);
  }
  return out;
}

/** The annotations for a report whose paths are relative to `root` (itself relative to the repository). */
export function planAnnotations(
  report: DiffReport,
  root: string,
  limits: AnnotationLimits = ANNOTATION_LIMITS,
): Annotation[] {
  const prefix = root === '.' || root === '' ? '' : root.replace(/\/+$/, '') + '/';
  const all = candidates(report, prefix);
  const q = Math.max(0, limits.perLevel);
  const full = select(all, { error: q, warning: q, notice: q }, Math.max(0, limits.total));
  if (full.size === all.length) return all.map((c) => c.annotation);
  // something is left out: keep a notice (and a total) slot for the summary
  const chosen = select(all, { error: q, warning: q, notice: q - 1 }, Math.max(0, limits.total - 1));
  const left = new Map<string, number>();
  for (const c of all) if (!chosen.has(c)) left.set(c.what, (left.get(c.what) ?? 0) + 1);
  const counts = [...left.entries()]
    .sort((a, b) => WHAT_ORDER.indexOf(a[0]) - WHAT_ORDER.indexOf(b[0]))
    .map(([what, n]) => `${n} ${what}`);
  const rest = all.length - chosen.size;
  const summary: Annotation = {
    level: 'notice',
    title: 'FFI surface: more changes and findings',
    message: `${rest} more ${rest === 1 ? 'change or finding is' : 'changes and findings are'} not annotated (GitHub shows at most ${q} annotations of each level per step): ${counts.join(', ')}. The job summary and the pull-request comment list them all.`,
  };
  const out = all.filter((c) => chosen.has(c)).map((c) => c.annotation);
  return limits.total > 0 && q > 0 ? [...out, summary] : out;
}
