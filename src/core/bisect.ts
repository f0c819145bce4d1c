/**
 * The first index of `sorted` (ascending in code-unit order, as `Array.prototype.sort` leaves
 * strings) whose element is not below `x`: where `x` is, or would be inserted.
 */
export function lowerBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
