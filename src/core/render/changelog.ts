/**
 * The surface changelog (issue 7): a diff report as Keep a Changelog Markdown, ready to paste into
 * release notes.
 *
 * One block per crate with changes, each headed `## [version] - date` (with the crate's name in
 * front when several crates changed), then these sections, in this order and only when not empty:
 * - `### Breaking`: breaking changes that are not removals;
 * - `### Added`: additions (including an item leaving a cfg gate or a non-default feature);
 * - `### Changed`: potentially-breaking and non-ABI changes that are not removals, each labelled
 *   *Potentially breaking* or *Non-ABI*;
 * - `### Removed`: removals (rule ids ending in `-removed`, except `cfg-gate-removed`, which is an
 *   addition), each labelled with its severity — a breaking removal appears here, marked
 *   **Breaking**, and not a second time under Breaking.
 * Each entry is the item's exported name in code (with the Rust name when it differs), the
 * change's message and its signature before → after.
 *
 * The version of a block is `options.version` when given, else the crate's new version when the
 * report shows it changed, else `Unreleased` (an unbumped version is the one already released).
 * The date is shown with a version only. Everything from the report or the options is untrusted
 * and escaped with `escape-markdown`; the output holds no HTML.
 */
import type { Change, DiffReport, Severity } from '../report';
import { inlineCode, inlineText, richText } from './escape-markdown';

export interface ChangelogOptions {
  /** The version being released (e.g. `1.3.0`); without it the crates' versions decide. */
  version?: string;
  /** The release date, conventionally `YYYY-MM-DD`; shown after a version. */
  date?: string;
}

export type ChangelogSection = 'Breaking' | 'Added' | 'Changed' | 'Removed';
export const CHANGELOG_SECTIONS: ChangelogSection[] = ['Breaking', 'Added', 'Changed', 'Removed'];

export const NO_CHANGES = 'No changes to the FFI surface.';
export const UNRELEASED = 'Unreleased';

const MAX_NAME = 200;
const MAX_MESSAGE = 500;
const MAX_SIGNATURE = 300;
const MAX_VERSION = 100;

const SEVERITY_LABEL: Record<Severity, string> = {
  breaking: '**Breaking:**',
  'source-breaking': '**Source-breaking:**',
  'potentially-breaking': '*Potentially breaking:*',
  addition: '*Addition:*',
  'non-abi': '*Non-ABI:*',
};

/** Whether a change removes something (an item, a variant, an import) rather than altering it. */
export function isRemoval(c: Change): boolean {
  return /-removed$/.test(c.rule) && c.severity !== 'addition';
}

/** The changelog section a change belongs in. */
export function changelogSection(c: Change): ChangelogSection {
  if (isRemoval(c)) return 'Removed';
  switch (c.severity) {
    case 'breaking':
      return 'Breaking';
    case 'addition':
      return 'Added';
    default:
      return 'Changed';
  }
}

/** The exported name in code, with the Rust name when it differs. */
export function itemName(c: Pick<Change, 'name' | 'symbol'>): string {
  return c.symbol !== undefined && c.symbol !== c.name
    ? `${inlineCode(c.symbol, MAX_NAME)} (Rust ${inlineCode(c.name, MAX_NAME)})`
    : inlineCode(c.symbol ?? c.name, MAX_NAME);
}

function signature(c: Change): string {
  if (c.before !== null && c.after !== null)
    return c.before === c.after
      ? ` — ${inlineCode(c.after, MAX_SIGNATURE)}`
      : ` — ${inlineCode(c.before, MAX_SIGNATURE)} → ${inlineCode(c.after, MAX_SIGNATURE)}`;
  if (c.after !== null) return ` — ${inlineCode(c.after, MAX_SIGNATURE)}`;
  if (c.before !== null) return ` — was ${inlineCode(c.before, MAX_SIGNATURE)}`;
  return '';
}

/**
 * One change as the text of a list item (without the `- `): optionally its severity label, the
 * item's name, the message and the signature before → after. Safe in any inline context.
 */
export function changeEntry(c: Change, options: { label?: boolean } = {}): string {
  const label = options.label ? `${SEVERITY_LABEL[c.severity] ?? inlineText(String(c.severity), 30)} ` : '';
  return `${label}${itemName(c)}: ${richText(c.message, MAX_MESSAGE)}${signature(c)}`;
}

/** Code-unit order: deterministic, locale-independent. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEVERITY_ORDER: Record<Severity, number> = {
  breaking: 0,
  'source-breaking': 1,
  'potentially-breaking': 2,
  addition: 3,
  'non-abi': 4,
};

function entryOrder(a: Change, b: Change): number {
  return (
    (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
    cmp(a.symbol ?? a.name, b.symbol ?? b.name) ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

function heading(version: string, date: string | undefined, crate: string | null): string {
  const v = `[${version === UNRELEASED ? UNRELEASED : inlineText(version, MAX_VERSION)}]`;
  const d = date !== undefined && date !== '' && version !== UNRELEASED ? ` - ${inlineText(date, 40)}` : '';
  const name = crate === null ? '' : crate === '' ? '*(no crate)* ' : `${inlineCode(crate, MAX_NAME)} `;
  return `## ${name}${v}${d}`;
}

function blockVersion(report: DiffReport, crate: string, options: ChangelogOptions): string {
  if (options.version !== undefined && options.version !== '') return options.version;
  const v = report.crates.find((c) => c.name === crate);
  return v && v.headVersion !== null && v.headVersion !== v.baseVersion ? v.headVersion : UNRELEASED;
}

/** Renders the report's changes as Keep a Changelog Markdown (see the top of this file). */
export function renderChangelog(report: DiffReport, options: ChangelogOptions = {}): string {
  if (report.changes.length === 0) {
    const lines =
      options.version !== undefined && options.version !== ''
        ? [heading(options.version, options.date, null), '', NO_CHANGES]
        : [NO_CHANGES];
    return lines.join('\n') + '\n';
  }
  const crates = [...new Set(report.changes.map((c) => c.crate))].sort(cmp);
  const lines: string[] = [];
  for (const crate of crates) {
    if (lines.length) lines.push('');
    const version = blockVersion(report, crate, options);
    lines.push(heading(version, options.date, crates.length > 1 ? crate : null));
    const changes = report.changes.filter((c) => c.crate === crate);
    for (const section of CHANGELOG_SECTIONS) {
      const entries = changes.filter((c) => changelogSection(c) === section).sort(entryOrder);
      if (!entries.length) continue;
      const label = section === 'Changed' || section === 'Removed';
      lines.push('', `### ${section}`, '', ...entries.map((c) => `- ${changeEntry(c, { label })}`));
    }
  }
  return lines.join('\n') + '\n';
}
