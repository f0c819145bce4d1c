import type { FindingRule } from '../rule';
import { designated } from '../ownership';
import { parseType, renderType } from '../../rust/type-syntax';

/** An export hands out `T` as a handle, and the crate declares `unsafe impl Send`/`Sync` for `T`. */
export const handleSendSync: FindingRule = {
  id: 'handle-send-sync',
  level: 'high',
  kinds: ['function'],
  rationale:
    "memory safety: `unsafe impl Send`/`Sync` switches off the compiler's thread-safety check for a type C callers then hold as a handle and may use from any thread; a wrong claim is a data race",
  example: 'unsafe impl Send for Engine {} + fn engine_new() -> *mut Engine',
  checklist:
    'the handle type really is thread-safe (every field `Send`/`Sync`, interior mutability synchronised) and the header says which functions may be called concurrently on one handle',
  evidence: 'none: always open',
  check(item, ctx) {
    if (item.kind !== 'function' || !item.returns) return [];
    const marked = ctx.crate.unsafeSendSync ?? [];
    if (marked.length === 0) return [];
    let d = designated(parseType(item.returns));
    // `*mut *mut T` hands out `*mut T`
    for (let i = 0; d && d.k === 'ptr' && i < 4; i++) d = d.to;
    if (!d || d.k !== 'path' || !marked.includes(d.name)) return [];
    return [
      {
        message: `\`${item.name}\` hands out \`${item.returns}\` as a handle, and the crate declares \`unsafe impl Send\`/\`Sync\` for \`${renderType(d)}\`: C callers may share it across threads`,
      },
    ];
  },
};
