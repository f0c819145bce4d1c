/** Items that exist in the source but are switched off by a feature cfg in the analysed build. */
import type { CrateSurface, GatedItem, SurfaceItem } from '../model';

/** Per list of gated items, the items by kind and name (built once, looked up per item). */
const byName = new WeakMap<GatedItem[], Map<string, GatedItem[]>>();

export function gatedIn(crate: CrateSurface | null, item: SurfaceItem): GatedItem | undefined {
  if (!crate?.gated) return undefined;
  let index = byName.get(crate.gated);
  if (!index) {
    index = new Map();
    for (const g of crate.gated) {
      const key = `${g.kind}\0${g.name}`;
      const list = index.get(key);
      if (list) list.push(g);
      else index.set(key, [g]);
    }
    byName.set(crate.gated, index);
  }
  const symbol = 'symbol' in item ? item.symbol : undefined;
  // the first in the list, as a scan of the list found it
  return index.get(`${item.kind}\0${item.name}`)?.find((g) => symbol === undefined || g.symbol === symbol);
}
