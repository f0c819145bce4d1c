/**
 * The diff report as GitHub-Flavoured Markdown: the sticky PR comment and the job summary
 * (SPEC sections 3 and 6).
 *
 * Everything taken from the report or the options is untrusted and goes through
 * `escape-markdown`; the only raw HTML in the output is what this file writes itself (the marker
 * the caller supplies, `<details>`/`<summary>` around the diagnostics). The output is deterministic
 * and bounded by `maxChars`: when the full rendering is too long it degrades in steps and ends with
 * a line saying so and where the full report is.
 */
import type { Change, DiffReport, Finding, FindingLevel, Severity } from '../report';
import { FINDING_LEVELS, SEVERITIES } from '../report';
import type { Diagnostic } from '../model';
import { inlineCode, inlineText, link, reveal, richText, safeUrl, tableCell } from './escape-markdown';

export interface MarkdownOptions {
  /** The repository's web URL, e.g. `https://github.com/o/r`; with `headSha`, locations become links. */
  repoUrl?: string;
  /** The commit the head surface was read from (hex). */
  headSha?: string;
  /** The hidden first line, e.g. `<!-- ffi-surface-guard v1 {...} -->`; emitted verbatim. */
  marker?: string;
  /**
   * The approval state and lines such as who may approve (untrusted text, escaped here), and the
   * review policy's outcome: whether this delta needs an approval at all, in one line.
   */
  approval?: { state: string; lines: string[]; policy?: { needed: boolean; summary: string } };
  /** Upper bound on the length of the output (default 60000; GitHub rejects comments over 65536). */
  maxChars?: number;
  /** Where the full report is (the job summary); named in the truncation notice. */
  summaryUrl?: string;
  /** The tool's documentation page; rule ids link to its `#rule-<id>` anchors. */
  docsUrl?: string;
}

export const DEFAULT_MAX_CHARS = 60000;
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
const LEVEL_BADGE: Record<FindingLevel, string> = {
  high: '🔴 **high**',
  medium: '🟠 **medium**',
  low: '🟡 **low**',
};
const MAX_NAME = 200;
const MAX_SIGNATURE = 1000;
const MAX_MESSAGE = 1000;
const MAX_APPROVAL_LINES = 20;
const MAX_DIAGNOSTICS = 50;

/** Code-unit order: deterministic, locale-independent. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function countBy<T, K extends string>(items: T[], keys: K[], key: (t: T) => K): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const t of items) out[key(t)] += 1;
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

function validMarker(marker: string): boolean {
  return (
    marker.startsWith(MARKER_PREFIX) &&
    marker.endsWith('-->') &&
    marker.indexOf('-->') === marker.length - 3 &&
    marker.indexOf('<!--', 1) === -1 &&
    !/[\r\n\u2028\u2029]/.test(marker)
  );
}

interface Context {
  report: DiffReport;
  repo: string | null;
  headSha: string | null;
  baseSha: string | null;
  docs: string | null;
  versions: Map<string, { baseVersion: string | null; headVersion: string | null }>;
  /** `maxChars`: a section that grows past it is abandoned (it cannot fit), so work stays bounded. */
  budget: number;
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

/** `file:line`, linked when the commit it refers to is known; empty when there is no file. */
function location(ctx: Context, file: string, line: number, sha: string | null): string {
  if (!file) return '';
  const label = inlineText(Number.isInteger(line) && line > 0 ? `${file}:${line}` : file, MAX_NAME);
  const url = ctx.repo && sha ? blobUrl(ctx.repo, sha, file, line) : null;
  return url ? link(label, url) : label;
}

function ruleRef(ctx: Context, rule: string): string {
  const code = inlineCode(rule, 100);
  return ctx.docs && /^[a-z0-9][a-z0-9-]*$/.test(rule) ? link(code, `${ctx.docs}#rule-${rule}`) : code;
}

function exportName(symbol: string | undefined, name: string): string {
  return symbol !== undefined && symbol !== name
    ? `${inlineCode(symbol, MAX_NAME)} (Rust ${inlineCode(name, MAX_NAME)})`
    : inlineCode(symbol ?? name, MAX_NAME);
}

function crateTitle(ctx: Context, crate: string): string {
  const v = ctx.versions.get(crate);
  const name = crate ? `Crate ${inlineCode(crate, MAX_NAME)}` : 'No crate';
  if (!v) return name;
  const base = v.baseVersion === null ? 'new' : inlineCode(v.baseVersion, 50);
  const head = v.headVersion === null ? 'removed' : inlineCode(v.headVersion, 50);
  return v.baseVersion === v.headVersion ? `${name} ${base}` : `${name} ${base} → ${head}`;
}

function verdict(report: DiffReport): string[] {
  const bySeverity = countBy(report.changes, SEVERITIES, (c) => c.severity);
  const byLevel = countBy(report.findings, FINDING_LEVELS, (f) => f.level);
  const lines: string[] = [];
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
      ? `${plural(report.findings.length, 'finding')} to review (${FINDING_LEVELS.map((l) => `${byLevel[l]} ${l}`).join(', ')})`
      : 'no findings';
    lines.push(
      `**Required semver bump: ${inlineText(report.requiredBump, 10)}** · ${plural(report.changes.length, 'change')} (${parts.join(', ')}) · ${findings}`,
    );
  }
  const errors = report.diagnostics.filter((d) => d.level === 'error').length;
  if (errors)
    lines.push(
      '',
      `⚠️ **${plural(errors, 'error')} during analysis:** the surface may be incomplete — see the diagnostics below.`,
    );
  lines.push(
    '',
    `Base ${inlineCode(report.base.rev, 64)} → head ${inlineCode(report.head.rev, 64)} · delta digest ${inlineCode(report.deltaDigest, 80)}`,
  );
  return lines;
}

function approvalSection(approval: NonNullable<MarkdownOptions['approval']>): string[] {
  const lines = ['', `**Approval:** ${inlineText(approval.state, 300)}`];
  if (approval.policy) lines.push('', `**Review policy:** ${inlineText(approval.policy.summary, 400)}`);
  const shown = approval.lines.slice(0, MAX_APPROVAL_LINES);
  if (shown.length) lines.push('');
  for (const l of shown) lines.push(`- ${inlineText(l, 300)}`);
  if (approval.lines.length > shown.length)
    lines.push(`- … and ${approval.lines.length - shown.length} more`);
  return lines;
}

function summaryTable(report: DiffReport): string[] {
  const bySeverity = countBy(report.changes, SEVERITIES, (c) => c.severity);
  return [
    '',
    '| Severity | Changes |',
    '| --- | ---: |',
    ...SEVERITIES.map((s) => `| ${SEVERITY_TITLE[s]} | ${bySeverity[s]} |`),
  ];
}

function changeLines(ctx: Context, c: Change): string[] {
  const removal = c.before !== null && c.after === null;
  const where = location(ctx, c.file, c.line, removal ? ctx.baseSha : ctx.headSha);
  const lines = [
    `- ${ruleRef(ctx, c.rule)} ${inlineText(c.kind, 20)} ${exportName(c.symbol, c.name)} — ${richText(c.message, MAX_MESSAGE)}${where ? ` (${where})` : ''}`,
  ];
  if (c.before !== null) lines.push(`  - before: ${inlineCode(c.before, MAX_SIGNATURE)}`);
  if (c.after !== null) lines.push(`  - after: ${inlineCode(c.after, MAX_SIGNATURE)}`);
  if (c.consumers?.length)
    lines.push(
      `  - called from ${c.consumers.map((u) => location(ctx, u.file, u.line, ctx.headSha)).join(', ')}`,
    );
  return lines;
}

/** Lines that are abandoned (null) once they grow past the budget. */
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

function changeDetails(ctx: Context, severity: Severity, changes: Change[]): string[] | null {
  const out = new Bounded(ctx.budget);
  out.add('', `### ${SEVERITY_TITLE[severity]} (${changes.length})`);
  const byCrate = groupBy(changes, (c) => c.crate);
  for (const crate of [...byCrate.keys()].sort(cmp)) {
    if (!out.add('', `#### ${crateTitle(ctx, crate)}`, '')) return null;
    for (const c of byCrate.get(crate) ?? []) if (!out.add(...changeLines(ctx, c))) return null;
  }
  return out.lines;
}

interface CountTable {
  /** The table with at most `limit` rows, and a last line saying how many were left out. */
  render(limit: number): string[];
}

/**
 * A table whose rows are rendered only while they could fit: `row(i)` for i < total, until their
 * size passes the budget (a rendering with all of those rows cannot fit, so fewer are asked for).
 */
function countTable(
  ctx: Context,
  head: string[],
  total: number,
  row: (i: number) => string,
  what: string,
): CountTable {
  const rows = new Bounded(ctx.budget);
  for (let i = 0; i < total; i++) if (!rows.add(row(i))) break;
  return {
    render: (limit) => {
      const shown = Math.min(limit, rows.lines.length);
      // the head ends with the table's header and delimiter rows: no rows, no table
      const out = shown > 0 ? [...head] : head.slice(0, -2);
      for (let i = 0; i < shown; i++) out.push(rows.lines[i]);
      const rest = total - shown;
      const noun = rest === 1 ? what : `${what}s`;
      if (shown === 0) out.push(`${rest} ${noun}, not shown.`);
      else if (rest > 0) out.push('', `… and ${rest} more ${noun}.`);
      return out;
    },
  };
}

function changeCountTable(ctx: Context): CountTable {
  const byCrate = groupBy(ctx.report.changes, (c) => c.crate);
  const crates = [...byCrate.keys()].sort(cmp);
  const row = (i: number) => {
    const n = countBy(byCrate.get(crates[i]) ?? [], SEVERITIES, (c) => c.severity);
    return `| ${crates[i] ? tableCell(crates[i]) : '*(none)*'} | ${SEVERITIES.map((s) => n[s]).join(' | ')} |`;
  };
  const head = [
    '',
    '### Changes by crate',
    '',
    `| Crate | ${SEVERITIES.map((s) => SEVERITY_TITLE[s]).join(' | ')} |`,
    `| --- | ${SEVERITIES.map(() => '---:').join(' | ')} |`,
  ];
  return countTable(ctx, head, crates.length, row, 'crate');
}

interface ExportGroup {
  crate: string;
  symbol: string;
  findings: Finding[];
  counts: Record<FindingLevel, number>;
}

function exportGroups(findings: Finding[]): ExportGroup[] {
  const rank = (l: FindingLevel) => FINDING_LEVELS.indexOf(l);
  const groups = [...groupBy(findings, (f) => `${f.crate}\u0000${f.symbol}`).values()].map((list) => ({
    crate: list[0].crate,
    symbol: list[0].symbol,
    // stable: input order within a level
    findings: [...list].sort((a, b) => rank(a.level) - rank(b.level)),
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

const CHECKBOX_NOTE =
  '> Checkboxes are informational: ticking them approves nothing. Approval comes only from an approving pull-request review by a designated reviewer who is not the author, on this exact surface.';

function findingDetails(ctx: Context, groups: ExportGroup[]): string[] | null {
  const out = new Bounded(ctx.budget);
  out.add('', `### Review checklist (${plural(ctx.report.findings.length, 'finding')})`, '', CHECKBOX_NOTE);
  for (const g of groups) {
    const first = g.findings[0];
    const where = location(ctx, first.file, first.line, ctx.headSha);
    const crate = g.crate ? ` in crate ${inlineCode(g.crate, MAX_NAME)}` : '';
    if (!out.add('', `#### ${exportName(g.symbol, first.name)}${crate}${where ? ` · ${where}` : ''}`, ''))
      return null;
    for (const f of g.findings) {
      const fits = out.add(
        `- [ ] ${LEVEL_BADGE[f.level]} ${ruleRef(ctx, f.rule)} — ${richText(f.message, MAX_MESSAGE)}\\`,
        `  **Confirm:** ${richText(f.checklist, MAX_MESSAGE)}`,
      );
      if (!fits) return null;
    }
  }
  return out.lines;
}

function findingCountTable(ctx: Context, groups: ExportGroup[]): CountTable {
  const row = (i: number) => {
    const g = groups[i];
    return `| ${tableCell(g.symbol)} | ${g.crate ? tableCell(g.crate) : '*(none)*'} | ${FINDING_LEVELS.map((l) => g.counts[l]).join(' | ')} |`;
  };
  const head = [
    '',
    `### Review checklist (${plural(ctx.report.findings.length, 'finding')} on ${plural(groups.length, 'export')})`,
    '',
    CHECKBOX_NOTE,
    '',
    '| Export | Crate | 🔴 high | 🟠 medium | 🟡 low |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  return countTable(ctx, head, groups.length, row, 'export');
}

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

interface Plan {
  nonAbiDetail: boolean;
  changeDetail: boolean;
  findingDetail: boolean;
  diagnosticDetail: boolean;
  /** Most rows in the count tables. */
  rows: number;
}

const PLANS: Plan[] = [
  { nonAbiDetail: true, changeDetail: true, findingDetail: true, diagnosticDetail: true, rows: Infinity },
  { nonAbiDetail: false, changeDetail: true, findingDetail: true, diagnosticDetail: true, rows: Infinity },
  { nonAbiDetail: false, changeDetail: false, findingDetail: true, diagnosticDetail: true, rows: Infinity },
  { nonAbiDetail: false, changeDetail: false, findingDetail: false, diagnosticDetail: false, rows: Infinity },
];

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

/** Renders the body for a plan; each section is escaped once and reused across plans. */
function bodyRenderer(ctx: Context, approval: MarkdownOptions['approval']): (plan: Plan) => string[] | null {
  const { report } = ctx;
  const top = once(() => {
    const lines = ['## FFI surface review', '', ...verdict(report)];
    if (approval) append(lines, approvalSection(approval));
    if (report.changes.length) append(lines, summaryTable(report));
    return lines;
  });
  const bySeverity = once(() => groupBy(report.changes, (c) => c.severity));
  const severityDetail = once(
    () => new Map([...bySeverity()].map(([s, list]) => [s, changeDetails(ctx, s as Severity, list)])),
  );
  const changeTable = once(() => changeCountTable(ctx));
  const groups = once(() => exportGroups(report.findings));
  const findingDetail = once(() => findingDetails(ctx, groups()));
  const findingTable = once(() => findingCountTable(ctx, groups()));
  const diagnostics = once(() => diagnosticsSection(report, true));
  const diagnosticCounts = once(() => diagnosticsSection(report, false));
  const footer = ['', `*${inlineText(report.tool.name, 60)} ${inlineText(report.tool.version, 30)}*`];

  return (plan) => {
    const lines: string[] = [];
    append(lines, top());
    if (report.changes.length) {
      if (plan.changeDetail) {
        for (const s of SEVERITIES) {
          const list = bySeverity().get(s);
          if (!list) continue;
          if (s === 'non-abi' && !plan.nonAbiDetail)
            append(lines, [
              '',
              `### ${SEVERITY_TITLE[s]} (${list.length})`,
              '',
              'Details left out of this comment.',
            ]);
          else {
            const detail = severityDetail().get(s);
            if (!detail) return null;
            append(lines, detail);
          }
        }
      } else append(lines, changeTable().render(plan.rows));
    }
    if (report.findings.length) {
      const findings = plan.findingDetail ? findingDetail() : findingTable().render(plan.rows);
      if (!findings) return null;
      append(lines, findings);
    }
    append(lines, plan.diagnosticDetail ? diagnostics() : diagnosticCounts());
    append(lines, footer);
    return lines;
  };
}

function truncationNotice(summaryUrl: string | undefined, dropped: string[]): string {
  const href = summaryUrl ? safeUrl(summaryUrl) : null;
  const where = href && href.length <= 500 ? link('the job summary', href) : 'the job summary';
  return `⚠️ **This report was truncated** to fit in a comment (${dropped.join(', ')}). The full report is in ${where}.`;
}

function droppedParts(plan: Plan, hardCut: boolean): string[] {
  const out: string[] = [];
  if (!plan.changeDetail) out.push('changes shown as counts');
  else if (!plan.nonAbiDetail) out.push('non-ABI change details left out');
  if (!plan.findingDetail) out.push('findings shown as counts per export');
  if (!plan.diagnosticDetail) out.push('diagnostics shown as counts');
  if (plan.rows !== Infinity) out.push('table rows cut');
  if (hardCut) out.push('cut at the size limit');
  return out;
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
  };
  const head = options.marker !== undefined ? [options.marker, ''] : [];
  const body = bodyRenderer(ctx, options.approval);
  /** The whole output for a plan, or null when a section alone is over the budget. */
  const lines = (plan: Plan, truncated: boolean, hardCut = false): string[] | null => {
    const b = body(plan);
    if (!b) return null;
    const out = [...head];
    append(out, b);
    if (truncated) out.push('', truncationNotice(options.summaryUrl, droppedParts(plan, hardCut)));
    return out;
  };

  for (let i = 0; i < PLANS.length; i++) {
    const out = lines(PLANS[i], i > 0);
    if (out && sizeOf(out) <= maxChars) return join(out);
  }
  // the count tables themselves are too long: keep as many rows as fit
  const last = PLANS[PLANS.length - 1];
  let lo = 0;
  let hi = Math.max(report.changes.length, report.findings.length);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const out = lines({ ...last, rows: mid }, true);
    if (out && sizeOf(out) <= maxChars) lo = mid;
    else hi = mid - 1;
  }
  const plan = { ...last, rows: lo };
  const out = lines(plan, true);
  if (out && sizeOf(out) <= maxChars) return join(out);
  // still too long (a tiny maxChars): whole lines while they fit, then the notice
  const notice = ['', truncationNotice(options.summaryUrl, droppedParts(plan, true))];
  const kept: string[] = [];
  let size = sizeOf(notice);
  for (const l of [...head, ...(body(plan) ?? [])]) {
    if (size + l.length + 1 > maxChars) break;
    kept.push(l);
    size += l.length + 1;
  }
  append(kept, notice);
  return join(kept);
}
