/**
 * Type spelling normalisation (SPEC section 2): paths are reduced to their last segment
 * (`std::os::raw::c_int`, `core::ffi::c_int`, `libc::c_int` are all `c_int`), lifetimes and
 * whitespace are dropped, `()` as a return type is no return type, and `Self` is replaced by the
 * implementing type. `c_long` stays `c_long`: it is not `i64` on every target.
 */
import type { Node } from 'web-tree-sitter';

export interface TypeContext {
  selfType?: string;
}

function children(node: Node): Node[] {
  return node.namedChildren.filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment');
}

function collapse(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*([<>(),;:&*[\]])\s*/g, '$1')
    .replace(/,/g, ', ')
    .replace(/->/g, ' -> ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Types nested deeper than this keep their text (whitespace collapsed) below that level: the
 * normalisation recurses, and a hostile file nests pointer or generic types by the ten thousand.
 */
export const MAX_TYPE_NESTING = 128;

export function normaliseType(node: Node | null | undefined, ctx: TypeContext = {}, depth = 0): string {
  if (!node) return '()';
  if (depth >= MAX_TYPE_NESTING) return collapse(node.text);
  const inner = (n: Node | null | undefined): string => normaliseType(n, ctx, depth + 1);
  switch (node.type) {
    case 'primitive_type':
      return node.text;
    case 'type_identifier':
      return node.text === 'Self' && ctx.selfType ? ctx.selfType : node.text;
    case 'scoped_type_identifier': {
      const name = node.childForFieldName('name');
      return name ? inner(name) : collapse(node.text);
    }
    case 'generic_type': {
      const base = inner(node.childForFieldName('type'));
      const args = node.childForFieldName('type_arguments');
      const rendered = args ? children(args).map((a) => (a.type === 'lifetime' ? a.text : inner(a))) : [];
      return `${base}<${rendered.join(', ')}>`;
    }
    case 'reference_type': {
      const mut = node.children.some((c) => c.type === 'mutable_specifier');
      return `&${mut ? 'mut ' : ''}${inner(node.childForFieldName('type'))}`;
    }
    case 'pointer_type': {
      const mut = node.children.some((c) => c.type === 'mutable_specifier');
      return `*${mut ? 'mut' : 'const'} ${inner(node.childForFieldName('type'))}`;
    }
    case 'array_type': {
      const el = inner(node.childForFieldName('element'));
      const len = node.childForFieldName('length');
      return len ? `[${el}; ${collapse(len.text)}]` : `[${el}]`;
    }
    case 'tuple_type': {
      const parts = children(node).map((c) => inner(c));
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
    }
    case 'unit_type':
      return '()';
    case 'never_type':
      return '!';
    case 'function_type':
      return normaliseFnType(node, ctx, depth);
    case 'dynamic_type':
    case 'abstract_type': {
      const bounds = children(node).map((c) => collapse(c.text));
      return `${node.type === 'dynamic_type' ? 'dyn' : 'impl'} ${bounds.join(' + ')}`;
    }
    default:
      return collapse(node.text);
  }
}

/** `extern "C" fn(x: i32) -> i32` → `extern "C" fn(i32) -> i32` (parameter names dropped). */
function normaliseFnType(node: Node, ctx: TypeContext, depth: number): string {
  let prefix = '';
  for (const c of node.children) {
    if (c.type === 'function_modifiers') {
      const mods: string[] = [];
      for (const m of c.children) {
        if (m.type === 'extern_modifier') mods.push(`extern "${abiOf(m)}"`);
        else mods.push(m.text);
      }
      prefix = mods.join(' ') + ' ';
    }
  }
  const params = node.childForFieldName('parameters');
  const ps: string[] = [];
  if (params) {
    for (const p of children(params)) {
      if (p.type === 'parameter') ps.push(normaliseType(p.childForFieldName('type'), ctx, depth + 1));
      else if (p.type === 'variadic_parameter') ps.push('...');
      else if (p.type !== 'attribute_item') ps.push(normaliseType(p, ctx, depth + 1));
    }
  }
  const ret = node.childForFieldName('return_type');
  const r = ret ? normaliseType(ret, ctx, depth + 1) : '()';
  return `${prefix}fn(${ps.join(', ')})${r === '()' ? '' : ` -> ${r}`}`;
}

/** The ABI of an `extern_modifier` node: `extern` alone is `C`. */
export function abiOf(externModifier: Node): string {
  const lit = externModifier.namedChildren.find((c) => c.type === 'string_literal');
  if (!lit) return 'C';
  return lit.text.replace(/^"|"$/g, '');
}

/** The type is a raw pointer. */
export function isRawPointer(type: string): boolean {
  return type.startsWith('*const ') || type.startsWith('*mut ');
}

/** The pointee of a raw pointer type. */
export function pointee(type: string): string {
  return type.replace(/^\*(const|mut) /, '');
}
