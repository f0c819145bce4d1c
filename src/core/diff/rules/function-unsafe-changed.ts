import type { ChangeRule } from '../rule';

export const functionUnsafeChanged: ChangeRule = {
  id: 'function-unsafe-changed',
  severity: 'non-abi',
  rationale:
    'unsafe does not change the C ABI, but it changes the Rust contract: who must uphold the safety invariants.',
  example: 'extern "C" fn f(p: *const u8) → unsafe extern "C" fn f(p: *const u8)',
  kinds: ['function'],
  check: (before, after) => {
    if (before?.kind !== 'function' || after?.kind !== 'function' || before.unsafe === after.unsafe)
      return [];
    return [
      after.unsafe
        ? 'became unsafe: the C ABI is unchanged, but Rust callers must now uphold a safety contract'
        : 'is no longer unsafe: the C ABI is unchanged, but the function now promises to be safe for any input',
    ];
  },
};
