import { FindingRule, memoised } from '../rule';

/** By its name, a static: constants cannot be assigned, so `COUNTER = ...` writes a `static mut`. */
const SCREAMING = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** An exported `static mut`, or an export that writes a `static mut`. */
export const mutableGlobal: FindingRule = {
  id: 'mutable-global',
  level: 'high',
  kinds: ['function', 'static'],
  rationale:
    'memory safety: unsynchronised reads and writes of a `static mut` from several threads (or from C) are a data race, which is undefined behaviour',
  example: '#[no_mangle] pub static mut LAST_ERROR: c_int = 0;',
  checklist:
    'access is synchronised (atomics, a lock, or documented single-threaded use) and the reset semantics are defined',
  evidence: 'none: always open',
  check(item, ctx) {
    if (item.kind === 'static') {
      if (!item.mutable) return [];
      return [
        {
          message: `exported \`static mut ${item.name}: ${item.type}\` can be read and written by Rust and C with no synchronisation`,
        },
      ];
    }
    if (item.kind !== 'function') return [];
    const exported = memoised(ctx, 'mutable-statics', () => {
      const m = new Map<string, string>();
      for (const it of ctx.crate.items) if (it.kind === 'static' && it.mutable) m.set(it.name, it.type);
      return m;
    });
    const out = [];
    for (const name of item.body.assigns) {
      const type = exported.get(name);
      if (type !== undefined) out.push({ message: `writes the exported \`static mut ${name}: ${type}\`` });
      else if (SCREAMING.test(name) && name.length > 1)
        out.push({ message: `writes \`${name}\`, by its name a \`static mut\`` });
    }
    return out;
  },
};
