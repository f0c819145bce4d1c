/**
 * Canonical forms and digests. The surface digest covers what a consumer's header depends on:
 * items sorted, positions, docs, bodies and visibility excluded — so moving a function or editing a
 * doc comment keeps it, and any change to a signature, layout or value changes it.
 */
import { createHash } from 'node:crypto';
import type { CrateSurface, SurfaceItem } from './model';
import { itemKey } from './model';

/** The part of an item that is ABI: what the digest and the diff compare. */
export function canonicalItem(item: SurfaceItem): Record<string, unknown> {
  switch (item.kind) {
    case 'function':
      return {
        kind: item.kind,
        symbol: item.symbol,
        name: item.name,
        cfg: item.cfg,
        abi: item.abi,
        unsafe: item.unsafe,
        params: item.params,
        variadic: item.variadic,
        returns: item.returns,
        // absent (not hashed) when there is none, so existing digests stay
        targetFeatures: item.targetFeatures?.length ? item.targetFeatures : undefined,
      };
    case 'static':
      return {
        kind: item.kind,
        symbol: item.symbol,
        name: item.name,
        cfg: item.cfg,
        type: item.type,
        mutable: item.mutable,
      };
    case 'struct':
    case 'union':
      return {
        kind: item.kind,
        name: item.name,
        cfg: item.cfg,
        repr: item.repr,
        fields: item.fields,
        tuple: item.tuple,
      };
    case 'enum':
      return {
        kind: item.kind,
        name: item.name,
        cfg: item.cfg,
        repr: item.repr,
        nonExhaustive: item.nonExhaustive,
        variants: item.variants.map((v) => ({
          name: v.name,
          value: v.value ?? v.discriminant,
          fields: v.fields ?? null,
        })),
      };
    case 'type':
      return { kind: item.kind, name: item.name, cfg: item.cfg, target: item.target };
    case 'const':
      return { kind: item.kind, name: item.name, cfg: item.cfg, type: item.type, value: item.value };
    case 'import':
      return {
        kind: item.kind,
        symbol: item.symbol,
        name: item.name,
        cfg: item.cfg,
        abi: item.abi,
        what: item.what,
        params: item.params ?? null,
        returns: item.returns ?? null,
        variadic: item.variadic ?? false,
        type: item.type ?? null,
        mutable: item.mutable ?? false,
      };
  }
}

/** JSON with object keys sorted, so equal data always hashes equal. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
    .join(',')}}`;
}

export function sha256(text: string): string {
  return 'sha256:' + createHash('sha256').update(text).digest('hex');
}

function sortKey(item: SurfaceItem): string {
  return `${itemKey(item)}\u0000${item.cfg ?? ''}`;
}

export function sortItems<T extends SurfaceItem>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** The crate types that produce a file a C consumer links against. */
export function isLinkedType(crateType: string): boolean {
  return crateType === 'cdylib' || crateType === 'staticlib';
}

export function surfaceDigest(crates: CrateSurface[]): string {
  const canon = [...crates]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => ({
      crate: c.name,
      items: sortItems(c.items).map(canonicalItem),
      // what may export but was not understood is surface too (absent when there is none, so the
      // digest of a fully understood crate is what it always was)
      unresolved: c.unresolved?.length ? c.unresolved.map((e) => e.key).sort() : undefined,
      // the file consumers link against, and whether it is built (SPEC section 2); binary-only
      // exports are not here: on a pull request they come from the pull request's own build
      lib: c.lib?.crateTypes.some(isLinkedType)
        ? { name: c.lib.name, crateTypes: c.lib.crateTypes.filter(isLinkedType) }
        : undefined,
    }));
  return sha256(stableStringify(canon));
}
