import type { FindingRule } from '../rule';
import { pointerVerdict } from '../evidence';
import { pointerParams } from '../pointer-params';

/** NULL evidence, shared by the three pointer rules. */
export const NULL_EVIDENCE =
  '`p.is_null()`, `NonNull::new(p)`, `p.as_ref()`/`as_mut()` (an `Option`) or a comparison with `null()` in the body or inside a macro call, a crate macro or function called with `p` whose definition checks that argument (a few calls deep, in the files the scan read), an `Option<NonNull<T>>` type, or in an `unsafe` fn a `# Safety` section naming `p`';

/**
 * Any raw-pointer parameter that is neither a C string nor a buffer with a length: one pointer
 * parameter yields one finding, the most specific (buffer-param > c-string-param > raw-pointer-param).
 */
export const rawPointerParam: FindingRule = {
  id: 'raw-pointer-param',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a raw pointer from the caller can be NULL, dangling, misaligned or aliased, and every use of it is an unchecked obligation (a pointer that is a C string or has a length gets `c-string-param` or `buffer-param` instead: one finding per parameter)',
  example: 'fn widget_poke(w: *mut Widget)',
  checklist:
    'NULL is checked before use, alignment and lifetime are documented, and the pointer never aliases a live `&mut`',
  evidence: `NULL checked: ${NULL_EVIDENCE}`,
  check(item, ctx) {
    if (item.kind !== 'function') return [];
    return pointerParams(item)
      .filter((p) => p.role.kind === 'raw')
      .map((p) => ({
        message: `parameter \`${p.param.name}\` is a raw pointer \`${p.param.type}\``,
        ...pointerVerdict(item, p, ctx),
      }));
  },
};
