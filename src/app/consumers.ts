/**
 * The consumers' side of the contract in the product (SPEC §11, issue 16): finds the committed C
 * headers and the cgo files of a source tree (a git revision or the working tree), reads them
 * with the pure readers of src/core/consumers, checks them against the Rust surface and turns the
 * contradictions into findings; and lists the Go call sites of each export, for the changes of
 * the diff report. Bounded: at most MAX_FILES headers and MAX_FILES Go files, each at most
 * MAX_FILE_BYTES; a bound hit is a warning, and an incomplete reading suppresses the
 * undeclared-export findings (they could be false).
 */
import type { FunctionItem, StaticItem, StructItem, Surface } from '../core/model';
import type { Change, ChangeConsumer, DiffReport, Finding } from '../core/report';
import type { SourceTree } from '../core/source-tree';
import {
  checkContract,
  readCDeclarations,
  readCgo,
  type CDeclaration,
  type ContractResult,
  type CSide,
  type CParser,
  type CReading,
  type GoParser,
  type RustExport,
  type RustRecord,
} from '../core/consumers';
import { contractChanges, type ContractSubject } from '../core/consumers/contract-changes';
import { hasCRepr } from '../core/abi/scope';
import { cNameOf } from '../core/abi/cbindgen-names';
import { isKnown, layoutOf, typeDefsFromItems, type TypeDefs } from '../core/abi/layout';
import { TARGETS } from '../core/abi/targets';
import { parseType } from '../core/rust/type-syntax';
import { deltaDigest, requiredBump, sortChanges } from '../core/diff/diff-surfaces';
import { matchGlob } from '../core/findings/glob';
import { effectiveLevel, inScope, type FindingPolicy } from '../core/findings/policy';
import { findingRule } from '../core/findings/catalogue';

const MAX_LISTED = 200_000;
const MAX_FILES = 2_000;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_RECORD_FIELDS = 4096;
/** Which fields are zero-sized (no C counterpart) does not depend on the target. */
const LAYOUT_TARGET = TARGETS['x86_64-unknown-linux-gnu'];

export interface ConsumerOptions {
  /** Header globs of the configuration: when set, these headers (and no others) are read. */
  headers?: readonly string[];
  policy?: FindingPolicy;
}

export interface ConsumerView {
  findings: Finding[];
  /** Contract problems the head has and the base did not (`header-out-of-date`, `cgo-prototype-mismatch`). */
  changes: Change[];
  /** Exported symbol → the Go call sites `C.symbol(…)`, sorted by file and line. */
  callSites: Map<string, ChangeConsumer[]>;
  warnings: string[];
}

export interface Export extends RustExport {
  crate: string;
  name: string;
}

/** The exports (functions and statics) of a surface, as the contract check compares them. */
export function exportsOf(surface: Surface): Export[] {
  const out: Export[] = [];
  for (const crate of surface.crates)
    for (const item of crate.items) {
      if (item.kind === 'function') {
        const f = item as FunctionItem;
        out.push({
          crate: crate.name,
          name: f.name,
          symbol: f.symbol,
          params: f.params.map((p) => p.type),
          returns: f.returns,
          variadic: f.variadic,
          file: f.file,
          line: f.line,
        });
      } else if (item.kind === 'static') {
        const s = item as StaticItem;
        out.push({
          crate: crate.name,
          name: s.name,
          symbol: s.symbol,
          kind: 'static',
          params: [],
          returns: s.type,
          file: s.file,
          line: s.line,
        });
      }
    }
  return out;
}

/** A prototype or `extern` variable: what may name a Rust export. */
function importName(d: CDeclaration): string | null {
  if (d.kind === 'function') return d.storage !== 'static' && !d.definition ? d.name : null;
  if (d.kind === 'variable') return d.storage === 'extern' ? d.name : null;
  return null;
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** `a/b/../c.h` → `a/c.h`; null when it leaves the root. */
function normalise(p: string): string | null {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

const isHeader = (p: string): boolean => /\.(h|hpp|hh|hxx)$/i.test(p);

/** The repr(C) structs and unions of a surface, as the records check takes them. */
function recordsOf(surface: Surface): (RustRecord & { crate: string })[] {
  const out: (RustRecord & { crate: string })[] = [];
  for (const crate of surface.crates) {
    let defs: TypeDefs | null = null;
    for (const item of crate.items) {
      if ((item.kind !== 'struct' && item.kind !== 'union') || !hasCRepr((item as StructItem).repr)) continue;
      const s = item as StructItem;
      defs ??= typeDefsFromItems(crate.items);
      const typeDefs = defs;
      out.push({
        crate: crate.name,
        name: s.name,
        cName: cNameOf(crate.cNames, s.name),
        kind: s.kind,
        tuple: s.tuple,
        fields: s.fields.slice(0, MAX_RECORD_FIELDS).map((f) => {
          const l = layoutOf(parseType(f.type), typeDefs, LAYOUT_TARGET);
          return { name: f.name, type: f.type, ...(isKnown(l) && l.size === 0 ? { zeroSized: true } : {}) };
        }),
        file: s.file,
        line: s.line,
      });
    }
  }
  return out;
}

/** What one revision's consumers declare, and where Go calls the exports. */
interface Side {
  declarations: CDeclaration[];
  incomplete: Set<string>;
  callSites: Map<string, ChangeConsumer[]>;
}

async function readSide(
  tree: SourceTree,
  known: ReadonlySet<string>,
  parsers: { c: CParser; go: GoParser },
  listing: { paths: string[] },
  configured: readonly string[] | null,
  warnings: string[],
): Promise<Side> {
  const callSites = new Map<string, ChangeConsumer[]>();
  const headerPaths = listing.paths.filter((p) =>
    configured ? configured.some((g) => matchGlob(g, p)) : isHeader(p),
  );
  const goPaths = listing.paths.filter((p) => p.endsWith('.go'));
  const incomplete = new Set<string>();
  const readings = new Map<string, CReading>();
  let budget = MAX_FILES;
  const readHeader = async (path: string): Promise<CReading | null> => {
    const cached = readings.get(path);
    if (cached) return cached;
    if (budget <= 0) {
      incomplete.add(path);
      return null;
    }
    budget--;
    const r = await tree.read(path, MAX_FILE_BYTES);
    if (!r.ok) {
      if (r.reason !== 'missing') {
        warnings.push(`consumers: ${path} ${r.detail}: not read`);
        incomplete.add(path);
      }
      return null;
    }
    const reading = readCDeclarations(r.text, path, parsers.c);
    if (!reading.complete) incomplete.add(path);
    readings.set(path, reading);
    return reading;
  };

  const declarations: CDeclaration[] = [];
  const used = new Set<string>();
  const useReading = (reading: CReading, always: boolean): void => {
    if (used.has(reading.file)) return;
    // auto-discovery: a header counts when it declares at least one exported (or formerly exported) symbol
    if (!always && !reading.declarations.some((d) => known.has(importName(d) ?? ''))) return;
    used.add(reading.file);
    declarations.push(...reading.declarations);
  };

  for (const p of headerPaths) {
    const reading = await readHeader(p);
    if (reading) useReading(reading, configured !== null);
  }
  if (budget <= 0) warnings.push(`consumers: more than ${MAX_FILES} headers; the rest are not read`);

  let goBudget = MAX_FILES;
  for (const p of goPaths) {
    if (goBudget-- <= 0) {
      warnings.push(`consumers: more than ${MAX_FILES} Go files; the rest are not read`);
      break;
    }
    const r = await tree.read(p, MAX_FILE_BYTES);
    if (!r.ok) continue;
    if (!r.text.includes('"C"')) continue;
    const cgo = readCgo(r.text, p, parsers.go, parsers.c);
    if (!cgo.importsC) continue;
    if (!cgo.complete) incomplete.add(p);
    for (const u of cgo.uses) {
      if (u.use !== 'call' || !known.has(u.name)) continue;
      const list = callSites.get(u.name) ?? [];
      list.push({ file: u.file, line: u.line, via: 'call' });
      callSites.set(u.name, list);
    }
    if (!cgo.preamble) continue;
    // the preamble's own prototypes: only those naming a Rust export (others are other libraries')
    const own = cgo.preamble.declarations.filter((d) => {
      const n = importName(d);
      return n === null || known.has(n);
    });
    if (own.some((d) => importName(d) !== null)) declarations.push(...own);
    for (const inc of cgo.preamble.includes) {
      if (inc.system) continue;
      for (const candidate of [normalise(`${dirname(p)}/${inc.name}`), normalise(inc.name)]) {
        if (candidate === null) continue;
        const reading = await readHeader(candidate);
        if (reading) {
          useReading(reading, true);
          break;
        }
      }
    }
  }
  for (const list of callSites.values())
    list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { declarations, incomplete, callSites };
}

/** The contract check of one revision: its exports and records against its consumers' declarations. */
function checkSide(surface: Surface, side: Side): ContractResult[] {
  if (!side.declarations.some((d) => importName(d) !== null)) return [];
  // a declaration of an export the source defines behind a feature this analysis leaves off
  // (cbindgen's `#if defined(FEATURE)` blocks) is not a link failure: that build has it
  const gatedSymbols = new Set(surface.crates.flatMap((c) => (c.gated ?? []).map((g) => g.symbol ?? g.name)));
  return checkContract(exportsOf(surface), side.declarations, {
    incompleteFiles: [...side.incomplete].sort(),
    records: recordsOf(surface),
  }).filter((r) => !(r.rule === 'declared-not-exported' && gatedSymbols.has(r.symbol)));
}

/**
 * Reads the consumers of `tree` and checks them against `head` (`base`: for removed exports).
 * With `baseTree` (the base revision's files), the base's consumers are checked against `base`
 * too, and each contract problem the head has and the base did not is a change.
 */
export async function readConsumers(
  tree: SourceTree,
  head: Surface,
  base: Surface | null,
  loaders: { c: () => Promise<CParser>; go: () => Promise<GoParser> },
  options: ConsumerOptions = {},
  baseTree?: SourceTree,
): Promise<ConsumerView> {
  const warnings: string[] = [];
  const exports = exportsOf(head);
  const baseExports = base ? exportsOf(base) : [];
  const known = new Set([...exports.map((e) => e.symbol), ...baseExports.map((e) => e.symbol)]);
  const configured = options.headers && options.headers.length > 0 ? options.headers : null;
  const consumerFile = (p: string): boolean =>
    p.endsWith('.go') || (configured ? configured.some((g) => matchGlob(g, p)) : isHeader(p));

  const listing = await tree.listAll(MAX_LISTED);
  if (listing.truncated) warnings.push(`consumers: more than ${MAX_LISTED} files; the rest are not read`);
  const baseListing = baseTree && base ? await baseTree.listAll(MAX_LISTED) : null;
  if (!listing.paths.some(consumerFile) && !baseListing?.paths.some(consumerFile))
    return { findings: [], changes: [], callSites: new Map(), warnings };
  // the grammars are loaded only for a tree that has something for them to read
  const parsers = { c: await loaders.c(), go: await loaders.go() };

  const headSide = await readSide(tree, known, parsers, listing, configured, warnings);
  const headResults = checkSide(head, headSide);
  const findings = toFindings(
    headResults,
    exports,
    baseExports,
    headSide.declarations,
    options.policy,
    warnings,
  );

  const changes: Change[] = [];
  if (baseTree && base && baseListing) {
    const baseSide = await readSide(baseTree, known, parsers, baseListing, configured, []);
    const baseResults = checkSide(base, baseSide);
    const subjects = (s: Surface) => {
      const bySymbol = new Map<string, ContractSubject>();
      for (const e of exportsOf(s))
        bySymbol.set(e.symbol, { crate: e.crate, name: e.name, kind: e.kind ?? 'function' });
      const byRecord = new Map<string, ContractSubject>();
      for (const r of recordsOf(s)) byRecord.set(r.name, { crate: r.crate, name: r.name, kind: r.kind });
      return { bySymbol, byRecord };
    };
    const h = subjects(head);
    const b = subjects(base);
    changes.push(
      ...contractChanges(baseResults, headResults, {
        exportOf: (symbol) => h.bySymbol.get(symbol) ?? b.bySymbol.get(symbol) ?? null,
        recordOf: (name) => h.byRecord.get(name) ?? b.byRecord.get(name) ?? null,
        models: 2,
      }),
    );
  }
  return { findings, changes, callSites: headSide.callSites, warnings };
}

/**
 * The report with the consumers' view applied: the contract changes joined (sorted, the required
 * bump and the delta digest recomputed: an approval binds to them too), the Go call sites named on
 * breaking, source-breaking and removed changes, and the findings added when `findings` is set.
 */
export function withConsumerView(
  report: DiffReport,
  view: ConsumerView,
  options: { findings: boolean; potentiallyBreakingBump?: 'major' | 'minor' },
): DiffReport {
  const changes = view.changes.length ? sortChanges([...report.changes, ...view.changes]) : report.changes;
  const out: DiffReport = { ...report, changes: withConsumers(changes, view.callSites) };
  if (view.changes.length) {
    out.requiredBump = requiredBump(changes, options);
    out.deltaDigest = deltaDigest(changes);
  }
  if (options.findings) out.findings = [...report.findings, ...view.findings];
  return out;
}

const loc = (s: { file: string; line: number }): string => `${s.file}:${s.line}`;

function toFindings(
  results: readonly ContractResult[],
  exports: readonly Export[],
  baseExports: readonly Export[],
  declarations: readonly CDeclaration[],
  policy: FindingPolicy | undefined,
  warnings: string[],
): Finding[] {
  const incomplete: string[] = [];
  const bySymbol = new Map(exports.map((e) => [e.symbol, e]));
  const baseBySymbol = new Map(baseExports.map((e) => [e.symbol, e]));
  // the header a crate's exports are declared in most: where an undeclared export belongs
  const headerOf = new Map<string, Map<string, number>>();
  for (const d of declarations) {
    const n = importName(d);
    const e = n === null ? undefined : bySymbol.get(n);
    if (!e || d.file.endsWith('.go')) continue;
    const counts = headerOf.get(e.crate) ?? new Map<string, number>();
    counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
    headerOf.set(e.crate, counts);
  }
  const homeHeader = (crate: string): string | null => {
    const counts = headerOf.get(crate);
    if (!counts) return null;
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  };

  const out: Finding[] = [];
  const push = (
    id: string,
    symbol: string,
    e: Export | undefined,
    side: { file: string; line: number },
    message: string,
  ): void => {
    const rule = findingRule(id);
    if (!rule) return;
    const level = effectiveLevel(policy, id, rule.level);
    if (level === 'off' || !inScope(policy, id, side.file)) return;
    out.push({
      rule: id,
      level,
      symbol,
      name: e?.name ?? symbol,
      crate: e?.crate ?? '',
      file: side.file,
      line: side.line,
      message,
      checklist: rule.checklist,
    });
  };
  // one signature-mismatch per declaration: its parameter-count, kind and type disagreements together
  const signatures = new Map<
    string,
    { symbol: string; c: string; rust: string; side: CSide; what: string[] }
  >();
  for (const r of results) {
    switch (r.rule) {
      case 'declared-not-exported': {
        const was = baseBySymbol.get(r.symbol);
        const rust = was ? `; the base exported it at ${loc(was)}` : '; no Rust code defines it';
        push(
          'declared-not-exported',
          r.symbol,
          was,
          r.c,
          `\`${r.symbol}\` is declared at ${loc(r.c)} but not exported by the Rust library${rust}: a consumer that calls it fails to link`,
        );
        break;
      }
      case 'exported-not-declared': {
        const e = bySymbol.get(r.symbol);
        const home = e ? homeHeader(e.crate) : null;
        if (!e || home === null) break; // a crate no header speaks for
        push(
          'undeclared-export',
          r.symbol,
          e,
          r.rust,
          `\`${r.symbol}\` is exported at ${loc(r.rust)} but declared in no header or cgo preamble; declare it in ${home}`,
        );
        break;
      }
      case 'parameter-count':
      case 'type-mismatch':
      case 'kind-mismatch': {
        const key = `${r.symbol}\0${loc(r.c)}\0${loc(r.rust)}`;
        const entry = signatures.get(key) ?? {
          symbol: r.symbol,
          c: loc(r.c),
          rust: loc(r.rust),
          side: r.c,
          what: [],
        };
        signatures.set(key, entry);
        entry.what.push(
          r.rule === 'parameter-count'
            ? `${r.cParams}${r.cVariadic ? ' + ...' : ''} parameters in C, ${r.rustParams}${r.rustVariadic ? ' + ...' : ''} in Rust`
            : r.rule === 'kind-mismatch'
              ? `a ${r.cKind} in C, a ${r.rustKind} in Rust`
              : `${r.position === 'return' ? 'the return type' : `parameter ${r.position + 1}`} is \`${r.cType}\` in C and \`${r.rustType}\` in Rust (${r.aspects.join(', ')}; ${r.models.join(', ')})`,
        );
        break;
      }
      case 'record-mismatch': {
        const key = `${r.record}\0${r.c.file}\0${loc(r.rust)}`;
        const entry = signatures.get(key) ?? {
          symbol: r.record,
          c: loc(r.c),
          rust: loc(r.rust),
          side: r.c,
          what: [],
        };
        signatures.set(key, entry);
        const d = r.detail;
        entry.what.push(
          d.k === 'tag'
            ? `a ${d.cTag} in C, a ${d.rustKind} in Rust`
            : d.k === 'field-count'
              ? `${d.cFields} fields in C, ${d.rustFields} in Rust`
              : d.k === 'field-order'
                ? `the fields are ${d.cNames.join(', ')} in C and ${d.rustNames.join(', ')} in Rust`
                : `field ${d.index + 1} (${d.field}) is \`${d.cType}\` in C (${loc(r.c)}) and \`${d.rustType}\` in Rust (${d.aspects.join(', ')}; ${d.models.join(', ')})`,
        );
        break;
      }
      case 'incomplete-declarations':
        incomplete.push(r.file);
        break;
    }
  }
  // one line for all of them: a C++ API (wasmtime's `.hh`, macro-built `.h`) gives one per header
  if (incomplete.length)
    warnings.push(
      `consumers: ${incomplete.length === 1 ? `${incomplete[0]} was` : `${incomplete.length} headers were`} not read completely` +
        `${incomplete.length === 1 ? '' : ` (${incomplete.slice(0, MAX_NAMED_INCOMPLETE).join(', ')}${incomplete.length > MAX_NAMED_INCOMPLETE ? `, and ${incomplete.length - MAX_NAMED_INCOMPLETE} more` : ''})`}` +
        '; undeclared exports are not reported for them',
    );
  for (const e of signatures.values())
    push(
      'signature-mismatch',
      e.symbol,
      bySymbol.get(e.symbol),
      e.side,
      `\`${e.symbol}\` declared at ${e.c} disagrees with its Rust definition at ${e.rust}: ${e.what.join('; ')}`,
    );
  return out;
}

/** The Go call sites of each breaking, source-breaking or removed change's symbol, on a copy of the changes. */
/** Headers a warning names before it counts the rest. */
const MAX_NAMED_INCOMPLETE = 5;

export function withConsumers(
  changes: readonly Change[],
  callSites: Map<string, ChangeConsumer[]>,
): Change[] {
  return changes.map((c) => {
    const removed = c.before !== null && c.after === null;
    // source-breaking: the C declaration changes type, and a cgo call stops compiling (SPEC §4)
    if (!c.symbol || (c.severity !== 'breaking' && c.severity !== 'source-breaking' && !removed)) return c;
    const sites = callSites.get(c.symbol);
    return sites && sites.length ? { ...c, consumers: sites.slice(0, 20) } : c;
  });
}
