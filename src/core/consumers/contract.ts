/**
 * The contract check between what Rust exports and what its consumers are compiled against (the
 * C declarations of headers and cgo preambles). Pure: it takes the two lists and returns what
 * contradicts, each result with both file:line sides.
 *
 * - declared-not-exported: a C prototype or `extern` variable no Rust export defines (a link
 *   failure for whoever calls or reads it);
 * - exported-not-declared: a Rust export no C declaration names (undeclared surface);
 * - parameter-count: the C prototype and the Rust fn disagree on the number of parameters or on
 *   variadic `...`;
 * - type-mismatch: a parameter, the return or a static's type differs in size, signedness, kind
 *   (integer, float, pointer, function pointer, void) or pointer depth under one of the data
 *   models checked (LP64 and LLP64 by default: `long` is 8 bytes on one and 4 on the other);
 * - kind-mismatch: C declares a function where Rust exports a static, or the other way round.
 *
 * What is not known is not compared: a type either side names without saying what it is (a Rust
 * type alias, a repr(C) struct passed by value, a C typedef from a header not given) is skipped.
 * Behind a pointer only the size of the pointee is compared (`void *` matches any pointer), since
 * `char *` against `*const u8` is how byte buffers are declared.
 */
import {
  cAbiShape,
  LLP64,
  LP64,
  renderCType,
  type AbiLeaf,
  type AbiShape,
  type CTag,
  type DataModel,
  type Typedefs,
} from './c-types';
import { typedefsOf, type CDeclaration } from './c-declarations';
import { evaluateCondition } from './preprocess';
import { optionInner, parseType, renderType, type RustType } from '../rust/type-syntax';

export interface RustExport {
  symbol: string;
  /** `function` (the default) or `static`. */
  kind?: 'function' | 'static';
  /** Normalised Rust type spellings of the parameters (for a static: empty). */
  params: string[];
  /** Normalised return type, null for `()`; for a static, its type. */
  returns: string | null;
  variadic?: boolean;
  file: string;
  line: number;
}

export interface Side {
  file: string;
  line: number;
}

export interface CSide extends Side {
  /** The `#if` condition of the declaration, or null. */
  condition: string | null;
}

export type Aspect = 'size' | 'signedness' | 'kind' | 'pointer-depth';

export type ContractResult =
  | { rule: 'declared-not-exported'; symbol: string; c: CSide }
  | { rule: 'exported-not-declared'; symbol: string; rust: Side }
  | {
      rule: 'parameter-count';
      symbol: string;
      c: CSide;
      rust: Side;
      cParams: number;
      rustParams: number;
      cVariadic: boolean;
      rustVariadic: boolean;
    }
  | {
      rule: 'type-mismatch';
      symbol: string;
      /** `return` (also a static's type), or the 0-based parameter index. */
      position: 'return' | number;
      cType: string;
      rustType: string;
      aspects: Aspect[];
      /** Names of the data models under which the types disagree. */
      models: string[];
      c: CSide;
      rust: Side;
    }
  | {
      rule: 'kind-mismatch';
      symbol: string;
      c: CSide;
      rust: Side;
      cKind: 'function' | 'variable';
      rustKind: 'function' | 'static';
    }
  | {
      rule: 'record-mismatch';
      /** The Rust name of the repr(C) struct or union. */
      record: string;
      /** The C record (for a field's type: the field's line). */
      c: CSide;
      rust: Side;
      detail: RecordMismatch;
    }
  /** A reading that hit a bound: exported-not-declared cannot be trusted, so it is not reported. */
  | { rule: 'incomplete-declarations'; file: string };

/** How a C struct or union disagrees with the repr(C) Rust type of the same (C) name. */
export type RecordMismatch =
  | { k: 'tag'; cTag: 'struct' | 'union'; rustKind: 'struct' | 'union' }
  | { k: 'field-count'; cFields: number; rustFields: number }
  /** The same field names in another order. */
  | { k: 'field-order'; cNames: string[]; rustNames: string[] }
  | {
      k: 'field-type';
      /** 0-based, among the fields that have a size (zero-sized Rust fields are not in C). */
      index: number;
      field: string;
      cType: string;
      rustType: string;
      aspects: Aspect[];
      models: string[];
    };

/** A repr(C) struct or union of the Rust surface, as the records check takes it. */
export interface RustRecord {
  name: string;
  /** The name C gives it (cbindgen's `[export]` prefix and renames), usually `name`. */
  cName: string;
  kind: 'struct' | 'union';
  /** In declaration order; `zeroSized` fields (PhantomData, `()`) have no C counterpart. */
  fields: { name: string; type: string; zeroSized?: boolean }[];
  /** A tuple struct: its field names (`0`, `1`) say nothing about order. */
  tuple?: boolean;
  file: string;
  line: number;
}

export interface ContractOptions {
  /**
   * The repr(C) structs and unions of the Rust surface: each one a header defines (by its C
   * name, as a tag or a typedef of a tagged type) is compared field by field.
   */
  records?: readonly RustRecord[];
  /** Data models to check under (default: LP64 and LLP64). */
  models?: readonly DataModel[];
  /**
   * Files whose reading was incomplete (a bound hit, a parse error): while any is given, no
   * exported-not-declared result is reported, and each file yields an incomplete-declarations result.
   */
  incompleteFiles?: readonly string[];
}

type Declared = Extract<CDeclaration, { kind: 'function' } | { kind: 'variable' }>;

/** Whether a C declaration may be a Rust export: a prototype or an `extern` variable, not `static`. */
function isImport(d: CDeclaration): d is Declared {
  if (d.kind === 'function') return d.storage !== 'static' && !d.definition;
  if (d.kind === 'variable') return d.storage === 'extern';
  return false;
}

/** Transparent wrappers: their ABI is the one of their single parameter. */
const TRANSPARENT = new Set([
  'MaybeUninit',
  'ManuallyDrop',
  'Cell',
  'UnsafeCell',
  'Wrapping',
  'Saturating',
  'Pin',
]);
/** Pointer-like: one level of data pointer to their parameter. */
const POINTER_LIKE = new Set(['Box', 'NonNull']);

function rustIntLeaf(name: string, m: DataModel): AbiLeaf | null {
  const fixed = /^([iu])(8|16|32|64|128)$/.exec(name);
  if (fixed) return { k: 'int', bytes: Number(fixed[2]) / 8, signed: fixed[1] === 'i' };
  const nz = /^NonZero([IU])(8|16|32|64|128|size)$/.exec(name);
  if (nz)
    return { k: 'int', bytes: nz[2] === 'size' ? m.pointerBytes : Number(nz[2]) / 8, signed: nz[1] === 'I' };
  switch (name) {
    case 'isize':
    case 'ssize_t':
    case 'intptr_t':
    case 'ptrdiff_t':
    case 'c_ptrdiff_t':
    case 'c_ssize_t':
      return { k: 'int', bytes: m.pointerBytes, signed: true };
    case 'usize':
    case 'size_t':
    case 'uintptr_t':
    case 'c_size_t':
      return { k: 'int', bytes: m.pointerBytes, signed: false };
    case 'bool':
      return { k: 'int', bytes: 1, signed: false };
    case 'char':
      return { k: 'int', bytes: 4, signed: false };
    case 'c_char':
      return { k: 'int', bytes: 1, signed: m.charSigned };
    case 'c_schar':
      return { k: 'int', bytes: 1, signed: true };
    case 'c_uchar':
      return { k: 'int', bytes: 1, signed: false };
    case 'c_short':
    case 'c_ushort':
      return { k: 'int', bytes: 2, signed: name === 'c_short' };
    case 'c_int':
    case 'c_uint':
      return { k: 'int', bytes: 4, signed: name === 'c_int' };
    case 'c_long':
    case 'c_ulong':
      return { k: 'int', bytes: m.longBytes, signed: name === 'c_long' };
    case 'c_longlong':
    case 'c_ulonglong':
      return { k: 'int', bytes: 8, signed: name === 'c_longlong' };
    case 'f32':
    case 'c_float':
      return { k: 'float', bytes: 4 };
    case 'f64':
    case 'c_double':
      return { k: 'float', bytes: 8 };
    case 'c_void':
      return { k: 'void' };
    default: {
      const libc = /^(u?)int(8|16|32|64)_t$/.exec(name);
      if (libc) return { k: 'int', bytes: Number(libc[2]) / 8, signed: libc[1] === '' };
      return null;
    }
  }
}

/**
 * The ABI shape of a parsed Rust type under a data model. A type name Rust does not say more
 * about (a struct, an alias) is looked up with `resolveName`: the C side's type of the same name
 * (cbindgen names them alike), when there is one.
 */
export function rustAbiShape(
  t: RustType | null,
  m: DataModel,
  resolveName: (name: string) => AbiShape | null = () => null,
): AbiShape {
  let depth = 0;
  let cur: RustType | null = t;
  for (let i = 0; i < 256; i++) {
    if (cur === null || cur.k === 'never' || (cur.k === 'tuple' && cur.items.length === 0))
      return { depth, leaf: { k: 'void' } };
    if (cur.k === 'ptr' || cur.k === 'ref') {
      depth++;
      cur = cur.to;
      continue;
    }
    if (cur.k === 'fn') return { depth, leaf: { k: 'fn' } };
    if (cur.k === 'path') {
      const inner = optionInner(cur);
      if (inner) {
        // Option<&T>, Option<Box<T>>, Option<NonNull<T>>, Option<fn>, Option<NonZeroU32>: same ABI as the inner
        cur = inner;
        continue;
      }
      if (cur.args.length === 1 && POINTER_LIKE.has(cur.name)) {
        depth++;
        cur = cur.args[0];
        continue;
      }
      if (cur.args.length === 1 && TRANSPARENT.has(cur.name)) {
        cur = cur.args[0];
        continue;
      }
      if (cur.name === 'NonZero' && cur.args.length === 1) {
        cur = cur.args[0];
        continue;
      }
      const leaf = cur.args.length === 0 ? rustIntLeaf(cur.name, m) : null;
      if (leaf) return { depth, leaf };
      const named = cur.args.length === 0 ? resolveName(cur.name) : null;
      if (named && named.leaf.k !== 'unknown') return { depth: depth + named.depth, leaf: named.leaf };
      return { depth, leaf: { k: 'unknown', name: renderType(cur) } };
    }
    return { depth, leaf: { k: 'unknown', name: renderType(cur) } };
  }
  return { depth, leaf: { k: 'unknown', name: t ? renderType(t) : '()' } };
}

/** How two shapes disagree (empty: they agree, or one side is not known). */
export function compareShapes(c: AbiShape, r: AbiShape): Aspect[] {
  if (c.leaf.k === 'unknown' || r.leaf.k === 'unknown') {
    // the depth still tells: a pointer against a non-pointer of unknown type
    return c.depth !== r.depth && (c.depth === 0 || r.depth === 0) && c.leaf.k !== 'fn' && r.leaf.k !== 'fn'
      ? ['pointer-depth']
      : [];
  }
  if (c.depth !== r.depth) return ['pointer-depth'];
  const a = c.leaf;
  const b = r.leaf;
  if (c.depth > 0) {
    // behind a pointer: `void *` matches anything, otherwise the pointee's size
    if (a.k === 'void' || b.k === 'void' || a.k === 'record' || b.k === 'record') return [];
    if (a.k !== b.k) return a.k === 'fn' || b.k === 'fn' ? ['kind'] : [];
    if ((a.k === 'int' || a.k === 'float') && (b.k === 'int' || b.k === 'float') && a.bytes !== b.bytes)
      return ['size'];
    return [];
  }
  if (a.k === 'record' || b.k === 'record')
    return a.k === b.k || a.k === 'void' || b.k === 'void' ? [] : ['kind'];
  if (a.k !== b.k) {
    if (a.k === 'void' || b.k === 'void') return ['size'];
    return ['kind'];
  }
  const out: Aspect[] = [];
  if ((a.k === 'int' || a.k === 'float') && (b.k === 'int' || b.k === 'float') && a.bytes !== b.bytes)
    out.push('size');
  if (a.k === 'int' && b.k === 'int' && a.signed !== b.signed) out.push('signedness');
  return out;
}

/** Whether a declaration under `condition` is compiled under data model `m` (unknown: yes). */
export function activeUnder(condition: string | null, m: DataModel): boolean {
  return conditionUnder(condition, m) !== 'false';
}

/** The typedefs and tagged types a consumer compiling under one data model sees. */
interface ModelView {
  model: DataModel;
  typedefs: Typedefs;
  named: (name: string) => AbiShape | null;
  /** Whether this model's compiler takes a condition: memoised (a header repeats few conditions). */
  condition: (condition: string | null) => 'true' | 'false' | 'unknown';
  active: (condition: string | null) => boolean;
}

function modelView(m: DataModel, declarations: readonly CDeclaration[]): ModelView {
  const memo = new Map<string | null, 'true' | 'false' | 'unknown'>();
  const condition = (c: string | null): 'true' | 'false' | 'unknown' => {
    let v = memo.get(c);
    if (v === undefined) {
      v = conditionUnder(c, m);
      memo.set(c, v);
    }
    return v;
  };
  const active = (c: string | null): boolean => condition(c) !== 'false';
  const visible = declarations.filter((d) => active(d.condition));
  const typedefs = typedefsOf(visible);
  const tags = new Map<string, CTag>();
  for (const d of visible)
    if ((d.kind === 'struct' || d.kind === 'union' || d.kind === 'enum') && !tags.has(d.name))
      tags.set(d.name, d.kind);
  const named = (name: string): AbiShape | null => {
    if (typedefs.has(name))
      return cAbiShape({ k: 'base', name, tag: null, const: false, volatile: false }, m, typedefs);
    const tag = tags.get(name);
    return tag ? cAbiShape({ k: 'base', name, tag, const: false, volatile: false }, m, typedefs) : null;
  };
  return { model: m, typedefs, named, condition, active };
}

/** Checks the C declarations against the Rust exports (and the repr(C) records against theirs). */
export function checkContract(
  exports: readonly RustExport[],
  declarations: readonly CDeclaration[],
  options: ContractOptions = {},
): ContractResult[] {
  const views = (options.models ?? [LP64, LLP64]).map((m) => modelView(m, declarations));
  const imports = declarations.filter(isImport);
  const bySymbol = new Map<string, RustExport[]>();
  for (const e of exports) {
    const list = bySymbol.get(e.symbol);
    if (list) list.push(e);
    else bySymbol.set(e.symbol, [e]);
  }
  const declared = new Set(imports.map((d) => d.name));
  const results: ContractResult[] = [];

  for (const d of imports) {
    const c: CSide = { file: d.file, line: d.line, condition: d.condition };
    const under = views.filter((v) => v.active(d.condition));
    if (under.length === 0) continue; // compiled under none of the models checked
    const matches = bySymbol.get(d.name);
    if (!matches) {
      results.push({ rule: 'declared-not-exported', symbol: d.name, c });
      continue;
    }
    for (const e of matches) results.push(...compareOne(d, e, c, under));
  }
  if (options.records) results.push(...checkRecords(options.records, declarations, views));

  const incomplete = options.incompleteFiles ?? [];
  for (const file of incomplete) results.push({ rule: 'incomplete-declarations', file });
  if (incomplete.length === 0) {
    for (const e of exports)
      if (!declared.has(e.symbol))
        results.push({
          rule: 'exported-not-declared',
          symbol: e.symbol,
          rust: { file: e.file, line: e.line },
        });
  }
  return results;
}

function compareOne(d: Declared, e: RustExport, c: CSide, views: readonly ModelView[]): ContractResult[] {
  const rust: Side = { file: e.file, line: e.line };
  const rustKind = e.kind ?? 'function';
  if ((d.kind === 'function') !== (rustKind === 'function'))
    return [{ rule: 'kind-mismatch', symbol: d.name, c, rust, cKind: d.kind, rustKind }];
  const out: ContractResult[] = [];
  const types = (
    position: 'return' | number,
    cType: Parameters<typeof cAbiShape>[0],
    rustText: string | null,
    param: boolean,
  ): void => {
    const parsed = rustText === null ? null : parseType(rustText);
    const aspects = new Set<Aspect>();
    const hit: string[] = [];
    for (const v of views) {
      const found = compareShapes(
        cAbiShape(cType, v.model, v.typedefs, param),
        rustAbiShape(parsed, v.model, v.named),
      );
      if (found.length) {
        hit.push(v.model.name);
        for (const a of found) aspects.add(a);
      }
    }
    if (hit.length)
      out.push({
        rule: 'type-mismatch',
        symbol: d.name,
        position,
        cType: renderCType(cType),
        rustType: rustText ?? '()',
        aspects: [...aspects],
        models: hit,
        c,
        rust,
      });
  };
  if (d.kind === 'variable') {
    types('return', d.type, e.returns, false);
    return out;
  }
  const variadic = e.variadic ?? false;
  if (d.params.length !== e.params.length || d.variadic !== variadic) {
    out.push({
      rule: 'parameter-count',
      symbol: d.name,
      c,
      rust,
      cParams: d.params.length,
      rustParams: e.params.length,
      cVariadic: d.variadic,
      rustVariadic: variadic,
    });
  }
  const n = Math.min(d.params.length, e.params.length);
  for (let i = 0; i < n; i++) types(i, d.params[i].type, e.params[i], true);
  types('return', d.returns, e.returns, false);
  return out;
}

type CRecord = Extract<CDeclaration, { kind: 'struct' | 'union' }>;

/** The C records (with fields) by the names C code spells them: the tag, and typedefs of the tag. */
function recordsByName(declarations: readonly CDeclaration[]): Map<string, CRecord[]> {
  const byTag = new Map<string, CRecord[]>();
  for (const d of declarations)
    if ((d.kind === 'struct' || d.kind === 'union') && d.fields.length > 0) {
      const list = byTag.get(d.name) ?? [];
      list.push(d);
      byTag.set(d.name, list);
    }
  const out = new Map(byTag);
  for (const d of declarations) {
    if (d.kind !== 'typedef' || out.has(d.name)) continue;
    const t = d.type;
    if (t.k === 'base' && (t.tag === 'struct' || t.tag === 'union')) {
      const target = byTag.get(t.name);
      if (target) out.set(d.name, target);
    }
  }
  return out;
}

function conditionUnder(condition: string | null, m: DataModel): 'true' | 'false' | 'unknown' {
  if (condition === null) return 'true';
  return evaluateCondition(
    condition,
    new Map(Object.entries(m.predefined ?? {})),
    new Set(m.notDefined ?? []),
  );
}

function checkRecords(
  records: readonly RustRecord[],
  declarations: readonly CDeclaration[],
  views: readonly ModelView[],
): ContractResult[] {
  const cRecords = recordsByName(declarations);
  const out: ContractResult[] = [];
  for (const r of records) {
    const rust: Side = { file: r.file, line: r.line };
    for (const d of cRecords.get(r.cName) ?? []) {
      const c: CSide = { file: d.file, line: d.line, condition: d.condition };
      // bit-fields have no repr(C) counterpart this check could compare
      if (d.fields.some((f) => f.bits !== null)) continue;
      const under = views.filter(
        (v) =>
          v.active(d.condition) &&
          // a field under a condition of its own that this model cannot decide (a cbindgen
          // feature block): which fields the consumer sees is not known, nothing is compared
          d.fields.every(
            (f) =>
              (f.condition ?? null) === null ||
              f.condition === d.condition ||
              v.condition(f.condition ?? null) !== 'unknown',
          ),
      );
      if (under.length === 0) continue;
      if (d.kind !== r.kind) {
        out.push({
          rule: 'record-mismatch',
          record: r.name,
          c,
          rust,
          detail: { k: 'tag', cTag: d.kind, rustKind: r.kind },
        });
        continue;
      }
      const rustFields = r.fields.filter((f) => !f.zeroSized);
      // per field index: the models under which the types disagree
      const typeHits = new Map<
        number,
        { aspects: Set<Aspect>; models: string[]; line: number; cType: string }
      >();
      let shape: RecordMismatch | null = null;
      for (const v of under) {
        const cFields = d.fields.filter((f) => v.active(f.condition ?? null));
        if (cFields.length !== rustFields.length) {
          shape ??= { k: 'field-count', cFields: cFields.length, rustFields: rustFields.length };
          continue;
        }
        const cNames = cFields.map((f) => f.name ?? '');
        const rustNames = rustFields.map((f) => f.name);
        if (
          !r.tuple &&
          r.kind === 'struct' &&
          cNames.join('\0') !== rustNames.join('\0') &&
          [...cNames].sort().join('\0') === [...rustNames].sort().join('\0')
        ) {
          shape ??= { k: 'field-order', cNames, rustNames };
          continue;
        }
        for (let i = 0; i < cFields.length; i++) {
          const found = compareShapes(
            cAbiShape(cFields[i].type, v.model, v.typedefs),
            rustAbiShape(parseType(rustFields[i].type), v.model, v.named),
          );
          if (!found.length) continue;
          const hit = typeHits.get(i) ?? {
            aspects: new Set<Aspect>(),
            models: [],
            line: cFields[i].line,
            cType: renderCType(cFields[i].type),
          };
          for (const a of found) hit.aspects.add(a);
          hit.models.push(v.model.name);
          typeHits.set(i, hit);
        }
      }
      if (shape) {
        out.push({ rule: 'record-mismatch', record: r.name, c, rust, detail: shape });
        continue;
      }
      for (const [index, hit] of [...typeHits].sort((a, b) => a[0] - b[0]))
        out.push({
          rule: 'record-mismatch',
          record: r.name,
          c: { ...c, line: hit.line },
          rust,
          detail: {
            k: 'field-type',
            index,
            field: rustFields[index].name,
            cType: hit.cType,
            rustType: rustFields[index].type,
            aspects: [...hit.aspects],
            models: hit.models,
          },
        });
    }
  }
  return out;
}
