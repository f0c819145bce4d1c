/**
 * The release gate's allow list for binary-only exports (`binary-exports.allow` in the default
 * branch's configuration, `--allow FILE`): names or globs (`*`, `?`), each with a reason.
 */
import type { AllowedExport } from '../config';
import type { BinaryOnlyExport } from '../model';

/** Whether `name` matches `glob` (`*`: any run, `?`: one character). O(|glob|·|name|) at worst, no backtracking blow-up. */
export function globMatch(glob: string, name: string): boolean {
  let g = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (g < glob.length && (glob[g] === '?' || glob[g] === name[n])) {
      g++;
      n++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      mark = n;
    } else if (star >= 0) {
      g = star + 1;
      n = ++mark;
    } else return false;
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

export interface AllowVerdict {
  crate: string;
  entry: BinaryOnlyExport;
  /** The allow entry that covers it, or null. */
  allowedBy: AllowedExport | null;
}

/** Each binary-only export with the first allow entry (in the order given) that covers it. */
export function judgeBinaryOnly(
  exports: readonly { crate: string; entry: BinaryOnlyExport }[],
  allow: readonly AllowedExport[],
): AllowVerdict[] {
  return exports.map(({ crate, entry }) => ({
    crate,
    entry,
    allowedBy: allow.find((a) => globMatch(a.name, entry.symbol)) ?? null,
  }));
}
