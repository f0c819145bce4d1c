/**
 * Release gating (issue 7): from the diff between the previous release tag (base) and the tag
 * being released (head), a verdict per crate — does its Cargo.toml version bump cover its surface
 * change, under Cargo's rules (`checkCrate`) — an overall verdict, the notices to show, and the
 * job summary in Markdown.
 *
 * - Only crates whose surface changed need a bump; an unchanged crate passes whatever its version
 *   did.
 * - A crate absent from the previous release (or every crate, when there is no previous tag) is a
 *   first release: its whole surface is an addition, it passes, and a notice says so.
 * - A crate gone from the workspace passes with a warning (its consumers lose every export).
 * - Changes that belong to no crate of the report (an unexpandable macro in a file no crate owns)
 *   cannot be covered by any version: they fail the release — fail closed (unless there is no
 *   previous release, when nothing is gated).
 * - `crates` restricts the check to the crates a per-crate tag releases (`foo-v1.2.0` releases
 *   `foo`); a named crate missing from the head fails.
 *
 * Pure: no I/O. Notices are plain text (for `core.notice`/`core.warning`); the Markdown renderer
 * escapes them like every other string from the report.
 */
import type { Bump, Change, DiffReport } from '../report';
import { checkCrate, CrateVerdict } from '../release-check';
import { inlineCode, inlineText } from '../render/escape-markdown';
import { changeEntry } from '../render/changelog';

export type ReleaseCrateStatus = 'covered' | 'not-covered' | 'unchanged' | 'first-release' | 'removed';

export interface ReleaseCrateVerdict extends CrateVerdict {
  status: ReleaseCrateStatus;
  /** The changes that need more than the actual bump (empty unless `not-covered`). */
  drivers: Change[];
}

export interface ReleaseNotice {
  level: 'notice' | 'warning' | 'error';
  /** Plain, unescaped text. */
  message: string;
}

export interface ReleaseSummary {
  /** The tag being released, and the one it is compared against (null: no previous release). */
  tag: string | null;
  previousTag: string | null;
  ok: boolean;
  /** The largest bump any checked crate's surface change requires. */
  requiredBump: Bump;
  crates: ReleaseCrateVerdict[];
  /** Changes that belong to no crate; any fails a release that has a previous one. */
  unattributed: Change[];
  notices: ReleaseNotice[];
}

export interface ReleaseSummaryOptions {
  tag?: string | null;
  /** The previous release tag; null when there is none (every crate is a first release). */
  previousTag: string | null;
  /** The version the tag names; a warning when no checked crate has it. */
  tagVersion?: string | null;
  /** Only these crates are released (per-crate tags); default every crate in the report. */
  crates?: string[];
  potentiallyBreakingBump?: 'major' | 'minor';
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

function bumpOf(c: Change, pb: 'major' | 'minor'): Bump {
  switch (c.severity) {
    case 'breaking':
    case 'source-breaking':
      return 'major';
    case 'potentially-breaking':
      return pb;
    case 'addition':
      return 'minor';
    case 'non-abi':
      return 'patch';
    default:
      return 'major'; // an unknown severity is treated as the worst
  }
}

function maxBump(bumps: Bump[]): Bump {
  return bumps.reduce<Bump>((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');
}

function actualRank(v: CrateVerdict): number {
  const a = v.actualBump;
  return a === 'major' || a === 'minor' || a === 'patch' ? RANK[a] : 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The per-crate verdicts, the overall verdict and the notices for a release. */
export function summarizeRelease(report: DiffReport, options: ReleaseSummaryOptions): ReleaseSummary {
  const pb = options.potentiallyBreakingBump ?? 'major';
  const previousTag = options.previousTag;
  const notices: ReleaseNotice[] = [];
  const known = new Map(report.crates.map((c) => [c.name, c]));
  const unattributed = report.changes.filter((c) => !known.has(c.crate));

  const selected = options.crates ? [...new Set(options.crates)] : report.crates.map((c) => c.name);
  const missing = selected.filter((n) => !known.has(n) || known.get(n)?.headVersion === null);
  const verdicts: ReleaseCrateVerdict[] = [];

  if (previousTag === null)
    notices.push({
      level: 'notice',
      message: `No previous release tag${options.tag ? ` before ${options.tag}` : ''}: the whole FFI surface is treated as an addition and nothing is gated.`,
    });

  for (const name of [...selected].sort(cmp)) {
    const crate = known.get(name);
    if (!crate) continue;
    const changes = report.changes.filter((c) => c.crate === name);
    const baseVersion = previousTag === null ? null : crate.baseVersion;
    const v = checkCrate(name, baseVersion, crate.headVersion, changes, { potentiallyBreakingBump: pb });
    let status: ReleaseCrateStatus;
    if (baseVersion === null) {
      status = 'first-release';
      if (crate.headVersion !== null && previousTag !== null)
        notices.push({
          level: 'notice',
          message: `First release of ${name} (${crate.headVersion}): its whole FFI surface is new.`,
        });
    } else if (crate.headVersion === null) {
      status = 'removed';
    } else if (changes.length === 0) {
      status = 'unchanged';
    } else status = v.covered ? 'covered' : 'not-covered';
    const covered = status !== 'not-covered';
    const drivers =
      status === 'not-covered'
        ? changes.filter((c) => RANK[bumpOf(c, pb)] > actualRank(v) || v.actualBump === 'backwards')
        : [];
    verdicts.push({
      ...v,
      baseVersion,
      covered,
      reason: status === 'unchanged' ? 'no surface change' : v.reason,
      status,
      drivers,
    });
  }

  for (const name of missing)
    notices.push({
      level: options.crates ? 'error' : 'warning',
      message: options.crates
        ? `Crate ${name}, which the tag releases, is not in the workspace at the tag.`
        : `Crate ${name} is no longer in the workspace: consumers lose its whole FFI surface.`,
    });
  // with no previous release nothing is gated: they are reported, and do not fail
  const gateUnattributed = unattributed.length > 0 && previousTag !== null;
  if (unattributed.length) {
    const n = unattributed.length;
    const what = `${n} surface ${n === 1 ? 'change belongs' : 'changes belong'} to no crate`;
    notices.push(
      gateUnattributed
        ? {
            level: 'error',
            message: `${what}, so no version bump can cover ${n === 1 ? 'it' : 'them'}: review and resolve ${n === 1 ? 'it' : 'them'} before releasing.`,
          }
        : { level: 'notice', message: `${what}; there is no previous release to compare with.` },
    );
  }
  const errors = report.diagnostics.filter((d) => d.level === 'error').length;
  if (errors)
    notices.push({
      level: 'warning',
      message: `${errors} ${errors === 1 ? 'error' : 'errors'} during analysis: the surface may be incomplete.`,
    });
  const tagVersion = options.tagVersion ?? null;
  if (tagVersion !== null && verdicts.length && !verdicts.some((v) => v.headVersion === tagVersion))
    notices.push({
      level: 'warning',
      message: `The tag names version ${tagVersion}, but no released crate has that version in its Cargo.toml (${verdicts.map((v) => `${v.name} ${v.headVersion ?? 'removed'}`).join(', ')}).`,
    });

  const ok = verdicts.every((v) => v.covered) && !gateUnattributed && !(options.crates && missing.length > 0);
  const requiredBump = maxBump([
    ...verdicts.filter((v) => v.status !== 'first-release').map((v) => v.requiredBump),
    ...(gateUnattributed ? unattributed.map((c) => bumpOf(c, pb)) : []),
  ]);
  return {
    tag: options.tag ?? null,
    previousTag,
    ok,
    requiredBump,
    crates: verdicts,
    unattributed,
    notices,
  };
}

const STATUS_CELL: Record<ReleaseCrateStatus, string> = {
  covered: '✅ covered',
  'not-covered': '❌ not covered',
  unchanged: '✅ unchanged',
  'first-release': '🆕 first release',
  removed: '⚠️ removed',
};

const MAX_NAME = 200;
const MAX_VERSION = 60;
const MAX_DRIVERS = 50;
const NOTICE_ICON: Record<ReleaseNotice['level'], string> = { notice: 'ℹ️', warning: '⚠️', error: '❌' };

function version(v: string | null, absent: string): string {
  return v === null ? absent : inlineCode(v, MAX_VERSION);
}

function changeList(changes: Change[]): string[] {
  const shown = changes.slice(0, MAX_DRIVERS);
  const out = shown.map((c) => `- ${changeEntry(c, { label: true })}`);
  if (changes.length > shown.length) out.push(`- … and ${changes.length - shown.length} more`);
  return out;
}

/**
 * The job summary of a release check: the verdict, the notices, a table (crate | previous | new |
 * required | actual | verdict) and, for each crate whose bump does not cover its change, the
 * changes that drive the requirement. Every string from the report is escaped.
 */
export function renderReleaseSummaryMarkdown(summary: ReleaseSummary): string {
  const lines: string[] = ['## FFI surface release check', ''];
  const failing = summary.crates.filter((c) => !c.covered);
  const tag = summary.tag !== null ? ` ${inlineCode(summary.tag, MAX_NAME)}` : '';
  const against =
    summary.previousTag !== null
      ? `compared with ${inlineCode(summary.previousTag, MAX_NAME)}`
      : 'no previous release';
  if (summary.ok)
    lines.push(
      `✅ **Release${tag} passes:** every version bump covers its FFI surface change (${against}; required bump: ${summary.requiredBump}).`,
    );
  else {
    const reasons: string[] = [];
    if (failing.length)
      reasons.push(
        `${failing.length} of ${summary.crates.length} ${summary.crates.length === 1 ? 'crate needs' : 'crates need'} a larger version bump`,
      );
    if (summary.unattributed.length && summary.previousTag !== null)
      reasons.push(
        `${summary.unattributed.length} ${summary.unattributed.length === 1 ? 'change belongs' : 'changes belong'} to no crate`,
      );
    if (!reasons.length) reasons.push('a released crate is missing');
    lines.push(`❌ **Release${tag} fails:** ${reasons.join('; ')} (${against}).`);
  }
  if (summary.notices.length) {
    lines.push('');
    for (const n of summary.notices) lines.push(`- ${NOTICE_ICON[n.level]} ${inlineText(n.message)}`);
  }
  if (summary.crates.length) {
    lines.push(
      '',
      '| Crate | Previous | New | Required | Actual | Verdict |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const c of summary.crates)
      lines.push(
        `| ${inlineCode(c.name, MAX_NAME)} | ${version(c.baseVersion, '—')} | ${version(c.headVersion, 'removed')} | ${c.requiredBump} | ${inlineText(c.actualBump, 20)} | ${STATUS_CELL[c.status]} |`,
      );
  }
  for (const c of failing) {
    lines.push(
      '',
      `### ❌ ${inlineCode(c.name, MAX_NAME)}: ${version(c.baseVersion, '—')} → ${version(c.headVersion, 'removed')} needs a ${c.requiredBump} bump`,
      '',
      inlineText(c.reason),
    );
    if (c.drivers.length) lines.push('', ...changeList(c.drivers));
  }
  if (summary.unattributed.length && summary.previousTag !== null)
    lines.push('', '### ❌ Changes that belong to no crate', '', ...changeList(summary.unattributed));
  return lines.join('\n') + '\n';
}
