/**
 * Feature names a run asks for that no analysed crate declares: `--features nosuch` (or a config
 * file's feature set naming it) would otherwise pass silently and analyse the default surface.
 * Reads only the manifests (workspace discovery), of every tree the command compares.
 */
import { closestWord } from '../core/config/errors';
import { DeadlineExceeded, type Deadline } from '../core/deadline';
import type { Limits } from '../core/limits';
import type { FeatureSelection } from '../core/model';
import { inCrateScope, type AnalysisScope } from '../core/scope';
import { discoverWorkspace } from '../core/workspace';
import { openTree } from '../adapters/open-tree';

/** The plain feature names the selections name (`dep:x` and `dep/feat` name other packages' things). */
export function namedFeatures(sets: readonly FeatureSelection[]): string[] {
  const out = new Set<string>();
  for (const s of sets)
    if (s.mode !== 'all')
      for (const f of s.features) if (!f.includes('/') && !f.startsWith('dep:')) out.add(f);
  return [...out];
}

/**
 * The first named feature no crate in scope declares in `[features]` or as an optional
 * dependency, in any of `revisions` (undefined: the working tree), with a close declared name when
 * there is one; null when every name is declared. When a tree cannot be opened or holds no crate,
 * nothing is said: the analysis reports that itself.
 */
export async function undeclaredFeature(o: {
  root: string;
  revisions: (string | undefined)[];
  sets: readonly FeatureSelection[];
  limits: Limits;
  scope?: AnalysisScope;
  deadline?: Deadline;
}): Promise<{ name: string; guess: string | null } | null> {
  const named = namedFeatures(o.sets);
  if (!named.length) return null;
  const declared = new Set<string>();
  let crates = 0;
  for (const rev of new Set(o.revisions)) {
    let tree;
    try {
      tree = await openTree(o.root, rev, o.deadline);
    } catch (e) {
      if (e instanceof DeadlineExceeded) throw e;
      return null;
    }
    try {
      const ws = await discoverWorkspace(tree, o.limits);
      for (const c of ws.crates) {
        if (o.scope && !inCrateScope(o.scope, c.name)) continue;
        crates++;
        for (const f of Object.keys(c.featureTable)) declared.add(f);
        for (const d of c.optionalDeps) declared.add(d);
      }
    } catch (e) {
      if (e instanceof DeadlineExceeded) throw e;
      return null;
    } finally {
      tree.close?.();
    }
  }
  if (crates === 0) return null;
  const missing = named.find((f) => !declared.has(f));
  return missing === undefined ? null : { name: missing, guess: closestWord(missing, [...declared]) };
}

/** The one-line detail for an undeclared feature. */
export function undeclaredDetail(u: { name: string; guess: string | null }): string {
  return `feature ${JSON.stringify(u.name)} is not declared by any analysed crate (in [features] or as an optional dependency)${u.guess ? `; did you mean "${u.guess}"?` : ''}`;
}
