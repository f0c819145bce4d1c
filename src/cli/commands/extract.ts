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
import {
  COLOR_FLAG,
  CommandSpec,
  CONFIG_FLAG,
  DEADLINE_FLAG,
  FEATURE_FLAGS,
  featureSelection,
  formatFlag,
  hasFeatureFlags,
  OUTPUT_FLAG,
  ParsedArgs,
  QUIET_FLAG,
  ROOT_FLAG,
  RunClock,
  runDeadline,
  stringFlag,
  rootOf,
} from '../arguments';
import { BINARY_FLAG, crossCheck, readBinaries, renderBinaryOnlyText } from '../binary';
import { checkFeatureNames } from '../feature-check';
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

export const EXTRACT: CommandSpec<CommandResult> = {
  name: 'extract',
  summary: 'Print the exported C-ABI surface of a working tree or a git revision.',
  description:
    'Without --rev, reads the file system (no git repository needed); with --rev, reads the revision straight from the object database. The JSON document is described in the README (JSON reports) and in schema/extract-report.schema.json.',
  positionals: [],
  flags: {
    root: ROOT_FLAG,
    rev: {
      type: 'string',
      value: 'REV',
      description: 'Read this git revision instead of the working tree.',
      default: 'the working tree',
    },
    ...FEATURE_FLAGS,
    format: { type: 'string', choices: ['json', 'text'], description: 'The output format.', default: 'json' },
    findings: {
      type: 'boolean',
      description: 'Add the security findings of every exported item (and whether a test calls it).',
    },
    binary: BINARY_FLAG,
    config: CONFIG_FLAG,
    output: OUTPUT_FLAG,
    color: COLOR_FLAG,
    quiet: QUIET_FLAG,
    deadline: DEADLINE_FLAG,
  },
  examples: [
    { command: 'extract --format text', description: 'The surface of the crate in the current directory.' },
    {
      command: 'extract --binary target/release/libdemo.so --format text',
      description: 'With the symbols the built library exports beyond the source (proc macros, build.rs).',
    },
    {
      command: 'extract --root rust/ffi --rev v1.2.0 --all-features',
      description: 'The surface of rust/ffi at tag v1.2.0, every feature enabled.',
    },
    { command: 'extract --findings --output surface.json', description: 'With findings, written to a file.' },
  ],
  run: extractCommand,
};

export async function extractCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const format = formatFlag(args, ['json', 'text'], 'json');
  const root = rootOf(args);
  const config = await readConfigFile(root, stringFlag(args, '--config'));
  const features = hasFeatureFlags(args)
    ? featureSelection(args)
    : (config.featureSets[0] ?? featureSelection(args));
  const wantFindings = args.flags.has('--findings');
  const deadline = runDeadline(args, config.limits, run);
  // the parser compiles (WebAssembly, on V8's background threads) while the tree is opened
  const parserLoad = loadRustParser();
  parserLoad.catch(() => undefined); // awaited below: a failure is reported there, not as unhandled
  // read (and checked) before the analysis: a wrong --binary fails at once
  const artifacts = await readBinaries(args);
  await checkFeatureNames(args, {
    root,
    revisions: [stringFlag(args, '--rev')],
    sets: [features],
    limits: config.limits,
    scope: scopeOf(config),
    deadline,
  });
  const tree = await openTree(root, stringFlag(args, '--rev'), deadline);
  try {
    const parser = parserWithDeadline(await parserLoad, deadline);
    const raw = await extractSurface(tree, parser, {
      features,
      testCoverage: wantFindings,
      limits: config.limits,
      trustedMacros: config.macros.trusted,
    });
    const surface = crossCheck(
      applyScope(raw, scopeOf(config), (s) => surfaceDigest(s.crates)),
      artifacts,
    );
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
        : renderSurfaceText(surface) +
          renderBinaryOnlyText(surface) +
          (findings ? renderFindingsText(findings) : '');
    const failed = !!fatal && surface.crates.length === 0;
    return {
      stdout: out,
      colorable: format === 'text' ? 'text' : undefined,
      exitCode: failed ? 2 : 0,
      error: failed ? fatal.message : undefined,
    };
  } finally {
    tree.close?.();
  }
}
