/**
 * Cargo's feature unification: one build of a workspace compiles each package once, with the union
 * of the features every dependent asks for. A member that depends on `lib = { path = "../lib",
 * features = ["extra"] }` switches `extra` on in `lib` for everyone — so `lib`'s exports under
 * `#[cfg(feature = "extra")]` are in the library even when `lib`'s own defaults leave it off.
 */
import type { FeatureSelection } from './model';
import { CrateManifest, enabledFeatures } from './workspace';

/** Most rounds of propagation (each round adds at least one feature, or stops). */
const MAX_ROUNDS = 10_000;

/**
 * The features each crate is compiled with: the selection applied to every crate, plus what its
 * dependents in the workspace ask for (`features = […]`, default features unless
 * `default-features = false`, and `dep/feature` entries of the dependents' enabled features),
 * closed under implication until nothing changes.
 */
export function unifiedFeatures(
  crates: CrateManifest[],
  sel: FeatureSelection,
): Map<CrateManifest, Set<string>> {
  const out = new Map<CrateManifest, Set<string>>();
  const byDir = new Map<string, CrateManifest>();
  for (const c of crates) {
    out.set(c, enabledFeatures(c, sel));
    byDir.set(c.dir, c);
  }
  if (sel.mode === 'all') return out;
  let changed = true;
  for (let round = 0; changed && round < MAX_ROUNDS; round++) {
    changed = false;
    for (const a of crates) {
      const enabled = out.get(a) as Set<string>;
      // the strings the dependent's enabled features list: `dep:x`, `x/feat`, `x?/feat`
      const entries = [...enabled].flatMap((f) => a.featureTable[f] ?? []);
      for (const d of a.dependencies ?? []) {
        const b = byDir.get(d.dir);
        if (!b) continue;
        const activated =
          !d.optional ||
          enabled.has(d.key) ||
          entries.some((e) => e === `dep:${d.key}` || e.startsWith(`${d.key}/`));
        if (!activated) continue;
        const asked = [...d.features];
        for (const e of entries) {
          if (e.startsWith(`${d.key}/`)) asked.push(e.slice(d.key.length + 1));
          else if (e.startsWith(`${d.key}?/`)) asked.push(e.slice(d.key.length + 2));
        }
        const add = enabledFeatures(
          b,
          d.defaultFeatures ? { mode: 'default', features: asked } : { mode: 'none', features: asked },
        );
        const have = out.get(b) as Set<string>;
        for (const f of add)
          if (!have.has(f)) {
            have.add(f);
            changed = true;
          }
      }
    }
  }
  return out;
}
