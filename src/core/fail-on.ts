/**
 * `fail-on` (Action input) and `--fail-on` (CLI): which surface changes fail the run. Shared by
 * the command line and the Action, so both apply one rule.
 */
import type { DiffReport, Severity } from './report';

/** The severities each `fail-on` level fails on (`any`: any change at all). */
const LEVELS: Record<string, readonly Severity[] | 'any'> = {
  breaking: ['breaking', 'source-breaking'],
  'potentially-breaking': ['breaking', 'source-breaking', 'potentially-breaking'],
  any: 'any',
};
export const FAIL_ON: Readonly<Record<string, readonly Severity[] | 'any'>> = Object.freeze(LEVELS);

/**
 * Whether `report` fails under `failOn`: no level (or `never`, or a level this module does not
 * know) fails nothing.
 */
export function failsOn(report: DiffReport, failOn: string | undefined): boolean {
  if (!failOn || !Object.prototype.hasOwnProperty.call(FAIL_ON, failOn)) return false;
  const levels = FAIL_ON[failOn];
  if (levels === 'any') return report.changes.length > 0;
  return report.changes.some((c) => levels.includes(c.severity));
}
