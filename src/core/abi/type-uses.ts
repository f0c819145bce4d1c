/**
 * Which exports a type, alias or const reaches, and how (SPEC section 4, "one edit is one change"):
 * by value (passed, returned, a static's type, embedded in a by-value aggregate, an array length of
 * one) or only behind a pointer. A changed definition is then one change listing the exports it
 * affects; its severity comes from the worst use. Read through the one type model.
 */
import type { CrateSurface, SurfaceItem } from '../model';
import { namesInExpression } from '../extract/reachable';
import { parseType, RustType } from '../rust/type-syntax';
import { pointerTarget } from './relate';

export type UseHow = 'value' | 'pointer';

export interface TypeUse {
  /** The exported (or imported) symbol. */
  symbol: string;
  /** `parameter 1 (engine)`, `the return value`, `the static's type`. */
  where: string;
  how: UseHow;
}

export type TypeUses = Map<string, TypeUse[]>;

const MAX_DEPTH = 64;

function slots(item: SurfaceItem): { where: string; type: string }[] {
  if (item.kind === 'function' || item.kind === 'import') {
    const out = (item.params ?? []).map((p, i) => ({
      where: `parameter ${i + 1} (${p.name})`,
      type: p.type,
    }));
    if (item.returns) out.push({ where: 'the return value', type: item.returns });
    if (item.kind === 'import' && item.type) out.push({ where: "the static's type", type: item.type });
    return out;
  }
  if (item.kind === 'static') return [{ where: "the static's type", type: item.type }];
  return [];
}

/** Every name each export reaches, with the least indirect way it does. */
export function typeUses(crate: CrateSurface | null): TypeUses {
  const uses: TypeUses = new Map();
  if (!crate) return uses;
  const defs = new Map<string, SurfaceItem[]>();
  for (const it of crate.items)
    if (
      it.kind === 'struct' ||
      it.kind === 'union' ||
      it.kind === 'enum' ||
      it.kind === 'type' ||
      it.kind === 'const'
    )
      defs.set(it.name, [...(defs.get(it.name) ?? []), it]);

  for (const exp of crate.items) {
    if (exp.kind !== 'function' && exp.kind !== 'static' && exp.kind !== 'import') continue;
    for (const slot of slots(exp)) {
      // per slot: the best `how` each name is reached with (value wins)
      const reached = new Map<string, UseHow>();
      const visit = (name: string, how: UseHow, depth: number): void => {
        const had = reached.get(name);
        if (had === 'value' || had === how || depth > MAX_DEPTH) return;
        reached.set(name, how);
        for (const d of defs.get(name) ?? []) {
          if (d.kind === 'type') walk(parseType(d.target), how, depth + 1);
          else if (d.kind === 'const') {
            const names = new Set<string>();
            namesInExpression(d.value, names);
            for (const n of names) visit(n, how, depth + 1);
          } else if (d.kind === 'struct' || d.kind === 'union') {
            for (const f of d.fields) walk(parseType(f.type), how, depth + 1);
          } else if (d.kind === 'enum') {
            for (const v of d.variants) {
              if (v.discriminant) {
                const names = new Set<string>();
                namesInExpression(v.discriminant, names);
                for (const n of names) visit(n, how, depth + 1);
              }
              for (const f of v.fields ?? []) walk(parseType(f.type), how, depth + 1);
            }
          }
        }
      };
      const walk = (t: RustType, how: UseHow, depth: number): void => {
        if (depth > MAX_DEPTH) return;
        const ptr = pointerTarget(t);
        if (ptr) return walk(ptr.to, 'pointer', depth + 1);
        switch (t.k) {
          case 'array': {
            walk(t.of, how, depth + 1);
            const names = new Set<string>();
            namesInExpression(t.len, names);
            for (const n of names) visit(n, how, depth + 1);
            return;
          }
          case 'slice':
            return walk(t.of, how, depth + 1);
          case 'tuple':
            return t.items.forEach((x) => walk(x, how, depth + 1));
          case 'fn':
            // a callback's own types are passed by the callback, not by this export: behind a pointer
            t.params.forEach((x) => walk(x, 'pointer', depth + 1));
            if (t.ret) walk(t.ret, 'pointer', depth + 1);
            return;
          case 'path':
            visit(t.name, how, depth);
            return t.args.forEach((x) => walk(x, how, depth + 1));
          default:
            return;
        }
      };
      walk(parseType(slot.type), 'value', 0);
      for (const [name, how] of reached)
        uses.set(name, [...(uses.get(name) ?? []), { symbol: exp.symbol, where: slot.where, how }]);
    }
  }
  return uses;
}

const memo = new WeakMap<SurfaceItem[], TypeUses>();

/** `typeUses`, computed once per crate surface. */
export function usesOf(crate: CrateSurface | null): TypeUses {
  if (!crate) return new Map();
  let u = memo.get(crate.items);
  if (!u) {
    u = typeUses(crate);
    memo.set(crate.items, u);
  }
  return u;
}

/** The worst use of a name: `value`, `pointer`, or `none` when no export reaches it. */
export function worstUse(uses: TypeUse[] | undefined): UseHow | 'none' {
  if (!uses?.length) return 'none';
  return uses.some((u) => u.how === 'value') ? 'value' : 'pointer';
}

/** `engine_new (parameter 1 by value), engine_free (behind a pointer)` — at most `max` named. */
export function describeUses(uses: TypeUse[] | undefined, max = 8): string {
  if (!uses?.length) return '';
  const bySymbol = new Map<string, TypeUse>();
  for (const u of uses) {
    const had = bySymbol.get(u.symbol);
    if (!had || (had.how === 'pointer' && u.how === 'value')) bySymbol.set(u.symbol, u);
  }
  const all = [...bySymbol.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const shown = all
    .slice(0, max)
    .map(
      (u) => `${u.symbol} (${u.how === 'value' ? `${u.where} by value` : `${u.where}, behind a pointer`})`,
    );
  const more = all.length > max ? ` and ${all.length - max} more` : '';
  return `${shown.join(', ')}${more}`;
}
