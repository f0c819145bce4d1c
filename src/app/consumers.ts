/**
 * The consumers' side of the contract in the product (SPEC §11, issue 16): finds the committed C
 * headers and the cgo files of a source tree (a git revision or the working tree), reads them
 * with the pure readers of src/core/consumers, checks them against the Rust surface and turns the
 * contradictions into findings; and lists the Go call sites of each export, for the changes of
 * the diff report. Bounded: at most MAX_FILES headers and MAX_FILES Go files, each at most
 * MAX_FILE_BYTES; a bound hit is a warning, and an incomplete reading suppresses the
 * undeclared-export findings (they could be false).
 */
import type { FunctionItem, StaticItem, Surface } from '../core/model';
import type { Change, ChangeConsumer, Finding } from '../core/report';
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
} from '../core/consumers';
import { matchGlob } from '../core/findings/glob';
import { effectiveLevel, inScope, type FindingPolicy } from '../core/findings/policy';
import { findingRule } from '../core/findings/catalogue';

const MAX_LISTED = 200_000;
const MAX_FILES = 2_000;
const MAX_FILE_BYTES = 1024 * 1024;

export interface ConsumerOptions {
  /** Header globs of the configuration: when set, these headers (and no others) are read. */
  headers?: readonly string[];
  policy?: FindingPolicy;
}

export interface ConsumerView {
  findings: Finding[];
  /** Exported symbol → the Go call sites `C.symbol(…)`, sorted by file and line. */
  callSites: Map<string, ChangeConsumer[]>;
  warnings: string[];
}

interface Export extends RustExport {
  crate: string;
  name: string;
}

function exportsOf(surface: Surface): Export[] {
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

/** Reads the consumers of `tree` and checks them against `head` (`base`: for removed exports). */
export async function readConsumers(
  tree: SourceTree,
  head: Surface,
  base: Surface | null,
  loaders: { c: () => Promise<CParser>; go: () => Promise<GoParser> },
  options: ConsumerOptions = {},
): Promise<ConsumerView> {
  const warnings: string[] = [];
  const callSites = new Map<string, ChangeConsumer[]>();
  const exports = exportsOf(head);
  const baseExports = base ? exportsOf(base) : [];
  const exported = new Set(exports.map((e) => e.symbol));
  const known = new Set([...exported, ...baseExports.map((e) => e.symbol)]);

  const listing = await tree.listAll(MAX_LISTED);
  if (listing.truncated) warnings.push(`consumers: more than ${MAX_LISTED} files; the rest are not read`);
  const configured = options.headers && options.headers.length > 0 ? options.headers : null;
  const headerPaths = listing.paths.filter((p) =>
    configured ? configured.some((g) => matchGlob(g, p)) : isHeader(p),
  );
  const goPaths = listing.paths.filter((p) => p.endsWith('.go'));
  if (headerPaths.length === 0 && goPaths.length === 0) return { findings: [], callSites, warnings };
  // the grammars are loaded only for a tree that has something for them to read
  const parsers = { c: await loaders.c(), go: await loaders.go() };

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

  const findings: Finding[] = [];
  if (declarations.some((d) => importName(d) !== null)) {
    // a declaration of an export the source defines behind a feature this analysis leaves off
    // (cbindgen's `#if defined(FEATURE)` blocks) is not a link failure: that build has it
    const gatedSymbols = new Set(head.crates.flatMap((c) => (c.gated ?? []).map((g) => g.symbol ?? g.name)));
    const results = checkContract(exports, declarations, { incompleteFiles: [...incomplete].sort() }).filter(
      (r) => !(r.rule === 'declared-not-exported' && gatedSymbols.has(r.symbol)),
    );
    findings.push(...toFindings(results, exports, baseExports, declarations, options.policy, warnings));
  }
  return { findings, callSites, warnings };
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
      case 'incomplete-declarations':
        warnings.push(`consumers: ${r.file} was not read completely; undeclared exports are not reported`);
        break;
    }
  }
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

/** The Go call sites of each breaking or removed change's symbol, on a copy of the changes. */
export function withConsumers(
  changes: readonly Change[],
  callSites: Map<string, ChangeConsumer[]>,
): Change[] {
  return changes.map((c) => {
    const removed = c.before !== null && c.after === null;
    if (!c.symbol || (c.severity !== 'breaking' && !removed)) return c;
    const sites = callSites.get(c.symbol);
    return sites && sites.length ? { ...c, consumers: sites.slice(0, 20) } : c;
  });
}
