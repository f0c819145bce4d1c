import type { FindingRule } from '../rule';
import { optionInner, parseType, RustType } from '../../rust/type-syntax';

function fnPointer(
  t: RustType,
  aliases: ReadonlyMap<string, string>,
  depth = 0,
): { nullable: boolean } | null {
  if (depth > 8) return null;
  if (t.k === 'fn') return { nullable: false };
  const inner = optionInner(t);
  if (inner) {
    const f = fnPointer(inner, aliases, depth + 1);
    return f ? { nullable: true } : null;
  }
  if (t.k === 'path' && t.args.length === 0) {
    const target = aliases.get(t.name);
    if (target !== undefined) return fnPointer(parseType(target), aliases, depth + 1);
  }
  return null;
}

/** A function-pointer parameter (directly, in `Option`, or through a `pub type` alias). */
/** Most state parameters a message names. */
const SHOWN = 5;

export const callbackParam: FindingRule = {
  id: 'callback-param',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a callback runs foreign code inside the library, where reentrancy, other threads and unwinding can break aliasing and thread-safety guarantees',
  example: 'fn on_event(cb: extern "C" fn(c_int), user_data: *mut c_void)',
  checklist:
    'reentrancy is safe, the threads it runs on are documented, a panic or foreign unwind in it cannot cross the boundary, NULL is handled, and captured state (user data) outlives every call',
  evidence: 'none: always open',
  check(item, ctx) {
    if (item.kind !== 'function') return [];
    const context = item.params.filter((p) => /^\*(const|mut) c_void$/.test(p.type)).map((p) => p.name);
    // named once, and at most SHOWN of them: every callback's message repeats the list
    const more = context.length > SHOWN ? ` and ${context.length - SHOWN} more` : '';
    const stateParams = `${context
      .slice(0, SHOWN)
      .map((c) => `\`${c}\``)
      .join(', ')}${more}`;
    const out = [];
    for (const p of item.params) {
      const f = fnPointer(parseType(p.type), ctx.types.aliases);
      if (!f) continue;
      let message = `parameter \`${p.name}\` is a callback \`${p.type}\``;
      if (!f.nullable) message += ', not an `Option`, so a NULL from C is undefined behaviour';
      if (context.length > 0) message += `; its state travels in ${stateParams}`;
      out.push({ message });
    }
    return out;
  },
};
