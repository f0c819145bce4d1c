import type { CrateSurface, DeclaredType } from '../../model';
import type { ChangeRule } from '../rule';
import { affected } from '../affects';

/** Per crate (by its declared types), the first declared type of each name. */
const byName = new WeakMap<DeclaredType[], Map<string, DeclaredType>>();

/** The crate's declared type of that name: a lookup, not a scan of every type per changed item. */
function declared(crate: CrateSurface | null, name: string): DeclaredType | undefined {
  if (!crate) return undefined;
  let index = byName.get(crate.declaredTypes);
  if (!index) {
    index = new Map();
    for (const d of crate.declaredTypes) if (!index.has(d.name)) index.set(d.name, d);
    byName.set(crate.declaredTypes, index);
  }
  return index.get(name);
}

export const reprChanged: ChangeRule = {
  id: 'repr-changed',
  severity: 'breaking',
  rationale:
    'The representation decides size, alignment and field offsets: repr(C) → Rust layout, u8 → u32, packed or align change them all.',
  example: '#[repr(u8)] enum E → #[repr(u32)] enum E',
  kinds: ['struct', 'union', 'enum'],
  check: (before, after, ctx) => {
    const isType = (k: string | undefined) => k === 'struct' || k === 'union' || k === 'enum';
    if (before && after && isType(before.kind) && before.kind === after.kind) {
      const a = (before as { repr: string[] }).repr;
      const b = (after as { repr: string[] }).repr;
      if ([...a].sort().join(',') === [...b].sort().join(',')) return [];
      // a type with Rust's layout (reached behind pointers: opaque to C) gaining a C layout adds to the API
      if (a.length === 0)
        return [
          {
            message: `${after.name} gained repr (${b.join(', ')}); its layout was unspecified before`,
            severity: 'addition',
          },
        ];
      return [`repr changed from (${a.join(', ')}) to (${b.join(', ')})${affected(ctx, after.name).suffix}`];
    }
    if (before && !after && isType(before.kind)) {
      const d = declared(ctx.head, before.name);
      if (d && d.repr.length && before.visibility === 'pub')
        return [
          {
            message: `${before.name} keeps repr (${d.repr.join(', ')}) but is no longer public and no export reaches it: it leaves the C API, its layout does not change`,
            severity: 'source-breaking',
          },
        ];
      if (d && d.repr.length) return [];
      if (d)
        return [
          `repr (${(before as { repr: string[] }).repr.join(', ')}) was removed from ${before.name}: its layout is now unspecified`,
        ];
    }
    if (!before && after && isType(after.kind)) {
      const d = declared(ctx.base, after.name);
      if (d && d.repr.length === 0)
        return [
          {
            message: `${after.name} gained repr (${(after as { repr: string[] }).repr.join(', ')}); its layout was unspecified before`,
            severity: 'addition',
          },
        ];
    }
    if (before && after && before.kind !== after.kind && isType(before.kind) && isType(after.kind))
      return [`${before.name} changed from ${before.kind} to ${after.kind}`];
    return [];
  },
};
