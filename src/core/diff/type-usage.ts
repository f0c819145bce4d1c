/** How the surface uses a type: by value (passed, returned, embedded) or only behind pointers. */
import type { CrateSurface } from '../model';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function mentions(type: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${escapeRe(name)}([^A-Za-z0-9_]|$)`).test(type);
}

/** A use of `name` in `type` that is not behind `*const`, `*mut`, `&`, `Box`, `NonNull`. */
function byValue(type: string, name: string): boolean {
  if (!mentions(type, name)) return false;
  // the name is escaped here too: it is a type name from the source, not a pattern
  const stripped = type.replace(
    new RegExp(`(\\*const |\\*mut |&mut |&|NonNull<|Box<)${escapeRe(name)}\\b`, 'g'),
    '',
  );
  return mentions(stripped, name);
}

export function typeUsage(crate: CrateSurface | null, name: string): 'value' | 'pointer' | 'none' {
  if (!crate) return 'none';
  const types: string[] = [];
  for (const it of crate.items) {
    if (it.kind === 'function' || it.kind === 'import') {
      for (const p of it.params ?? []) types.push(p.type);
      if (it.returns) types.push(it.returns);
      if (it.kind === 'import' && it.type) types.push(it.type);
    } else if (it.kind === 'static') types.push(it.type);
    else if ((it.kind === 'struct' || it.kind === 'union') && it.name !== name)
      for (const f of it.fields) types.push(f.type);
    else if (it.kind === 'enum')
      for (const v of it.variants) for (const f of v.fields ?? []) types.push(f.type);
    else if (it.kind === 'type') types.push(it.target);
  }
  let used = false;
  for (const ty of types) {
    if (byValue(ty, name)) return 'value';
    if (mentions(ty, name)) used = true;
  }
  return used ? 'pointer' : 'none';
}
