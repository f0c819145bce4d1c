import type { FindingRule } from '../rule';
import { pointerParams } from '../pointer-params';

/** Any raw-pointer parameter that is neither a C string nor a buffer with a length (those rules are more specific). */
export const rawPointerParam: FindingRule = {
  id: 'raw-pointer-param',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a raw pointer from the caller can be NULL, dangling, misaligned or aliased, and every use of it is an unchecked obligation',
  example: 'fn widget_poke(w: *mut Widget)',
  checklist:
    'NULL is checked before use, alignment and lifetime are documented, and the pointer never aliases a live `&mut`',
  check(item) {
    if (item.kind !== 'function') return [];
    return pointerParams(item)
      .filter((p) => p.role.kind === 'raw')
      .map((p) => ({ message: `parameter \`${p.param.name}\` is a raw pointer \`${p.param.type}\`` }));
  },
};
