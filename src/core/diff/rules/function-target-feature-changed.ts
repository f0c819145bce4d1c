import type { ChangeRule } from '../rule';

export const functionTargetFeatureChanged: ChangeRule = {
  id: 'function-target-feature-changed',
  severity: 'breaking',
  rationale:
    'An export compiled with #[target_feature] runs instructions that not every CPU of the target has: a consumer that called it before now dies with an illegal instruction on such a CPU. Dropping a feature is non-ABI.',
  example: 'extern "C" fn sum(…) → #[target_feature(enable = "avx2")] unsafe extern "C" fn sum(…)',
  kinds: ['function'],
  check: (before, after) => {
    if (before?.kind !== 'function' || after?.kind !== 'function') return [];
    const was = new Set(before.targetFeatures ?? []);
    const now = new Set(after.targetFeatures ?? []);
    const added = [...now].filter((f) => !was.has(f));
    const dropped = [...was].filter((f) => !now.has(f));
    if (added.length)
      return [
        `now requires CPU feature${added.length > 1 ? 's' : ''} ${added.join(', ')} (#[target_feature]): callers on CPUs without ${added.length > 1 ? 'them' : 'it'} crash`,
      ];
    if (dropped.length)
      return [
        {
          message: `no longer requires CPU feature${dropped.length > 1 ? 's' : ''} ${dropped.join(', ')}`,
          severity: 'non-abi',
        },
      ];
    return [];
  },
};
