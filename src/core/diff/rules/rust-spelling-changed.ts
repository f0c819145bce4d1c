import { pointerTarget } from '../../abi/relate';
import { parseType, RustType } from '../../rust/type-syntax';
import type { ChangeRule } from '../rule';
import { relateTypes, t } from '../rule';
import { slotPairs } from '../slots';

/** What the Rust side now promises or assumes, in words (the C declaration is the same). */
function note(a: RustType, b: RustType): string {
  const pa = pointerTarget(a);
  const pb = pointerTarget(b);
  if (pa && pb) {
    if (pa.nullable && !pb.nullable)
      return b.k === 'ref' || (b.k === 'path' && b.name !== 'Box')
        ? 'the Rust side now assumes it is never NULL (a NULL from C is undefined behaviour)'
        : 'the Rust side now takes ownership and assumes it is never NULL';
    if (!pa.nullable && pb.nullable) return 'the Rust side now accepts NULL';
    if (b.k === 'path' && b.name === 'Box') return 'the Rust side now takes ownership of it';
    if (a.k === 'path' && a.name === 'Box') return 'the Rust side no longer takes ownership of it';
    return 'the pointer is now spelled differently on the Rust side';
  }
  const isFn = (x: RustType) =>
    x.k === 'fn' || (x.k === 'path' && x.name === 'Option' && x.args[0]?.k === 'fn');
  if (isFn(a) || isFn(b))
    return 'the callback type changed only on the Rust side (unsafe, parameter spelling)';
  if (a.k === 'path' && b.k === 'path' && a.name !== b.name)
    return 'the Rust type was renamed; C sees the same name and layout';
  return 'the Rust spelling changed (the same value and layout)';
}

export const rustSpellingChanged: ChangeRule = {
  id: 'rust-spelling-changed',
  severity: 'non-abi',
  rationale:
    'Only the Rust spelling changed: &T, &mut T, Option<&T>, Box<T>, NonNull<T>, *const T and *mut T are one C pointer, unsafe on a callback type and an array length written differently change nothing in C. The header and the ABI stay; the Rust contract (nullability, ownership) may not.',
  example: 'fn f(e: *const Engine) → fn f(e: &Engine)',
  kinds: ['function', 'import', 'static', 'struct', 'union', 'enum', 'type', 'const'],
  check: (before, after, ctx) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const out: string[] = [];
    for (const { where, a, b } of slotPairs(before, after))
      if (relateTypes(a, b, ctx) === 'non-abi')
        out.push(
          `${where} is now ${t(b)} (was ${t(a)}): the same C declaration; ${note(parseType(a), parseType(b))}`,
        );
    return out;
  },
};
