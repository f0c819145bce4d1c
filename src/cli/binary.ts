/**
 * `--binary PATH` (extract, diff, release-check) and `--allow FILE` (release-check): the built
 * libraries to cross-check the source surface against (issue 18), and the release gate's extra
 * allow list. Reading errors are one line and exit code 2.
 */
import { promises as fs } from 'node:fs';
import { readArtifactFiles } from '../adapters/artifact-file';
import { InputError } from '../adapters/open-tree';
import { crossCheckArtifacts, ReadArtifact } from '../core/artifact/binary-only';
import { ArtifactError } from '../core/artifact/bytes';
import type { AllowedExport } from '../core/config/defaults';
import { ConfigError } from '../core/config/errors';
import { printable } from '../core/render/surface-text';
import type { Surface } from '../core/model';
import type { FlagSpec, ParsedArgs } from './arguments';
import { stringFlag } from './arguments';

export const BINARY_FLAG: FlagSpec = {
  type: 'string',
  value: 'PATH',
  repeatable: true,
  description:
    'A built library of the analysed head (libNAME.so, libNAME.dylib, NAME.dll, libNAME.a, NAME.lib; NAME the [lib] name): what it exports beyond the source surface is listed as binary-only (binaryOnly[] per crate). Not part of the approval digest.',
};

export const ALLOW_FLAG: FlagSpec = {
  type: 'string',
  value: 'FILE',
  repeatable: true,
  description:
    'A YAML file in the configuration format whose binary-exports.allow lists more binary-only symbols (names or globs, each with a reason) the release may ship.',
};

/** The `--binary` paths (a repeated flag's values are joined with commas: paths cannot hold one). */
export function binaryPaths(args: ParsedArgs): string[] {
  return (stringFlag(args, '--binary') ?? '').split(',').filter((p) => p !== '');
}

export async function readBinaries(args: ParsedArgs): Promise<ReadArtifact[]> {
  try {
    return await readArtifactFiles(binaryPaths(args));
  } catch (e) {
    if (e instanceof ArtifactError) throw new InputError(`--binary: ${e.message}`);
    throw e;
  }
}

/** The entries of every `--allow FILE`. */
export async function readAllowFiles(args: ParsedArgs): Promise<AllowedExport[]> {
  const out: AllowedExport[] = [];
  for (const file of (stringFlag(args, '--allow') ?? '').split(',').filter((p) => p !== '')) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      throw new ConfigError(file, '', 'cannot be read (--allow)');
    }
    // the YAML loader and the schema load only when a file is read (config/defaults.ts)
    const { loadConfig } = await import('../core/config/load-config');
    out.push(...loadConfig(text, file).binaryExports.allow);
  }
  return out;
}

/** The binary-only exports of a surface as text lines (after the surface's own text). */
export function renderBinaryOnlyText(surface: Surface): string {
  const crates = surface.crates.filter((c) => c.binaryOnly);
  if (!crates.length) return '';
  const lines = [''];
  for (const c of crates) {
    const b = c.binaryOnly ?? [];
    lines.push(`binary-only exports of ${printable(c.name)} (${b.length}):${b.length ? '' : ' none'}`);
    for (const e of b)
      lines.push(`  ${printable(e.symbol)} [${e.kind}] in ${e.artifacts.map(printable).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

/** `crossCheckArtifacts`, an artifact of no analysed crate being a one-line input error. */
export function crossCheck(surface: Surface, artifacts: readonly ReadArtifact[]): Surface {
  try {
    return crossCheckArtifacts(surface, artifacts);
  } catch (e) {
    if (e instanceof ArtifactError) throw new InputError(`--binary: ${e.message}`);
    throw e;
  }
}
