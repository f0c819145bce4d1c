import type { ChangeRule } from '../rule';

/** ABI pairs that are the same calling convention on most targets (they differ on 32-bit Windows or in unwinding). */
const NEAR = [
  ['C', 'system'],
  ['C', 'C-unwind'],
  ['system', 'system-unwind'],
  ['C-unwind', 'system-unwind'],
  ['C', 'system-unwind'],
  ['system', 'C-unwind'],
];

export function abiNear(a: string, b: string): boolean {
  return NEAR.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export const functionAbiChanged: ChangeRule = {
  id: 'function-abi-changed',
  severity: 'breaking',
  rationale:
    'A different calling convention (e.g. Rust → C, C → stdcall) makes every existing call site wrong.',
  example: 'extern "C" fn f() → fn f()',
  kinds: ['function', 'import'],
  check: (before, after) => {
    if (
      !before ||
      !after ||
      (before.kind !== 'function' && before.kind !== 'import') ||
      before.kind !== after.kind
    )
      return [];
    if (before.abi === after.abi || abiNear(before.abi, after.abi)) return [];
    return [`ABI changed from extern "${before.abi}" to extern "${after.abi}"`];
  },
};
