import type { SurfaceItem } from '../../model';
import { CfgPred, evalCfg, parseCfg } from '../../rust/cfg';
import { FindingHit, FindingRule, GatedRecord, memoised } from '../rule';

/** true / false, or null when it depends on the platform or cannot be read. */
function enabled(cfg: string | null, features: readonly string[]): boolean | null {
  if (cfg === null) return true;
  const pred = parseCfg(cfg);
  return pred ? evalCfg(pred, { features: new Set(features) }) : null;
}

/** Features a predicate requires (not under `not`). */
function required(p: CfgPred, out: Set<string>): Set<string> {
  if (p.op === 'kv' && p.key === 'feature') out.add(p.value);
  else if (p.op === 'all' || p.op === 'any') for (const a of p.args) required(a, out);
  return out;
}

function featuresOf(cfg: string | null): Set<string> {
  const p = cfg === null ? null : parseCfg(cfg);
  return p ? required(p, new Set()) : new Set();
}

function describe(item: SurfaceItem, gate: string, baseFeatures: readonly string[]): FindingHit {
  const now = featuresOf(item.cfg);
  const gating = [...featuresOf(gate)].filter((f) => !baseFeatures.includes(f)).sort();
  const madeDefault = gating.filter((f) => now.has(f));
  const ungated = gating.filter((f) => !now.has(f));
  const parts: string[] = [];
  if (ungated.length) parts.push(`it left the ${ungated.map((f) => `\`${f}\``).join(', ')} feature gate`);
  if (madeDefault.length)
    parts.push(
      `${madeDefault.map((f) => `\`${f}\``).join(', ')} ${madeDefault.length > 1 ? 'are' : 'is'} now enabled by default`,
    );
  const how = parts.length ? parts.join(' and ') : 'its gate no longer applies';
  return {
    message: `\`${item.name}\` was behind \`cfg(${gate})\`, off in the base's default build, and is in the head's: ${how}`,
  };
}

/** An item that was off in the base's default build because of a feature gate, and is on in the head's. */
export const exposureWidened: FindingRule = {
  id: 'exposure-widened',
  level: 'medium',
  kinds: ['function', 'static', 'struct', 'union', 'enum', 'type', 'const', 'import'],
  rationale:
    'contract: an item that leaves a non-default feature gate is compiled into every default build, so the attack surface grows for every user',
  example: '#[cfg(feature = "unsafe-api")] fn raw_write(..) → (no cfg)',
  checklist:
    'the capability should be on by default, and users who never enabled the feature are ready to ship it',
  evidence: 'none: always open',
  check(item, ctx) {
    if (enabled(item.cfg, ctx.crate.features) === false) return [];
    const baseFeatures = ctx.base?.features ?? ctx.crate.features;
    if (ctx.before) {
      if (ctx.before.cfg !== null && enabled(ctx.before.cfg, baseFeatures) === false)
        return [describe(item, ctx.before.cfg, baseFeatures)];
      return [];
    }
    const symbol =
      item.kind === 'function' || item.kind === 'static' || item.kind === 'import' ? item.symbol : undefined;
    // the base's gated items by kind and name, once per run (not a scan of them for every item)
    const byName = memoised(ctx, 'base-gated', () => {
      const m = new Map<string, GatedRecord[]>();
      for (const g of ctx.base?.gated ?? []) {
        const key = `${g.kind}\0${g.name}`;
        const list = m.get(key);
        if (list) list.push(g);
        else m.set(key, [g]);
      }
      return m;
    });
    const gated = byName
      .get(`${item.kind}\0${item.name}`)
      ?.find((g) => symbol === undefined || g.symbol === undefined || g.symbol === symbol);
    return gated ? [describe(item, gated.cfg, baseFeatures)] : [];
  },
};
