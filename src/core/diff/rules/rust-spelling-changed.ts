import { pointerTarget } from '../../abi/relate';
import { parseType, RustType } from '../../rust/type-syntax';
import type { SurfaceItem } from '../../model';
import type { ChangeRule, DiffContext } from '../rule';
import { relateTypes, t } from '../rule';
import { slotPairs } from '../slots';

/** What the Rust side now promises or assumes, in words; `contract` when a C caller must now act differently. */
function note(a: RustType, b: RustType): { text: string; contract: boolean } {
  const pa = pointerTarget(a);
  const pb = pointerTarget(b);
  if (pa && pb) {
    const boxA = a.k === 'path' && a.name === 'Box';
    const boxB = b.k === 'path' && b.name === 'Box';
    if (boxB && !boxA)
      return pa.nullable
        ? { text: 'the Rust side now takes ownership and assumes it is never NULL', contract: true }
        : { text: 'the Rust side now takes ownership of it', contract: true };
    if (boxA && !boxB) return { text: 'the Rust side no longer takes ownership of it', contract: true };
    if (pa.nullable && !pb.nullable)
      return {
        text: 'the Rust side now assumes it is never NULL (a NULL from C is undefined behaviour)',
        contract: true,
      };
    if (!pa.nullable && pb.nullable) return { text: 'the Rust side now accepts NULL', contract: false };
    return { text: 'the pointer is now spelled differently on the Rust side', contract: false };
  }
  const isFn = (x: RustType) =>
    x.k === 'fn' || (x.k === 'path' && x.name === 'Option' && x.args[0]?.k === 'fn');
  if (isFn(a) || isFn(b))
    return {
      text: 'the callback type changed only on the Rust side (unsafe, parameter spelling)',
      contract: false,
    };
  if (a.k === 'path' && b.k === 'path' && a.name !== b.name)
    return { text: 'the Rust type was renamed; C sees the same name and layout', contract: false };
  return { text: 'the Rust spelling changed (the same value and layout)', contract: false };
}

/**
 * The slots whose Rust spelling changed while the C declaration stayed, each with what it means;
 * `contract` marks those where a C caller's obligations changed (NULL no longer accepted,
 * ownership taken or given back) — `rust-contract-changed` reports those, this rule the rest.
 */
export function spellingChanges(
  before: SurfaceItem | null,
  after: SurfaceItem | null,
  ctx: DiffContext,
): { message: string; contract: boolean }[] {
  if (!before || !after || before.kind !== after.kind) return [];
  const out: { message: string; contract: boolean }[] = [];
  for (const { where, a, b } of slotPairs(before, after))
    if (relateTypes(a, b, ctx) === 'non-abi') {
      const n = note(parseType(a), parseType(b));
      out.push({
        message: `${where} is now ${t(b)} (was ${t(a)}): the same C declaration; ${n.text}`,
        contract: n.contract,
      });
    }
  return out;
}

export const rustSpellingChanged: ChangeRule = {
  id: 'rust-spelling-changed',
  severity: 'non-abi',
  rationale:
    'Only the Rust spelling changed: &T, &mut T, Option<&T>, Box<T>, NonNull<T>, *const T and *mut T are one C pointer, unsafe on a callback type and an array length written differently change nothing in C. The header and the ABI stay; the Rust contract (nullability, ownership) may not.',
  example: 'fn f(e: *const Engine) → fn f(e: &Engine)',
  kinds: ['function', 'import', 'static', 'struct', 'union', 'enum', 'type', 'const'],
  check: (before, after, ctx) =>
    spellingChanges(before, after, ctx)
      .filter((c) => !c.contract)
      .map((c) => c.message),
};
