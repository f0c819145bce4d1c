import type { FindingRule } from '../rule';
import { pointerParams } from '../pointer-params';

/** A raw pointer with a length parameter (paired by name, `buf`/`buf_len`, or by position). */
export const bufferParam: FindingRule = {
  id: 'buffer-param',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a pointer and length pair is only as safe as the length; a wrong length or an overflowing `len * size` reads or writes out of bounds',
  example: 'fn checksum(buf: *const u8, len: usize) -> u32',
  checklist:
    'bounds come only from the length parameter, `len * size_of::<T>()` uses checked arithmetic, NULL with a non-zero length is rejected, and `slice::from_raw_parts` never gets NULL (even for length 0)',
  check(item) {
    if (item.kind !== 'function') return [];
    const out = [];
    for (const p of pointerParams(item)) {
      if (p.role.kind !== 'buffer') continue;
      out.push({
        message: `parameter \`${p.param.name}\` is a raw pointer \`${p.param.type}\` with length \`${p.role.len.name}\` (\`${p.role.len.type}\`)`,
      });
    }
    return out;
  },
};
