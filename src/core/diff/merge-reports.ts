/**
 * Merges the diff reports of several feature sets (SPEC section 7: "feature sets to analyse") into
 * one: a change or finding seen under several sets is reported once, and each change names the sets
 * it appears in, so that the delta digest — what an approval binds to — covers every set.
 */
import type { FeatureSelection } from '../model';
import type { Bump, Change, DiffReport, Finding } from '../report';
import { sha256, stableStringify } from '../digest';
import { deltaDigest, sortChanges } from './diff-surfaces';

/** A short, stable name for a feature set: `default`, `default+a,b`, `all-features`, `no-default-features+a`. */
export function featureSetLabel(set: FeatureSelection): string {
  if (set.mode === 'all') return 'all-features';
  const head = set.mode === 'default' ? 'default' : 'no-default-features';
  return set.features.length > 0 ? `${head}+${set.features.join(',')}` : head;
}

const GATED_RULES = new Set(['gated-export-added', 'gated-export-removed']);

const BUMP_RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The identity of a change across feature sets (positions excluded, as in the delta digest). */
function changeKey(c: Change): string {
  return stableStringify({
    rule: c.rule,
    crate: c.crate,
    kind: c.kind,
    id: c.symbol ?? c.name,
    before: c.before,
    after: c.after,
    message: c.message,
  });
}

function findingKey(f: Finding): string {
  return stableStringify({
    rule: f.rule,
    level: f.level,
    crate: f.crate,
    symbol: f.symbol,
    name: f.name,
    message: f.message,
    checklist: f.checklist,
  });
}

/** The delta digest over merged changes: the per-change canonical form plus the sets it appears in. */
export function mergedDeltaDigest(changes: Change[]): string {
  return deltaDigest(changes);
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const t of items) {
    const k = key(t);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

/**
 * One report for several feature sets. With a single report it is returned as is; with none it is
 * an error (there is always at least one set to analyse).
 */
export function mergeReports(reports: { label: string; report: DiffReport }[]): DiffReport {
  const first = reports[0];
  if (!first) throw new Error('mergeReports needs at least one report');
  if (reports.length === 1) return first.report;

  const changes = new Map<string, { change: Change; sets: string[] }>();
  for (const { label, report } of reports) {
    for (const c of report.changes) {
      const k = changeKey(c);
      const seen = changes.get(k);
      if (seen) {
        if (!seen.sets.includes(label)) seen.sets.push(label);
      } else changes.set(k, { change: c, sets: [label] });
    }
  }
  // an export behind a feature one set leaves off is an analysed item of a set that enables it:
  // there its own rules (function-added, ...) say what changed, with signature and findings
  const analysed = new Set(
    [...changes.values()]
      .filter(({ change }) => !GATED_RULES.has(change.rule))
      .map(({ change }) => `${change.crate}\0${change.kind}\0${change.symbol ?? change.name}`),
  );
  for (const [k, { change }] of changes)
    if (
      GATED_RULES.has(change.rule) &&
      analysed.has(`${change.crate}\0${change.kind}\0${change.symbol ?? change.name}`)
    )
      changes.delete(k);
  const merged = sortChanges(
    [...changes.values()].map(({ change, sets }) => ({ ...change, featureSets: sets })),
  );

  const findings = uniqueBy(
    reports.flatMap((r) => r.report.findings),
    findingKey,
  );
  const requiredBump = reports
    .map((r) => r.report.requiredBump)
    .reduce((a, b) => (BUMP_RANK[b] > BUMP_RANK[a] ? b : a), 'none' as Bump);
  const diagnostics = uniqueBy(
    reports.flatMap((r) => r.report.diagnostics),
    (d) => stableStringify(d),
  );
  const crates = [...first.report.crates];
  for (const { report } of reports.slice(1))
    for (const c of report.crates) if (!crates.some((x) => x.name === c.name)) crates.push(c);
  crates.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const digestOf = (side: 'base' | 'head') =>
    sha256(stableStringify(reports.map((r) => ({ featureSet: r.label, digest: r.report[side].digest }))));
  return {
    schemaVersion: first.report.schemaVersion,
    tool: first.report.tool,
    base: { rev: first.report.base.rev, digest: digestOf('base') },
    head: { rev: first.report.head.rev, digest: digestOf('head') },
    changes: merged,
    findings,
    requiredBump,
    deltaDigest: mergedDeltaDigest(merged),
    crates,
    diagnostics,
  };
}
