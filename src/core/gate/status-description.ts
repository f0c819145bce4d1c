/** Commit-status wording: at most 140 characters, ending in the digest ledger. */
import type { DiffReport, Severity } from '../report';

export const MAX_DESCRIPTION = 140;

const LABEL: Record<Severity, [string, string]> = {
  breaking: ['breaking', 'breaking'],
  'source-breaking': ['source-breaking', 'source-breaking'],
  'potentially-breaking': ['potentially breaking', 'potentially breaking'],
  addition: ['addition', 'additions'],
  'non-abi': ['non-ABI change', 'non-ABI changes'],
};

/** "2 breaking, 3 additions" (severities with a count, worst first). */
export function countChanges(report: Pick<DiffReport, 'changes'>): string {
  const parts: string[] = [];
  for (const s of Object.keys(LABEL) as Severity[]) {
    const n = report.changes.filter((c) => c.severity === s).length;
    if (n) parts.push(`${n} ${LABEL[s][n === 1 ? 0 : 1]}`);
  }
  return parts.join(', ') || 'no changes';
}

/** `ffi sha256:1a2b3c4d5e6f`: the first 12 hex digits of a digest, for the ledger. */
export function ledger(digest: string): string {
  return `ffi ${digest.replace(/^(sha256:[0-9a-f]{12}).*$/, '$1')}`;
}

/** Joins text and ledger, cutting the text (never the ledger) to fit 140 characters. */
export function statusDescription(text: string, digest?: string): string {
  const tail = digest ? ` · ${ledger(digest)}` : '';
  const room = MAX_DESCRIPTION - [...tail].length;
  const chars = [...text.replace(/\s+/g, ' ')];
  const body = chars.length > room ? chars.slice(0, room - 1).join('') + '…' : chars.join('');
  return body + tail;
}
