import type { FindingRule } from '../rule';
import { pointerVerdict } from '../evidence';
import { pointerParams } from '../pointer-params';
import { NULL_EVIDENCE } from './raw-pointer-param';

/** A raw pointer with a length parameter (paired by name, `buf`/`buf_len`, or by position). */
export const bufferParam: FindingRule = {
  id: 'buffer-param',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a pointer and length pair is only as safe as the length; a wrong length or an overflowing `len * size` reads or writes out of bounds (this finding replaces `raw-pointer-param` and `c-string-param` on the pointer and asks their questions too)',
  example: 'fn checksum(buf: *const u8, len: usize) -> u32',
  checklist:
    'NULL with a non-zero length is rejected and `slice::from_raw_parts` never gets NULL (even for length 0), bounds come only from the length parameter, `len * size_of::<T>()` uses checked arithmetic, alignment and lifetime are documented, and the buffer never aliases a live `&mut`',
  evidence: `NULL checked (${NULL_EVIDENCE}) and, unless the element is one byte (\`u8\`, \`c_char\`, …), \`len.checked_mul(..)\`, \`checked_add\`/\`checked_sub\` or \`saturating_*\`/\`overflowing_*\` on the length`,
  check(item, ctx) {
    if (item.kind !== 'function') return [];
    const out = [];
    for (const p of pointerParams(item)) {
      if (p.role.kind !== 'buffer') continue;
      out.push({
        message: `parameter \`${p.param.name}\` is a raw pointer \`${p.param.type}\` with length \`${p.role.len.name}\` (\`${p.role.len.type}\`)`,
        ...pointerVerdict(item, p, ctx),
      });
    }
    return out;
  },
};
