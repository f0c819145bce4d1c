/** Hand-made surface items for the layout unit tests (not a test file itself). */
import { typeDefsFromItems, TypeDefs } from '../../src/core/abi/layout';
import type { ConstItem, EnumItem, StructItem, SurfaceItem, TypeAliasItem } from '../../src/core/model';

const base = { path: 'crate', file: 'src/lib.rs', line: 1, cfg: null, visibility: 'pub' };

/** `struct NAME { f: T, … }` with the given repr; fields as `[name, type]` pairs. */
export function struct(name: string, repr: string[], fields: [string, string][]): StructItem {
  return {
    ...base,
    kind: 'struct',
    name,
    repr,
    fields: fields.map(([n, type]) => ({ name: n, type })),
    tuple: false,
  };
}

export function union(name: string, repr: string[], fields: [string, string][]): StructItem {
  return { ...struct(name, repr, fields), kind: 'union' };
}

/** An enum; a variant is a name, `[name, discriminant]` or `[name, null, fields]`. */
export function enumItem(
  name: string,
  repr: string[],
  variants: (string | [string, string | null, [string, string][]?])[],
): EnumItem {
  return {
    ...base,
    kind: 'enum',
    name,
    repr,
    nonExhaustive: false,
    variants: variants.map((v) => {
      if (typeof v === 'string') return { name: v, discriminant: null, value: null };
      const [n, d, fields] = v;
      return fields
        ? { name: n, discriminant: d, value: null, fields: fields.map(([fn, type]) => ({ name: fn, type })) }
        : { name: n, discriminant: d, value: null };
    }),
  };
}

export function alias(name: string, target: string): TypeAliasItem {
  return { ...base, kind: 'type', name, target };
}

export function constant(name: string, type: string, value: string): ConstItem {
  return { ...base, kind: 'const', name, type, value };
}

export function defsOf(...items: SurfaceItem[]): TypeDefs {
  return typeDefsFromItems(items);
}
