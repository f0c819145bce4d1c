/** Fields a struct or union gained at its end (structs) or anywhere (unions), for the growth rules. */
import type { Field, SurfaceItem } from '../model';

export interface Growth {
  name: string;
  added: Field[];
}

export function growthOf(before: SurfaceItem | null, after: SurfaceItem | null): Growth | null {
  if (
    !before ||
    !after ||
    (before.kind !== 'struct' && before.kind !== 'union') ||
    before.kind !== after.kind
  )
    return null;
  let added: Field[];
  if (before.kind === 'union') {
    const had = new Set(before.fields.map((g) => g.name));
    added = after.fields.filter((f) => !had.has(f.name));
  } else {
    const a = before.fields.map((f) => f.name);
    const b = after.fields.map((f) => f.name);
    added = b.length > a.length && a.every((n, i) => b[i] === n) ? after.fields.slice(a.length) : [];
  }
  return added.length ? { name: after.name, added } : null;
}

export function describeAdded(g: Growth): string {
  return `field${g.added.length > 1 ? 's' : ''} ${g.added.map((f) => `${f.name}: ${f.type}`).join(', ')} appended to ${g.name}`;
}
