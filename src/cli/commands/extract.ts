/** `ffi-surface-guard extract`: print the exported surface of a working tree or a revision. */
import { loadRustParser } from '../../adapters/tree-sitter-parser';
import { openTree } from '../../adapters/open-tree';
import { extractSurface } from '../../core/extract/extract-surface';
import { renderSurfaceText } from '../../core/render/surface-text';
import { featureSelection, formatFlag, ParsedArgs, stringFlag } from '../arguments';
import type { CommandResult } from '../run';

export async function extractCommand(args: ParsedArgs): Promise<CommandResult> {
  const format = formatFlag(args, ['json', 'text'], 'json');
  const features = featureSelection(args);
  const tree = await openTree(stringFlag(args, '--root') ?? '.', stringFlag(args, '--rev'));
  try {
    const parser = await loadRustParser();
    const surface = await extractSurface(tree, parser, {
      features,
      testCoverage: args.flags.has('--findings'),
    });
    const fatal = surface.diagnostics.find((d) => d.code === 'no-manifest' || d.code === 'manifest-invalid');
    const out = format === 'json' ? JSON.stringify(surface, null, 2) + '\n' : renderSurfaceText(surface);
    return {
      stdout: out,
      exitCode: fatal && surface.crates.length === 0 ? 2 : 0,
      error: fatal && surface.crates.length === 0 ? fatal.message : undefined,
    };
  } finally {
    tree.close?.();
  }
}
