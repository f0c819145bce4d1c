/**
 * Exports behind a feature the analysed build does not enable (`CrateSurface.gated`): not surface
 * of this build, but a symbol of every build that enables the feature. One added or removed behind
 * such a gate is shown as a change of its own (`gated-export-added` / `gated-export-removed`), so a
 * pull request cannot add an export unseen by putting it behind an optional feature. Moving an
 * export into or out of a gate is `item-gated` / `feature-made-default` / the added and removed
 * rules, on the analysed items.
 */
import type { CrateSurface, GatedItem, SurfaceItem } from '../model';
import type { Change } from '../report';
import { changeRule } from './catalogue';
import { codeName, quoted } from '../message-text';

const EXPORT_KINDS = new Set(['function', 'static']);

const keyOf = (x: { kind: string; name: string; symbol?: string }): string =>
  `${x.kind}:${x.symbol ?? x.name}`;

function itemKey(item: SurfaceItem): string {
  return keyOf({ kind: item.kind, name: item.name, symbol: 'symbol' in item ? item.symbol : undefined });
}

function features(crate: CrateSurface): string {
  return crate.features.join(', ') || 'no features';
}

export function gatedExportChanges(
  crate: string,
  base: CrateSurface | null,
  head: CrateSurface | null,
): Change[] {
  if (!base || !head) return [];
  const exportsOf = (gated: GatedItem[] | undefined) => (gated ?? []).filter((g) => EXPORT_KINDS.has(g.kind));
  const baseGated = new Map(exportsOf(base.gated).map((g) => [keyOf(g), g]));
  const headGated = new Map(exportsOf(head.gated).map((g) => [keyOf(g), g]));
  const baseItems = new Set(base.items.map(itemKey));
  const headItems = new Set(head.items.map(itemKey));
  const out: Change[] = [];
  const change = (
    id: string,
    g: GatedItem,
    file: string,
    message: string,
    side: 'before' | 'after',
  ): Change => {
    const rule = changeRule(id);
    const text = `#[cfg(${g.cfg})] ${g.kind} ${g.symbol ?? g.name}`;
    return {
      rule: rule.id,
      severity: rule.severity,
      kind: g.kind,
      name: g.name,
      ...(g.symbol !== undefined ? { symbol: g.symbol } : {}),
      crate,
      file,
      line: g.line,
      before: side === 'before' ? text : null,
      after: side === 'after' ? text : null,
      message,
    };
  };
  for (const [k, g] of headGated)
    if (!baseGated.has(k) && !baseItems.has(k) && !headItems.has(k))
      out.push(
        change(
          'gated-export-added',
          g,
          g.file,
          `new export ${codeName(g.symbol ?? g.name)} behind \`cfg(${quoted(g.cfg)})\`, which the analysed build (${features(head)}) does not enable: its signature and findings are not analysed here`,
          'after',
        ),
      );
  for (const [k, g] of baseGated)
    if (!headGated.has(k) && !headItems.has(k) && !baseItems.has(k))
      out.push(
        change(
          'gated-export-removed',
          g,
          g.file,
          `${codeName(g.symbol ?? g.name)} behind \`cfg(${quoted(g.cfg)})\` is gone: builds that enable it no longer export it`,
          'before',
        ),
      );
  return out;
}
