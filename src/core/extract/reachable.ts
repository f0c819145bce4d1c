/**
 * What an export reaches (SPEC section 4: "layouts are computed as rustc does, through private
 * types, consts and aliases"). A `#[repr(C)]` struct passed by value decides the ABI of the export
 * whether or not it is `pub`; so do the alias a parameter is spelled with, the const an array
 * length names and the const a discriminant expression uses. Starting from the surface items, this
 * follows every type name, array length and discriminant to the declarations of the crate (any
 * visibility) and adds them to the surface. Names are followed through the one type model
 * (`parseType`); expressions through the lexer. Work is linear in what is reached.
 */
import type { SurfaceItem } from '../model';
import { lex } from '../rust/lexer';
import { parseType, RustType } from '../rust/type-syntax';
import type { Definition } from './scan-file';

/** Names a type spelling refers to: type paths, and the identifiers of array-length expressions. */
export function namesInType(text: string, out: Set<string>): void {
  const walk = (t: RustType): void => {
    switch (t.k) {
      case 'ptr':
      case 'ref':
        return walk(t.to);
      case 'slice':
        return walk(t.of);
      case 'array':
        walk(t.of);
        return namesInExpression(t.len, out);
      case 'tuple':
        return t.items.forEach(walk);
      case 'fn':
        t.params.forEach(walk);
        if (t.ret) walk(t.ret);
        return;
      case 'path':
        out.add(t.name);
        return t.args.forEach(walk);
      case 'other':
        // unreadable (a qualified path, `Self`): every identifier in it, over-approximating
        return namesInExpression(t.text, out);
      default:
        return;
    }
  };
  walk(parseType(text));
}

/** Identifiers (the last segment of each path) in an expression; `Type::NAME` kept whole too. */
export function namesInExpression(text: string, out: Set<string>): void {
  const toks = lex(text.slice(0, 4096), 2048);
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'ident') continue;
    out.add(toks[i].text);
    if (toks[i + 1]?.text === '::' && toks[i + 2]?.kind === 'ident')
      out.add(`${toks[i].text}::${toks[i + 2].text}`);
  }
}

/** The names an item's ABI depends on. */
export function dependencies(item: SurfaceItem): Set<string> {
  const out = new Set<string>();
  switch (item.kind) {
    case 'function':
    case 'import':
      for (const p of item.params ?? []) namesInType(p.type, out);
      if (item.returns) namesInType(item.returns, out);
      if (item.kind === 'import' && item.type) namesInType(item.type, out);
      break;
    case 'static':
      namesInType(item.type, out);
      break;
    case 'struct':
    case 'union':
      for (const f of item.fields) namesInType(f.type, out);
      // associated consts of a surface type are emitted by cbindgen beside it
      out.add(`${item.name}::*`);
      break;
    case 'enum':
      for (const v of item.variants) {
        if (v.discriminant) namesInExpression(v.discriminant, out);
        for (const f of v.fields ?? []) namesInType(f.type, out);
      }
      out.add(`${item.name}::*`);
      break;
    case 'type':
      namesInType(item.target, out);
      break;
    case 'const':
      namesInType(item.type, out);
      namesInExpression(item.value, out);
      break;
  }
  return out;
}

function identity(d: SurfaceItem): string {
  return `${d.kind === 'union' ? 'struct' : d.kind}:${d.name}:${d.path}:${d.cfg ?? ''}`;
}

/**
 * The definitions the surface reaches and does not hold yet. Every definition of a reached name is
 * taken (two private types of one name in different modules: both, over-approximating).
 */
export function reachableDefinitions(items: SurfaceItem[], pool: Definition[]): Definition[] {
  const byName = new Map<string, Definition[]>();
  const assoc = new Map<string, Definition[]>();
  for (const d of pool) {
    byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
    const k = d.kind === 'const' ? d.name.indexOf('::') : -1;
    if (k > 0) {
      const owner = `${d.name.slice(0, k)}::*`;
      assoc.set(owner, [...(assoc.get(owner) ?? []), d]);
    }
  }
  const held = new Set(items.map(identity));
  const seenNames = new Set<string>();
  const added: Definition[] = [];
  const queue: SurfaceItem[] = [...items];
  for (let head = 0; head < queue.length; head++) {
    for (const name of dependencies(queue[head])) {
      if (seenNames.has(name)) continue;
      seenNames.add(name);
      for (const d of [...(byName.get(name) ?? []), ...(assoc.get(name) ?? [])]) {
        const id = identity(d);
        if (held.has(id)) continue;
        held.add(id);
        added.push(d);
        queue.push(d);
      }
    }
  }
  return added;
}

/** Names the surface reaches that no definition in the pool answers (read on demand elsewhere). */
export function unansweredNames(items: SurfaceItem[], pool: Definition[]): Set<string> {
  const known = new Set(pool.map((d) => d.name));
  const out = new Set<string>();
  for (const it of items)
    for (const n of dependencies(it))
      if (!known.has(n) && !n.endsWith('::*') && !n.includes('::')) out.add(n);
  return out;
}
