import type { FindingRule } from '../rule';
import { pointerVerdict } from '../evidence';
import { pointerParams } from '../pointer-params';
import { NULL_EVIDENCE } from './raw-pointer-param';

/** `*const c_char` / `*mut c_char` (and pointers to them) without a length: NUL-terminated strings. */
export const cStringParam: FindingRule = {
  id: 'c-string-param',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a C string is trusted to be NUL-terminated, so a missing terminator reads past the end of the allocation (this finding replaces `raw-pointer-param` on the parameter and asks its questions too)',
  example: 'fn greet(name: *const c_char)',
  checklist:
    'NULL is checked, the string is NUL-terminated (read through `CStr::from_ptr`), UTF-8 is validated before it becomes `&str`, its length is bounded, and its lifetime is documented',
  evidence: `NULL checked: ${NULL_EVIDENCE}`,
  check(item, ctx) {
    if (item.kind !== 'function') return [];
    return pointerParams(item)
      .filter((p) => p.role.kind === 'c-string')
      .map((p) => {
        const nested = /^\*(const|mut) \*/.test(p.param.type);
        const what = nested ? 'a pointer to C strings' : 'a C string';
        return {
          message: `parameter \`${p.param.name}\` is ${what} \`${p.param.type}\``,
          ...pointerVerdict(item, p, ctx),
        };
      });
  },
};
