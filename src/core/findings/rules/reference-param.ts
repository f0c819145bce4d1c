import type { FindingRule } from '../rule';
import { isUnsized } from '../ffi-safety';
import { parseType, renderType, wrapped } from '../../rust/type-syntax';

/** A parameter of a non-nullable pointer type: `&T`, `&mut T`, `NonNull<T>`, `Box<T>`. */
export const referenceParam: FindingRule = {
  id: 'reference-param',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a reference (or `NonNull`, `Box`) must never be NULL, and a NULL from a C caller is undefined behaviour before the body runs',
  example: 'fn config_set(cfg: &mut Config, level: c_int)',
  checklist: 'callers can pass NULL: take a raw pointer (or `Option<&T>`) and check it',
  evidence: 'none: always open',
  check(item, ctx) {
    if (item.kind !== 'function') return [];
    const out = [];
    for (const p of item.params) {
      const t = parseType(p.type);
      // fat references (`&str`, `&[u8]`) are not-ffi-safe, which says more
      if (t.k === 'ref') {
        if (isUnsized(t.to, ctx.types)) continue;
        const ptr = `*${t.mut ? 'mut' : 'const'} ${renderType(t.to)}`;
        out.push({
          message: `parameter \`${p.name}\` is a reference \`${p.type}\`: a NULL from C is undefined behaviour (take \`${ptr}\` or \`Option<${p.type}>\`)`,
        });
        continue;
      }
      const owned = wrapped(t, 'Box') ?? wrapped(t, 'NonNull');
      if (owned && !isUnsized(owned, ctx.types))
        out.push({
          message: `parameter \`${p.name}\` is \`${p.type}\`, which cannot be NULL: a NULL from C is undefined behaviour (take \`Option<${p.type}>\`)`,
        });
    }
    return out;
  },
};
