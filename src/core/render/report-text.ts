/**
 * The diff report for terminals (`diff --format text`): the same content as the Markdown report,
 * plain. Every untrusted string goes through {@link term}, so that control characters, ANSI
 * escape sequences, bidi overrides and line separators in a name cannot forge output.
 */
import type { Change, DiffReport, Finding, FindingLevel, Severity } from '../report';
import { FINDING_LEVELS, isVerified, SEVERITIES } from '../report';
import { reveal } from './escape-markdown';
import { printable } from './surface-text';

/** A terminal-safe rendering of an untrusted string (one line, no escape sequences, nothing hidden). */
export function term(s: string): string {
  return printable(reveal(s).text);
}

const SEVERITY_TITLE: Record<Severity, string> = {
  breaking: 'breaking',
  'source-breaking': 'source-breaking',
  'potentially-breaking': 'potentially breaking',
  addition: 'addition',
  'non-abi': 'non-ABI',
};

/** Evidence entries shown per verified finding. */
const MAX_EVIDENCE = 3;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function count<T>(items: T[], pred: (t: T) => boolean): number {
  return items.filter(pred).length;
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

function where(file: string, line: number): string {
  if (!file) return '';
  return Number.isInteger(line) && line > 0 ? `${term(file)}:${line}` : term(file);
}

function exportName(symbol: string | undefined, name: string): string {
  return symbol !== undefined && symbol !== name
    ? `${term(symbol)} (Rust ${term(name)})`
    : term(symbol ?? name);
}

function changeLines(c: Change): string[] {
  const loc = where(c.file, c.line);
  const lines = [
    `    ${term(c.rule)}  ${term(c.kind)} ${exportName(c.symbol, c.name)}${loc ? `  ${loc}` : ''}`,
  ];
  lines.push(`      ${term(c.message)}`);
  if (c.before !== null) lines.push(`      before: ${term(c.before)}`);
  if (c.after !== null) lines.push(`      after:  ${term(c.after)}`);
  if (c.consumers?.length)
    lines.push(`      called from ${c.consumers.map((u) => where(u.file, u.line)).join(', ')}`);
  return lines;
}

function crateTitle(report: DiffReport, crate: string): string {
  const v = report.crates.find((c) => c.name === crate);
  const name = crate ? `crate ${term(crate)}` : 'no crate';
  if (!v) return name;
  const base = v.baseVersion === null ? 'new' : term(v.baseVersion);
  const head = v.headVersion === null ? 'removed' : term(v.headVersion);
  return v.baseVersion === v.headVersion ? `${name} ${base}` : `${name} ${base} → ${head}`;
}

function findingGroups(findings: Finding[]): Finding[][] {
  const rank = (l: FindingLevel) => FINDING_LEVELS.indexOf(l);
  const groups = [...groupBy(findings, (f) => `${f.crate}\u0000${f.symbol}`).values()].map((list) =>
    [...list].sort((a, b) => rank(a.level) - rank(b.level)),
  );
  const levels = (g: Finding[]) => FINDING_LEVELS.map((l) => count(g, (f) => f.level === l));
  return groups.sort((a, b) => {
    const la = levels(a);
    const lb = levels(b);
    return (
      lb[0] - la[0] ||
      lb[1] - la[1] ||
      lb[2] - la[2] ||
      cmp(a[0].crate, b[0].crate) ||
      cmp(a[0].symbol, b[0].symbol)
    );
  });
}

/** Renders the report as plain text for a terminal. */
export function renderText(report: DiffReport): string {
  const lines: string[] = ['FFI surface review', ''];
  const bySeverity = (s: Severity) => count(report.changes, (c) => c.severity === s);
  const open = report.findings.filter((f) => !isVerified(f));
  const verified = report.findings.filter(isVerified);
  if (!report.changes.length) lines.push('No change to the FFI surface. Required semver bump: none.');
  else {
    const findings = report.findings.length
      ? `${plural(open.length, 'finding')} to review (${FINDING_LEVELS.map((l) => `${count(open, (f) => f.level === l)} ${l}`).join(', ')})${verified.length ? `, ${verified.length} verified by the code` : ''}`
      : 'no findings';
    lines.push(
      `Required semver bump: ${term(report.requiredBump)}; ${plural(report.changes.length, 'change')} (${SEVERITIES.filter(
        (s) => s !== 'source-breaking' || bySeverity(s) > 0,
      )
        .map((s) =>
          s === 'addition' ? plural(bySeverity(s), 'addition') : `${bySeverity(s)} ${SEVERITY_TITLE[s]}`,
        )
        .join(', ')}); ${findings}`,
    );
  }
  const errors = count(report.diagnostics, (d) => d.level === 'error');
  if (errors)
    lines.push(`WARNING: ${plural(errors, 'error')} during analysis: the surface may be incomplete.`);
  lines.push(
    `base ${term(report.base.rev)} → head ${term(report.head.rev)}; delta digest ${term(report.deltaDigest)}`,
  );

  if (report.changes.length) {
    lines.push('', 'Changes:');
    const width = Math.max(...SEVERITIES.map((s) => SEVERITY_TITLE[s].length));
    for (const s of SEVERITIES) lines.push(`  ${SEVERITY_TITLE[s].padEnd(width)}  ${bySeverity(s)}`);
    const groups = groupBy(report.changes, (c) => c.severity);
    for (const s of SEVERITIES) {
      const list = groups.get(s);
      if (!list) continue;
      lines.push('', `${SEVERITY_TITLE[s][0].toUpperCase()}${SEVERITY_TITLE[s].slice(1)} (${list.length}):`);
      const byCrate = groupBy(list, (c) => c.crate);
      for (const crate of [...byCrate.keys()].sort(cmp)) {
        lines.push(`  ${crateTitle(report, crate)}`);
        for (const c of byCrate.get(crate) ?? []) lines.push(...changeLines(c));
      }
    }
  }

  if (open.length) {
    lines.push(
      '',
      `Review checklist (${plural(open.length, 'finding')}; approval comes only from a pull-request review):`,
    );
    for (const g of findingGroups(open)) {
      const first = g[0];
      const loc = where(first.file, first.line);
      const crate = first.crate ? ` in crate ${term(first.crate)}` : '';
      lines.push(`  ${exportName(first.symbol, first.name)}${crate}${loc ? `  ${loc}` : ''}`);
      for (const f of g) {
        lines.push(`    [ ] ${term(f.level).padEnd(6)} ${term(f.rule)}: ${term(f.message)}`);
        lines.push(`               confirm: ${term(f.checklist)}`);
      }
    }
  }

  if (verified.length) {
    lines.push(
      '',
      `Verified by the code (${plural(verified.length, 'finding')}; the evidence, at file:line):`,
    );
    for (const g of findingGroups(verified)) {
      const first = g[0];
      const parts = g.map((f) => {
        const evidence = f.evidence ?? [];
        const shown = evidence.slice(0, MAX_EVIDENCE).map((e) => where(e.file, e.line) || term(e.what));
        if (evidence.length > shown.length) shown.push(`${evidence.length - shown.length} more`);
        return `${term(f.rule)} (${shown.length ? shown.join('; ') : 'no evidence recorded'})`;
      });
      lines.push(`  ${exportName(first.symbol, first.name)}: ${parts.join(', ')}`);
    }
  }

  if (report.diagnostics.length) {
    lines.push(
      '',
      `Diagnostics (${plural(errors, 'error')}, ${plural(report.diagnostics.length - errors, 'warning')}):`,
    );
    for (const d of report.diagnostics) {
      const loc = d.file ? ` (${where(d.file, d.line ?? 0)})` : '';
      lines.push(`  ${d.level === 'error' ? 'error' : 'warning'} ${term(d.code)}: ${term(d.message)}${loc}`);
    }
  }
  lines.push('', `${term(report.tool.name)} ${term(report.tool.version)}`);
  return lines.join('\n') + '\n';
}
