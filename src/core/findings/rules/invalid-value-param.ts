import type { FindingRule } from '../rule';
import type { TypeEnv } from '../ffi-safety';
import { optionInner, parseType, RustType } from '../../rust/type-syntax';

/** Integer types a C caller passes freely (any bit pattern is valid). */
const INTEGERS = new Set([
  'u8',
  'u16',
  'u32',
  'u64',
  'usize',
  'i8',
  'i16',
  'i32',
  'i64',
  'isize',
  'c_int',
  'c_uint',
  'c_long',
  'c_ulong',
  'c_short',
  'c_ushort',
  'c_longlong',
  'c_ulonglong',
  'c_char',
  'c_schar',
  'c_uchar',
  'size_t',
  'uintptr_t',
  'intptr_t',
]);

const MAX_ALIAS_DEPTH = 8;

function resolve(t: RustType, env: TypeEnv): RustType {
  let cur = t;
  for (let i = 0; i < MAX_ALIAS_DEPTH && cur.k === 'path' && cur.args.length === 0; i++) {
    if (env.declared.has(cur.name)) break;
    const target = env.aliases.get(cur.name);
    if (target === undefined) break;
    cur = parseType(target);
  }
  return cur;
}

/**
 * Why a value of this type has invalid bit patterns, or null: `bool` (only 0 and 1), `char`
 * (only Unicode scalar values), `NonZero*` (not 0), an enum of the crate (only its discriminants).
 */
export function restricted(t: RustType, env: TypeEnv): string | null {
  const r = resolve(t, env);
  if (r.k !== 'path') return null;
  if (r.name === 'bool' && r.args.length === 0) return '`bool` is valid only as 0 or 1';
  if (r.name === 'char' && r.args.length === 0) return '`char` is valid only as a Unicode scalar value';
  if (/^NonZero/.test(r.name)) return `\`${r.name}\` is never valid as 0`;
  const d = env.declared.get(r.name);
  if (d?.kind === 'enum') return `enum \`${r.name}\` is valid only as one of its discriminants`;
  return null;
}

/** A Rust enum, `bool`, `char` or `NonZero*` arriving from C: by value, through a pointer, or transmuted from an integer. */
export const invalidValueParam: FindingRule = {
  id: 'invalid-value-param',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: C can pass any bit pattern; a value outside what the Rust type allows (2 as `bool`, 7 for a 3-variant enum, 0 as `NonZeroU32`) is undefined behaviour the moment it exists, before any check in the body can run',
  example: 'fn set_mode(mode: Mode) / fn set(on: bool) / transmute::<u32, Mode>(m)',
  checklist:
    'take the raw integer (`u32`, `c_int`) and convert it with a checked match or `TryFrom`, returning an error code for values out of range',
  evidence: 'none: always open',
  check(item, ctx) {
    if (item.kind !== 'function') return [];
    const out = [];
    const ints = new Map<string, string>();
    for (const p of item.params) {
      const t = parseType(p.type);
      const byValue = restricted(t, ctx.types);
      if (byValue) {
        out.push({ message: `parameter \`${p.name}\` is \`${p.type}\` taken by value from C: ${byValue}` });
        continue;
      }
      // read through a pointer (`*mut T` out-parameters are written, not read, and are spared)
      const inner = optionInner(t) ?? t;
      if ((inner.k === 'ptr' && !inner.mut) || inner.k === 'ref') {
        const why = restricted(inner.to, ctx.types);
        if (why) {
          out.push({ message: `parameter \`${p.name}\` is \`${p.type}\`, read from C memory: ${why}` });
          continue;
        }
      }
      const r = resolve(t, ctx.types);
      if (r.k === 'path' && r.args.length === 0 && INTEGERS.has(r.name)) ints.set(p.name, p.type);
    }
    for (const tr of item.body.transmutes ?? []) {
      const from = ints.get(tr.arg);
      if (from === undefined || tr.to === undefined) continue;
      const why = restricted(parseType(tr.to), ctx.types);
      if (!why) continue;
      out.push({
        message: `parameter \`${tr.arg}\` (\`${from}\`) is transmuted to \`${tr.to}\`: ${why}, and an integer from C can be anything`,
        line: tr.line,
      });
    }
    return out;
  },
};
