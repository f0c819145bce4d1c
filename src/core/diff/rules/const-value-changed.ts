import type { ChangeRule } from '../rule';
import { scopeOf } from '../../abi/scope';
import { affected } from '../affects';

export const constValueChanged: ChangeRule = {
  id: 'const-value-changed',
  severity: 'breaking',
  rationale:
    'Consumers compiled the old value into their code (buffer sizes, flags, versions): they disagree with the library until rebuilt. Breaking when an export\u2019s layout depends on it (an array length, a discriminant), potentially breaking otherwise; an equal value spelled differently is no change.',
  example: 'pub const MAX_LEN: usize = 64; → pub const MAX_LEN: usize = 32;',
  kinds: ['const'],
  check: (before, after, ctx) => {
    if (before?.kind !== 'const' || after?.kind !== 'const') return [];
    if (before.value === after.value) return [];
    const was = scopeOf(ctx.base).value(before.value, before.type);
    const now = scopeOf(ctx.head).value(after.value, after.type);
    if (was !== null && now !== null && was === now) return []; // `4 * 1024` → `4096`
    const hit = affected(ctx, after.name);
    const shown = (text: string, v: string | null) => (v !== null && v !== text ? `${text} (= ${v})` : text);
    const message = `value changed from ${shown(before.value, was)} to ${shown(after.value, now)}`;
    return hit.worst !== 'none'
      ? [
          {
            message: `${message}, which a layout or discriminant depends on${hit.suffix}`,
            severity: 'breaking',
          },
        ]
      : [{ message, severity: 'potentially-breaking' }];
  },
};
