import type { FindingRule } from '../rule';
import { pointerParams } from '../pointer-params';

/** `*const c_char` / `*mut c_char` (and pointers to them) without a length: NUL-terminated strings. */
export const cStringParam: FindingRule = {
  id: 'c-string-param',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a C string is trusted to be NUL-terminated, so a missing terminator reads past the end of the allocation',
  example: 'fn greet(name: *const c_char)',
  checklist:
    'NULL is checked, the string is NUL-terminated (read through `CStr::from_ptr`), UTF-8 is validated before it becomes `&str`, and its length is bounded',
  check(item) {
    if (item.kind !== 'function') return [];
    return pointerParams(item)
      .filter((p) => p.role.kind === 'c-string')
      .map((p) => {
        const nested = /^\*(const|mut) \*/.test(p.param.type);
        const what = nested ? 'a pointer to C strings' : 'a C string';
        return { message: `parameter \`${p.param.name}\` is ${what} \`${p.param.type}\`` };
      });
  },
};
