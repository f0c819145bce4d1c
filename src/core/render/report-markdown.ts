/**
 * The diff report as GitHub-Flavoured Markdown: the sticky PR comment, the job summary and
 * `diff --format markdown` (SPEC sections 3 and 6; README, "The comment").
 *
 * What a reviewer works through, top to bottom:
 * - a short header: the required bump, the counts, the approval state and who may approve;
 * - every change, grouped by export (function, static, type), with before → after;
 * - what each finding rule asks the reviewer to confirm, once per rule (the legend), then every
 *   open finding as a `- [ ]` item under its export, one `<details>` per export (open when the
 *   export has a high finding), each item saying only what is specific to it;
 * - the findings the code already answers (verified), one line per export with the evidence;
 * - diagnostics.
 *
 * Everything taken from the report or the options is untrusted and goes through
 * `escape-markdown`; the only raw HTML in the output is what this file writes itself (the marker
 * the caller supplies, `<details>`/`<summary>`/`<code>`). The output is deterministic and bounded
 * by `maxChars`. When the full rendering is too long it degrades in documented steps (see
 * {@link PLANS}) and ends with a line saying what was shortened and where the full report is:
 * repeated text goes first, then low findings move out, then the change list is compressed —
 * the change list and the checkboxes of high and medium findings are the last to be cut, and only
 * when even their most compact form cannot fit (thousands of exports).
 */
import type { Change, DiffReport, Evidence, Finding, FindingLevel, Severity } from '../report';
import { FINDING_LEVELS, isVerified, SEVERITIES } from '../report';
import type { Diagnostic } from '../model';
import {
  htmlCode,
  htmlText,
  inlineCode,
  inlineText,
  link,
  reveal,
  richText,
  safeUrl,
} from './escape-markdown';

/**
 * The approval state the gate shows in the comment (untrusted text: escaped here). An explicit
 * interface so that the gate can add outcomes (e.g. "no approval needed") without touching the
 * renderer's other inputs.
 */
export interface ApprovalSummary {
  /** One line: the state, e.g. `awaiting review (0/1 approvals of surface sha256:…)`. */
  state: string;
  /** Further lines: who approved, who was not counted and why, who may approve. */
  lines: string[];
  /** The review policy's outcome: whether this delta needs an approval at all, in one line. */
  policy?: { needed: boolean; summary: string };
}

export interface MarkdownOptions {
  /** The repository's web URL, e.g. `https://github.com/o/r`; with `headSha`, locations become links. */
  repoUrl?: string;
  /** The commit the head surface was read from (hex). */
  headSha?: string;
  /** The hidden first line, e.g. `<!-- ffi-surface-guard v1 {...} -->`; emitted verbatim. */
  marker?: string;
  /** The approval state and who may approve. */
  approval?: ApprovalSummary;
  /**
   * Upper bound on the length of the output (default {@link DEFAULT_MAX_CHARS}, a comment; GitHub
   * rejects comments over 65,536 characters). {@link FULL_REPORT} for a report that is never
   * shortened.
   */
  maxChars?: number;
  /** Where the full report is (the job summary's URL); linked in the notice of a shortened report. */
  summaryUrl?: string;
  /** What the full report is called in that notice (default: `the job summary`). */
  fullReportName?: string;
  /** The tool's documentation page; rule ids in the legend link to its `#rule-<id>` anchors. */
  docsUrl?: string;
}

export const DEFAULT_MAX_CHARS = 60000;
/** `maxChars` for a report that is never shortened (the CLI's default, the job summary). */
export const FULL_REPORT = Number.MAX_SAFE_INTEGER;
/** The smallest `maxChars` accepted: room for the marker, the verdict and the truncation notice. */
export const MIN_MAX_CHARS = 1000;
export const MARKER_PREFIX = '<!-- ffi-surface-guard';

const SEVERITY_TITLE: Record<Severity, string> = {
  breaking: '🔴 Breaking',
  'source-breaking': '🟣 Source-breaking',
  'potentially-breaking': '🟠 Potentially breaking',
  addition: '🟢 Addition',
  'non-abi': '⚪ Non-ABI',
};
const LEVEL_ICON: Record<FindingLevel, string> = { high: '🔴', medium: '🟠', low: '🟡' };
const LEVEL_BADGE: Record<FindingLevel, string> = {
  high: '🔴 **high**',
  medium: '🟠 **medium**',
  low: '🟡 **low**',
};
const MAX_NAME = 200;
const MAX_SIGNATURE = 1000;
const MAX_MESSAGE = 1000;
/** A finding's message in the compact checklist. */
const MAX_SHORT_MESSAGE = 160;
const MAX_EVIDENCE_TEXT = 300;
/** Evidence entries shown per verified finding. */
const MAX_EVIDENCE = 3;
const MAX_APPROVAL_LINES = 20;
const MAX_DIAGNOSTICS = 50;
const MAX_CRATES = 20;
/** Export names in the most compact change list: at most this share of `maxChars`. */
const NAMES_SHARE = 0.25;

/** Code-unit order: deterministic, locale-independent. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function countBy<T, K extends string>(items: T[], keys: K[], key: (t: T) => K): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const t of items) if (key(t) in out) out[key(t)] += 1;
  return out;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** Appends without spreading into arguments (which overflows the stack for long arrays). */
function append(target: string[], lines: readonly string[]): void {
  for (const l of lines) target.push(l);
}

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value as T;
  };
}

function validMarker(marker: string): boolean {
  return (
    marker.startsWith(MARKER_PREFIX) &&
    marker.endsWith('-->') &&
    marker.indexOf('-->') === marker.length - 3 &&
    marker.indexOf('<!--', 1) === -1 &&
    !/[\r\n\u2028\u2029]/.test(marker)
  );
}

const SEVERITY_RANK = new Map<string, number>(SEVERITIES.map((s, i) => [s, i]));
const LEVEL_RANK = new Map<string, number>(FINDING_LEVELS.map((l, i) => [l, i]));
const severityRank = (s: string) => SEVERITY_RANK.get(s) ?? SEVERITIES.length;
const levelRank = (l: string) => LEVEL_RANK.get(l) ?? FINDING_LEVELS.length;

// ---------------------------------------------------------------------------------------------
// Context, locations, links

interface Context {
  report: DiffReport;
  repo: string | null;
  headSha: string | null;
  baseSha: string | null;
  docs: string | null;
  versions: Map<string, { baseVersion: string | null; headVersion: string | null }>;
  /** `maxChars`: a section that grows past it is abandoned (it cannot fit), so work stays bounded. */
  budget: number;
  /** Whether the changes and findings span more than one crate (then each export names its crate). */
  manyCrates: boolean;
}

function isSha(s: string | undefined): s is string {
  return s !== undefined && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(s);
}

/** `repo/blob/sha/path#Lline`, or null when the path is not a plain relative path. */
function blobUrl(repo: string, sha: string, file: string, line: number): string | null {
  // only plain relative paths: nothing revealed (controls, lone surrogates, backslashes), no dot segments
  if (reveal(file).text !== file) return null;
  const segments = file.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  const path = segments.map((s) => encodeURIComponent(s)).join('/');
  const anchor = Number.isInteger(line) && line > 0 ? `#L${line}` : '';
  return safeUrl(`${repo.replace(/\/+$/, '')}/blob/${sha}/${path}${anchor}`);
}

/** `file:line`, linked when `linked` and the commit it refers to is known; empty without a file. */
function location(ctx: Context, file: string, line: number, sha: string | null, linked = true): string {
  if (!file) return '';
  const label = inlineText(Number.isInteger(line) && line > 0 ? `${file}:${line}` : file, MAX_NAME);
  const url = linked && ctx.repo && sha ? blobUrl(ctx.repo, sha, file, line) : null;
  return url ? link(label, url) : label;
}

/** A rule id as code, linked to its documentation when `linked` and the docs are known. */
function ruleRef(ctx: Context, rule: string, linked: boolean): string {
  const code = inlineCode(rule, 100);
  return linked && ctx.docs && /^[a-z0-9][a-z0-9-]*$/.test(rule)
    ? link(code, `${ctx.docs}#rule-${rule}`)
    : code;
}

function exportName(symbol: string | undefined, name: string): string {
  return symbol !== undefined && symbol !== name
    ? `${inlineCode(symbol, MAX_NAME)} (Rust ${inlineCode(name, MAX_NAME)})`
    : inlineCode(symbol ?? name, MAX_NAME);
}

function crateLabel(ctx: Context, crate: string): string {
  const v = ctx.versions.get(crate);
  const name = crate ? inlineCode(crate, MAX_NAME) : '*(no crate)*';
  if (!v) return name;
  const base = v.baseVersion === null ? 'new' : inlineCode(v.baseVersion, 50);
  const head = v.headVersion === null ? 'removed' : inlineCode(v.headVersion, 50);
  return v.baseVersion === v.headVersion ? `${name} ${base}` : `${name} ${base} → ${head}`;
}

/** Lines that are abandoned once they grow past the budget (`add` returns false from then on). */
class Bounded {
  readonly lines: string[] = [];
  private size = 0;
  constructor(private readonly budget: number) {}
  add(...lines: string[]): boolean {
    for (const l of lines) {
      this.lines.push(l);
      this.size += l.length + 1;
    }
    return this.size <= this.budget;
  }
}

// ---------------------------------------------------------------------------------------------
// The header

function header(ctx: Context, exportCount: number, approval: ApprovalSummary | undefined): string[] {
  const { report } = ctx;
  const bySeverity = countBy(report.changes, SEVERITIES, (c) => c.severity);
  const open = report.findings.filter((f) => !isVerified(f));
  const byLevel = countBy(open, FINDING_LEVELS, (f) => f.level);
  const verified = report.findings.length - open.length;
  const lines = ['## FFI surface review', ''];
  if (!report.changes.length && !report.findings.length)
    lines.push('✅ **No change to the FFI surface.** Required semver bump: none.');
  else {
    const parts = [
      `${bySeverity.breaking} breaking`,
      ...(bySeverity['source-breaking'] ? [`${bySeverity['source-breaking']} source-breaking`] : []),
      `${bySeverity['potentially-breaking']} potentially breaking`,
      plural(bySeverity.addition, 'addition'),
      `${bySeverity['non-abi']} non-ABI`,
    ];
    const findings = report.findings.length
      ? `${plural(open.length, 'finding')} to review (${FINDING_LEVELS.map((l) => `${byLevel[l]} ${l}`).join(', ')})${verified ? `, ${verified} verified by the code` : ''}`
      : 'no findings';
    lines.push(
      `**Required semver bump: ${inlineText(report.requiredBump, 10)}** · ${plural(report.changes.length, 'change')} to ${plural(exportCount, 'export')} (${parts.join(', ')}) · ${findings}`,
    );
  }
  const errors = report.diagnostics.filter((d) => d.level === 'error').length;
  if (errors)
    lines.push(
      '',
      `⚠️ **${plural(errors, 'error')} during analysis:** the surface may be incomplete — see the diagnostics below.`,
    );
  if (approval) {
    lines.push('', `**Approval:** ${inlineText(approval.state, 300)}`);
    if (approval.policy) lines.push('', `**Review policy:** ${inlineText(approval.policy.summary, 400)}`);
    const shown = approval.lines.slice(0, MAX_APPROVAL_LINES);
    if (shown.length) lines.push('');
    for (const l of shown) lines.push(`- ${inlineText(l, 300)}`);
    if (approval.lines.length > shown.length)
      lines.push(`- … and ${approval.lines.length - shown.length} more`);
  }
  const crates = report.crates.filter((c) => c.baseVersion !== c.headVersion);
  const crateParts = crates.slice(0, MAX_CRATES).map((c) => crateLabel(ctx, c.name));
  if (crates.length > crateParts.length) crateParts.push(`… and ${crates.length - crateParts.length} more`);
  lines.push(
    '',
    `${crateParts.length ? `Crates ${crateParts.join(', ')} · ` : ''}Base ${inlineCode(report.base.rev, 64)} → head ${inlineCode(report.head.rev, 64)} · delta digest ${inlineCode(report.deltaDigest, 80)}`,
  );
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Changes, by export

interface ChangeGroup {
  crate: string;
  kind: string;
  symbol: string | undefined;
  name: string;
  /** Sorted by severity (stable). */
  changes: Change[];
  worst: Severity;
}

/** An export's identity: functions, statics and types with one name are different exports. */
function kindClass(kind: string): string {
  return kind === 'function' || kind === 'static' || kind === 'unknown' || kind === 'import' ? kind : 'type';
}

function changeGroups(changes: Change[]): ChangeGroup[] {
  const groups = [
    // the symbol is what C links against; a different Rust name under it is shown apart
    ...groupBy(
      changes,
      (c) =>
        `${c.crate}\u0000${kindClass(c.kind)}\u0000${c.symbol ?? c.name}\u0000${c.symbol === undefined ? '' : c.name}`,
    ).values(),
  ].map((list): ChangeGroup => {
    const sorted = [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    const first = sorted[0];
    return {
      crate: first.crate,
      kind: first.kind,
      symbol: first.symbol,
      name: first.name,
      changes: sorted,
      worst: SEVERITY_RANK.has(first.severity) ? first.severity : 'potentially-breaking',
    };
  });
  return groups.sort(
    (a, b) =>
      severityRank(a.worst) - severityRank(b.worst) ||
      cmp(a.crate, b.crate) ||
      cmp(a.symbol ?? a.name, b.symbol ?? b.name) ||
      cmp(a.kind, b.kind),
  );
}

function changeSha(ctx: Context, c: Change): string | null {
  return c.before !== null && c.after === null ? ctx.baseSha : ctx.headSha;
}

/** The export's first line: kind, name, crate (when several), where. */
function groupTitle(ctx: Context, g: ChangeGroup, linked: boolean): string {
  const first = g.changes[0];
  const where = location(ctx, first.file, first.line, changeSha(ctx, first), linked);
  const crate = ctx.manyCrates ? ` · crate ${g.crate ? inlineCode(g.crate, MAX_NAME) : '*(none)*'}` : '';
  return `${inlineText(g.kind, 20)} ${exportName(g.symbol, g.name)}${crate}${where ? ` · ${where}` : ''}`;
}

/** Full: every change with its message; before → after once when the changes share it. */
function changeGroupLines(ctx: Context, g: ChangeGroup): string[] {
  const lines = [`- ${groupTitle(ctx, g, true)}`];
  const first = g.changes[0];
  const pairs = new Set(g.changes.map((c) => `${c.before}\u0000${c.after}`));
  const shared = pairs.size === 1;
  for (const c of g.changes) {
    const elsewhere =
      c.file !== first.file || c.line !== first.line ? location(ctx, c.file, c.line, changeSha(ctx, c)) : '';
    lines.push(
      `  - ${inlineCode(c.rule, 100)} ${richText(c.message, MAX_MESSAGE)}${elsewhere ? ` (${elsewhere})` : ''}`,
    );
    if (!shared) {
      if (c.before !== null) lines.push(`    - before: ${inlineCode(c.before, MAX_SIGNATURE)}`);
      if (c.after !== null) lines.push(`    - after: ${inlineCode(c.after, MAX_SIGNATURE)}`);
    }
  }
  if (shared) {
    if (first.before !== null) lines.push(`  - before: ${inlineCode(first.before, MAX_SIGNATURE)}`);
    if (first.after !== null) lines.push(`  - after: ${inlineCode(first.after, MAX_SIGNATURE)}`);
  }
  const seen = new Set<string>();
  const callers: string[] = [];
  for (const c of g.changes)
    for (const u of c.consumers ?? []) {
      const key = `${u.file}:${u.line}`;
      if (seen.has(key) || callers.length >= 20) continue;
      seen.add(key);
      callers.push(location(ctx, u.file, u.line, ctx.headSha));
    }
  if (callers.length) lines.push(`  - called from ${callers.join(', ')}`);
  return lines;
}

/** Compact: one line per export, its change rules. */
function changeGroupLine(ctx: Context, g: ChangeGroup): string {
  const rules = [...new Set(g.changes.map((c) => c.rule))].map((r) => inlineCode(r, 100));
  return `- ${groupTitle(ctx, g, false)} — ${rules.join(', ')}`;
}

type ChangeMode = 'full' | 'line' | 'names';

/**
 * The change list in a mode: `full` and `line` are abandoned (null) past the budget; `names` is
 * bounded by `namesBudget` and says how many exports it leaves out.
 */
function changeSection(
  ctx: Context,
  groups: ChangeGroup[],
  mode: ChangeMode,
  namesBudget: number,
  fullReport: string,
): string[] | null {
  const out = new Bounded(ctx.budget);
  out.add(
    '',
    `### Changes by export (${plural(ctx.report.changes.length, 'change')} to ${plural(groups.length, 'export')})`,
  );
  const bySeverity = groupBy(groups, (g) => g.worst);
  let namesLeft = namesBudget;
  let namesCut = 0;
  for (const s of SEVERITIES) {
    const list = bySeverity.get(s);
    if (!list) continue;
    if (!out.add('', `#### ${SEVERITY_TITLE[s]} (${plural(list.length, 'export')})`, '')) return null;
    if (mode === 'names') {
      const names: string[] = [];
      for (const g of list) {
        const n = inlineCode(g.symbol ?? g.name, 60);
        if (n.length + 2 > namesLeft) break;
        names.push(n);
        namesLeft -= n.length + 2;
      }
      const rest = list.length - names.length;
      namesCut += rest;
      out.add(
        names.length
          ? `${names.join(', ')}${rest ? ` … and ${rest} more` : ''}`
          : `${plural(rest, 'export')}, named in ${fullReport}.`,
      );
      continue;
    }
    for (const g of list) {
      const fits = mode === 'full' ? out.add(...changeGroupLines(ctx, g)) : out.add(changeGroupLine(ctx, g));
      if (!fits) return null;
    }
  }
  if (namesCut)
    out.add('', `${plural(namesCut, 'export')} not named here: ${fullReport} lists every change.`);
  return out.lines;
}

// ---------------------------------------------------------------------------------------------
// Findings: the legend, the open checklist by export, the verified ones

interface FindingGroup {
  crate: string;
  symbol: string;
  name: string;
  findings: Finding[];
  counts: Record<FindingLevel, number>;
}

function findingGroups(findings: Finding[]): FindingGroup[] {
  const groups = [...groupBy(findings, (f) => `${f.crate}\u0000${f.symbol}`).values()].map((list) => ({
    crate: list[0].crate,
    symbol: list[0].symbol,
    name: list[0].name,
    // stable: input order within a level
    findings: [...list].sort((a, b) => levelRank(a.level) - levelRank(b.level)),
    counts: countBy(list, FINDING_LEVELS, (f) => f.level),
  }));
  return groups.sort(
    (a, b) =>
      b.counts.high - a.counts.high ||
      b.counts.medium - a.counts.medium ||
      b.counts.low - a.counts.low ||
      cmp(a.crate, b.crate) ||
      cmp(a.symbol, b.symbol),
  );
}

/** Each rule's checklist text as the legend states it: the most frequent one among `findings`. */
function legendTexts(findings: Finding[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const f of findings) {
    const m = counts.get(f.rule) ?? new Map<string, number>();
    m.set(f.checklist, (m.get(f.checklist) ?? 0) + 1);
    counts.set(f.rule, m);
  }
  const out = new Map<string, string>();
  for (const [rule, m] of counts) {
    let best = '';
    let n = -1;
    for (const [text, k] of m) if (k > n) [best, n] = [text, k];
    out.set(rule, best);
  }
  return out;
}

function legendLines(ctx: Context, legend: Map<string, string>): string[] {
  const rules = [...legend.keys()].sort(cmp);
  if (!rules.length) return [];
  const lines = ['', '**What to confirm, per rule** (each item below says only what is specific to it):', ''];
  for (const r of rules)
    lines.push(`- ${ruleRef(ctx, r, true)}: ${richText(legend.get(r) ?? '', MAX_MESSAGE)}`);
  return lines;
}

const CHECKBOX_NOTE =
  '> Checkboxes are informational: ticking them approves nothing. Approval comes only from an approving pull-request review by a designated reviewer who is not the author, on this exact surface.';

function findingItem(ctx: Context, f: Finding, legend: Map<string, string>, short: boolean): string[] {
  const where = location(ctx, f.file, f.line, ctx.headSha, !short);
  const message = richText(f.message, short ? MAX_SHORT_MESSAGE : MAX_MESSAGE);
  const first = `- [ ] ${LEVEL_BADGE[f.level] ?? inlineText(f.level, 10)} ${inlineCode(f.rule, 100)} — ${message}${where ? ` (${where})` : ''}`;
  if (legend.get(f.rule) === f.checklist) return [first];
  return [`${first}\\`, `  **Confirm:** ${richText(f.checklist, short ? MAX_SHORT_MESSAGE : MAX_MESSAGE)}`];
}

function groupSummary(ctx: Context, g: FindingGroup, counts: Record<FindingLevel, number>): string {
  const worst = FINDING_LEVELS.find((l) => counts[l] > 0) ?? 'low';
  const parts = FINDING_LEVELS.filter((l) => counts[l] > 0).map((l) => `${counts[l]} ${l}`);
  const rust = g.name !== g.symbol ? ` (Rust ${htmlCode(g.name, MAX_NAME)})` : '';
  const crate = ctx.manyCrates ? ` in ${g.crate ? htmlCode(g.crate, MAX_NAME) : '<em>(no crate)</em>'}` : '';
  return `<summary>${LEVEL_ICON[worst]} ${htmlCode(g.symbol, MAX_NAME)}${rust}${crate} — ${htmlText(parts.join(', '), 100)}</summary>`;
}

interface ChecklistPlan {
  /** Low findings are in the comment. */
  low: boolean;
  /** Compact items: shorter messages, locations not linked. */
  short: boolean;
  /** At most this many high and medium items (the most severe first). */
  limit: number;
}

/** The open checklist: the note, the legend, one `<details>` per export; null past the budget. */
function checklistSection(
  ctx: Context,
  groups: FindingGroup[],
  legend: Map<string, string>,
  plan: ChecklistPlan,
  fullReport: string,
): string[] | null {
  const open = ctx.report.findings.length - ctx.report.findings.filter(isVerified).length;
  const out = new Bounded(ctx.budget);
  out.add(
    '',
    `### Review checklist (${plural(open, 'open finding')} on ${plural(groups.length, 'export')})`,
    '',
    CHECKBOX_NOTE,
  );
  // which high and medium items are shown: the first `limit` by level, then export order
  let kept: Set<Finding> | null = null;
  const all = groups.flatMap((g) => g.findings).filter((f) => f.level !== 'low');
  if (plan.limit < all.length)
    kept = new Set(
      all
        .map((f, i) => ({ f, i }))
        .sort((a, b) => levelRank(a.f.level) - levelRank(b.f.level) || a.i - b.i)
        .slice(0, plan.limit)
        .map((x) => x.f),
    );
  // low items go with the high and medium ones only while nothing of those is cut
  const withLow = plan.low && kept === null;
  const shownOf = (g: FindingGroup) =>
    g.findings.filter((f) => (f.level === 'low' ? withLow : kept === null || kept.has(f)));
  // the legend names only the rules of the items shown
  const rules = new Map<string, string>();
  for (const g of groups)
    for (const f of shownOf(g)) if (legend.has(f.rule)) rules.set(f.rule, legend.get(f.rule) ?? '');
  if (!out.add(...legendLines(ctx, rules))) return null;
  const movedLow = { findings: 0, exports: 0 };
  const cut: Record<FindingLevel, number> = { high: 0, medium: 0, low: 0 };
  for (const g of groups) {
    const shown = shownOf(g);
    const lows = g.findings.filter((f) => f.level === 'low').length;
    if (lows && !withLow) {
      movedLow.findings += lows;
      movedLow.exports += 1;
    }
    for (const f of g.findings) if (f.level !== 'low' && kept !== null && !kept.has(f)) cut[f.level] += 1;
    if (!shown.length) continue;
    const counts = countBy(shown, FINDING_LEVELS, (f) => f.level);
    const fits = out.add(
      '',
      counts.high ? '<details open>' : '<details>',
      groupSummary(ctx, g, counts),
      '',
      ...shown.flatMap((f) => findingItem(ctx, f, legend, plan.short)),
      '',
      '</details>',
    );
    if (!fits) return null;
  }
  if (movedLow.findings)
    out.add(
      '',
      `🟡 **${plural(movedLow.findings, 'low finding')} on ${plural(movedLow.exports, 'export')} moved to ${fullReport}** to fit this comment.`,
    );
  if (cut.high || cut.medium)
    out.add(
      '',
      `⚠️ **${cut.high} high and ${cut.medium} medium open findings are not in this comment:** even in their most compact form they would not fit GitHub's 65,536-character limit. ${fullReport[0].toUpperCase()}${fullReport.slice(1)} has the whole checklist.`,
    );
  return out.lines;
}

type VerifiedMode = 'text' | 'locations' | 'counts';

function evidenceRef(ctx: Context, e: Evidence, withText: boolean): string {
  const where = location(ctx, e.file, e.line, ctx.headSha, withText);
  if (!withText) return where || '?';
  const what = richText(e.what, MAX_EVIDENCE_TEXT);
  return where ? `${what} (${where})` : what;
}

function verifiedLine(ctx: Context, g: FindingGroup, withText: boolean): string {
  const parts = g.findings.map((f) => {
    const evidence = f.evidence ?? [];
    const shown = evidence.slice(0, MAX_EVIDENCE).map((e) => evidenceRef(ctx, e, withText));
    if (evidence.length > shown.length) shown.push(`${evidence.length - shown.length} more`);
    const proof = shown.length ? shown.join('; ') : 'no evidence recorded';
    return `${inlineCode(f.rule, 100)} ${withText ? `— ${proof}` : `(${proof})`}`;
  });
  return `- ${exportName(g.symbol, g.name)}: ${parts.join(withText ? ' · ' : ', ')}`;
}

/** The verified findings: one line per export, or counts per rule; null past the budget. */
function verifiedSection(
  ctx: Context,
  groups: FindingGroup[],
  mode: VerifiedMode,
  fullReport: string,
): string[] | null {
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  if (!total) return [];
  const title = `✅ ${plural(total, 'finding')} verified by the code, on ${plural(groups.length, 'export')}`;
  if (mode === 'counts') {
    const byRule = groupBy(
      groups.flatMap((g) => g.findings),
      (f) => f.rule,
    );
    const rules = [...byRule.keys()].sort(cmp);
    const shown = rules.slice(0, 30).map((r) => `${inlineCode(r, 100)} × ${byRule.get(r)?.length ?? 0}`);
    if (rules.length > shown.length) shown.push(`… and ${plural(rules.length - shown.length, 'rule')} more`);
    return ['', `**${title}** (${shown.join(', ')}); the evidence is in ${fullReport}.`];
  }
  const out = new Bounded(ctx.budget);
  out.add('', '<details>', `<summary>${htmlText(title, 200)}</summary>`, '');
  for (const g of groups) if (!out.add(verifiedLine(ctx, g, mode === 'text'))) return null;
  out.add('', '</details>');
  return out.lines;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

function diagnosticLine(d: Diagnostic): string {
  const where = d.file ? ` (${inlineText(d.line ? `${d.file}:${d.line}` : d.file, MAX_NAME)})` : '';
  return `- **${d.level === 'error' ? 'error' : 'warning'}** ${inlineCode(d.code, 60)} — ${inlineText(d.message, MAX_MESSAGE)}${where}`;
}

function diagnosticsSection(report: DiffReport, detail: boolean): string[] {
  const ds = report.diagnostics;
  if (!ds.length) return [];
  const errors = ds.filter((d) => d.level === 'error').length;
  const title = `Diagnostics: ${plural(errors, 'error')}, ${plural(ds.length - errors, 'warning')}`;
  if (!detail) {
    const byCode = groupBy(ds, (d) => d.code);
    const codes = [...byCode.keys()].sort(cmp);
    const shown = codes.slice(0, 20).map((c) => `${inlineCode(c, 60)} × ${byCode.get(c)?.length ?? 0}`);
    if (codes.length > shown.length) shown.push(`… and ${plural(codes.length - shown.length, 'code')} more`);
    return ['', `**${title}** (${shown.join(', ')})`];
  }
  const ordered = [...ds].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  const shown = ordered.slice(0, MAX_DIAGNOSTICS).map(diagnosticLine);
  if (ordered.length > shown.length) shown.push(`- … and ${ordered.length - shown.length} more`);
  return ['', '<details>', `<summary>${title}</summary>`, '', ...shown, '', '</details>'];
}

// ---------------------------------------------------------------------------------------------
// Plans: how the report degrades to fit

interface Plan {
  verified: VerifiedMode;
  low: boolean;
  diagnostics: boolean;
  changes: ChangeMode;
  shortFindings: boolean;
  /** Most high and medium checklist items. */
  limit: number;
}

/**
 * The renderings tried in order, the first that fits wins:
 * 1. everything;
 * 2. verified findings without the evidence text (rule ids and file:line);
 * 3. verified findings as counts per rule;
 * 4. open low findings moved out (counted);
 * 5. diagnostics as counts per code;
 * 6. the change list as one line per export (kind, name, where, rule ids);
 * 7. checklist items compact (message cut at 160 characters, locations not linked);
 * 8. the change list as export names only (at most a quarter of `maxChars`, the rest counted);
 * then, only if that still does not fit, as many high and medium items as fit (high first), the
 * rest counted with a pointer to the full report; and for a `maxChars` too small even for the
 * header, whole lines while they fit.
 */
const PLANS: Plan[] = (() => {
  const base: Plan = {
    verified: 'text',
    low: true,
    diagnostics: true,
    changes: 'full',
    shortFindings: false,
    limit: Infinity,
  };
  const steps: Partial<Plan>[] = [
    {},
    { verified: 'locations' },
    { verified: 'counts' },
    { low: false },
    { diagnostics: false },
    { changes: 'line' },
    { shortFindings: true },
    { changes: 'names' },
  ];
  const out: Plan[] = [];
  let p = base;
  for (const s of steps) out.push((p = { ...p, ...s }));
  return out;
})();

/** What the report holds that a plan can shorten. */
interface Amounts {
  verified: number;
  low: number;
  diagnostics: number;
  highMedium: number;
}

function shortenedParts(plan: Plan, n: Amounts, hardCut: boolean): string[] {
  const out: string[] = [];
  if (n.verified && plan.verified === 'locations') out.push('verified findings without their evidence text');
  if (n.verified && plan.verified === 'counts') out.push('verified findings as counts');
  if (!plan.low && n.low) out.push(`${plural(n.low, 'low finding')} moved out`);
  if (!plan.diagnostics && n.diagnostics) out.push('diagnostics as counts');
  if (plan.changes === 'line') out.push('one line per changed export');
  if (plan.changes === 'names') out.push('changed exports by name only');
  if (plan.shortFindings) out.push('compact checklist items');
  if (plan.limit !== Infinity) out.push('checklist cut');
  if (hardCut) out.push('cut at the size limit');
  return out;
}

function shortenedNotice(options: MarkdownOptions, parts: string[]): string {
  const href = options.summaryUrl ? safeUrl(options.summaryUrl) : null;
  const name = inlineText(options.fullReportName ?? 'the job summary', 100);
  const where = href && href.length <= 500 ? link(name, href) : name;
  return `⚠️ **This report was shortened to fit in a comment** (${parts.join(', ')}). The full report is in ${where}.`;
}

function join(lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** `join(lines).length`, without building the string. */
function sizeOf(lines: string[]): number {
  let n = 0;
  for (const l of lines) n += l.length + 1;
  return n;
}

/** Renders the body for a plan; each section variant is escaped once and reused across plans. */
function bodyRenderer(
  ctx: Context,
  options: MarkdownOptions,
): { render: (plan: Plan) => string[] | null; amounts: Amounts } {
  const { report } = ctx;
  const fullReport = inlineText(options.fullReportName ?? 'the job summary', 100);
  const cGroups = changeGroups(report.changes);
  const open = report.findings.filter((f) => !isVerified(f));
  const verified = report.findings.filter(isVerified);
  const openGroups = findingGroups(open);
  const verifiedGroups = findingGroups(verified);
  const legend = legendTexts(open);
  const top = header(ctx, cGroups.length, options.approval);
  const namesBudget = Math.floor(Math.min(ctx.budget, 4_000_000) * NAMES_SHARE);

  const changes = new Map<ChangeMode, () => string[] | null>(
    (['full', 'line', 'names'] as const).map((m) => [
      m,
      once(() => changeSection(ctx, cGroups, m, namesBudget, fullReport)),
    ]),
  );
  const verifiedParts = new Map<VerifiedMode, () => string[] | null>(
    (['text', 'locations', 'counts'] as const).map((m) => [
      m,
      once(() => verifiedSection(ctx, verifiedGroups, m, fullReport)),
    ]),
  );
  const checklists = new Map<string, string[] | null>();
  const checklist = (p: ChecklistPlan) => {
    const key = `${p.low}/${p.short}/${p.limit}`;
    if (!checklists.has(key)) {
      // only the unlimited variants are worth keeping: the binary search asks for each limit once
      const value = checklistSection(ctx, openGroups, legend, p, fullReport);
      if (p.limit !== Infinity) return value;
      checklists.set(key, value);
    }
    return checklists.get(key) ?? null;
  };
  const diagnostics = once(() => diagnosticsSection(report, true));
  const diagnosticCounts = once(() => diagnosticsSection(report, false));
  const footer = ['', `*${inlineText(report.tool.name, 60)} ${inlineText(report.tool.version, 30)}*`];

  const render = (plan: Plan): string[] | null => {
    const lines: string[] = [];
    append(lines, top);
    if (report.changes.length) {
      const c = changes.get(plan.changes)?.();
      if (!c) return null;
      append(lines, c);
    }
    if (open.length) {
      const c = checklist({ low: plan.low, short: plan.shortFindings, limit: plan.limit });
      if (!c) return null;
      append(lines, c);
    }
    const v = verifiedParts.get(plan.verified)?.();
    if (!v) return null;
    append(lines, v);
    append(lines, plan.diagnostics ? diagnostics() : diagnosticCounts());
    append(lines, footer);
    return lines;
  };
  return {
    render,
    amounts: {
      verified: verified.length,
      low: open.filter((f) => f.level === 'low').length,
      diagnostics: report.diagnostics.length,
      highMedium: open.filter((f) => f.level !== 'low').length,
    },
  };
}

/** Renders the report as Markdown of at most `maxChars` characters (UTF-16 code units). */
export function renderMarkdown(report: DiffReport, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!Number.isInteger(maxChars) || maxChars < MIN_MAX_CHARS)
    throw new RangeError(`maxChars must be an integer of at least ${MIN_MAX_CHARS}`);
  if (options.marker !== undefined && !validMarker(options.marker))
    throw new Error(`the marker must be one line of the form '${MARKER_PREFIX} … -->'`);
  const repo = options.repoUrl && safeUrl(options.repoUrl) ? options.repoUrl : null;
  const ctx: Context = {
    report,
    repo,
    headSha: isSha(options.headSha) ? options.headSha : isSha(report.head.rev) ? report.head.rev : null,
    baseSha: isSha(report.base.rev) ? report.base.rev : null,
    docs: options.docsUrl && safeUrl(options.docsUrl) ? options.docsUrl.replace(/#.*$/, '') : null,
    versions: new Map(report.crates.map((c) => [c.name, c])),
    budget: maxChars,
    manyCrates: new Set([...report.changes, ...report.findings].map((c) => c.crate)).size > 1,
  };
  const head = options.marker !== undefined ? [options.marker, ''] : [];
  const body = bodyRenderer(ctx, options);
  /** The whole output for a plan, or null when a section alone is over the budget. */
  const lines = (plan: Plan, shortened: boolean, hardCut = false): string[] | null => {
    const b = body.render(plan);
    if (!b) return null;
    const out = [...head];
    append(out, b);
    if (shortened) out.push('', shortenedNotice(options, shortenedParts(plan, body.amounts, hardCut)));
    return out;
  };

  for (let i = 0; i < PLANS.length; i++) {
    const out = lines(PLANS[i], i > 0);
    if (out && sizeOf(out) <= maxChars) return join(out);
  }
  // even the most compact checklist is too long: as many high and medium items as fit
  const last = PLANS[PLANS.length - 1];
  let lo = 0;
  let hi = body.amounts.highMedium;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const out = lines({ ...last, limit: mid }, true);
    if (out && sizeOf(out) <= maxChars) lo = mid;
    else hi = mid - 1;
  }
  const plan = { ...last, limit: lo };
  const out = lines(plan, true);
  if (out && sizeOf(out) <= maxChars) return join(out);
  // still too long (a tiny maxChars): whole lines while they fit, then the notice
  const notice = ['', shortenedNotice(options, shortenedParts(plan, body.amounts, true))];
  const kept: string[] = [];
  let size = sizeOf(notice);
  for (const l of [...head, ...(body.render(plan) ?? [])]) {
    if (size + l.length + 1 > maxChars) break;
    kept.push(l);
    size += l.length + 1;
  }
  append(kept, notice);
  return join(kept);
}
