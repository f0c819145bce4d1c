import type { ChangeRule } from '../rule';
import { spellingChanges } from './rust-spelling-changed';

export const rustContractChanged: ChangeRule = {
  id: 'rust-contract-changed',
  severity: 'non-abi',
  rationale:
    'The C declaration and the ABI stay, but what the Rust side assumes of a C caller changed: a pointer now taken as &T, &mut T, NonNull<T> or Box<T> must never be NULL (a NULL is undefined behaviour), and a Box<T> parameter takes ownership (a caller that frees the pointer afterwards double-frees) or stops taking it (the caller must now free). Non-ABI by the ABI, but it always needs a review (SPEC section 6): existing C callers may now be wrong.',
  example: 'fn f(e: *mut Engine) → fn f(e: Box<Engine>)',
  kinds: ['function', 'import', 'static', 'struct', 'union', 'enum', 'type', 'const'],
  check: (before, after, ctx) =>
    spellingChanges(before, after, ctx)
      .filter((c) => c.contract)
      .map((c) => c.message),
};
