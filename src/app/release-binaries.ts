/**
 * The release gate's `binaries` input (issue 18): the shipped libraries of a tag are trusted (the
 * code is merged), so each symbol they export that no source surface explains fails the release
 * unless the default branch's `binary-exports.allow` lists it.
 */
import { expandArtifactGlobs, readArtifactFiles } from '../adapters/artifact-file';
import { AllowVerdict, judgeBinaryOnly } from '../core/artifact/allow';
import { binaryOnlyExports, crossCheckArtifacts } from '../core/artifact/binary-only';
import type { AllowedExport } from '../core/config/defaults';
import type { Surface } from '../core/model';
import { inlineCode, inlineText } from '../core/render/escape-markdown';

export interface BinaryGate {
  ok: boolean;
  verdicts: AllowVerdict[];
  /** The job summary's section. */
  markdown: string;
  /** The status description's reason when not ok. */
  reason: string;
}

/** Reads the files `patterns` match (relative to `base`) and judges their binary-only exports. */
export async function checkReleaseBinaries(
  base: string,
  patterns: readonly string[],
  head: Surface,
  allow: readonly AllowedExport[],
  /** A per-crate tag releases that crate only. */
  crate: string | null,
): Promise<BinaryGate> {
  const files = await expandArtifactGlobs(base, patterns);
  const checked = crossCheckArtifacts(head, await readArtifactFiles(files));
  const verdicts = judgeBinaryOnly(
    binaryOnlyExports(checked).filter((b) => crate === null || b.crate === crate),
    allow,
  );
  const bad = verdicts.filter((v) => v.allowedBy === null);
  const lines = ['', '## Built libraries', ''];
  lines.push(
    `Checked ${files.length} ${files.length === 1 ? 'file' : 'files'}: ${files
      .slice(0, 20)
      .map((f) => inlineCode(f.replace(/^.*[\\/]/, ''), 200))
      .join(', ')}.`,
    '',
  );
  if (!verdicts.length)
    lines.push('✅ No binary-only export: every exported symbol is in the source surface.');
  else {
    lines.push('| | crate | symbol | in | allowed by |', '| --- | --- | --- | --- | --- |');
    for (const v of verdicts.slice(0, 500))
      lines.push(
        `| ${v.allowedBy ? '✅' : '❌'} | ${inlineText(v.crate, 100)} | ${inlineCode(v.entry.symbol, 200)} | ${v.entry.artifacts
          .map((a) => inlineCode(a, 200))
          .join(
            ', ',
          )} | ${v.allowedBy ? `${inlineCode(v.allowedBy.name, 200)} (${inlineText(v.allowedBy.reason, 300)})` : 'nothing: not in `binary-exports.allow`'} |`,
      );
    if (verdicts.length > 500) lines.push('', `… and ${verdicts.length - 500} more.`);
  }
  return {
    ok: bad.length === 0,
    verdicts,
    markdown: lines.join('\n') + '\n',
    reason: `binary-only exports not in binary-exports.allow: ${bad
      .slice(0, 10)
      .map((v) => v.entry.symbol)
      .join(', ')}${bad.length > 10 ? ` and ${bad.length - 10} more` : ''}`,
  };
}
