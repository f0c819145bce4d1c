/** `ffi-surface-guard extract`: print the exported surface of a working tree or a revision. */
import { loadRustParser } from '../../adapters/tree-sitter-parser';
import { openTree } from '../../adapters/open-tree';
import { readConfigFile, scopeOf } from '../../app/config-file';
import { surfaceDigest } from '../../core/digest';
import { extractSurface } from '../../core/extract/extract-surface';
import { parserWithDeadline } from '../../core/deadline';
import { computeFindings } from '../../core/findings';
import type { Finding } from '../../core/report';
import { renderSurfaceText, printable } from '../../core/render/surface-text';
import { applyScope } from '../../core/scope';
import { featureSelection, formatFlag, ParsedArgs, RunClock, runDeadline, stringFlag } from '../arguments';
import type { CommandResult } from '../run';

function renderFindingsText(findings: Finding[]): string {
  if (!findings.length) return '\nfindings: none\n';
  const lines = ['', `findings (${findings.length}):`];
  for (const f of findings)
    lines.push(
      `  [${f.level}] ${printable(f.rule)} ${printable(f.symbol)} (${printable(f.file)}:${f.line}): ${printable(f.message)}`,
    );
  return lines.join('\n') + '\n';
}

export async function extractCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const format = formatFlag(args, ['json', 'text'], 'json');
  const root = stringFlag(args, '--root') ?? '.';
  const config = await readConfigFile(root, stringFlag(args, '--config'));
  const explicitFeatures =
    args.flags.has('--features') ||
    args.flags.has('--all-features') ||
    args.flags.has('--no-default-features');
  const features = explicitFeatures
    ? featureSelection(args)
    : (config.featureSets[0] ?? featureSelection(args));
  const wantFindings = args.flags.has('--findings');
  const deadline = runDeadline(args, config.limits, run);
  const tree = await openTree(root, stringFlag(args, '--rev'), deadline);
  try {
    const parser = parserWithDeadline(await loadRustParser(), deadline);
    const raw = await extractSurface(tree, parser, {
      features,
      testCoverage: wantFindings,
      limits: config.limits,
      trustedMacros: config.macros.trusted,
    });
    const surface = applyScope(raw, scopeOf(config), (s) => surfaceDigest(s.crates));
    const findings = wantFindings
      ? surface.crates.flatMap((c) =>
          computeFindings(
            c.items.map((item) => ({ item })),
            c,
            config.findings,
          ),
        )
      : undefined;
    const fatal = surface.diagnostics.find((d) => d.code === 'no-manifest' || d.code === 'manifest-invalid');
    const out =
      format === 'json'
        ? JSON.stringify(findings ? { ...surface, findings } : surface, null, 2) + '\n'
        : renderSurfaceText(surface) + (findings ? renderFindingsText(findings) : '');
    const failed = !!fatal && surface.crates.length === 0;
    return { stdout: out, exitCode: failed ? 2 : 0, error: failed ? fatal.message : undefined };
  } finally {
    tree.close?.();
  }
}
