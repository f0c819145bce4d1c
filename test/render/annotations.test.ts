/**
 * The Action's annotations (issue 15 item 6): breaking changes and high findings first, within
 * GitHub's per-step quotas (10 per level), the rest summarised in one notice with counts.
 */
import { ANNOTATION_LIMITS, planAnnotations } from '../../src/core/render/annotations';
import type { Change, DiffReport, Finding, FindingLevel, Severity } from '../../src/core/report';
import { emptyReport, hugeReport } from './fixtures';

function change(i: number, severity: Severity): Change {
  return {
    rule: 'function-removed',
    severity,
    kind: 'function',
    name: `f_${severity}_${i}`,
    symbol: `f_${severity}_${i}`,
    crate: 'demo',
    file: 'src/lib.rs',
    line: i + 1,
    before: null,
    after: null,
    message: `change ${i}`,
  };
}

function finding(i: number, level: FindingLevel, status?: 'open' | 'verified'): Finding {
  return {
    rule: 'raw-pointer-param',
    level,
    symbol: `g_${level}_${i}`,
    name: `g_${level}_${i}`,
    crate: 'demo',
    file: 'src/ffi.rs',
    line: i + 1,
    message: `finding ${i}`,
    checklist: 'NULL is checked',
    ...(status ? { status } : {}),
  };
}

function report(n: Partial<Record<Severity | FindingLevel | 'verified', number>>): DiffReport {
  const times = <T>(k: number | undefined, f: (i: number) => T) =>
    Array.from({ length: k ?? 0 }, (_, i) => f(i));
  // the report lists the less important first: the order must come from the plan, not the input
  return {
    ...emptyReport(),
    changes: [
      ...times(n['non-abi'], (i) => change(i, 'non-abi')),
      ...times(n.addition, (i) => change(i, 'addition')),
      ...times(n['potentially-breaking'], (i) => change(i, 'potentially-breaking')),
      ...times(n.breaking, (i) => change(i, 'breaking')),
    ],
    findings: [
      ...times(n.low, (i) => finding(i, 'low')),
      ...times(n.medium, (i) => finding(i, 'medium')),
      ...times(n.verified, (i) => finding(i, 'high', 'verified')),
      ...times(n.high, (i) => finding(i, 'high')),
    ],
  };
}

describe('planAnnotations', () => {
  it('annotates everything when it fits, most important first, paths under the root', () => {
    const a = planAnnotations(
      report({ breaking: 2, high: 2, medium: 1, addition: 1, low: 1 }),
      'crates/ffi/',
    );
    expect(a.map((x) => `${x.level}:${x.title}`)).toEqual([
      'error:FFI breaking: function-removed',
      'error:FFI breaking: function-removed',
      'warning:FFI review (high): raw-pointer-param',
      'warning:FFI review (high): raw-pointer-param',
      'notice:FFI review (medium): raw-pointer-param',
      'notice:FFI addition: function-removed',
      'notice:FFI review (low): raw-pointer-param',
    ]);
    expect(a[0]).toMatchObject({ file: 'crates/ffi/src/lib.rs', line: 1, message: 'f_breaking_0: change 0' });
  });

  it('does not annotate verified findings', () => {
    const a = planAnnotations(report({ verified: 5, high: 1 }), '.');
    expect(a).toHaveLength(1);
    expect(a[0].message).toContain('g_high_0');
  });

  it('keeps within GitHub quotas, breaking and high first, and summarises the rest in one notice with counts', () => {
    const r = report({
      breaking: 25,
      'potentially-breaking': 4,
      high: 12,
      medium: 7,
      addition: 30,
      'non-abi': 3,
      low: 9,
    });
    const a = planAnnotations(r, '.');
    const levels = (l: string) => a.filter((x) => x.level === l);
    expect(levels('error')).toHaveLength(ANNOTATION_LIMITS.perLevel);
    expect(levels('warning')).toHaveLength(ANNOTATION_LIMITS.perLevel);
    expect(levels('notice')).toHaveLength(ANNOTATION_LIMITS.perLevel);
    expect(a.length).toBeLessThanOrEqual(ANNOTATION_LIMITS.total);
    // errors: the first ten breaking changes; warnings: high findings before potentially-breaking
    expect(levels('error').every((x) => x.title === 'FFI breaking: function-removed')).toBe(true);
    expect(levels('warning').every((x) => x.title === 'FFI review (high): raw-pointer-param')).toBe(true);
    // notices: medium findings first, then additions, and the summary last
    const notices = levels('notice');
    expect(notices.slice(0, 7).every((x) => x.title === 'FFI review (medium): raw-pointer-param')).toBe(true);
    expect(notices.slice(7, 9).every((x) => x.title === 'FFI addition: function-removed')).toBe(true);
    const summary = a[a.length - 1];
    expect(summary.level).toBe('notice');
    expect(summary.file).toBeUndefined();
    const shown = a.length - 1;
    const total = 25 + 4 + 12 + 7 + 30 + 3 + 9;
    expect(summary.message).toBe(
      `${total - shown} more changes and findings are not annotated (GitHub shows at most 10 annotations of each level per step): 15 breaking, 2 high findings, 4 potentially-breaking, 28 additions, 3 non-ABI, 9 low findings. The job summary and the pull-request comment list them all.`,
    );
  });

  it('stays bounded on a huge report', () => {
    const a = planAnnotations(hugeReport(20000), '.');
    expect(a.length).toBeLessThanOrEqual(ANNOTATION_LIMITS.total);
    expect(a[a.length - 1].message).toMatch(/^\d+ more changes and findings are not annotated/);
  });

  it('makes hostile names one printable line', () => {
    const r = report({ breaking: 1 });
    r.changes[0].symbol = 'evil\n::error::forged\u001b[31m';
    const [a] = planAnnotations(r, '.');
    for (const c of ['\n', '\r', '\u001b']) expect(a.message).not.toContain(c);
    expect(a.message).toContain('forged');
  });
});
