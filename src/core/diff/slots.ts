/**
 * The typed slots of an item — parameters, return value, a static's type, fields, an alias target,
 * a const's type — and the pairs of slots two versions of an item share, for the rules that relate
 * one slot's two spellings.
 */
import type { SurfaceItem } from '../model';

export interface Slot {
  /** `parameter 1 (engine)`, `return type`, `field len`, `variant A field 0`, `target`, `type`. */
  where: string;
  /** The position-independent part of `where` (`parameter 1`), used to pair slots. */
  key: string;
  type: string;
}

export function slotsOf(item: SurfaceItem): Slot[] {
  const out: Slot[] = [];
  if (item.kind === 'function' || item.kind === 'import') {
    (item.params ?? []).forEach((p, i) =>
      out.push({ where: `parameter ${i + 1} (${p.name})`, key: `parameter ${i + 1}`, type: p.type }),
    );
    out.push({ where: 'return type', key: 'return type', type: item.returns ?? '()' });
    if (item.kind === 'import' && item.type) out.push({ where: 'type', key: 'type', type: item.type });
  } else if (item.kind === 'static') out.push({ where: 'type', key: 'type', type: item.type });
  else if (item.kind === 'struct' || item.kind === 'union')
    for (const f of item.fields) out.push({ where: `field ${f.name}`, key: `field ${f.name}`, type: f.type });
  else if (item.kind === 'enum')
    for (const v of item.variants)
      for (const f of v.fields ?? [])
        out.push({ where: `variant ${v.name} field ${f.name}`, key: `${v.name}.${f.name}`, type: f.type });
  else if (item.kind === 'type') out.push({ where: 'target', key: 'target', type: item.target });
  else if (item.kind === 'const') out.push({ where: 'type', key: 'type', type: item.type });
  return out;
}

/**
 * Slots both versions have (by position for parameters, by name for fields). Functions whose
 * parameter count changed share none: `function-parameters-changed` reports those.
 */
export function slotPairs(
  before: SurfaceItem,
  after: SurfaceItem,
): { where: string; a: string; b: string }[] {
  if (before.kind !== after.kind) return [];
  const a = slotsOf(before);
  const b = slotsOf(after);
  if ((before.kind === 'function' || before.kind === 'import') && a.length !== b.length) return [];
  const byKey = new Map<string, Slot>();
  for (const s of b) if (!byKey.has(s.key)) byKey.set(s.key, s);
  const out: { where: string; a: string; b: string }[] = [];
  for (const s of a) {
    const t = byKey.get(s.key);
    if (t) out.push({ where: t.where, a: s.type, b: t.type });
  }
  return out;
}
