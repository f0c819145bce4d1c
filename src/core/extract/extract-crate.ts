/**
 * Extracts one crate's surface: follows `mod` declarations from the library root, parses the files
 * that can contribute (a byte prefilter decides), expands crate macros, and decides which
 * `pub const`/`pub type` items belong to the C API.
 */
import { createHash } from 'node:crypto';
import type { Tree } from 'web-tree-sitter';
import type { CrateSurface, DeclaredType, Diagnostic, FunctionItem, GatedItem, SurfaceItem } from '../model';
import type { Limits } from '../limits';
import type { ReadResult, SourceTree } from '../source-tree';
import { DeadlineExceeded } from '../deadline';
import { readAttribute, unescapeRustString } from '../rust/attributes';
import { CfgEnv, CfgPred, conjoin, evalCfg, parseCfg, renderCfg } from '../rust/cfg';
import { lex, skipTree, Token } from '../rust/lexer';
import { isLineBreak, isLineSpace, isSpace, isWordChar, WorkMeter } from '../rust/text';
import { expandMacro, splitCfgIf } from './macro-expander';
import { AccountingInput, finishEntries, isOwnMacroPath, ScannedText, TextOrigin } from './accounting';
import { STD_MACROS, trustedMacroCrates } from './macro-trust';
import { takeCensus } from './census';
import type { UnresolvedEntry } from '../model';
import { ScanCache, ScanOutcome } from './scan-cache';
import { reachableDefinitions, unansweredNames } from './reachable';
import { MAX_CBINDGEN_TOML_BYTES, parseCbindgenNames } from '../abi/cbindgen-names';
import {
  FileScan,
  FileScanner,
  joinPath,
  MacroDef,
  MacroInvocation,
  MAX_MODULE_NESTING,
  ModDecl,
  Definition,
  moduleNesting,
  ScanContext,
} from './scan-file';
import type { CrateManifest } from '../workspace';
import {
  declaresFunction,
  HelperFn,
  nullCheckersOf,
  spareBoundaryPanics,
  unknownCallees,
} from './body-evidence';

const STD_ROOTS = new Set(['std', 'core', 'alloc']);
/** Roots of a path into the crate's own modules. */
const MODULE_ROOTS = new Set(['crate', 'self', 'super']);
/** Text holding an attribute (`#[…]`, `#![…]`). */
const ATTRIBUTE_START = /#\s*!?\s*\[/;
/** The macro calls a transcriber makes (`$crate::m`, `::log::trace`, `m`): its census's. */
function macroCalls(text: string): { path: string; asmRisk?: string }[] {
  return takeCensus(text, { features: new Set() }).bangs;
}
const STD_MACRO_NAMES: ReadonlySet<string> = STD_MACROS;
const DEFAULT_TRUSTED: ReadonlySet<string> = trustedMacroCrates();

/** Std macros whose arguments the engine reads: expression lists, `vec!`, `thread_local!`. */
const STD_ARG_MACROS = new Set([
  'assert',
  'assert_eq',
  'assert_ne',
  'dbg',
  'debug_assert',
  'debug_assert_eq',
  'debug_assert_ne',
  'eprint',
  'eprintln',
  'format',
  'format_args',
  'panic',
  'print',
  'println',
  'thread_local',
  'todo',
  'unimplemented',
  'unreachable',
  'vec',
  'write',
  'writeln',
]);

/** The arguments of a std macro as Rust source: a tuple of expressions, an array, or items. */
function stdArguments(name: string, input: string): string {
  if (name === 'thread_local') return input; // `static NAME: T = init;` items
  if (name === 'vec') return `[${input}]`; // `vec![a, b]` and `vec![x; n]` are array syntax
  return `(${input})`;
}

/** Statements, an expression or items, read where a function body would hold them. */
function wrapInBlock(text: string): string {
  return `const _: () = { ${text}\n;};`;
}

/** The path of `include!("file.rs")`, or null for anything but one string literal. */
function includedPath(input: string): string | null {
  const t = lex(input, 16);
  if (t.length === 0 || t.length > 2 || t[0].kind !== 'literal' || (t[1] && t[1].text !== ',')) return null;
  if (!/^r?#*"/.test(t[0].text)) return null;
  return unescapeRustString(t[0].text);
}

export interface RustParser {
  /**
   * Parses Rust source; the caller must `delete()` the tree. `origin` names the text for messages
   * (a file, or the macro expansion it came from).
   */
  parse(text: string, origin?: string): Tree;
}

/** Text that names an export attribute. */
const EXPORT_WORD = /\b(no_mangle|export_name)\b/;

/** How many module files are read ahead of the one being scanned. */
const READ_AHEAD = 64;

/** Module files read between two turns of the event loop (see `readModules`). */
const YIELD_EVERY = 4;

/** Most bytes of macro expansion text parsed for one crate (each expansion is re-parsed). */
const MAX_EXPANDED_BYTES = 8 * 1024 * 1024;

/**
 * Byte prefilter: a file without `no_mangle`, `export_name`, `repr(`, `macro_rules`, an
 * item-position macro invocation or an `extern` block cannot hold an export, a repr type, an
 * import or a crate macro.
 */
export function mayContribute(text: string): boolean {
  // substring searches first: they are much faster than one regex with alternatives
  if (
    text.includes('no_mangle') ||
    text.includes('export_name') ||
    text.includes('macro_rules') ||
    REPR.test(text)
  )
    return true;
  // an item-position macro invocation at the start of a line (`cfg_if::cfg_if! {`, `m!(…);`)
  for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) {
    let start = i;
    while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
    LINE_MACRO.lastIndex = start;
    if (LINE_MACRO.test(text)) return true;
    while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++; // one look per line
  }
  return text.includes('extern') && externNeedsParse(text);
}

/** Most tokens `externNeedsParse` lexes; a longer text is parsed. */
const EXTERN_CHECK_TOKENS = 1_000_000;

/**
 * For a text whose only sign is the word `extern`: whether it still needs the parser. An `extern`
 * block (`extern "C" { … }`, `unsafe extern { … }`) declares imports; `extern "C" fn` callbacks
 * and types, and `extern crate`, declare nothing the surface lists (an export needs `no_mangle` or
 * `export_name`, which the text lacks). Kept parsed as before, though: a text with an `unsafe
 * impl` (what `unsafe-send-sync` reads) or the word `test` (its `#[cfg(test)]` code counts for
 * `untested-export`), so that the findings read what they read before. Types, consts and helpers
 * of a text not parsed are read on demand, as for any other such file. Decided on the lexer's
 * tokens (comments and strings are not code); a text past the token bound is parsed.
 */
export function externNeedsParse(text: string): boolean {
  const tokens = lex(text, EXTERN_CHECK_TOKENS);
  if (tokens.length >= EXTERN_CHECK_TOKENS) return true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'ident') continue;
    if (t.text === 'extern') {
      const k = tokens[i + 1]?.kind === 'literal' ? i + 2 : i + 1;
      if (tokens[k]?.text === '{') return true;
    } else if (t.text === 'test') return true;
    else if (t.text === 'unsafe' && tokens[i + 1]?.text === 'impl') return true;
  }
  return false;
}
const REPR = /repr\s*\(/;
const LINE_MACRO = /[A-Za-z_][\w:]*!\s*[{([]/y;

/**
 * `unsafe extern "C" { … }` (edition 2024) and `safe fn` inside it do not parse with the grammar:
 * blank the keywords out (same length, so positions stay) before parsing.
 */
export function prepareForParse(text: string, meter?: WorkMeter): string {
  if (!/unsafe\s+extern/.test(text)) return text;
  return blankSafeItems(
    text.replace(/\bunsafe(\s+extern\s*(?:"[^"\n]*"\s*)?\{)/g, (_m, rest: string) => '      ' + rest),
    meter,
  );
}

/**
 * Blanks the `safe` of a `safe fn` or `safe static` that starts a line (after whitespace and an
 * optional `pub` or `pub(…)`): what `/^(\s*(?:pub(?:\([^)\n]*\))?\s+)?)safe(\s+(?:fn|static)\b)/gm`
 * replaced, in one pass. From every line start, that expression's `^\s*` ran over all the blank
 * lines that follow and backtracked (a million newlines took hours). Here each line start looks at
 * its own line; the scans that may cross lines (whitespace after `pub` or `safe`, the inside of
 * `pub(…)`) start from distinct places, and the `pub(…)` scan reuses its last answer.
 */
function blankSafeItems(text: string, meter?: WorkMeter): string {
  const n = text.length;
  const at: number[] = []; // offsets of the `safe`s to blank
  let steps = 0;
  /** The first index at or after `from` whose character is not whitespace (`\s` or, `inLine`, `[^\S\n\r…]`). */
  const skipSpace = (from: number, inLine: boolean): number => {
    let k = from;
    while (k < n && (inLine ? isLineSpace(text.charCodeAt(k)) : isSpace(text.charCodeAt(k)))) k++;
    steps += k - from;
    return k;
  };
  let stop = -1; // the first `)` or `\n` at or after the last `pub(` looked at: those only move forward
  let p = 0; // a line start
  while (p < n) {
    const i = skipSpace(p, true);
    let s = -1; // where `safe` stands, if this line starts a safe item
    if (text.startsWith('safe', i)) s = i;
    else if (text.startsWith('pub', i)) {
      let k = i + 3;
      if (text[k] === '(') {
        if (stop <= k) {
          stop = k + 1;
          while (stop < n && text[stop] !== ')' && text[stop] !== '\n') stop++;
          steps += stop - k;
        }
        k = text[stop] === ')' ? stop + 1 : -1;
      }
      if (k >= 0) {
        const m = skipSpace(k, false);
        if (m > k && text.startsWith('safe', m)) s = m;
      }
    }
    let end = i;
    if (s >= 0) {
      const m = skipSpace(s + 4, false);
      const keyword = m === s + 4 ? 0 : text.startsWith('fn', m) ? 2 : text.startsWith('static', m) ? 6 : 0;
      if (keyword && !isWordChar(text.charCodeAt(m + keyword))) {
        at.push(s);
        end = m + keyword; // the next match is looked for after this one, as `replace` does
      }
    }
    const lineEnd = end;
    while (end < n && !isLineBreak(text.charCodeAt(end))) end++;
    steps += end - lineEnd + 1;
    p = end + 1;
  }
  if (meter) meter.steps += steps;
  if (at.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const s of at) {
    parts.push(text.slice(last, s), '    ');
    last = s + 4;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Parses and scans one text (a file or a macro expansion). */
function scanText(text: string, ctx: ScanContext, env: CfgEnv, parser: RustParser): ScanOutcome {
  const scanner = new FileScanner(env, text);
  let error: Diagnostic | null = null;
  let t: Tree | null = null;
  try {
    t = parser.parse(
      prepareForParse(text),
      ctx.macro ? `the expansion of ${ctx.macro}! in ${ctx.file}` : ctx.file,
    );
    scanner.scanContainer(t.rootNode, ctx);
  } catch (e) {
    if (e instanceof DeadlineExceeded) throw e; // the run is over, not this file
    error = {
      level: 'error',
      code: 'parse-failed',
      message: `could not parse: ${e instanceof Error ? e.message : String(e)}`,
      file: ctx.file,
    };
  } finally {
    t?.delete();
  }
  return { scan: scanner.out, error };
}

interface PendingFile {
  path: string;
  text: string;
  ctx: ScanContext;
}

export interface CrateExtraction {
  surface: CrateSurface;
  diagnostics: Diagnostic[];
  /** Source of `#[cfg(test)]` code in the crate. */
  testText: string[];
  /** What the accounting net needs of this crate (run by `accountFor` once every crate is read). */
  accounting: AccountingInput;
  /**
   * Hashes of the module texts read that name an export attribute (`namesExportAttribute`): an
   * unread file of the crate with the same text is a link to one of them. Only such files are asked
   * about (one that names none has no export site), so only such texts are kept: a 5,000-file
   * crate kept ~400 KB of hashes until the end of the run (peak memory, issue 19).
   */
  readTextHashes: Set<string>;
}

/** A module file waiting to be read by the walk. */
interface QueuedModule {
  file: string;
  ctx: ScanContext;
  depth: number;
  isRoot: boolean;
}

/** A macro invocation waiting to be expanded, with how deep in expansions it was found. */
interface PendingExpansion {
  inv: MacroInvocation;
  depth: number;
}

/**
 * Everything one crate's extraction reads and collects. The steps below are plain functions over
 * it: module resolution (`readModules`, `followMods`), macro expansion (`expandInvocations`), the
 * reachable definitions (`readDefinitionsOnDemand`, `addCApiItems`) and the accounting input
 * (`record`, `finishCrate`).
 */
interface CrateState {
  readonly tree: SourceTree;
  readonly manifest: CrateManifest;
  readonly env: CfgEnv;
  readonly parser: RustParser;
  readonly limits: Limits;
  readonly cache: ScanCache | undefined;

  // what the scans found
  readonly diagnostics: Diagnostic[];
  readonly items: SurfaceItem[];
  readonly candidates: SurfaceItem[];
  readonly typeDefinitions: Definition[];
  readonly declaredTypes: DeclaredType[];
  /** The first definition of each crate macro (in read order). */
  readonly macros: Map<string, MacroDef>;
  /** Every definition of each crate macro. */
  readonly definitions: Map<string, MacroDef[]>;
  /** Invocations found and not yet queued for expansion. */
  readonly invocations: MacroInvocation[];
  readonly testText: string[];
  readonly unsafeSendSync: Set<string>;
  /** Non-exported functions with raw-pointer parameters (null-checking helpers; body-evidence.ts). */
  readonly helpers: HelperFn[];
  readonly gated: GatedItem[];
  /** For `mayExport`: what is known of each crate macro so far. */
  readonly localRisk: Map<string, boolean>;

  // module resolution
  readonly queue: QueuedModule[];
  /** `queue[head]` is the next module to read. */
  head: number;
  /** Reads started ahead of the walk, so that a git object reader is kept busy. */
  readonly reads: Map<string, Promise<ReadResult>>;
  readonly visited: Set<string>;
  readonly files: string[];
  readonly fileDepth: Map<string, number>;
  /** Files the prefilter did not parse (read lexically for `mod` declarations only). */
  readonly unparsed: PendingFile[];
  /** Unparsed files parsed later (they invoke a crate macro, or define a name the surface reaches). */
  readonly rescanned: Set<string>;
  readonly unreadable: { file: string; detail: string }[];
  budgetHit: boolean;

  // macro expansion
  expansions: number;
  expandedBytes: number;
  /** Invocations of macros not defined (yet): retried when a round finds new crate macros. */
  deferred: PendingExpansion[];

  // the accounting net: every text read, and what became of each macro invocation
  readonly fileTexts: Map<string, ScannedText>;
  readonly fragments: ScannedText[];
  readonly expanded: Set<MacroInvocation>;
  readonly failed: Map<MacroInvocation, string>;
  readonly textuallyChosen: Set<MacroInvocation>;
  readonly guessed: Set<MacroInvocation>;
}

export async function extractCrate(
  tree: SourceTree,
  manifest: CrateManifest,
  features: Set<string>,
  parser: RustParser,
  limits: Limits,
  cache?: ScanCache,
): Promise<CrateExtraction> {
  const st = newCrateState(tree, manifest, { features }, parser, limits, cache);
  const cNames = await readCbindgenNames(tree, manifest);
  // Breadth-first over the module graph. Modules can also be declared inside `cfg_if!` or a crate
  // macro, so reading files and expanding macros alternate until neither finds anything new.
  for (;;) {
    await readModules(st);
    parseMacroInvokers(st);
    const macrosBefore = st.macros.size;
    await expandInvocations(st);
    if (st.budgetHit || st.expansions > limits.maxExpansions || st.expandedBytes > MAX_EXPANDED_BYTES) break;
    if (st.head === st.queue.length && !(st.deferred.length && st.macros.size > macrosBefore)) break;
  }
  reportUndefinedMacros(st);
  const boundaries = applyPanicBoundaries(st);
  // Definitions the surface names that sit in files the prefilter did not parse: read on demand.
  readDefinitionsOnDemand(
    st.items,
    st.typeDefinitions,
    st.unparsed.filter((f) => !st.rescanned.has(f.path)),
    (f) => {
      st.rescanned.add(f.path);
      parseAndScan(st, f.text, f.ctx, false, fileOrigin(f.ctx), true);
    },
  );
  readHelpersOnDemand(st);
  addCApiItems(st);
  return finishCrate(st, boundaries, cNames);
}

function newCrateState(
  tree: SourceTree,
  manifest: CrateManifest,
  env: CfgEnv,
  parser: RustParser,
  limits: Limits,
  cache: ScanCache | undefined,
): CrateState {
  const rootDir = dirname(manifest.libRoot);
  const rootCtx: ScanContext = {
    file: manifest.libRoot,
    modPath: 'crate',
    cfgs: [],
    childDir: rootDir,
    pathBaseDir: rootDir,
    lineBase: 1,
  };
  return {
    tree,
    manifest,
    env,
    parser,
    limits,
    cache,
    diagnostics: [],
    items: [],
    candidates: [],
    typeDefinitions: [],
    declaredTypes: [],
    macros: new Map(),
    definitions: new Map(),
    invocations: [],
    testText: [],
    unsafeSendSync: new Set(),
    helpers: [],
    gated: [],
    localRisk: new Map(),
    queue: [{ file: manifest.libRoot, ctx: rootCtx, depth: 0, isRoot: true }],
    head: 0,
    reads: new Map(),
    visited: new Set(),
    files: [],
    fileDepth: new Map([[manifest.libRoot, 0]]),
    unparsed: [],
    rescanned: new Set(),
    unreadable: [],
    budgetHit: false,
    expansions: 0,
    expandedBytes: 0,
    deferred: [],
    fileTexts: new Map(),
    fragments: [],
    expanded: new Set(),
    failed: new Map(),
    textuallyChosen: new Set(),
    guessed: new Set(),
  };
}

/** The C names cbindgen gives the crate's types, when it has a cbindgen.toml. */
async function readCbindgenNames(
  tree: SourceTree,
  manifest: CrateManifest,
): Promise<ReturnType<typeof parseCbindgenNames> | null> {
  const cbindgenToml = await tree.read(joinPath(manifest.dir, 'cbindgen.toml'), MAX_CBINDGEN_TOML_BYTES);
  return cbindgenToml.ok ? parseCbindgenNames(cbindgenToml.text) : null;
}

// ---------------------------------------------------------------------------------------------
// Scanning: parse a text (through the cache), record it for the accounting, collect what it holds

/** Adds what one scan found to the crate's collections; returns its `mod` declarations if `takeMods`. */
function absorb(st: CrateState, o: FileScan, takeMods: boolean): ModDecl[] {
  st.items.push(...o.items);
  st.candidates.push(...o.candidates);
  st.typeDefinitions.push(...o.definitions);
  st.declaredTypes.push(...o.declaredTypes);
  for (const m of o.macros) {
    if (!st.macros.has(m.name)) st.macros.set(m.name, m);
    st.definitions.set(m.name, [...(st.definitions.get(m.name) ?? []), m]);
  }
  st.invocations.push(...o.invocations);
  st.diagnostics.push(...o.diagnostics);
  st.testText.push(...o.testText);
  st.gated.push(...o.gated);
  for (const t of o.unsafeSendSync ?? []) st.unsafeSendSync.add(t);
  if (o.helpers) st.helpers.push(...o.helpers);
  return takeMods ? o.mods : [];
}

/** Records a text for the accounting: a file (replacing its unparsed record) or a fragment. */
function record(
  st: CrateState,
  text: string,
  origin: TextOrigin,
  scan: FileScan | null,
  isFile: boolean,
): void {
  const t: ScannedText = {
    text,
    origin,
    accounted: scan?.accounted ?? [],
    invocations: scan?.invocations ?? [],
  };
  if (isFile) st.fileTexts.set(origin.file, t);
  else st.fragments.push(t);
}

function parseAndScan(
  st: CrateState,
  text: string,
  ctx: ScanContext,
  takeMods: boolean,
  origin: TextOrigin,
  isFile: boolean,
): ModDecl[] {
  // with a cache (a diff's base and head share one), unchanged text in an unchanged context is not re-parsed
  const key = st.cache ? ScanCache.key(text, ctx, st.env) : '';
  let outcome = st.cache?.get(key);
  if (!outcome) {
    outcome = scanText(text, ctx, st.env, st.parser);
    st.cache?.set(key, outcome, text.length);
  }
  if (outcome.error) st.diagnostics.push(outcome.error);
  record(st, text, origin, outcome.scan, isFile);
  return absorb(st, outcome.scan, takeMods);
}

function fileOrigin(ctx: ScanContext): TextOrigin {
  return {
    file: ctx.file,
    modPath: ctx.modPath,
    lineBase: 1,
    expansionOf: null,
    childDir: ctx.childDir,
    pathBaseDir: ctx.pathBaseDir,
  };
}

// ---------------------------------------------------------------------------------------------
// Module resolution: read the module files breadth-first from the library root

/** Starts the reads of the next `READ_AHEAD` queued files. */
function readAhead(st: CrateState): void {
  // the window is refilled once half of it is read: reads started together reach a reader fed by
  // another process (`git cat-file`) in one write, not one write (and one wake-up of git) per file
  if (st.reads.size > READ_AHEAD / 2) return;
  for (let k = st.head; k < Math.min(st.queue.length, st.head + READ_AHEAD); k++) {
    const f = st.queue[k].file;
    if (st.reads.has(f) || st.visited.has(f)) continue;
    const p = st.tree.read(f, st.limits.maxFileBytes);
    p.catch(() => undefined); // awaited below; a read never awaited must not be an unhandled rejection
    st.reads.set(f, p);
  }
}

/** Queues the files of `mod` declarations found at module depth `depth`. */
async function followMods(st: CrateState, mods: ModDecl[], depth: number): Promise<void> {
  const { tree, diagnostics, limits, queue } = st;
  for (const m of mods) {
    if (depth + 1 > limits.maxModuleDepth) {
      diagnostics.push({
        level: 'error',
        code: 'module-too-deep',
        message: `module ${m.modPath} is nested deeper than ${limits.maxModuleDepth}`,
        file: m.file,
        line: m.line,
      });
      continue;
    }
    if (m.pathAttr !== null && escapesRoot(m)) {
      diagnostics.push({
        level: 'error',
        code: 'file-outside',
        message: `mod ${m.name}: #[path = ${JSON.stringify(m.pathAttr)}] leads outside the analysed root; not read`,
        file: m.file,
        line: m.line,
      });
      continue;
    }
    // `#[path = "sub\\x.rs"]`: rustc on Unix reads a file whose name holds the backslash, on
    // Windows a nested path; whichever exists is read, under the platform that reads it
    if (m.pathAttr !== null && m.pathAttr.includes('\\')) {
      const unix = joinPosix(m.pathBaseDir, m.pathAttr);
      const windows = joinPath(m.pathBaseDir, m.pathAttr);
      const found: { file: string; cfg: CfgPred }[] = [];
      if (unix !== windows && !unix.startsWith('..') && (await tree.stat(unix)) === 'file')
        found.push({ file: unix, cfg: { op: 'not', arg: { op: 'name', name: 'windows' } } });
      const stat = windows.startsWith('..') ? 'missing' : await tree.stat(windows);
      if (stat === 'file' || stat === 'symlink')
        found.push({ file: windows, cfg: { op: 'name', name: 'windows' } });
      if (!found.length) {
        diagnostics.push({
          level: 'warning',
          code: 'module-not-found',
          message: `mod ${m.name}: neither ${unix} (Unix) nor ${windows} (Windows) exists`,
          file: m.file,
          line: m.line,
        });
        continue;
      }
      for (const f of found)
        queue.push({
          file: f.file,
          ctx: {
            file: f.file,
            modPath: m.modPath,
            cfgs: [...m.cfgs, f.cfg],
            childDir: dirname(f.file),
            pathBaseDir: dirname(f.file),
            lineBase: 1,
          },
          depth: depth + 1,
          isRoot: false,
        });
      continue;
    }
    // `..` after a directory that is a symbolic link climbs from the link's target, as the OS
    // resolves it: the engine must read that file, not a decoy at the lexical path
    const physical =
      m.pathAttr !== null && /(^|[\\/])\.\.([\\/]|$)/.test(m.pathAttr)
        ? await physicalPath(tree, m.pathBaseDir, m.pathAttr)
        : undefined;
    if (physical === null) {
      diagnostics.push({
        level: 'error',
        code: 'file-outside',
        message: `mod ${m.name}: #[path = ${JSON.stringify(m.pathAttr)}] leads outside the analysed root through a symbolic link; not read`,
        file: m.file,
        line: m.line,
      });
      continue;
    }
    const resolved =
      physical !== undefined
        ? (await tree.stat(physical)) === 'file'
          ? physical
          : null
        : await resolveMod(tree, m);
    if (!resolved) {
      diagnostics.push({
        level: 'warning',
        code: 'module-not-found',
        message: `mod ${m.name}: none of ${candidatesOf(m).join(', ')} exists`,
        file: m.file,
        line: m.line,
      });
      continue;
    }
    const modRs = m.pathAttr !== null || /(^|\/)mod\.rs$/.test(resolved);
    const childDir = modRs ? dirname(resolved) : joinPath(dirname(resolved), stem(resolved));
    queue.push({
      file: resolved,
      ctx: {
        file: resolved,
        modPath: m.modPath,
        cfgs: m.cfgs,
        childDir,
        pathBaseDir: dirname(resolved),
        lineBase: 1,
      },
      depth: depth + 1,
      isRoot: false,
    });
  }
}

/** Reads the queued module files: parses those that may contribute, reads the rest lexically. */
async function readModules(st: CrateState): Promise<void> {
  const { tree, diagnostics, limits, queue, visited, files, env } = st;
  for (; st.head < queue.length && !st.budgetHit; st.head++) {
    readAhead(st);
    // reads ahead already answered resolve as microtasks, which never let the event loop look at
    // I/O: let it, now and then, so that a reader fed by another process (`git cat-file`) is
    // drained while this one works, instead of stalling on a full pipe until a read is awaited
    if (st.head % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const { file, ctx, depth, isRoot } = queue[st.head];
    if (visited.has(file)) {
      diagnostics.push({
        level: 'warning',
        code: 'module-cycle',
        message: `${file} is included more than once (a #[path] cycle or duplicate); read once`,
        file,
      });
      continue;
    }
    if (files.length >= limits.maxFilesPerCrate) {
      diagnostics.push({
        level: 'error',
        code: 'too-many-files',
        message: `crate ${st.manifest.name} has more than ${limits.maxFilesPerCrate} module files; the rest were not read`,
        file,
      });
      st.budgetHit = true;
      break;
    }
    visited.add(file);
    if (!st.fileDepth.has(file)) st.fileDepth.set(file, depth);
    const r = await (st.reads.get(file) ?? tree.read(file, limits.maxFileBytes));
    st.reads.delete(file);
    let text: string;
    if (r.ok) text = r.text;
    else if (r.reason === 'invalid-utf8' && r.text !== undefined) {
      diagnostics.push({
        level: 'warning',
        code: 'invalid-utf8',
        message: `${file} is not valid UTF-8; read with replacement characters`,
        file,
      });
      text = r.text;
    } else {
      diagnostics.push({
        level: r.reason === 'missing' ? 'warning' : 'error',
        code: r.reason === 'missing' ? 'module-not-found' : `file-${r.reason}`,
        message: `${file} ${r.detail}${r.reason === 'missing' ? '' : '; not read'}`,
        file,
      });
      // a module file that exists but cannot be read may hold exports: fail closed
      if (r.reason !== 'missing') st.unreadable.push({ file, detail: r.detail });
      continue;
    }
    files.push(file);
    // inner attributes: `#![cfg(...)]` at the top of the file
    const inner = innerCfgs(text, env);
    if (inner === false) continue;
    const fileCtx: ScanContext = { ...ctx, file, cfgs: [...ctx.cfgs, ...inner] };
    let mods: ModDecl[];
    if (isRoot || mayContribute(text))
      mods = parseAndScan(st, text, fileCtx, true, fileOrigin(fileCtx), true);
    else {
      record(st, text, fileOrigin(fileCtx), null, true);
      (st.fileTexts.get(file) as ScannedText).prefiltered = true;
      mods = scanModsLexically(text, fileCtx, env, (modPath, line) =>
        diagnostics.push({
          level: 'error',
          code: 'module-too-deep',
          message: `module ${modPath.slice(0, 200)}… is nested deeper than ${MAX_MODULE_NESTING}`,
          file,
          line,
        }),
      );
      st.unparsed.push({ path: file, text, ctx: fileCtx });
    }
    await followMods(st, mods, depth);
  }
}

// ---------------------------------------------------------------------------------------------
// Macro expansion

/**
 * A crate macro whose expansion may export, as far as this crate shows: its body names an export,
 * or calls one of the crate's macros that may, or a macro of another crate that is neither std's
 * nor trusted (the accounting decides those precisely, across the workspace, afterwards).
 */
function mayExport(st: CrateState, name: string): boolean {
  const known = st.localRisk.get(name);
  if (known !== undefined) return known;
  st.localRisk.set(name, false); // recursion: decided by the other parts
  const risky = (st.definitions.get(name) ?? []).some(
    (d) =>
      d.exports ||
      d.rules.some((r) =>
        macroCalls(r.transcriber).some(({ path: call, asmRisk }) => {
          // inline assembly that may define a symbol: expanded, so that each expansion's is read
          if (asmRisk !== undefined) return true;
          const segs = call.replace(/^::/, '').split('::');
          const callee = segs[segs.length - 1];
          if (isOwnMacroPath(call) && st.definitions.has(callee))
            return callee !== name && mayExport(st, callee);
          if (segs.length === 1) return !STD_MACRO_NAMES.has(callee);
          return !STD_ROOTS.has(segs[0]) && !DEFAULT_TRUSTED.has(segs[0].replace(/-/g, '_'));
        }),
      ),
  );
  st.localRisk.set(name, risky);
  return risky;
}

/**
 * The definition rustc's textual scoping gives an invocation: the last one in the same file
 * before it (a later `macro_rules!` shadows an earlier one); `textual` is false when the choice
 * rests on read order across files, which the accounting then reports as a shadowed macro.
 */
function visibleDefinition(
  st: CrateState,
  name: string,
  inv: MacroInvocation,
): { def: MacroDef; textual: boolean } {
  const defs = st.definitions.get(name) ?? [];
  let best: MacroDef | null = null;
  for (const d of defs)
    if (d.file === inv.ctx.file && d.line <= inv.line && (!best || d.line >= best.line)) best = d;
  if (best) return { def: best, textual: true };
  return { def: st.macros.get(name) as MacroDef, textual: defs.length < 2 };
}

/** Parses the unparsed files that invoke a crate macro, `cfg_if!` or `include!` (each one at most once). */
function parseMacroInvokers(st: CrateState): void {
  const re = new RegExp(`\\b(${[...st.macros.keys(), 'cfg_if', 'include'].map(escapeRe).join('|')})\\s*!`);
  for (const f of st.unparsed)
    if (!st.rescanned.has(f.path) && re.test(f.text)) {
      st.rescanned.add(f.path);
      parseAndScan(st, f.text, f.ctx, false, fileOrigin(f.ctx), true);
    }
}

/** `include!("file.rs")`: the file is compiled in place, as if its text stood there. */
async function includeFile(st: CrateState, inv: MacroInvocation, modDepth: number): Promise<void> {
  const literal = includedPath(inv.input);
  if (literal === null) return; // `include!(concat!(env!("OUT_DIR"), …))`: stays unresolved
  const file = joinPath(dirname(inv.ctx.file), literal);
  if (file.startsWith('..') || /^([\\/]|[A-Za-z]:)/.test(literal)) {
    st.failed.set(inv, `${literal} is outside the repository`);
    return;
  }
  const r = await st.tree.read(file, st.limits.maxFileBytes);
  const text = r.text;
  if (text === undefined) {
    st.failed.set(inv, `${file} ${r.ok ? '' : r.detail}`);
    return;
  }
  st.expanded.add(inv);
  if (!st.files.includes(file)) st.files.push(file);
  const ctx: ScanContext = { ...inv.ctx, file, lineBase: 1, macro: undefined };
  const origin: TextOrigin = {
    file,
    modPath: inv.ctx.modPath,
    lineBase: 1,
    expansionOf: null,
    childDir: inv.ctx.childDir,
    pathBaseDir: inv.ctx.pathBaseDir,
  };
  await followMods(
    st,
    parseAndScan(st, inv.inBody ? wrapInBlock(text) : text, ctx, true, origin, !inv.inBody),
    modDepth,
  );
}

/**
 * Expands the pending invocations (and those their expansions make); invocations of macros not
 * defined yet are deferred to the next round.
 */
async function expandInvocations(st: CrateState): Promise<void> {
  const { diagnostics, limits, invocations, macros, failed, expanded, env } = st;
  const work = [...st.deferred, ...invocations.splice(0).map((inv) => ({ inv, depth: 0 }))];
  st.deferred = [];
  for (let w = 0; w < work.length; w++) {
    const { inv, depth } = work[w];
    const segs = inv.name.split('::');
    const name = segs[segs.length - 1];
    const root = segs.length > 1 ? segs[0] : null;
    // `crate::a::m!` names what module `a` holds: usually the crate's macro re-exported
    // (`pub(crate) use m;`), so it is expanded with that definition, and the accounting checks the
    // guess by name resolution — except inside an expansion of `m` itself, where it is something
    // else under the same name (a proc macro re-exported over it)
    const viaModule = !isOwnMacroPath(inv.name) && root !== null && MODULE_ROOTS.has(root);
    const isCrateMacro =
      macros.has(name) && (isOwnMacroPath(inv.name) || (viaModule && inv.ctx.macro !== name));
    if (isCrateMacro && viaModule) st.guessed.add(inv);
    const isStd = !isCrateMacro && (root === null || STD_ROOTS.has(root));
    if (isStd && (name === 'include' || STD_ARG_MACROS.has(name))) {
      // std macros read as rustc reads them: `include!` compiles a file in place, and the
      // arguments of `println!`, `vec!`, `thread_local!`, … are expressions and items
      if (name !== 'include' && !EXPORT_WORD.test(inv.input)) continue;
      if (depth > limits.maxMacroDepth) {
        failed.set(inv, `nested deeper than ${limits.maxMacroDepth} expansions`);
        continue;
      }
      const modDepth = st.fileDepth.get(inv.ctx.file) ?? 0;
      if (name === 'include') await includeFile(st, inv, modDepth);
      else {
        expanded.add(inv);
        const text = wrapInBlock(stdArguments(name, inv.input));
        await followMods(
          st,
          parseAndScan(
            st,
            text,
            { ...inv.ctx, lineBase: inv.line, macro: name },
            true,
            { file: inv.ctx.file, modPath: inv.ctx.modPath, lineBase: inv.line, expansionOf: name },
            false,
          ),
          modDepth,
        );
      }
      for (const inv2 of invocations.splice(0)) work.push({ inv: inv2, depth: depth + 1 });
      continue;
    }
    if (name !== 'cfg_if' && !isCrateMacro) {
      // a macro of another crate (`::log::trace!`) is never this crate's macro of the same name
      st.deferred.push(work[w]); // perhaps defined in a module not read yet
      continue;
    }
    // an expression macro in a function body that cannot export — unless attributes in its input
    // may pass through into the expansion (`$(#[$m:meta])*`), where they could be macros
    if (
      inv.inBody &&
      !EXPORT_WORD.test(inv.input) &&
      !(name !== 'cfg_if' && mayExport(st, name)) &&
      !ATTRIBUTE_START.test(inv.input)
    )
      continue;

    if (++st.expansions > limits.maxExpansions) {
      diagnostics.push({
        level: 'error',
        code: 'too-many-expansions',
        message: `more than ${limits.maxExpansions} macro expansions in ${st.manifest.name}; the rest were not expanded`,
        file: inv.ctx.file,
        line: inv.line,
      });
      for (const rest of work.slice(w))
        failed.set(rest.inv, `over the limit of ${limits.maxExpansions} expansions`);
      work.length = 0;
      break;
    }
    if (depth > limits.maxMacroDepth) {
      diagnostics.push({
        level: 'error',
        code: 'macro-too-deep',
        message: `macro ${name}! expands deeper than ${limits.maxMacroDepth} levels`,
        file: inv.ctx.file,
        line: inv.line,
      });
      failed.set(inv, `nested deeper than ${limits.maxMacroDepth} expansions`);
      continue;
    }
    const ctxAt: ScanContext = { ...inv.ctx, lineBase: inv.line };
    const modDepth = st.fileDepth.get(inv.ctx.file) ?? 0;
    if (name === 'cfg_if') {
      const branches = splitCfgIf(inv.input);
      if (!branches) {
        diagnostics.push({
          level: 'warning',
          code: 'unexpanded-macro',
          message: `cannot read cfg_if! input; exports inside it are not seen`,
          file: inv.ctx.file,
          line: inv.line,
        });
        continue;
      }
      expanded.add(inv);
      const negated: CfgPred[] = [];
      for (const b of branches) {
        const pred = b.pred ? parseCfg(b.pred) : null;
        const conds = [...negated, ...(pred ? [pred] : [])];
        const all = conjoin(conds);
        const v = all ? evalCfg(all, env) : true;
        if (v !== false) {
          const cfgs = [...ctxAt.cfgs, ...conds.filter((c) => evalCfg(c, env) !== true)];
          await followMods(
            st,
            parseAndScan(
              st,
              b.body,
              { ...ctxAt, cfgs },
              true,
              { file: inv.ctx.file, modPath: inv.ctx.modPath, lineBase: inv.line, expansionOf: null },
              false,
            ),
            modDepth,
          );
        }
        if (v === true) break;
        if (pred) negated.push({ op: 'not', arg: pred });
      }
    } else {
      const { def, textual } = visibleDefinition(st, name, inv);
      if (textual) st.textuallyChosen.add(inv);
      const expansion = expandMacro(def.rules, inv.input);
      // an expansion in a body or an expression is statements or an expression: read in a block
      const text = expansion !== null && inv.inBody ? wrapInBlock(expansion) : expansion;
      if (text === null) {
        diagnostics.push({
          level: 'warning',
          code: 'unexpanded-macro',
          message: `no rule of macro ${name}! matches this invocation: exports it makes are not seen`,
          file: inv.ctx.file,
          line: inv.line,
        });
        failed.set(inv, 'no rule matches');
        continue;
      }
      if ((st.expandedBytes += text.length) > MAX_EXPANDED_BYTES) {
        diagnostics.push({
          level: 'error',
          code: 'too-many-expansions',
          message: `macro expansions in ${st.manifest.name} exceed ${MAX_EXPANDED_BYTES} bytes; the rest were not expanded`,
          file: inv.ctx.file,
          line: inv.line,
        });
        for (const rest of work.slice(w))
          failed.set(rest.inv, `over the limit of ${MAX_EXPANDED_BYTES} expanded bytes`);
        work.length = 0;
        break;
      }
      expanded.add(inv);
      await followMods(
        st,
        parseAndScan(
          st,
          text,
          { ...ctxAt, macro: name },
          true,
          { file: inv.ctx.file, modPath: inv.ctx.modPath, lineBase: inv.line, expansionOf: name },
          false,
        ),
        modDepth,
      );
    }
    for (const inv2 of invocations.splice(0)) work.push({ inv: inv2, depth: depth + 1 });
  }
}

/** Item-position invocations of macros the crate does not define: their exports are not seen. */
function reportUndefinedMacros(st: CrateState): void {
  for (const { inv } of st.deferred)
    if (!inv.inBody || EXPORT_WORD.test(inv.input))
      st.diagnostics.push({
        level: 'warning',
        code: 'unexpanded-macro',
        message: `item-position macro ${inv.name}! is not defined in this crate (a proc macro or another crate's macro): exports it makes are not seen`,
        file: inv.ctx.file,
        line: inv.line,
      });
}

// ---------------------------------------------------------------------------------------------
// The surface: panic boundaries, C-API consts and aliases, reachable definitions, the result

/** Panic boundaries: crate macros whose definition calls catch_unwind guard their input. */
function applyPanicBoundaries(st: CrateState): Set<string> {
  const boundaries = new Set([...st.macros.values()].filter((m) => m.catchesUnwind).map((m) => m.name));
  for (const it of st.items) {
    if (it.kind === 'function') {
      spareBoundaryPanics(it.body, boundaries);
      if (it.body.macros.some((m) => boundaries.has(m))) it.body.catchUnwind = true;
    }
  }
  return boundaries;
}

/**
 * Functions a pointer is handed to that sit in files the prefilter did not parse: read on demand
 * (a null-checking helper of the crate; see body-evidence.ts).
 */
function readHelpersOnDemand(st: CrateState): void {
  for (let round = 0; round < MAX_DEMAND_ROUNDS; round++) {
    const wanted = unknownCallees(st.items, st.helpers, [...st.definitions.values()].flat());
    const hits = st.unparsed.filter((f) => !st.rescanned.has(f.path) && declaresFunction(f.text, wanted));
    if (!hits.length) break;
    for (const f of hits) {
      st.rescanned.add(f.path);
      parseAndScan(st, f.text, f.ctx, false, fileOrigin(f.ctx), true);
    }
  }
}

/**
 * `pub const` / `pub type` at the crate root or in a module that holds exports, of a C type; then
 * every type, alias and const an export reaches, whatever its visibility: its layout is the export's.
 */
function addCApiItems(st: CrateState): void {
  const { items, candidates } = st;
  const exportModules = new Set(items.filter((i) => i.kind !== 'import').map((i) => i.path));
  const reprTypes = new Set(
    items.filter((i) => i.kind === 'struct' || i.kind === 'union' || i.kind === 'enum').map((i) => i.name),
  );
  const aliasNames = new Set(candidates.filter((c) => c.kind === 'type').map((c) => c.name));
  for (const c of candidates) {
    if (c.path !== 'crate' && !exportModules.has(c.path)) continue;
    const ty = c.kind === 'type' ? c.target : c.kind === 'const' ? c.type : '';
    if (isCCompatible(ty, reprTypes, aliasNames)) items.push(c);
  }
  items.push(...reachableDefinitions(items, st.typeDefinitions));
}

/** The crate's surface, diagnostics and accounting input. */
function finishCrate(
  st: CrateState,
  boundaries: Set<string>,
  cNames: ReturnType<typeof parseCbindgenNames> | null,
): CrateExtraction {
  const { manifest, diagnostics } = st;
  const dedup = dedupe(st.items, diagnostics);
  // the accounting needs every crate's macros: it runs once all crates are read (see `accountFor`)
  const accounting: AccountingInput = {
    crate: manifest.name,
    texts: [...st.fileTexts.values(), ...st.fragments],
    macros: { expanded: st.expanded, failed: st.failed, textual: st.textuallyChosen, guessed: st.guessed },
    env: st.env,
    own: {
      lib: manifest.libName.replace(/-/g, '_'),
      procMacro: manifest.crateTypes.includes('proc-macro'),
      definitions: st.definitions,
      deps: manifest.dependencyNames,
    },
  };
  const unresolved = st.unreadable.flatMap((u) => unreadableEntry(manifest.name, u.file, u.detail));
  return {
    surface: {
      name: manifest.name,
      version: manifest.version,
      manifest: manifest.manifest,
      root: manifest.libRoot,
      features: [...st.env.features].sort(),
      items: dedup,
      declaredTypes: uniqueTypes(st.declaredTypes),
      panicBoundaryMacros: [...boundaries].sort(),
      files: st.files.sort(),
      gated: st.gated.filter((g) => /\bfeature\b/.test(g.cfg)),
      unresolved,
      ...(cNames ? { cNames } : {}),
      ...(st.unsafeSendSync.size ? { unsafeSendSync: [...st.unsafeSendSync].sort() } : {}),
      ...nullCheckersOf(st.helpers, [...st.definitions.values()].flat(), dedup),
    },
    diagnostics,
    testText: st.testText,
    accounting,
    readTextHashes: new Set(
      // a prefiltered text holds neither word (`mayContribute` was false): not searched again
      [...st.fileTexts.values()]
        .filter((t) => t.prefiltered !== true && namesExportAttribute(t.text))
        .map((t) => textHash(t.text)),
    ),
  };
}

/** Most rounds of on-demand reading (an alias in one file naming a const in another, …). */
const MAX_DEMAND_ROUNDS = 8;
const DECLARATION = /\b(?:struct|enum|union|type|const)\s+(?:r#)?([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Parses the unparsed files (no export token, so the prefilter skipped them) that declare a name
 * the surface reaches and no parsed file answers: the surface's types, aliases and consts may live
 * anywhere in the crate. One regular-expression pass per file and round; at most a few rounds.
 */
function readDefinitionsOnDemand(
  items: SurfaceItem[],
  pool: Definition[],
  candidates: PendingFile[],
  parse: (f: PendingFile) => void,
): void {
  let unparsed = candidates;
  for (let round = 0; round < MAX_DEMAND_ROUNDS && unparsed.length; round++) {
    const wanted = unansweredNames([...items, ...reachableDefinitions(items, pool)], pool);
    if (!wanted.size) return;
    const hits = unparsed.filter((f) => {
      for (const m of f.text.matchAll(DECLARATION)) if (wanted.has(m[1])) return true;
      return false;
    });
    if (!hits.length) return;
    for (const f of hits) parse(f);
    unparsed = unparsed.filter((f) => !hits.includes(f));
  }
}

const C_PRIMITIVES = new Set([
  'i8',
  'i16',
  'i32',
  'i64',
  'isize',
  'u8',
  'u16',
  'u32',
  'u64',
  'usize',
  'f32',
  'f64',
  'bool',
  'c_char',
  'c_schar',
  'c_uchar',
  'c_short',
  'c_ushort',
  'c_int',
  'c_uint',
  'c_long',
  'c_ulong',
  'c_longlong',
  'c_ulonglong',
  'c_float',
  'c_double',
  'c_void',
  'size_t',
  'ssize_t',
  'c_size_t',
  'c_ssize_t',
  'intptr_t',
  'uintptr_t',
  'ptrdiff_t',
  'CStr',
]);

/** Arrays of arrays nested deeper than this are not taken for C types (each level rereads the text). */
const MAX_ARRAY_NESTING = 32;

export function isCCompatible(
  type: string,
  reprTypes: Set<string>,
  aliases: Set<string>,
  depth = 0,
): boolean {
  const t = type.trim();
  if (C_PRIMITIVES.has(t) || reprTypes.has(t) || aliases.has(t)) return true;
  if (/^\*(const|mut) /.test(t)) return true;
  if (/^(unsafe )?extern "[^"]*" fn\(/.test(t)) return true;
  if (/^Option<(unsafe )?extern "[^"]*" fn\(/.test(t)) return true;
  if (/^&(?:'static )?CStr$/.test(t) || t === '&CStr') return true;
  const element = depth < MAX_ARRAY_NESTING ? arrayElement(t) : null;
  if (element !== null) return isCCompatible(element, reprTypes, aliases, depth + 1);
  return false;
}

/**
 * A text's SHA-256 as a 32-character binary string (kept per read text until the accounting:
 * half the memory of hex at 100,000 files). A set key only: never printed.
 */
/** Whether `text` names an export attribute anywhere (comments and strings included). */
export function namesExportAttribute(text: string): boolean {
  return text.includes('no_mangle') || text.includes('export_name');
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('binary');
}

/** A module file the engine could not read (too large, binary, a link out of the root). */
export function unreadableEntry(crate: string, file: string, detail: string): UnresolvedEntry[] {
  const hash = createHash('sha256').update(detail).digest('hex').slice(0, 16);
  return finishEntries(crate, [
    {
      kind: 'export-site',
      file,
      line: 1,
      path: 'crate',
      macro: null,
      reason: 'unreadable-file',
      unit: { start: 0, end: 0, hash, excerpt: detail.slice(0, 160) },
      message: `a module file of the library could not be read (${detail}): exports in it are not listed`,
      order: 0,
    },
  ]);
}

/**
 * `[T; N]` → `T`: what `/^\[(.+); .+\]$/` captured (the last `; ` with something after it, on one
 * line), without that expression's backtracking from every `; `.
 */
function arrayElement(t: string): string | null {
  if (t.length < 6 || t[0] !== '[' || t[t.length - 1] !== ']') return null;
  for (let i = 1; i < t.length - 1; i++) if (isLineBreak(t.charCodeAt(i))) return null;
  const k = t.lastIndexOf('; ', t.length - 4);
  return k >= 2 ? t.slice(1, k) : null;
}

function dedupe(items: SurfaceItem[], diagnostics: Diagnostic[]): SurfaceItem[] {
  const seen = new Map<string, SurfaceItem>();
  const out: SurfaceItem[] = [];
  for (const it of items) {
    const key = `${it.kind}:${'symbol' in it ? it.symbol : it.name}:${it.cfg ?? ''}`;
    const prev = seen.get(key);
    if (prev) {
      if (it.kind === 'function' || it.kind === 'static') {
        diagnostics.push({
          level: 'warning',
          code: 'duplicate-symbol',
          message: `symbol ${(it as FunctionItem).symbol} is exported twice (also at ${prev.file}:${prev.line}); the linker will reject this build`,
          file: it.file,
          line: it.line,
        });
      }
      continue;
    }
    seen.set(key, it);
    out.push(it);
  }
  return out;
}

function uniqueTypes(types: DeclaredType[]): DeclaredType[] {
  const m = new Map<string, DeclaredType>();
  for (const t of types) if (!m.has(t.name) || t.repr.length) m.set(t.name, t);
  return [...m.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function stem(p: string): string {
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base.replace(/\.rs$/, '');
}

/**
 * `dir` + `rel` as the operating system resolves it: each `..` climbs from where the path so far
 * really is (a directory that is a link climbs from its target). Null when it leaves the root.
 */
async function physicalPath(tree: SourceTree, dir: string, rel: string): Promise<string | null> {
  let cur = dir;
  for (const seg of rel.split(/[\\/]/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      const real = tree.realPath && (await tree.stat(cur)) !== 'missing' ? await tree.realPath(cur) : cur;
      if (real === null) return null;
      if (real === '') return null; // above the root
      cur = dirname(real);
    } else cur = cur ? `${cur}/${seg}` : seg;
  }
  return cur;
}

/** Joins like `joinPath`, but a backslash is a character of a name (as on Unix). */
function joinPosix(dir: string, rel: string): string {
  return joinPath(dir, rel, /\//);
}

function candidatesOf(m: ModDecl): string[] {
  if (m.pathAttr !== null) return [joinPath(m.pathBaseDir, m.pathAttr)];
  return [joinPath(m.lookupDir, `${m.name}.rs`), joinPath(m.lookupDir, `${m.name}/mod.rs`)];
}

/** A `#[path]` that is absolute or climbs above the analysed root. */
function escapesRoot(m: ModDecl): boolean {
  const p = m.pathAttr ?? '';
  return /^([\\/]|[A-Za-z]:)/.test(p) || joinPath(m.pathBaseDir, p).startsWith('..');
}

async function resolveMod(tree: SourceTree, m: ModDecl): Promise<string | null> {
  for (const c of candidatesOf(m)) {
    if (c.startsWith('..')) continue; // never read outside the analysed root
    const st = await tree.stat(c);
    if (st === 'file' || st === 'symlink') return c;
  }
  return null;
}

/** Reads `#![cfg(...)]` inner attributes at the top of a file: false when the file is disabled. */
function innerCfgs(text: string, env: CfgEnv): CfgPred[] | false {
  if (!/#!\s*\[/.test(text.slice(0, 65536))) return [];
  // the attributes lead the file: lex a few tokens first, all of the first 64 KiB (at most 5,000
  // tokens, as always) only when they run past them
  return innerCfgsWithin(text, env, 256) ?? innerCfgsWithin(text, env, 5000) ?? [];
}

/** `innerCfgs` over the first `cap` tokens; null when the leading attributes may run past them. */
function innerCfgsWithin(text: string, env: CfgEnv, cap: number): CfgPred[] | false | null {
  const tokens = lex(text.slice(0, 65536), cap);
  const cut = tokens.length >= cap && cap < 5000;
  const preds: CfgPred[] = [];
  let i = 0;
  while (tokens[i]?.text === '#' && tokens[i + 1]?.text === '!' && tokens[i + 2]?.text === '[') {
    const end = skipTree(tokens, i + 2);
    // an attribute that reaches the last token may be cut short: read it from more tokens
    if (cut && end >= tokens.length - 2) return null;
    const inner = text.slice(tokens[i + 3]?.start ?? 0, tokens[end - 2]?.end ?? 0);
    for (const a of readAttribute(inner, env)) {
      if (a.name !== 'cfg' || a.args === null) continue;
      const p = parseCfg(a.args);
      if (!p) continue;
      const v = evalCfg(p, env);
      if (v === false) return false;
      preds.push(p);
    }
    i = end;
  }
  if (cut && i >= tokens.length - 2) return null;
  return preds;
}

/**
 * Finds `mod name;` declarations without parsing, honouring `#[cfg]`, `#[path]` and inline modules.
 * Linear in the text: `meter` counts the positions and tokens looked at.
 */
export function scanModsLexically(
  text: string,
  ctx: ScanContext,
  env: CfgEnv,
  onTooDeep?: (modPath: string, line: number) => void,
  meter?: WorkMeter,
): ModDecl[] {
  // Only `mod name;` reads another file: without one (most files), there is nothing to lex.
  if (!mayDeclareFileModule(text, meter)) return [];
  const tokens = lex(text);
  const ends = groupEnds(tokens);
  if (meter) meter.steps += tokens.length;
  /** Index just past the token tree at `k`, like `skipTree` but without rescanning nested groups. */
  const skip = (k: number): number => (tokens[k]?.kind === 'open' ? ends[k] : k + 1);
  const out: ModDecl[] = [];
  const lineOf = lineCounter(text);
  const walk = (from: number, to: number, c: ScanContext): void => {
    let attrs: { cfgs: CfgPred[]; path: string | null; disabled: boolean } = {
      cfgs: [],
      path: null,
      disabled: false,
    };
    let i = from;
    while (i < to) {
      if (meter) meter.steps++;
      const t = tokens[i];
      if (t.text === '#' && tokens[i + 1]?.text === '!' && tokens[i + 2]?.text === '[') {
        i = skip(i + 2);
        continue;
      }
      if (t.text === '#' && tokens[i + 1]?.text === '[') {
        const end = skip(i + 1);
        const inner = text.slice(tokens[i + 2]?.start ?? 0, tokens[end - 2]?.end ?? 0);
        for (const a of readAttribute(inner, env)) {
          if (a.name === 'cfg' && a.args !== null) {
            const p = parseCfg(a.args);
            if (p) {
              const v = evalCfg(p, env);
              if (v === false) attrs.disabled = true;
              else attrs.cfgs.push(p);
            }
          } else if (a.name === 'path' && a.value !== null) attrs.path = a.value;
        }
        i = end;
        continue;
      }
      if (t.text === 'pub') {
        i = tokens[i + 1]?.text === '(' ? skip(i + 1) : i + 1;
        continue;
      }
      if (t.text === 'mod' && tokens[i + 1]?.kind === 'ident') {
        const name = tokens[i + 1].text.replace(/^r#/, '');
        const next = tokens[i + 2];
        const modPath = `${c.modPath}::${name}`;
        if (next?.text === ';') {
          if (!attrs.disabled)
            out.push({
              name,
              pathAttr: attrs.path,
              cfgs: [...c.cfgs, ...attrs.cfgs],
              modPath,
              lookupDir: c.childDir,
              pathBaseDir: c.pathBaseDir,
              file: c.file,
              line: lineOf(t.start),
            });
          i += 3;
        } else if (next?.text === '{') {
          const end = skip(i + 2);
          if (!attrs.disabled && moduleNesting(modPath) > MAX_MODULE_NESTING)
            onTooDeep?.(modPath, lineOf(t.start));
          else if (!attrs.disabled) {
            const dir = attrs.path ? joinPath(c.pathBaseDir, attrs.path) : joinPath(c.childDir, name);
            walk(i + 3, end - 1, {
              ...c,
              modPath,
              cfgs: [...c.cfgs, ...attrs.cfgs],
              childDir: dir,
              pathBaseDir: dir,
            });
          }
          i = end;
        } else i += 2;
        attrs = { cfgs: [], path: null, disabled: false };
        continue;
      }
      // any other item: skip its groups (bodies cannot declare file modules that we follow)
      i = skip(i);
      attrs = { cfgs: [], path: null, disabled: false };
    }
  };
  walk(0, tokens.length, ctx);
  return out;
}

/**
 * The text has a `mod` word followed by `;` before any `{` or `}`: what `/\bmod\b[^;{}]*;/` tests,
 * in one pass (that expression rescans to the end of the text from every `mod`, which is quadratic
 * in a file of `mod mod mod …` without a `;`).
 */
export function mayDeclareFileModule(text: string, meter?: WorkMeter): boolean {
  // a `mod` word whose first `;`, `{` or `}` after it is a `;` (`\bmod\b` then `;` before any
  // brace), or a brace that a comment or string may hide: found with `indexOf`, each search
  // starting past the last one (linear, no match objects)
  const n = text.length;
  // the next `;`, `{`, `}`, `/`, `"` and `'` at or after the current `mod` (n: none left)
  let semi = -1;
  let open = -1;
  let close = -1;
  let slash = -1;
  let dquote = -1;
  let squote = -1;
  const next = (c: string, from: number): number => {
    const k = text.indexOf(c, from);
    return k < 0 ? n : k;
  };
  for (let p = text.indexOf('mod'); p >= 0; p = text.indexOf('mod', p + 3)) {
    if (meter) meter.steps++;
    if (isWordCode(text.charCodeAt(p - 1)) || isWordCode(text.charCodeAt(p + 3))) continue;
    if (semi < p) semi = next(';', p);
    if (semi === n) return false; // no `;` after this `mod`, nor after any later one
    if (open < p) open = next('{', p);
    if (close < p) close = next('}', p);
    if (semi < open && semi < close) return true;
    // a brace first: unless it may sit in a comment or a string between the `mod` and its `;`
    // (`mod // }\n name;` declares `name`), in which case the lexer decides
    if (slash < p) slash = next('/', p);
    if (dquote < p) dquote = next('"', p);
    if (squote < p) squote = next("'", p);
    if (Math.min(slash, dquote, squote) < Math.min(open, close)) return true;
  }
  return false;
}

/** `[A-Za-z0-9_]` (what `\b` tells apart); NaN (out of range) is not. */
function isWordCode(x: number): boolean {
  return (x >= 97 && x <= 122) || (x >= 65 && x <= 90) || (x >= 48 && x <= 57) || x === 95;
}

/** For each opening token, the index just past its group (what `skipTree` returns), in one pass. */
function groupEnds(tokens: Token[]): Int32Array {
  const ends = new Int32Array(tokens.length).fill(tokens.length);
  const open: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].kind === 'open') open.push(k);
    else if (tokens[k].kind === 'close' && open.length > 0) ends[open.pop() as number] = k + 1;
  }
  return ends;
}

/** Line numbers of offsets visited in increasing order (the walk goes forward), in linear time. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    at = offset;
    return line;
  };
}

export { renderCfg };
