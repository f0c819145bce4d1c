import { buildReport } from '../../src/core/diff/build-report';
import { crossCheckArtifacts, withBinaryOnly } from '../../src/core/artifact/binary-only';
import type { Change, DiffReport, Severity } from '../../src/core/report';
import type { FeatureSelection, Surface } from '../../src/core/model';
import { crateFiles, DEFAULT_FEATURES, extractMemory } from '../support/extract';
import { readConsumers, withConsumerView } from '../../src/app/consumers';
import { loadCParser, loadGoParser } from '../../src/adapters/consumer-parsers';
import { MemoryTree } from '../../src/core/source-tree';

/** Diffs two versions of src/lib.rs (plus optional extra files) of a one-crate workspace. */
export async function diffLib(
  before: string,
  after: string,
  extraBefore: Record<string, string> = {},
  extraAfter: Record<string, string> = {},
  features: FeatureSelection = DEFAULT_FEATURES,
): Promise<DiffReport> {
  const base = await extractMemory(crateFiles(before, extraBefore), features);
  const head = await extractMemory(crateFiles(after, extraAfter), features);
  return buildReport(base, head);
}

export const H = 'use std::os::raw::{c_char, c_int, c_long};\n';

// ---------------------------------------------------------------------------------------------
// Rule cases (test/diff/cases/<rule-id>.ts): one old/new pair and the WHOLE output it yields.

/** One change as a case states it: rule id, severity, item name. */
export type Expected = [rule: string, severity: Severity, name: string];

export interface RuleCase {
  /** What the pair shows (the test's title). */
  shows: string;
  before: string;
  after: string;
  extraBefore?: Record<string, string>;
  extraAfter?: Record<string, string>;
  /** Symbols the head's built library (`libdemo.so`, `--binary`) exports. */
  binary?: string[];
  /** Every change the pair yields, sorted (`sortedOutput`); `[]` for a pair that is no change. */
  expect: Expected[];
  /** The messages of the case file's rule, in the order of `expect`, exactly. */
  messages?: string[];
  /** Why the engine gets this case wrong today: the test is `it.failing` until it is fixed. */
  engineWrong?: string;
}

/** A pair that must be no change at all: no change, no bump, the same digest. */
export interface NoChangeCase {
  shows: string;
  before: string;
  after: string;
  extraBefore?: Record<string, string>;
  extraAfter?: Record<string, string>;
}

/** src/lib.rs: the common `use` line, then `body`. */
export const fn = (body: string): string => `${H}${body}\n`;

/** A Cargo.toml with a `[lib]` section. */
export const CDYLIB = (name = 'demo', types = '"cdylib"'): string =>
  `[package]\nname = "demo"\nversion = "1.0.0"\nedition = "2021"\n[lib]\nname = "${name}"\ncrate-type = [${types}]\n`;

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

const extracted = new Map<string, Promise<Surface>>();
/** Counts of real extractions and of requests (cases share extraction of equal sources). */
export const extractionStats = { extracted: 0, requested: 0 };

/**
 * The surface of a one-crate workspace, extracted once per distinct set of files and frozen (a
 * shared surface that a diff mutated would throw instead of leaking into the next case).
 */
export function sharedSurface(lib: string, extra: Record<string, string> = {}): Promise<Surface> {
  const files = crateFiles(lib, extra);
  const key = JSON.stringify(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  extractionStats.requested++;
  let s = extracted.get(key);
  if (!s) {
    extractionStats.extracted++;
    s = extractMemory(files).then(deepFreeze);
    extracted.set(key, s);
  }
  return s;
}

/** The diff of a case: the source surfaces, plus the head's library read as `--binary` would. */
export async function diffCase(c: {
  before: string;
  after: string;
  extraBefore?: Record<string, string>;
  extraAfter?: Record<string, string>;
  binary?: string[];
}): Promise<DiffReport> {
  const base = await sharedSurface(c.before, c.extraBefore);
  const source = await sharedSurface(c.after, c.extraAfter);
  let report = buildReport(base, source);
  // a case with C headers or Go files: the consumers' contract check on both sides, as analyseDiff runs it
  const consumerFile = (p: string): boolean => /\.(h|go)$/.test(p);
  if ([c.extraBefore, c.extraAfter].some((x) => Object.keys(x ?? {}).some(consumerFile))) {
    const view = await readConsumers(
      new MemoryTree(crateFiles(c.after, c.extraAfter)),
      source,
      base,
      { c: loadCParser, go: loadGoParser },
      {},
      new MemoryTree(crateFiles(c.before, c.extraBefore)),
    );
    report = withConsumerView(report, view, { findings: false });
  }
  if (!c.binary) return report;
  const symbols = c.binary.map((name) => ({ name, kind: 'function' as const }));
  const head = crossCheckArtifacts(source, [
    { file: 'libdemo.so', read: { format: 'elf', crateType: 'cdylib', symbols, skippedMembers: [] } },
  ]);
  return withBinaryOnly(report, base, head);
}

function compareExpected(a: Expected, b: Expected): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** The whole output of a diff as (rule, severity, name), sorted. */
export function sortedOutput(report: DiffReport): Expected[] {
  return report.changes.map((c): Expected => [c.rule, c.severity, c.name]).sort(compareExpected);
}

/** The changes of `report` in the order of `sortedOutput`. */
export function sortedChanges(report: DiffReport): Change[] {
  return [...report.changes].sort((x, y) =>
    compareExpected([x.rule, x.severity, x.name], [y.rule, y.severity, y.name]),
  );
}
