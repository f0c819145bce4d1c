/**
 * What one side of a diff knows about the names its types use: the aliases, repr types and consts
 * of the crate's surface (which holds every definition an export reaches, whatever its visibility),
 * with layouts and const values computed as rustc does on every target of the table
 * (`targets.ts`). Built once per crate surface.
 */
import type { CrateSurface, EnumItem, SurfaceItem } from '../model';
import { parseType } from '../rust/type-syntax';
import { cNameOf } from './cbindgen-names';
import { abiShape, evalConstExpr, TypeDefs, typeDefsFromItems } from './layout';
import { EMPTY_SCOPE, TypeDefinition, TypeScope } from './relate';
import { ALL_TARGETS } from './targets';

/** A repr that gives a type a layout C can name. */
export function hasCRepr(repr: string[]): boolean {
  return repr.some((r) => r !== 'packed' && !r.startsWith('packed(') && !r.startsWith('align('));
}

/** One scope per crate surface, and its layout definitions. */
const scopes = new WeakMap<SurfaceItem[], { scope: TypeScope; defs: TypeDefs }>();

/**
 * A value on every target: the decimal value when all targets agree, else the values per target
 * joined by `|` (`size_of::<c_long>()`); null when some target cannot evaluate it.
 */
function valueOnTargets(defs: TypeDefs, expr: string, type: string | null): string | null {
  const values: string[] = [];
  for (const t of ALL_TARGETS) {
    const v = evalConstExpr(expr, defs, t, type);
    if (v === null) return null;
    values.push(v.toString());
  }
  return values.every((v) => v === values[0]) ? values[0] : values.join('|');
}

/** The ABI shape of a type spelling on every target (null when some layout is unknown). */
export function shapesOf(crate: CrateSurface | null, type: string): string | null {
  if (!crate) return null;
  const { defs } = entry(crate);
  const parsed = parseType(type);
  const shapes: string[] = [];
  for (const t of ALL_TARGETS) {
    const s = abiShape(parsed, defs, t);
    if (s === null) return null;
    shapes.push(s);
  }
  return shapes.join('\n');
}

/** Whether a type's layout is the same in the base and the head on every target (false: unknown). */
export function sameLayoutAcross(
  base: CrateSurface | null,
  baseName: string,
  head: CrateSurface | null,
  headName: string,
): boolean {
  const a = shapesOf(base, baseName);
  const b = shapesOf(head, headName);
  return a !== null && a === b;
}

function entry(crate: CrateSurface): { scope: TypeScope; defs: TypeDefs } {
  const known = scopes.get(crate.items);
  if (known) return known;
  const defs = typeDefsFromItems(crate.items);
  const aliases = new Map<string, string>();
  const kinds = new Map<string, 'repr' | 'opaque'>();
  const definitions = new Map<string, TypeDefinition>();
  for (const it of crate.items) {
    if (it.kind === 'type' && !aliases.has(it.name)) aliases.set(it.name, it.target);
    else if (it.kind === 'struct' || it.kind === 'union' || it.kind === 'enum') {
      if (kinds.get(it.name) !== 'repr') kinds.set(it.name, hasCRepr(it.repr) ? 'repr' : 'opaque');
      if (!definitions.has(it.name))
        definitions.set(
          it.name,
          it.kind === 'enum'
            ? {
                kind: 'enum',
                repr: it.repr,
                fields: [],
                variants: it.variants.map((v) => ({ name: v.name, value: v.value, fields: v.fields ?? [] })),
              }
            : { kind: it.kind, repr: it.repr, fields: it.fields, variants: [] },
        );
    }
  }
  const values = new Map<string, string | null>();
  const scope: TypeScope = {
    alias: (n) => aliases.get(n) ?? null,
    kind: (n) => kinds.get(n) ?? null,
    value: (expr, type) => {
      const key = `${type ?? ''}\u0000${expr}`;
      let v = values.get(key);
      if (v === undefined) {
        v = valueOnTargets(defs, expr, type ?? null);
        values.set(key, v);
      }
      return v;
    },
    cName: (n) => cNameOf(crate.cNames, n),
    definition: (n) => definitions.get(n) ?? null,
    shapes: (type) => shapesOf(crate, type),
  };
  const e = { scope, defs };
  scopes.set(crate.items, e);
  return e;
}

export function scopeOf(crate: CrateSurface | null): TypeScope {
  return crate ? entry(crate).scope : EMPTY_SCOPE;
}

/** Each variant's value on every target (see `valueOnTargets`), implicit ones counted on. */
export function variantValues(e: EnumItem, scope: TypeScope): (string | null)[] {
  const out: (string | null)[] = [];
  let next: bigint | null = 0n;
  for (const v of e.variants) {
    let value: string | null;
    if (v.discriminant === null) value = next === null ? null : next.toString();
    else value = v.value ?? scope.value(v.discriminant);
    out.push(value);
    next = value !== null && /^-?\d+$/.test(value) ? BigInt(value) + 1n : null;
  }
  return out;
}
