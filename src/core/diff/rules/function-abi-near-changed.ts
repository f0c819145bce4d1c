import type { ChangeRule } from '../rule';
import { abiNear } from './function-abi-changed';

export const functionAbiNearChanged: ChangeRule = {
  id: 'function-abi-near-changed',
  severity: 'potentially-breaking',
  rationale:
    'C ↔ system differ on 32-bit Windows (stdcall), and C ↔ C-unwind changes what a panic does at the boundary.',
  example: 'extern "C" fn f() → extern "system" fn f()',
  kinds: ['function', 'import'],
  check: (before, after) => {
    if (
      !before ||
      !after ||
      (before.kind !== 'function' && before.kind !== 'import') ||
      before.kind !== after.kind
    )
      return [];
    if (before.abi === after.abi || !abiNear(before.abi, after.abi)) return [];
    return [
      `ABI changed from extern "${before.abi}" to extern "${after.abi}", equivalent on most targets but not all`,
    ];
  },
};
