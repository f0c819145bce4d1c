/**
 * The diff report as a SARIF 2.1.0 log (`diff --format sarif`, the Action's `sarif-path`), for
 * GitHub code scanning and other SARIF viewers. Pure: a report in, a JSON-ready object out.
 *
 * - One run; `tool.driver.rules` holds every change rule, then every finding rule, with their
 *   rationale, example or checklist, default level and (findings) `security-severity`.
 * - One result per change and per open finding (unresolved entries are changes of kind
 *   `unknown`), bounded by `maxResults`; a run-level notification says how many were left out.
 * - A finding the code already answers (`status: "verified"`) is not a result. SARIF 2.1.0 has
 *   `kind: "pass"` (§3.27.9: the rule was evaluated and no problem was found; `level` must then be
 *   `"none"`), but GitHub code scanning's supported subset does not include `kind`, and the
 *   finding rules carry a `security-severity`, so a pass result could still open a (high) alert
 *   there. Leaving it out closes the alert the open finding had; a note and
 *   `properties.verifiedFindings` count them, and the JSON report holds their evidence.
 * - `partialFingerprints["ffiSurface/v1"]` hashes what the result is about — rule, crate, kind,
 *   symbol or name, before/after, the message with positions taken out — never its line, so code
 *   scanning keeps an alert (and its dismissal) when code above it moves.
 *
 * Every string from the analysed source is untrusted. `text` forms are plain text (SARIF is
 * JSON, nothing to escape for the format) but invisible and control characters are revealed and
 * embedded-link syntax (`[text](…)`, SARIF §3.11.6) is escaped; `markdown` forms go through the
 * Markdown escaping module, as the PR comment does.
 */
import { sha256, stableStringify } from '../digest';
import { CHANGE_RULES } from '../diff/catalogue';
import { FINDING_RULES } from '../findings/catalogue';
import type { Change, DiffReport, Finding, FindingLevel, Severity } from '../report';
import { isVerified } from '../report';
import type { Diagnostic } from '../model';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { inlineCode, inlineText, MAX_TEXT, reveal, richText, safeUrl } from './escape-markdown';

export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The `partialFingerprints` key; bump the suffix when what is hashed changes. */
export const FINGERPRINT_KEY = 'ffiSurface/v1';
export const MAX_SARIF_RESULTS = 5000;
const MAX_NOTIFICATIONS = 200;

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** Change severities as SARIF levels. */
export const SEVERITY_LEVEL: Record<Severity, SarifLevel> = {
  breaking: 'error',
  'source-breaking': 'error',
  'potentially-breaking': 'warning',
  addition: 'note',
  'non-abi': 'note',
};

/** Finding levels as SARIF levels. */
export const FINDING_SARIF_LEVEL: Record<FindingLevel, SarifLevel> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub code scanning's `security-severity` (0.0–10.0: ≥ 7 high, ≥ 4 medium, > 0 low). */
export const SECURITY_SEVERITY: Record<FindingLevel, string> = {
  high: '8.0',
  medium: '5.0',
  low: '2.0',
};

export interface SarifOptions {
  /** The tool's README (any `#fragment` is dropped); rules link to its `#rule-<id>` anchors. */
  docsUrl?: string;
  /** Prepended to every report path (the analysed root relative to the repository), e.g. `crates/ffi`. */
  uriPrefix?: string;
  /** At most this many results (default {@link MAX_SARIF_RESULTS}). */
  maxResults?: number;
}

// A minimal model of the parts of SARIF 2.1.0 written here.
export interface SarifMessage {
  text: string;
  markdown?: string;
}
export interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId: string };
  region?: { startLine: number };
}
export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: { physicalLocation: SarifPhysicalLocation }[];
  partialFingerprints: Record<string, string>;
  properties?: Record<string, unknown>;
}
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown>;
}
export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  descriptor?: { id: string };
  locations?: { physicalLocation: SarifPhysicalLocation }[];
}
export interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion: string;
        informationUri?: string;
        rules: SarifRule[];
      };
    };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
    originalUriBaseIds: Record<string, { description: SarifMessage }>;
    columnKind: string;
    results: SarifResult[];
    properties: Record<string, unknown>;
  }[];
}

/** Plain text for a SARIF `text` property: nothing hidden, no embedded link, bounded. */
export function sarifText(s: string, max: number = MAX_TEXT): string {
  const { text, truncated } = reveal(s, max);
  // `[label](target)` is an embedded link in SARIF plain text (§3.11.6): where one could be read,
  // every bracket is written `\[` / `\]` (literal); `#[cfg(test)]` alone stays as it is
  const safe = /\]\s*\(/.test(text) ? text.replace(/[[\]]/g, (c) => '\\' + c) : text;
  return safe + (truncated ? '…' : '');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `src/lib.rs` under `prefix`, percent-encoded per segment (a relative URI reference). */
function artifactUri(file: string, prefix: string): string {
  const joined = prefix ? `${prefix}/${file}` : file;
  return (
    joined
      .split('/')
      .filter((seg) => seg !== '' && seg !== '.')
      // a lone surrogate cannot be percent-encoded (encodeURIComponent throws): U+FFFD stands in
      .map((seg) => encodeURIComponent(seg.replace(LONE_SURROGATE, '\ufffd')))
      .join('/')
  );
}

function location(file: string, line: number, prefix: string): { physicalLocation: SarifPhysicalLocation }[] {
  if (!file) return [];
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: artifactUri(file, prefix), uriBaseId: '%SRCROOT%' },
        region: { startLine: Number.isInteger(line) && line >= 1 ? line : 1 },
      },
    },
  ];
}

/** A message with its positions taken out (`file.rs:12`, `line 12`), for the fingerprint. */
export function lineFree(message: string): string {
  return message.replace(/(\.rs|\.toml):\d+(:\d+)?/g, '$1').replace(/\blines? \d+(-\d+)?/g, 'line');
}

function changeFingerprint(c: Change): string {
  return sha256(
    stableStringify({
      type: 'change',
      rule: c.rule,
      crate: c.crate,
      kind: c.kind,
      id: c.symbol ?? c.name,
      before: c.before,
      after: c.after,
      message: lineFree(c.message),
      featureSets: c.featureSets,
    }),
  ).replace(/^sha256:/, '');
}

function findingFingerprint(f: Finding): string {
  return sha256(
    stableStringify({
      type: 'finding',
      rule: f.rule,
      crate: f.crate,
      id: f.symbol,
      name: f.name,
      message: lineFree(f.message),
    }),
  ).replace(/^sha256:/, '');
}

function docsBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const href = safeUrl(url);
  return href ? href.replace(/#.*$/, '') : undefined;
}

function firstSentence(s: string): string {
  const m = /^(.*?[.!?])(\s|$)/s.exec(s);
  return m ? m[1] : s;
}

function changeRules(docs: string | undefined): SarifRule[] {
  return CHANGE_RULES.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: `${r.severity}: ${firstSentence(r.rationale)}` },
    fullDescription: { text: r.rationale },
    help: {
      text: `${r.rationale}\n\nSeverity: ${r.severity}.\nExample: ${r.example}`,
      markdown: `${inlineText(r.rationale)}\n\n**Severity:** ${inlineText(r.severity)}\n\n**Example:** ${inlineCode(r.example)}`,
    },
    ...(docs ? { helpUri: `${docs}#rule-${r.id}` } : {}),
    defaultConfiguration: { level: SEVERITY_LEVEL[r.severity] },
    properties: { tags: ['ffi', 'abi', r.severity], severity: r.severity },
  }));
}

function findingRules(docs: string | undefined): SarifRule[] {
  return FINDING_RULES.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: `${r.level}: ${firstSentence(r.rationale)}` },
    fullDescription: { text: r.rationale },
    help: {
      text: `${r.rationale}\n\nThe reviewer confirms: ${r.checklist}`,
      markdown: `${inlineText(r.rationale)}\n\n**Level:** ${inlineText(r.level)}\n\n**The reviewer confirms:** ${inlineText(r.checklist)}`,
    },
    ...(docs ? { helpUri: `${docs}#rule-${r.id}` } : {}),
    defaultConfiguration: { level: FINDING_SARIF_LEVEL[r.level] },
    properties: {
      tags: ['security', 'ffi', r.level],
      'security-severity': SECURITY_SEVERITY[r.level],
      precision: 'medium',
    },
  }));
}

function exportName(symbol: string | undefined, name: string): { text: string; markdown: string } {
  if (symbol !== undefined && symbol !== '' && symbol !== name)
    return {
      text: `${sarifText(symbol, 300)} (Rust ${sarifText(name, 300)})`,
      markdown: `${inlineCode(symbol)} (Rust ${inlineCode(name)})`,
    };
  const id = symbol || name;
  return { text: sarifText(id, 300), markdown: inlineCode(id) };
}

function changeMessage(c: Change): SarifMessage {
  const who = exportName(c.symbol, c.name);
  let text = `${who.text} in crate ${sarifText(c.crate, 200)}: ${sarifText(c.message)}`;
  let markdown = `${who.markdown} in crate ${inlineCode(c.crate)}: ${richText(c.message)}`;
  if (c.before !== null || c.after !== null) {
    const b = c.before ?? '(absent)';
    const a = c.after ?? '(absent)';
    text += `\nBefore: ${sarifText(b)}\nAfter: ${sarifText(a)}`;
    markdown += `\n\n**Before:** ${c.before === null ? '*(absent)*' : inlineCode(b)}\n\n**After:** ${c.after === null ? '*(absent)*' : inlineCode(a)}`;
  }
  return { text, markdown };
}

function findingMessage(f: Finding): SarifMessage {
  const who = exportName(f.symbol, f.name);
  return {
    text: `${who.text} in crate ${sarifText(f.crate, 200)}: ${sarifText(f.message)}\nThe reviewer confirms: ${sarifText(f.checklist)}`,
    markdown: `${who.markdown} in crate ${inlineCode(f.crate)}: ${richText(f.message)}\n\n**The reviewer confirms:** ${inlineText(f.checklist)}`,
  };
}

/** Numbers equal fingerprints by order of appearance, so two equal results stay two alerts. */
function disambiguate(prints: string[]): string[] {
  const seen = new Map<string, number>();
  return prints.map((p) => {
    const n = seen.get(p) ?? 0;
    seen.set(p, n + 1);
    return n === 0 ? p : `${p}:${n}`;
  });
}

function diagnosticNotification(d: Diagnostic, prefix: string): SarifNotification {
  return {
    level: d.level === 'error' ? 'error' : 'warning',
    message: { text: sarifText(d.message) },
    descriptor: { id: d.code },
    ...(d.file ? { locations: location(d.file, d.line ?? 1, prefix) } : {}),
  };
}

export function renderSarif(report: DiffReport, options: SarifOptions = {}): SarifLog {
  const docs = docsBase(options.docsUrl);
  const prefix = (options.uriPrefix ?? '').replace(/^\.\/?$/, '').replace(/\/+$/, '');
  const max = Math.max(0, options.maxResults ?? MAX_SARIF_RESULTS);
  const rules = [...changeRules(docs), ...findingRules(docs)];
  const index = new Map<string, number>();
  rules.forEach((r, i) => {
    if (!index.has(r.id)) index.set(r.id, i);
  });

  const changePrints = disambiguate(report.changes.map(changeFingerprint));
  const findingPrints = disambiguate(report.findings.map(findingFingerprint));
  const all: SarifResult[] = [];
  const ruleIndex = (id: string) => (index.has(id) ? { ruleIndex: index.get(id) } : {});
  for (let i = 0; i < report.changes.length && all.length < max; i++) {
    const c = report.changes[i];
    all.push({
      ruleId: c.rule,
      ...ruleIndex(c.rule),
      level: SEVERITY_LEVEL[c.severity] ?? 'warning',
      message: changeMessage(c),
      locations: location(c.file, c.line, prefix),
      partialFingerprints: { [FINGERPRINT_KEY]: changePrints[i] },
      properties: {
        severity: c.severity,
        kind: c.kind,
        crate: c.crate,
        ...(c.featureSets ? { featureSets: c.featureSets } : {}),
      },
    });
  }
  for (let i = 0; i < report.findings.length && all.length < max; i++) {
    const f = report.findings[i];
    // a finding the code answers is no problem: not a result (see the module comment)
    if (isVerified(f)) continue;
    all.push({
      ruleId: f.rule,
      ...ruleIndex(f.rule),
      level: FINDING_SARIF_LEVEL[f.level] ?? 'warning',
      message: findingMessage(f),
      locations: location(f.file, f.line, prefix),
      partialFingerprints: { [FINGERPRINT_KEY]: findingPrints[i] },
      properties: { level: f.level, crate: f.crate },
    });
  }

  const notifications: SarifNotification[] = [];
  const verifiedTotal = report.findings.filter(isVerified).length;
  const total = report.changes.length + report.findings.length - verifiedTotal;
  if (total > all.length)
    notifications.push({
      level: 'warning',
      descriptor: { id: 'results-truncated' },
      message: {
        text: `${total - all.length} of ${total} changes and findings were left out of this SARIF log (at most ${max} results); the JSON report (diff --format json) has them all.`,
      },
    });
  if (verifiedTotal)
    notifications.push({
      level: 'note',
      descriptor: { id: 'verified-findings' },
      message: {
        text: `${verifiedTotal} ${verifiedTotal === 1 ? 'finding is' : 'findings are'} verified by the code (the mitigation is shown at file:line) and not reported as results; the JSON report (diff --format json) lists them with their evidence.`,
      },
    });
  const diagnostics = report.diagnostics.slice(0, MAX_NOTIFICATIONS);
  for (const d of diagnostics) notifications.push(diagnosticNotification(d, prefix));
  if (report.diagnostics.length > diagnostics.length)
    notifications.push({
      level: 'note',
      descriptor: { id: 'diagnostics-truncated' },
      message: {
        text: `${report.diagnostics.length - diagnostics.length} more diagnostics are in the JSON report.`,
      },
    });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            ...(docs ? { informationUri: docs } : {}),
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: !report.diagnostics.some((d) => d.level === 'error'),
            toolExecutionNotifications: notifications,
          },
        ],
        originalUriBaseIds: {
          '%SRCROOT%': { description: { text: 'The root of the repository checkout.' } },
        },
        columnKind: 'utf16CodeUnits',
        results: all,
        properties: {
          base: report.base,
          head: report.head,
          requiredBump: report.requiredBump,
          deltaDigest: report.deltaDigest,
          changes: report.changes.length,
          findings: report.findings.length - verifiedTotal,
          verifiedFindings: verifiedTotal,
        },
      },
    ],
  };
}

/** The SARIF log as the file is written: two-space JSON with a final newline. */
export function renderSarifJson(report: DiffReport, options: SarifOptions = {}): string {
  return JSON.stringify(renderSarif(report, options), null, 2) + '\n';
}
