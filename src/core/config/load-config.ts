/**
 * Reading `.github/ffi-surface-guard.yml` (SPEC section 7). Pure: the caller reads the file (from
 * the default branch, for the gate) and passes its text. The YAML is parsed defensively — bounded
 * size, no aliases, no tags beyond YAML's own, no duplicate or non-string keys — then validated
 * by the zod schema, checked across keys, and normalised so that two files meaning the same
 * configuration give equal `Config`s and equal `policyHash`es.
 *
 * Every error is a `ConfigError` whose message is one line naming the file and the key:
 * `.github/ffi-surface-guard.yml: required-approvals: expected an integer from 1 to 100, got "two"`.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import { z } from 'zod';
import { sha256, stableStringify } from '../digest';
import { CHANGE_RULES } from '../diff/catalogue';
import { findingRule } from '../findings/catalogue';
import type { FindingScope } from '../findings/policy';
import { validateFindingPolicy } from '../findings/policy';
import { canonicalSeverities, DEFAULT_APPROVAL_REQUIRED_FOR } from '../gate/review-policy';
import { DEFAULT_LIMITS } from '../limits';
import type { Limits } from '../limits';
import type { FeatureSelection } from '../model';
import type { FindingLevel } from '../report';
import type { AllowedExport, Config, RawConfig } from './schema';
import { configSchema, defaultConfig, LIMIT_BOUNDS, MAX_CONFIG_BYTES } from './schema';
import { closestWord, ConfigError, formatKeyPath, type Path } from './errors';

export { closestWord, ConfigError, formatKeyPath };

/** A value as it appears after "got": short, quoted when a string. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.length === 0
      ? 'an empty list'
      : `a list of ${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
  return 'a mapping';
}

// ---------------------------------------------------------------------------------------------
// YAML

/** Explicit tags allowed in the file: YAML's own types, which change nothing. */
const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

interface Located {
  path: (string | number)[];
  offset: number;
}

/** The first alias or foreign tag in the document, depth-first in source order. */
function findForbidden(node: unknown, path: (string | number)[]): (Located & { what: string }) | null {
  if (isAlias(node))
    return {
      path,
      offset: node.range?.[0] ?? 0,
      what: `YAML aliases are not allowed (*${node.source}); write the value out`,
    };
  if (isScalar(node) || isCollection(node)) {
    const tag = node.tag;
    if (tag !== undefined && !ALLOWED_TAGS.has(tag))
      return {
        path,
        offset: node.range?.[0] ?? 0,
        what: `YAML tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} is not allowed`,
      };
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      const hit = findForbidden(pair.key, path) ?? findForbidden(pair.value, [...path, key]);
      if (hit) return hit;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const hit = findForbidden(node.items[i], [...path, i]);
      if (hit) return hit;
    }
  }
  return null;
}

/** The source offset of the value at `path`, of `key` inside it when given, or of the nearest ancestor. */
function offsetOf(doc: Document, path: Path, key?: string): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) continue;
    if (n === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      const keyNode = pair?.key;
      if (isScalar(keyNode) && keyNode.range) return keyNode.range[0];
    }
    return node.range?.[0] ?? 0;
  }
  return 0;
}

/** The library's message, first line only, without its position, in this file's words where needed. */
function yamlReason(problem: YAMLError): string {
  switch (problem.code) {
    case 'MULTIPLE_DOCS':
      return 'the file must hold a single YAML document';
    case 'NON_STRING_KEY':
      return 'keys must be plain strings';
    case 'DUPLICATE_KEY':
      return 'the same key appears twice in one mapping';
    default:
      return problem.message
        .split('\n')[0]
        .replace(/ at line \d+, column \d+:?$/, '')
        .replace(/:$/, '');
  }
}

function parseYaml(text: string, file: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      schema: 'core',
      customTags: [],
      merge: false,
      uniqueKeys: true,
      stringKeys: true,
      strict: true,
    });
  } catch (e) {
    throw new ConfigError(file, '', `could not be parsed as YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const fail = (problem: YAMLError): never => {
    const at = lines.linePos(problem.pos[0]);
    throw new ConfigError(
      file,
      '',
      `line ${at.line}, column ${at.col}: invalid YAML: ${yamlReason(problem)}`,
      at.line,
    );
  };
  if (doc.errors.length > 0) fail(doc.errors[0]);
  const forbidden = findForbidden(doc.contents, []);
  if (forbidden)
    throw new ConfigError(
      file,
      formatKeyPath(forbidden.path),
      forbidden.what,
      lines.linePos(forbidden.offset).line,
    );
  if (doc.warnings.length > 0) fail(doc.warnings[0]);
  return { doc, lines };
}

// ---------------------------------------------------------------------------------------------
// Validation errors

/** The schema an issue path leads to, through optional wrappers, objects, arrays and records. */
function schemaAt(schema: z.ZodType, path: Path): z.ZodType | null {
  let s: z.ZodType = schema;
  for (let i = 0; ; i++) {
    while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    if (i === path.length) return s;
    const seg = path[i];
    if (s instanceof z.ZodObject && typeof seg === 'string') {
      const next = (s.shape as Record<string, z.ZodType | undefined>)[seg];
      if (!next) return null;
      s = next;
    } else if (s instanceof z.ZodArray && typeof seg === 'number') s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return null;
  }
}

function unknownKeyDetail(parent: Path, key: string): string {
  const where = formatKeyPath(parent);
  if ((where === 'findings.levels' || where === 'findings.scopes') && /^[\w-]{1,100}$/.test(key)) {
    const asChange = CHANGE_RULES.some((r) => r.id === key)
      ? ` ("${key}" is a change rule; findings.${parent[1]} takes finding rules)`
      : '';
    try {
      // the findings policy knows its rule ids and how to suggest one
      validateFindingPolicy({ [parent[1]]: { [key]: parent[1] === 'levels' ? 'low' : {} } });
    } catch (e) {
      return `${(e as Error).message.replace(/ in (levels|scopes)/, '')}${asChange}`;
    }
  }
  const node = schemaAt(configSchema, parent);
  const allowed = node instanceof z.ZodObject ? Object.keys(node.shape as object) : [];
  const guess = closestWord(key, allowed);
  const unknown = `unknown key ${JSON.stringify(key)}`;
  if (guess) return `${unknown} (did you mean "${guess}"?)`;
  return allowed.length > 0 ? `${unknown} (known keys: ${allowed.join(', ')})` : unknown;
}

function issueError(issue: z.core.$ZodIssue, doc: Document): { path: Path; detail: string; offset: number } {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys
        .map((key) => ({ key, offset: offsetOf(doc, path, key) }))
        .sort((a, b) => a.offset - b.offset);
      const first = keys[0];
      return { path: [...path, first.key], detail: unknownKeyDetail(path, first.key), offset: first.offset };
    }
    case 'invalid_key': {
      const inner = issue.issues[0];
      const expected = inner ? inner.message : 'expected a valid key';
      return {
        path,
        detail: `invalid key: ${expected}, got ${describe(issue.input)}`,
        offset: offsetOf(doc, path.slice(0, -1), String(path[path.length - 1])),
      };
    }
    case 'invalid_value':
      return {
        path,
        detail: `${issue.message}, got ${describe(issue.input)}${valueHint(path, issue.input, issue.values)}`,
        offset: offsetOf(doc, path),
      };
    default:
      return {
        path,
        detail: 'input' in issue ? `${issue.message}, got ${describe(issue.input)}` : issue.message,
        offset: offsetOf(doc, path),
      };
  }
}

/**
 * For a value outside an enumeration: the allowed value it is closest to (`(did you mean
 * "non-abi"?)`), or what the key cannot say (unresolved entries and high findings in
 * `approval-required-for`, which always need an approval).
 */
function valueHint(path: Path, input: unknown, values: readonly unknown[]): string {
  if (typeof input !== 'string' || input.length > 100) return '';
  const guess = closestWord(input, values.map(String));
  if (guess) return ` (did you mean "${guess}"?)`;
  if (path[0] === 'approval-required-for' && /^(unresolved|high|finding)/i.test(input))
    return ' (unresolved entries and open high findings always need an approval; the list names change severities)';
  return '';
}

// ---------------------------------------------------------------------------------------------
// Cross-key checks and normalisation

type RawFeatureSet = NonNullable<RawConfig['features']>;

function checkFeatureSet(set: RawFeatureSet, path: Path): { path: Path; detail: string } | null {
  if (set.all === true && (set.default === false || (set.list ?? []).length > 0))
    return {
      path: [...path, 'all'],
      detail: 'cannot be combined with default: false or a list (all: true enables every feature)',
    };
  return null;
}

function crossCheck(raw: RawConfig): { path: Path; detail: string } | null {
  if (raw.features && raw['feature-sets'])
    return { path: ['feature-sets'], detail: 'use either features or feature-sets, not both' };
  if (raw.features) {
    const bad = checkFeatureSet(raw.features, ['features']);
    if (bad) return bad;
  }
  for (const [i, set] of (raw['feature-sets'] ?? []).entries()) {
    const bad = checkFeatureSet(set, ['feature-sets', i]);
    if (bad) return bad;
  }
  const required = raw['required-approvals'] ?? 1;
  const breaking = raw['required-approvals-breaking'];
  if (breaking !== undefined && breaking < required)
    return {
      path: ['required-approvals-breaking'],
      detail: `expected at least required-approvals (${required}), got ${breaking}`,
    };
  return null;
}

function featureSelection(set: RawFeatureSet): FeatureSelection {
  if (set.all === true) return { mode: 'all' };
  const features = set.list ?? [];
  return set.default === false ? { mode: 'none', features } : { mode: 'default', features };
}

function fromRaw(raw: RawConfig): Config {
  const d = defaultConfig();
  const sets = raw['feature-sets'] ?? (raw.features ? [raw.features] : []);
  const levels: Record<string, FindingLevel | 'off'> = {};
  for (const [id, level] of Object.entries(raw.findings?.levels ?? {})) if (level) levels[id] = level;
  const scopes: Record<string, FindingScope> = {};
  for (const [id, scope] of Object.entries(raw.findings?.scopes ?? {})) if (scope) scopes[id] = { ...scope };
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const field of Object.keys(LIMIT_BOUNDS) as (keyof Limits)[]) {
    const value = raw.limits?.[LIMIT_BOUNDS[field].key];
    if (value !== undefined) limits[field] = value;
  }
  const requiredApprovals = raw['required-approvals'] ?? d.requiredApprovals;
  return {
    crates: { include: raw.crates?.include ?? [], exclude: raw.crates?.exclude ?? [] },
    paths: { exclude: raw.paths?.exclude ?? [] },
    headers: raw.headers ?? [],
    featureSets: sets.length > 0 ? sets.map(featureSelection) : d.featureSets,
    findings: { levels, scopes },
    changes: {
      potentiallyBreakingBump:
        raw.changes?.['potentially-breaking-bump'] ?? d.changes.potentiallyBreakingBump,
    },
    approvers: raw.approvers ?? [],
    approvalRequiredFor: raw['approval-required-for'] ?? d.approvalRequiredFor,
    requiredApprovals,
    requiredApprovalsBreaking: raw['required-approvals-breaking'] ?? requiredApprovals,
    allowCommitAuthors: raw['allow-commit-authors'] ?? d.allowCommitAuthors,
    botLogin: raw['bot-login'] ?? d.botLogin,
    release: {
      tagPattern: raw.release?.['tag-pattern'] ?? d.release.tagPattern,
      crateTagPatterns: { ...(raw.release?.['crate-tag-patterns'] ?? {}) },
      requireReviewed: raw.release?.['require-reviewed'] ?? d.release.requireReviewed,
    },
    macros: { trusted: raw.macros?.trusted ?? [] },
    binaryExports: {
      allow: (raw['binary-exports']?.allow ?? []).map((e) => ({ name: e.name, reason: e.reason })),
    },
    limits,
  };
}

const uniqueSorted = (xs: readonly string[]): string[] => [...new Set(xs)].sort();
const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
/** `binary-exports.allow` sorted by name then reason, exact duplicates dropped. */
function uniqueAllowed(xs: readonly AllowedExport[]): AllowedExport[] {
  const key = (e: AllowedExport) => `${e.name}\u0000${e.reason}`;
  const seen = new Map(xs.map((e) => [key(e), { name: e.name, reason: e.reason }]));
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}
const normaliseGlob = (g: string): string => g.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
function sortedRecord<T>(r: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The canonical form of a configuration: lists that are sets sorted and deduplicated, logins
 * lower-cased without `@`, globs without `./`, finding levels equal to the rule's default dropped,
 * scopes that restrict nothing dropped. Idempotent; `parseConfig` already returns this form.
 */
export function normaliseConfig(config: Config): Config {
  const seen = new Set<string>();
  const featureSets: FeatureSelection[] = [];
  for (const set of config.featureSets) {
    const canonical: FeatureSelection =
      set.mode === 'all' ? { mode: 'all' } : { mode: set.mode, features: uniqueSorted(set.features) };
    const key = stableStringify(canonical);
    if (seen.has(key)) continue;
    seen.add(key);
    featureSets.push(canonical);
  }
  const levels: Record<string, FindingLevel | 'off'> = {};
  for (const [id, level] of Object.entries(config.findings.levels ?? {}))
    if (findingRule(id)?.level !== level) levels[id] = level;
  const scopes: Record<string, FindingScope> = {};
  for (const [id, scope] of Object.entries(config.findings.scopes ?? {})) {
    const out: FindingScope = {};
    if (scope.include !== undefined) out.include = uniqueSorted(scope.include.map(normaliseGlob));
    if (scope.exclude !== undefined && scope.exclude.length > 0)
      out.exclude = uniqueSorted(scope.exclude.map(normaliseGlob));
    if (out.include !== undefined || out.exclude !== undefined) scopes[id] = out;
  }
  return {
    crates: { include: uniqueSorted(config.crates.include), exclude: uniqueSorted(config.crates.exclude) },
    paths: { exclude: uniqueSorted(config.paths.exclude.map(normaliseGlob)) },
    headers: uniqueSorted(config.headers.map(normaliseGlob)),
    featureSets: featureSets.length > 0 ? featureSets : defaultConfig().featureSets,
    findings: { levels: sortedRecord(levels), scopes: sortedRecord(scopes) },
    changes: { potentiallyBreakingBump: config.changes.potentiallyBreakingBump },
    approvers: uniqueSorted(config.approvers.map((a) => a.replace(/^@/, '').toLowerCase())),
    approvalRequiredFor: canonicalSeverities(config.approvalRequiredFor),
    requiredApprovals: config.requiredApprovals,
    requiredApprovalsBreaking: Math.max(config.requiredApprovals, config.requiredApprovalsBreaking),
    allowCommitAuthors: config.allowCommitAuthors,
    botLogin: config.botLogin.toLowerCase(),
    release: {
      tagPattern: config.release.tagPattern,
      crateTagPatterns: sortedRecord(config.release.crateTagPatterns),
      requireReviewed: config.release.requireReviewed,
    },
    macros: { trusted: uniqueSorted(config.macros.trusted.map((c) => c.replace(/-/g, '_'))) },
    binaryExports: { allow: uniqueAllowed(config.binaryExports.allow) },
    limits: { ...config.limits },
  };
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Parses and validates the text of a configuration file. Empty text (or only comments) means
 * the defaults. Throws `ConfigError` for anything else that is not a valid configuration.
 */
export function parseConfig(text: string, file: string): Config {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CONFIG_BYTES)
    throw new ConfigError(
      file,
      '',
      `too large: ${bytes} bytes, the limit is ${MAX_CONFIG_BYTES} bytes (256 KiB)`,
    );
  const { doc, lines } = parseYaml(text, file);
  if (doc.contents === null) return defaultConfig();
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw new ConfigError(file, '', `could not be read: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null) return defaultConfig();

  const parsed = configSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const first = parsed.error.issues
      .map((issue) => issueError(issue, doc))
      .sort((a, b) => a.offset - b.offset)[0];
    throw new ConfigError(file, formatKeyPath(first.path), first.detail, lines.linePos(first.offset).line);
  }
  const bad = crossCheck(parsed.data);
  if (bad)
    throw new ConfigError(
      file,
      formatKeyPath(bad.path),
      bad.detail,
      lines.linePos(offsetOf(doc, bad.path)).line,
    );
  const config = fromRaw(parsed.data);
  try {
    validateFindingPolicy(config.findings);
  } catch (e) {
    throw new ConfigError(
      file,
      'findings',
      (e as Error).message,
      lines.linePos(offsetOf(doc, ['findings'])).line,
    );
  }
  return normaliseConfig(config);
}

/** The configuration from a file's text, or the defaults when the file does not exist (`null`). */
export function loadConfig(text: string | null, file: string): Config {
  return text === null ? defaultConfig() : parseConfig(text, file);
}

/**
 * The policy hash approvals are bound to: sha256 of the canonical JSON of the normalised
 * configuration, so two files that mean the same configuration hash the same. The deadline is left
 * out: it decides whether a run finishes, not what it finds.
 */
export function policyHash(config: Config): string {
  const normal = normaliseConfig(config);
  // the deadline decides whether a run finishes, not what it finds: changing it keeps approvals
  const limits: Partial<Limits> = { ...normal.limits };
  delete limits.deadlineSeconds;
  // absent when empty, so a configuration without it hashes as it did before the key existed
  const binaryExports = normal.binaryExports.allow.length ? normal.binaryExports : undefined;
  const headers = normal.headers.length ? normal.headers : undefined;
  // absent when it is the default, so a configuration that leaves it out keeps its hash; any other
  // set changes what an approval (or a pass without one) was given under
  const approvalRequiredFor = sameList(normal.approvalRequiredFor, DEFAULT_APPROVAL_REQUIRED_FOR)
    ? undefined
    : normal.approvalRequiredFor;
  return sha256(
    stableStringify({
      configSchema: 1,
      config: { ...normal, limits, binaryExports, headers, approvalRequiredFor },
    }),
  );
}
