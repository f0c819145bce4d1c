/**
 * The data model of the surface engine. Everything here is plain data: it is what `extract`
 * prints as JSON (schema/extract-report.schema.json; README, "JSON reports") and what the diff,
 * the findings and the renderers consume. A field added here is added to the schema too.
 */

export const SCHEMA_VERSION = 1;

export type ItemKind = 'function' | 'static' | 'struct' | 'enum' | 'union' | 'type' | 'const' | 'import';

export type DiagnosticLevel = 'warning' | 'error';

export interface Diagnostic {
  level: DiagnosticLevel;
  /** A stable kebab-case code, e.g. `syntax-error`, `file-too-large`, `unexpanded-macro`. */
  code: string;
  message: string;
  file?: string;
  line?: number;
}

export interface Param {
  name: string;
  /** Normalised type spelling (see `normaliseType`). */
  type: string;
}

/** Facts about a function body that the security findings need; not part of the surface digest. */
export interface BodyFacts {
  /** Raw-pointer parameters the body dereferences (`*p`, `CStr::from_ptr(p)`, `p.as_ref()`, ...). */
  derefs: string[];
  /**
   * Places where the body can panic, outside `catch_unwind`: `{ what: "unwrap", line }`; `macro`
   * names the macro whose input holds it (a crate panic-boundary macro guards its input).
   */
  panics: { what: string; line: number; macro?: string }[];
  /**
   * Panic sites spared because they run inside `catch_unwind` or inside the input of a crate
   * panic-boundary macro (`by`: `catch_unwind` or the macro, `ffi_panic_boundary!`); at most 64.
   */
  sparedPanics?: { what: string; line: number; by: string }[];
  /** The body calls `catch_unwind`. */
  catchUnwind: boolean;
  /** Macros invoked in the body (by last path segment). */
  macros: string[];
  /** Plain identifiers assigned to (`X = ...`, `X += ...`), to find writes to `static mut`. */
  assigns: string[];
  /**
   * `.as_ptr()` returned from a temporary or a local owner (`CString::new(..).unwrap().as_ptr()`,
   * `s.as_ptr()` of a `let s = String::from(..)`): `what` is the receiver's text, shortened.
   */
  danglingReturns?: { what: string; line: number }[];
  /** `Box::from_raw(x)` calls: `arg` is the pointer the argument derives from (casts stripped). */
  boxFromRaw?: { arg: string; line: number }[];
  /** `transmute(x)` calls on a plain identifier `x`, with the target type when written. */
  transmutes?: { arg: string; line: number; to?: string }[];
  /** Type names the doc comment names (capitalised identifiers, at most 32). */
  docTypes?: string[];
  /**
   * Null checks of raw-pointer parameters the body shows, also inside macro invocations
   * (`p.is_null()`, `NonNull::new(p)`, `p.as_ref()`/`as_mut()`, `p == ptr::null()`); at most 64.
   */
  nullChecks?: NullCheck[];
  /**
   * Raw-pointer parameters passed whole (or cast) as an argument of a macro or function call
   * (`try_ref_from_ptr!(p)`, `check(p, n)`): a crate macro or function that checks that argument
   * (`CrateSurface.nullCheckers`) checks the parameter; at most 64.
   */
  passes?: PointerPass[];
  /** `checked_*`, `saturating_*` or `overflowing_*` arithmetic on an integer parameter; at most 64. */
  checkedArith?: { param: string; what: string; line: number }[];
}

/** A null check seen in a body: `what` is the form (`.is_null()`, `NonNull::new`, …). */
export interface NullCheck {
  param: string;
  what: string;
  line: number;
  /**
   * The check is on the result of this function called with the parameter (`cast(p).as_ref()`):
   * it checks the parameter only when that function returns its argument (a cast).
   */
  through?: string;
}

/** A raw-pointer parameter passed as argument `arg` (0-based) of a call of `callee` (last path segment). */
export interface PointerPass {
  param: string;
  callee: string;
  macro: boolean;
  arg: number;
  line: number;
}

/**
 * A crate macro or non-exported crate function that null-checks its argument `arg` (directly, or
 * by handing it to another that does, a few calls deep): a call passing a pointer there checks it.
 */
export interface NullChecker {
  name: string;
  macro: boolean;
  arg: number;
  /** Where it is defined (the first definition of the name). */
  file: string;
  line: number;
  /** How it checks, in a few words: "`.as_ref()` in `try_from`". */
  how: string;
}

/** Documentation facts of a function (not part of the surface digest). */
export interface FunctionDoc {
  present: boolean;
  /** The doc comment has a `# Safety` section. */
  safety: boolean;
  /** Parameter names the `# Safety` section mentions as words, sorted (absent when none). */
  safetyNames?: string[];
}

export interface ItemBase {
  kind: ItemKind;
  /** The Rust identifier. */
  name: string;
  /** The Rust module path of the item, e.g. `crate::ffi::buffer`. */
  path: string;
  file: string;
  line: number;
  /** The effective `cfg` predicate (own and enclosing modules'), or null when unconditional. */
  cfg: string | null;
  /** Visibility as written: `pub`, `pub(crate)`, ... or `private`. */
  visibility: string;
  /** The item was produced by expanding this crate macro. */
  macro?: string;
}

export interface FunctionItem extends ItemBase {
  kind: 'function';
  /** The exported symbol name. */
  symbol: string;
  /** The ABI string: `C`, `system`, `C-unwind`, ... or `Rust` when the fn has no `extern`. */
  abi: string;
  unsafe: boolean;
  params: Param[];
  variadic: boolean;
  /** Normalised return type, or null for `()`. */
  returns: string | null;
  /** How it is exported: `no_mangle` or `export_name`. */
  export: 'no_mangle' | 'export_name';
  doc: FunctionDoc;
  body: BodyFacts;
  /** Named in tests, benches, fuzz targets or examples in Rust, C/C++, Go or Python, or `#[cfg(test)]` code (when searched). */
  tested?: boolean;
  /** `#[target_feature(enable = …)]` features, sorted; absent when none. */
  targetFeatures?: string[];
}

export interface StaticItem extends ItemBase {
  kind: 'static';
  symbol: string;
  type: string;
  mutable: boolean;
  export: 'no_mangle' | 'export_name';
  doc: { present: boolean; safety: boolean };
  tested?: boolean;
}

export interface Field {
  name: string;
  type: string;
}

export interface Variant {
  name: string;
  /** The discriminant expression as written, or null when implicit. */
  discriminant: string | null;
  /** The computed value (decimal string) when it can be computed, else null. */
  value: string | null;
  /** Tuple or struct variant fields (data-carrying repr enums). */
  fields?: Field[];
}

export interface StructItem extends ItemBase {
  kind: 'struct' | 'union';
  /** Representation hints in order, normalised: `C`, `transparent`, `u8`, `packed`, `packed(2)`, `align(8)`. */
  repr: string[];
  fields: Field[];
  /** Tuple struct (`struct S(u32)`). */
  tuple: boolean;
}

export interface EnumItem extends ItemBase {
  kind: 'enum';
  repr: string[];
  variants: Variant[];
  /** `#[non_exhaustive]`: consumers are told to expect new variants. */
  nonExhaustive: boolean;
}

export interface TypeAliasItem extends ItemBase {
  kind: 'type';
  target: string;
}

export interface ConstItem extends ItemBase {
  kind: 'const';
  type: string;
  value: string;
}

export interface ImportItem extends ItemBase {
  kind: 'import';
  /** The linked symbol (`#[link_name]` or the name). */
  symbol: string;
  abi: string;
  /** `fn` or `static` import. */
  what: 'function' | 'static';
  params?: Param[];
  returns?: string | null;
  variadic?: boolean;
  type?: string;
  mutable?: boolean;
}

export type SurfaceItem =
  FunctionItem | StaticItem | StructItem | EnumItem | TypeAliasItem | ConstItem | ImportItem;

/** A type declared in the crate (surface or not), used by findings such as `not-ffi-safe`. */
export interface DeclaredType {
  name: string;
  kind: 'struct' | 'enum' | 'union';
  repr: string[];
}

/** An item switched off by a feature `cfg` in the analysed build (kept to tell "gated" from "removed"). */
export interface GatedItem {
  kind: ItemKind;
  name: string;
  symbol?: string;
  cfg: string;
  file: string;
  line: number;
}

/**
 * Something in a crate that may export a symbol but that the engine could not turn into an item
 * (SPEC section 2, "Soundness"). It is part of the surface: new or changed entries need review.
 */
export interface UnresolvedEntry {
  /**
   * `export-site`: an export attribute token (`no_mangle`, `export_name`) not accounted for by an
   * extracted item, inert text, test-only or inactive code, or a fully expanded macro;
   * `macro`: an invocation of a macro the engine cannot expand (a proc macro, another crate's
   * macro) whose crate is not trusted as non-exporting.
   */
  kind: 'export-site' | 'macro';
  /**
   * Identity across revisions: crate, file, enclosing item path, macro path, a hash of the
   * normalised tokens of the site's unit, and an ordinal among otherwise equal entries. Lines are
   * not part of it, so an edit above a site changes nothing.
   */
  key: string;
  file: string;
  /** For display only. */
  line: number;
  /** Enclosing item path, e.g. `crate::ffi::engine_new`. */
  path: string;
  /** The macro whose invocation holds the site, or the macro that cannot be expanded. */
  macro: string | null;
  /**
   * Why it is unresolved, a stable code: `unreachable-file`, `skipped-crate`, `unexpanded-macro`,
   * `unmatched-macro`, `shadowed-macro`, `proc-macro`, `attribute-macro`, `derive-macro`,
   * `include`, `unknown-attribute-form`, …
   */
  reason: string;
  /** A short excerpt of the normalised tokens, for the reader. */
  excerpt: string;
  message: string;
}

/** The library a crate builds: the file consumers link against, and its kinds (SPEC section 2). */
export interface LibraryIdentity {
  /** `[lib] name`, else the package name with `-` as `_` (`libNAME.so`, `NAME.dll`, `libNAME.a`). */
  name: string;
  /** `[lib] crate-type`, sorted (`lib` when not declared, `proc-macro` for a proc-macro crate). */
  crateTypes: string[];
}

/**
 * A symbol a built library (`--binary`) exports that the crate's source surface does not explain
 * (a proc macro, `build.rs` output, a linked dependency). Not part of the surface digest: the
 * artifact of a pull request comes from a build of the pull request's own code.
 */
export interface BinaryOnlyExport {
  symbol: string;
  /** From the symbol table: `function`, `data` (a static) or `other` (Mach-O, forwarders). */
  kind: 'function' | 'data' | 'other';
  /** The artifacts' file names (no directory) that export it, sorted. */
  artifacts: string[];
}

export interface CrateSurface {
  name: string;
  version: string;
  /** Path of the crate's manifest relative to the analysed root. */
  manifest: string;
  /** Path of the library root file relative to the analysed root. */
  root: string;
  /** Features enabled for this analysis, sorted. */
  features: string[];
  items: SurfaceItem[];
  declaredTypes: DeclaredType[];
  /** Names of crate macros whose definition calls `catch_unwind` (panic boundaries). */
  panicBoundaryMacros: string[];
  /**
   * Crate macros and non-exported functions (in the files read) that null-check an argument, by
   * name and argument position; at most 512. Absent when none.
   */
  nullCheckers?: NullChecker[];
  /** Files read for this crate (reachable modules), sorted. */
  files: string[];
  /** Items present in the source but off in this build because of a feature cfg. */
  gated?: GatedItem[];
  /** What may export but was not understood (SPEC section 2, "Soundness"); always printed. */
  unresolved?: UnresolvedEntry[];
  /** The C names the crate's `cbindgen.toml` gives its types; absent without one. */
  cNames?: CNames;
  /** The library this crate builds (absent for a package the engine skipped). */
  lib?: LibraryIdentity;
  /** With `--binary`: what the built library exports beyond the source surface, sorted by symbol. */
  binaryOnly?: BinaryOnlyExport[];
  /** Types with an `unsafe impl Send` or `unsafe impl Sync` in the crate's files, sorted, unique. */
  unsafeSendSync?: string[];
  /**
   * When tests were searched (`tested`): how many files of each language were searched, beside the
   * crate's own `#[cfg(test)]` code (Python files count only when they use `ctypes` or `cffi`).
   */
  testSearch?: { rust: number; c: number; go: number; python: number };
}

/** `cbindgen.toml`'s `[export]` naming: C sees `rename[name]`, else `prefix` + name. */
export interface CNames {
  prefix?: string;
  rename?: Record<string, string>;
  exclude?: string[];
}

export interface Surface {
  schemaVersion: number;
  tool: { name: string; version: string };
  rev: string;
  crates: CrateSurface[];
  diagnostics: Diagnostic[];
  digest: string;
}

export type FeatureSelection =
  { mode: 'default'; features: string[] } | { mode: 'all' } | { mode: 'none'; features: string[] };

/** The identity of an item across revisions: exported symbol for symbols, kind + name for types. */
export function itemKey(item: SurfaceItem): string {
  switch (item.kind) {
    case 'function':
    case 'static':
      return `symbol:${item.symbol}`;
    case 'import':
      return `import:${item.symbol}`;
    case 'struct':
    case 'union':
    case 'enum':
    case 'type':
      return `type:${item.name}`;
    case 'const':
      return `const:${item.name}`;
  }
}

/** The name a reader knows an item by: its symbol for exports, its Rust name otherwise. */
export function displayName(item: SurfaceItem): string {
  return item.kind === 'function' || item.kind === 'static' || item.kind === 'import'
    ? item.symbol
    : item.name;
}
