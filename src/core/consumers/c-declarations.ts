/**
 * The C declarations a consumer compiles against, read from a header or a cgo preamble with
 * tree-sitter-c after the preprocessor subset (preprocess.ts): function prototypes, `extern`
 * variables, struct/union/enum definitions, typedefs and object-like `#define`s, each with its
 * file:line and the `#if` condition it sits under. Pure: the caller passes the text and a parser.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { canonicalPrimitive, renderCType, type CTag, type CType } from './c-types';
import { preprocess, type Include } from './preprocess';

/** Parses C; the caller of `parse` deletes the tree. */
export interface CParser {
  parse(text: string): Tree;
}

export interface CLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** The `#if` condition the declaration is under, or null. */
  condition: string | null;
}

export interface CParam {
  name: string | null;
  type: CType;
}

export interface CField {
  name: string | null;
  type: CType;
  /** Bit-field width as written, or null. */
  bits: string | null;
  line: number;
  /** The `#if` condition of the field's line, when there is one (it may differ from the record's). */
  condition?: string;
}

export type CDeclaration = CLocation &
  (
    | {
        kind: 'function';
        name: string;
        params: CParam[];
        variadic: boolean;
        returns: CType;
        /** `static` (never a Rust export: a helper of the header or preamble), `extern`, or null. */
        storage: 'static' | 'extern' | null;
        /** A definition with a body, not a prototype. */
        definition: boolean;
      }
    | { kind: 'variable'; name: string; type: CType; storage: 'static' | 'extern' | null }
    | { kind: 'struct' | 'union'; name: string; fields: CField[] }
    | { kind: 'enum'; name: string; variants: { name: string; value: string | null }[] }
    | { kind: 'typedef'; name: string; type: CType }
    | { kind: 'define'; name: string; value: string }
  );

export interface CReadDiagnostic {
  file: string;
  line: number;
  message: string;
}

export interface CReading {
  file: string;
  declarations: CDeclaration[];
  /** `#include`s, as written: the caller resolves the quoted ones against the repository. */
  includes: (Include & { file: string })[];
  diagnostics: CReadDiagnostic[];
  /** False when a bound was hit or the parser could not read part of the text. */
  complete: boolean;
}

export interface CReadOptions {
  /** Largest text read, in characters (default 4 MiB). */
  maxChars?: number;
  /** Added to every line number (a cgo preamble starts inside a Go file). */
  lineOffset?: number;
}

const DEFAULT_MAX_CHARS = 4 * 1024 * 1024;
const MAX_DECLARATOR_DEPTH = 64;
const MAX_NESTING = 32;
const MAX_DECLARATIONS = 200_000;

class TooDeep extends Error {}

interface Ctx {
  file: string;
  offset: number;
  conditionOf(row: number): string | null;
  out: CDeclaration[];
  diagnostics: CReadDiagnostic[];
  complete: boolean;
}

/** Reads the declarations of one C text (a header or a cgo preamble). */
export function readCDeclarations(
  text: string,
  file: string,
  parser: CParser,
  options: CReadOptions = {},
): CReading {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const offset = options.lineOffset ?? 0;
  if (text.length > maxChars) {
    return {
      file,
      declarations: [],
      includes: [],
      diagnostics: [{ file, line: 0, message: `larger than ${maxChars} characters: not read` }],
      complete: false,
    };
  }
  const pre = preprocess(text);
  const ctx: Ctx = {
    file,
    offset,
    conditionOf: pre.conditionOf,
    out: [],
    diagnostics: pre.diagnostics.map((d) => ({
      file,
      line: d.line ? d.line + offset : 0,
      message: d.message,
    })),
    complete: pre.complete,
  };
  for (const d of pre.defines)
    ctx.out.push({
      kind: 'define',
      name: d.name,
      value: d.value,
      file,
      line: d.line + offset,
      condition: d.condition,
    });
  const tree = parser.parse(pre.text);
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      ctx.complete = false;
      const first = firstError(root);
      ctx.diagnostics.push({
        file,
        line: (first?.startPosition.row ?? 0) + 1 + offset,
        message: 'C the reader cannot parse: declarations there may be missing',
      });
    }
    walkItems(root, ctx, 0);
  } finally {
    tree.delete();
  }
  ctx.out.sort((a, b) => a.line - b.line);
  return {
    file,
    declarations: ctx.out,
    includes: pre.includes.map((i) => ({ ...i, line: i.line + offset, file })),
    diagnostics: ctx.diagnostics,
    complete: ctx.complete,
  };
}

function firstError(root: Node): Node | null {
  const cursor = root.walk();
  try {
    for (let steps = 0; steps < 10_000_000; steps++) {
      const n = cursor.currentNode;
      if (n.isError || n.isMissing) return n;
      if (n.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return null;
    }
    return null;
  } finally {
    cursor.delete();
  }
}

function push(ctx: Ctx, d: CDeclaration): void {
  if (ctx.out.length >= MAX_DECLARATIONS) {
    if (ctx.complete)
      ctx.diagnostics.push({
        file: ctx.file,
        line: d.line,
        message: `more than ${MAX_DECLARATIONS} declarations: the rest are not read`,
      });
    ctx.complete = false;
    return;
  }
  ctx.out.push(d);
}

function loc(ctx: Ctx, node: Node): CLocation {
  return {
    file: ctx.file,
    line: node.startPosition.row + 1 + ctx.offset,
    condition: ctx.conditionOf(node.startPosition.row),
  };
}

/** Top-level items: declarations, typedefs, definitions, `extern "C" { … }` blocks, error nodes. */
function walkItems(parent: Node, ctx: Ctx, nesting: number): void {
  if (nesting > MAX_NESTING) {
    ctx.complete = false;
    ctx.diagnostics.push({
      file: ctx.file,
      line: parent.startPosition.row + 1 + ctx.offset,
      message: 'nested too deeply: not read',
    });
    return;
  }
  for (const child of parent.namedChildren) {
    if (!child) continue;
    try {
      switch (child.type) {
        case 'declaration':
          declaration(child, ctx, false);
          break;
        case 'function_definition':
          declaration(child, ctx, true);
          break;
        case 'type_definition':
          typeDefinition(child, ctx);
          break;
        case 'struct_specifier':
        case 'union_specifier':
        case 'enum_specifier':
          // `struct X { … };` at the top level
          specifierType(child, ctx);
          break;
        case 'linkage_specification': {
          const body = child.childForFieldName('body');
          if (body?.type === 'declaration_list') walkItems(body, ctx, nesting + 1);
          else if (body?.type === 'declaration') declaration(body, ctx, false);
          else if (body?.type === 'function_definition') declaration(body, ctx, true);
          break;
        }
        case 'ERROR':
        case 'declaration_list':
        case 'preproc_if':
        case 'preproc_ifdef':
        case 'preproc_else':
        case 'preproc_elif':
          walkItems(child, ctx, nesting + 1);
          break;
        default:
          // a bare `struct X { … };` parses as a declaration; expression statements and the like
          // in an error-recovered tree are not declarations
          break;
      }
    } catch (e) {
      if (!(e instanceof TooDeep)) throw e;
      ctx.complete = false;
      ctx.diagnostics.push({
        file: ctx.file,
        line: child.startPosition.row + 1 + ctx.offset,
        message: 'declarator nested too deeply: not read',
      });
    }
  }
}

interface Specifiers {
  base: CType;
  storage: 'static' | 'extern' | null;
  typedef: boolean;
}

/** The type specifiers and qualifiers of a declaration (and the records they define). */
function specifiers(node: Node, ctx: Ctx): Specifiers {
  let storage: Specifiers['storage'] = null;
  let isConst = false;
  let isVolatile = false;
  const typeNode = node.childForFieldName('type');
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'storage_class_specifier') {
      if (c.text === 'static') storage = 'static';
      else if (c.text === 'extern' && storage === null) storage = 'extern';
    } else if (c.type === 'type_qualifier') {
      if (c.text === 'const') isConst = true;
      if (c.text === 'volatile') isVolatile = true;
    }
  }
  const base = typeNode ? specifierType(typeNode, ctx) : ({ k: 'other', text: '' } as CType);
  if (base.k === 'base') {
    base.const = base.const || isConst;
    base.volatile = base.volatile || isVolatile;
  }
  return { base, storage, typedef: false };
}

function specifierType(t: Node, ctx: Ctx): CType {
  const base = (name: string, tag: CTag | null): CType => ({
    k: 'base',
    name,
    tag,
    const: false,
    volatile: false,
  });
  switch (t.type) {
    case 'primitive_type':
      return base(canonicalPrimitive([t.text]) ?? t.text, null);
    case 'sized_type_specifier': {
      const words = t.text.split(/\s+/).filter((w) => w !== '');
      const canon = canonicalPrimitive(words);
      return canon ? base(canon, null) : { k: 'other', text: t.text };
    }
    case 'type_identifier':
      return base(t.text, null);
    case 'struct_specifier':
    case 'union_specifier':
    case 'enum_specifier': {
      const tag = t.type.slice(0, t.type.indexOf('_')) as CTag;
      const nameNode = t.childForFieldName('name');
      const body = t.childForFieldName('body');
      const name = nameNode?.text ?? `<anonymous ${tag} at line ${t.startPosition.row + 1 + ctx.offset}>`;
      if (body) recordDefinition(tag, name, body, t, ctx);
      return base(name, tag);
    }
    default:
      return { k: 'other', text: t.text.slice(0, 200) };
  }
}

function recordDefinition(tag: CTag, name: string, body: Node, at: Node, ctx: Ctx): void {
  if (tag === 'enum') {
    const variants: { name: string; value: string | null }[] = [];
    for (const e of body.namedChildren) {
      if (e?.type !== 'enumerator') continue;
      variants.push({
        name: e.childForFieldName('name')?.text ?? '',
        value: e.childForFieldName('value')?.text ?? null,
      });
    }
    push(ctx, { kind: 'enum', name, variants, ...loc(ctx, at) });
    return;
  }
  const fields: CField[] = [];
  for (const f of body.namedChildren) {
    if (f?.type !== 'field_declaration') continue;
    const spec = specifiers(f, ctx);
    const bits = f.namedChildren.find((c) => c?.type === 'bitfield_clause')?.namedChildren[0]?.text ?? null;
    const decls = f.childrenForFieldName('declarator').filter((d): d is Node => d !== null);
    const condition = ctx.conditionOf(f.startPosition.row);
    const field = (name: string | null, type: CType, row: number): CField => ({
      name,
      type,
      bits,
      line: row + 1 + ctx.offset,
      ...(condition !== null ? { condition } : {}),
    });
    if (decls.length === 0) fields.push(field(null, spec.base, f.startPosition.row));
    for (const d of decls) {
      const r = declarator(d, spec.base, ctx, 0);
      fields.push(field(r.name, r.type, d.startPosition.row));
    }
  }
  push(ctx, { kind: tag, name, fields, ...loc(ctx, at) });
}

/** Applies a declarator to a type, inside out: returns the declared name and its full type. */
interface Declared {
  name: string | null;
  type: CType;
  at: Node | null;
  /** The named parameters when the declared type is a function. */
  params?: CParam[];
}

function declarator(d: Node | null, t: CType, ctx: Ctx, depth: number): Declared {
  if (depth > MAX_DECLARATOR_DEPTH) throw new TooDeep();
  if (!d) return { name: null, type: t, at: null };
  switch (d.type) {
    case 'identifier':
    case 'field_identifier':
    case 'type_identifier':
    case 'primitive_type':
      return { name: d.text, type: t, at: d };
    case 'pointer_declarator':
    case 'abstract_pointer_declarator': {
      const isConst = d.namedChildren.some((c) => c?.type === 'type_qualifier' && c.text === 'const');
      return declarator(
        d.childForFieldName('declarator'),
        { k: 'ptr', const: isConst, to: t },
        ctx,
        depth + 1,
      );
    }
    case 'array_declarator':
    case 'abstract_array_declarator': {
      const size = d.childForFieldName('size');
      return declarator(
        d.childForFieldName('declarator'),
        { k: 'array', of: t, len: size ? size.text : null },
        ctx,
        depth + 1,
      );
    }
    case 'function_declarator':
    case 'abstract_function_declarator': {
      const p = parameters(d.childForFieldName('parameters'), ctx, depth);
      const fn: CType = { k: 'fn', params: p.params.map((x) => x.type), variadic: p.variadic, ret: t };
      const inner = declarator(d.childForFieldName('declarator'), fn, ctx, depth + 1);
      return inner.type === fn ? { ...inner, params: p.params } : inner;
    }
    case 'parenthesized_declarator':
    case 'abstract_parenthesized_declarator':
    case 'attributed_declarator': {
      const inner = d.namedChildren.find((c) => c !== null && /declarator$|identifier$/.test(c.type)) ?? null;
      return declarator(inner, t, ctx, depth + 1);
    }
    case 'init_declarator':
      return declarator(d.childForFieldName('declarator'), t, ctx, depth + 1);
    default:
      return { name: null, type: { k: 'other', text: d.text.slice(0, 200) }, at: d };
  }
}

function parameters(list: Node | null, ctx: Ctx, depth: number): { params: CParam[]; variadic: boolean } {
  const params: CParam[] = [];
  let variadic = false;
  if (!list) return { params, variadic };
  for (const p of list.namedChildren) {
    if (!p) continue;
    if (p.type === 'variadic_parameter') {
      variadic = true;
      continue;
    }
    if (p.type !== 'parameter_declaration') continue;
    const spec = specifiers(p, ctx);
    const r = declarator(p.childForFieldName('declarator'), spec.base, ctx, depth + 1);
    params.push({ name: r.name, type: r.type });
  }
  // `(void)` declares no parameter
  if (
    params.length === 1 &&
    params[0].name === null &&
    params[0].type.k === 'base' &&
    params[0].type.name === 'void' &&
    params[0].type.tag === null
  )
    params.length = 0;
  return { params, variadic };
}

function declaration(node: Node, ctx: Ctx, definition: boolean): void {
  const spec = specifiers(node, ctx);
  const decls = node.childrenForFieldName('declarator').filter((d): d is Node => d !== null);
  for (const d of decls) {
    const r = declarator(d, spec.base, ctx, 0);
    if (r.name === null) continue;
    const at = r.at ?? d;
    if (r.type.k === 'fn') {
      push(ctx, {
        kind: 'function',
        name: r.name,
        params: r.params ?? r.type.params.map((type) => ({ name: null, type })),
        variadic: r.type.variadic,
        returns: r.type.ret,
        storage: spec.storage,
        definition,
        ...loc(ctx, at),
      });
    } else if (!definition) {
      push(ctx, { kind: 'variable', name: r.name, type: r.type, storage: spec.storage, ...loc(ctx, at) });
    }
  }
}

function typeDefinition(node: Node, ctx: Ctx): void {
  const spec = specifiers(node, ctx);
  for (const d of node.childrenForFieldName('declarator')) {
    if (!d) continue;
    const r = declarator(d, spec.base, ctx, 0);
    if (r.name === null) continue;
    push(ctx, { kind: 'typedef', name: r.name, type: r.type, ...loc(ctx, r.at ?? d) });
  }
}

/** The typedefs of some readings, by name (the first definition wins), for `resolveTypedef`. */
export function typedefsOf(declarations: readonly CDeclaration[]): Map<string, CType> {
  const map = new Map<string, CType>();
  for (const d of declarations) if (d.kind === 'typedef' && !map.has(d.name)) map.set(d.name, d.type);
  return map;
}

/** `ret name(params)` for messages. */
export function renderPrototype(d: Extract<CDeclaration, { kind: 'function' }>): string {
  const ps = d.params.map((p) => renderCType(p.type));
  if (d.variadic) ps.push('...');
  return `${renderCType(d.returns)} ${d.name}(${ps.length ? ps.join(', ') : 'void'})`;
}
