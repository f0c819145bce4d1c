/**
 * What one side of a diff knows about the names its types use: the aliases, repr types and consts
 * of the crate's surface (which holds every definition an export reaches, whatever its visibility).
 * Built once per crate surface.
 */
import type { CrateSurface, EnumItem, SurfaceItem } from '../model';
import { evalDiscriminant } from '../extract/discriminant';
import { EMPTY_SCOPE, TypeDefinition, TypeScope } from './relate';
import { cNameOf } from './cbindgen-names';

/** A repr that gives a type a layout C can name. */
export function hasCRepr(repr: string[]): boolean {
  return repr.some((r) => r !== 'packed' && !r.startsWith('packed(') && !r.startsWith('align('));
}

const scopes = new WeakMap<SurfaceItem[], TypeScope>();

export function scopeOf(crate: CrateSurface | null): TypeScope {
  if (!crate) return EMPTY_SCOPE;
  const known = scopes.get(crate.items);
  if (known) return known;
  const aliases = new Map<string, string>();
  const kinds = new Map<string, 'repr' | 'opaque'>();
  const consts = new Map<string, string>();
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
    } else if (it.kind === 'const' && !consts.has(it.name)) consts.set(it.name, it.value);
  }
  const evaluating = new Set<string>();
  const value = (expr: string): bigint | null => {
    const direct = evalDiscriminant(expr);
    if (direct !== null) return direct;
    const named = consts.get(expr.trim());
    if (named === undefined || evaluating.has(expr)) return null;
    evaluating.add(expr);
    try {
      return value(named);
    } finally {
      evaluating.delete(expr);
    }
  };
  const scope: TypeScope = {
    alias: (n) => aliases.get(n) ?? null,
    kind: (n) => kinds.get(n) ?? null,
    value,
    cName: (n) => cNameOf(crate.cNames, n),
    definition: (n) => definitions.get(n) ?? null,
  };
  scopes.set(crate.items, scope);
  return scope;
}

/** Each variant's value, evaluated with the side's consts (`A = BASE + 1`), implicit ones counted on. */
export function variantValues(e: EnumItem, scope: TypeScope): (bigint | null)[] {
  const out: (bigint | null)[] = [];
  let next: bigint | null = 0n;
  for (const v of e.variants) {
    const value: bigint | null =
      v.discriminant !== null ? (v.value !== null ? BigInt(v.value) : scope.value(v.discriminant)) : next;
    out.push(value);
    next = value === null ? null : value + 1n;
  }
  return out;
}
