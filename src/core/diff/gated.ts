/** Items that exist in the source but are switched off by a feature cfg in the analysed build. */
import type { CrateSurface, GatedItem, SurfaceItem } from '../model';

export function gatedIn(crate: CrateSurface | null, item: SurfaceItem): GatedItem | undefined {
  if (!crate?.gated) return undefined;
  const symbol = 'symbol' in item ? item.symbol : undefined;
  return crate.gated.find(
    (g) => g.kind === item.kind && g.name === item.name && (symbol === undefined || g.symbol === symbol),
  );
}
