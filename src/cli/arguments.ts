/**
 * Command-line parsing: each command declares its flags, positionals and examples in one table
 * (`CommandSpec`); the parser (`node:util` `parseArgs` for the tokens), the per-command `--help`
 * and the global usage are all derived from those tables. Strict: a flag a command does not
 * declare, a missing value or an unexpected argument is a `UsageError` (exit code 2, one line).
 */
import { findManifestRoot } from '../adapters/manifest-root';
import { parseArgs as tokenize } from 'node:util';
import { closestWord } from '../core/config/errors';
import { Clock, Deadline, MAX_DEADLINE_SECONDS } from '../core/deadline';
import type { Limits } from '../core/limits';
import type { FeatureSelection } from '../core/model';
import { TOOL_NAME } from '../core/version';

export class UsageError extends Error {}

/** One flag of a command: everything the parser, the help and the README need. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  /** The value's placeholder in the usage (`DIR`, `REV`); string flags only. */
  value?: string;
  /** One sentence for the help. */
  description: string;
  /** The default, as the help shows it (the command applies it). */
  default?: string;
  /** The values allowed; anything else is a usage error. */
  choices?: readonly string[];
  /** May be given several times: the values are joined with commas (else the last one counts). */
  repeatable?: boolean;
  /** Given twice is a usage error. */
  once?: boolean;
  /** A one-letter alias (`-h`). */
  short?: string;
  /** Shown without brackets in the usage line (the command cannot run without it). */
  required?: boolean;
  /** Shown in the usage line as this group's name (e.g. `[feature flags]`), once per group. */
  group?: string;
}

export interface PositionalSpec {
  name: string;
  description: string;
  optional?: boolean;
}

export interface CommandSpec<R = unknown> {
  name: string;
  /** One line for the global usage. */
  summary: string;
  /** Further paragraphs for the command's help. */
  description?: string;
  positionals: PositionalSpec[];
  /** Flags by long name, without the leading `--`, in the order the help lists them. */
  flags: Record<string, FlagSpec>;
  examples: { command: string; description: string }[];
  run: (args: ParsedArgs, run: RunClock) => Promise<R>;
}

export interface ParsedArgs {
  command: string;
  /** `--name` → its value (`true` for a boolean flag); a repeatable flag's values joined with commas. */
  flags: Map<string, string | true>;
  positionals: string[];
}

// ---------------------------------------------------------------------------------------------
// Flags several commands share
// ---------------------------------------------------------------------------------------------

export const HELP_FLAG: FlagSpec = {
  type: 'boolean',
  short: 'h',
  description: 'Print this help and exit.',
};

export const ROOT_FLAG: FlagSpec = {
  type: 'string',
  value: 'DIR',
  description: 'The directory holding the Cargo.toml (workspace or package) to analyse.',
  default:
    'the nearest directory upwards holding a Cargo.toml, or the root of the workspace it belongs to (within the repository)',
};

/** `--root`, or the manifest found upwards from the current directory, as cargo finds it. */
export function rootOf(args: ParsedArgs): string {
  return stringFlag(args, '--root') ?? findManifestRoot('.');
}

export const FEATURE_FLAGS: Record<string, FlagSpec> = {
  features: {
    type: 'string',
    value: 'a,b',
    repeatable: true,
    group: 'feature flags',
    description:
      'Features to enable on top of the defaults (comma- or space-separated). Each must be declared by an analysed crate.',
    default: "the config file's feature sets, else the default features",
  },
  'all-features': {
    type: 'boolean',
    group: 'feature flags',
    description: 'Enable every feature (cargo --all-features).',
  },
  'no-default-features': {
    type: 'boolean',
    group: 'feature flags',
    description: "Do not enable the crates' default features (cargo --no-default-features).",
  },
};

export const CONFIG_FLAG: FlagSpec = {
  type: 'string',
  value: 'FILE',
  description: 'The configuration file.',
  default: '.github/ffi-surface-guard.yml under --root, when it exists',
};

export const OUTPUT_FLAG: FlagSpec = {
  type: 'string',
  value: 'FILE',
  description:
    'Write the report to FILE (parent directories are created) instead of standard output; - is standard output.',
  default: 'standard output',
};

export const COLOR_FLAG: FlagSpec = {
  type: 'string',
  choices: ['auto', 'always', 'never'],
  description:
    'Colour text and Markdown written to standard output. auto: when it is a terminal and NO_COLOR is unset, or when FORCE_COLOR is set. JSON, SARIF and --output files are never coloured.',
  default: 'auto',
};

export const QUIET_FLAG: FlagSpec = {
  type: 'boolean',
  short: 'q',
  description: 'Print no progress or warnings on standard error (errors still print).',
};

export const DEADLINE_FLAG: FlagSpec = {
  type: 'string',
  value: 'SECONDS',
  description: `Stop the whole run with exit code 2 past this many seconds (1 to ${MAX_DEADLINE_SECONDS}).`,
  default: "the config's limits.deadline-seconds (600)",
};

export const BASE_FLAG: FlagSpec = {
  type: 'string',
  value: 'REV',
  required: true,
  description:
    'The base git revision, or a range where the BASE argument takes one (or give it as the BASE argument).',
};

export const HEAD_FLAG: FlagSpec = {
  type: 'string',
  value: 'REV',
  description: 'The head git revision (or give it as the HEAD argument).',
  default: 'the working tree',
};

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

function flagsOf(spec: CommandSpec): Record<string, FlagSpec> {
  return { ...spec.flags, help: HELP_FLAG };
}

/** `"--bogus" for diff (did you mean "--base"?)`, or which commands do take it. */
function unknownOption(raw: string, spec: CommandSpec, all: readonly CommandSpec[]): string {
  const name = raw.replace(/^--?/, '').replace(/=.*$/s, '');
  const where = `unknown option ${JSON.stringify(raw)} for ${spec.name}`;
  const guess = raw.startsWith('--') ? closestWord(name, Object.keys(spec.flags)) : null;
  if (guess) return `${where} (did you mean "--${guess}"?)`;
  const takers = all.filter((c) => raw.startsWith('--') && name in c.flags).map((c) => c.name);
  const notes = takers.length ? [`${takers.join(', ')} ${takers.length === 1 ? 'takes' : 'take'} it`] : [];
  if (raw === '--version') notes.push(`the tool's version: ${TOOL_NAME} --version`);
  return notes.length ? `${where} (${notes.join('; ')})` : where;
}

/**
 * Parses the arguments after the command name against the command's declaration. `all` (every
 * command) lets the message for a flag this command does not take name the ones that do.
 */
export function parseCommandLine(
  spec: CommandSpec,
  argv: string[],
  all: readonly CommandSpec[] = [],
): ParsedArgs {
  const declared = flagsOf(spec);
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, f] of Object.entries(declared))
    options[name] = f.short ? { type: f.type, short: f.short } : { type: f.type };
  const { tokens } = tokenize({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  // `-h`/`--help` anywhere before `--` wins over whatever else is wrong on the line
  const end = tokens.findIndex((t) => t.kind === 'option-terminator');
  if (
    tokens
      .slice(0, end < 0 ? undefined : end)
      .some((t) => t.kind === 'option' && t.name === 'help' && !t.inlineValue)
  )
    return { command: spec.name, flags: new Map([['--help', true]]), positionals: [] };
  for (const t of tokens) {
    if (t.kind === 'option-terminator') continue;
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    const f = Object.prototype.hasOwnProperty.call(declared, t.name) ? declared[t.name] : undefined;
    const raw = t.inlineValue ? argv[t.index] : t.rawName;
    if (!f || (t.rawName.startsWith('--') ? false : f.short !== t.rawName.slice(1)))
      throw new UsageError(unknownOption(raw, spec, all));
    const key = `--${t.name}`;
    if (f.type === 'boolean') {
      if (t.inlineValue) throw new UsageError(`${key} takes no value`);
      flags.set(key, true);
      continue;
    }
    // a value that looks like the next option is a forgotten value (`--root --base x`)
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--')))
      throw new UsageError(`${key} needs a value`);
    if (f.choices && !f.choices.includes(t.value))
      throw new UsageError(`${key} must be one of ${f.choices.join(', ')} (got ${JSON.stringify(t.value)})`);
    const before = flags.get(key);
    if (before !== undefined && f.once) throw new UsageError(`${key} given twice`);
    flags.set(key, f.repeatable && typeof before === 'string' ? `${before},${t.value}` : t.value);
  }
  const most = spec.positionals.length;
  if (positionals.length > most)
    throw new UsageError(
      most === 0
        ? `${spec.name} takes no arguments (got ${JSON.stringify(positionals[0])})`
        : `unexpected argument ${JSON.stringify(positionals[most])} for ${spec.name} (it takes ${spec.positionals.map((p) => p.name).join(' ')})`,
    );
  return { command: spec.name, flags, positionals };
}

/** The command a word names; a usage error (with a suggestion when one is close) otherwise. */
export function findCommand<R>(word: string, all: readonly CommandSpec<R>[]): CommandSpec<R> {
  const spec = all.find((c) => c.name === word);
  if (spec) return spec;
  const names = all.map((c) => c.name);
  if (word.startsWith('-'))
    throw new UsageError(
      `unknown option ${JSON.stringify(word)}; expected a command first: ${names.join(', ')}`,
    );
  const guess = closestWord(word, names);
  throw new UsageError(
    `unknown command ${JSON.stringify(word)}${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of ${names.join(', ')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Help
// ---------------------------------------------------------------------------------------------

function flagUsage(name: string, f: FlagSpec): string {
  if (f.type === 'boolean') return `--${name}`;
  return `--${name} ${f.choices ? f.choices.join('|') : (f.value ?? 'VALUE')}`;
}

/** The command's one-line synopsis (without the tool name): its flags in declaration order. */
export function synopsis(spec: CommandSpec): string {
  const parts: string[] = [];
  const groups = new Set<string>();
  for (const [name, f] of Object.entries(spec.flags)) {
    if (f.group) {
      if (!groups.has(f.group)) parts.push(`[${f.group}]`);
      groups.add(f.group);
      continue;
    }
    parts.push(f.required ? flagUsage(name, f) : `[${flagUsage(name, f)}]`);
  }
  return parts.join(' ');
}

function positionalUsage(spec: CommandSpec): string {
  let out = '';
  for (const p of [...spec.positionals].reverse())
    out = p.optional ? `[${p.name}${out ? ` ${out}` : ''}]` : `${p.name}${out ? ` ${out}` : ''}`;
  return out;
}

const HELP_WIDTH = 100;

/** `text` broken into lines of at most `width` characters (longer words stay whole). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function table(rows: [string, string][]): string[] {
  const width = Math.min(28, Math.max(...rows.map(([a]) => a.length)));
  const indent = ' '.repeat(width + 4);
  const out: string[] = [];
  for (const [a, b] of rows) {
    const text = wrap(b, HELP_WIDTH - indent.length);
    if (a.length > width) out.push(`  ${a}`);
    else out.push(`  ${a.padEnd(width)}  ${text.shift() ?? ''}`.trimEnd());
    for (const l of text) out.push(indent + l);
  }
  return out;
}

/** A command's `--help`: usage, description, arguments, options with defaults, examples. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [`usage: ${TOOL_NAME} ${spec.name} ${synopsis(spec)}`.trimEnd()];
  if (spec.positionals.length)
    lines.push(`       ${TOOL_NAME} ${spec.name} ${positionalUsage(spec)} [options]`);
  lines.push('', ...wrap(spec.summary, HELP_WIDTH));
  if (spec.description) lines.push('', ...wrap(spec.description, HELP_WIDTH));
  if (spec.positionals.length) {
    lines.push('', 'arguments:');
    lines.push(...table(spec.positionals.map((p) => [p.name, p.description])));
  }
  lines.push('', 'options:');
  lines.push(
    ...table(
      Object.entries(flagsOf(spec)).map(([name, f]) => {
        const left = (f.short ? `-${f.short}, ` : '') + flagUsage(name, f);
        const extra = [
          f.default !== undefined ? `default: ${f.default}` : '',
          f.repeatable ? 'repeatable' : '',
        ].filter(Boolean);
        return [left, f.description + (extra.length ? ` (${extra.join('; ')})` : '')];
      }),
    ),
  );
  if (spec.examples.length) {
    lines.push('', 'examples:');
    for (const e of spec.examples) lines.push(`  ${TOOL_NAME} ${e.command}`, `      ${e.description}`);
  }
  return lines.join('\n') + '\n';
}

/** The global usage: every command's synopsis and summary, generated from the declarations. */
export function globalUsage(all: readonly CommandSpec[]): string {
  const width = Math.max(...all.map((c) => c.name.length));
  const lines = ['usage:'];
  for (const c of all) lines.push(`  ${TOOL_NAME} ${c.name.padEnd(width)} ${synopsis(c)}`.trimEnd());
  lines.push('', 'commands:');
  for (const c of all) lines.push(`  ${c.name.padEnd(width)} ${c.summary}`);
  const groups = new Map<string, string[]>();
  for (const c of all)
    for (const [name, f] of Object.entries(c.flags))
      if (f.group) {
        const list = groups.get(f.group) ?? [];
        if (!list.includes(flagUsage(name, f))) list.push(flagUsage(name, f));
        groups.set(f.group, list);
      }
  lines.push('');
  for (const [g, list] of groups) lines.push(`${g}: ${list.join(' | ')}`);
  lines.push(
    `-h, --help after a command prints its options, defaults and examples; --version prints ${TOOL_NAME}'s version.`,
  );
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** The features `--features` names, in order. */
export function featureList(args: ParsedArgs): string[] {
  return (stringFlag(args, '--features') ?? '')
    .split(/[ ,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function featureSelection(args: ParsedArgs): FeatureSelection {
  const list = featureList(args);
  const all = args.flags.has('--all-features');
  const none = args.flags.has('--no-default-features');
  if (all && none) throw new UsageError('--all-features and --no-default-features cannot be used together');
  if (all) return { mode: 'all' };
  return none ? { mode: 'none', features: list } : { mode: 'default', features: list };
}

export function formatFlag(args: ParsedArgs, allowed: string[], fallback: string): string {
  const f = stringFlag(args, '--format') ?? fallback;
  if (!allowed.includes(f))
    throw new UsageError(`--format must be one of ${allowed.join(', ')} (got ${JSON.stringify(f)})`);
  return f;
}

/** The command line names a feature selection (else the config file's applies). */
export function hasFeatureFlags(args: ParsedArgs): boolean {
  return (
    args.flags.has('--features') ||
    args.flags.has('--all-features') ||
    args.flags.has('--no-default-features')
  );
}

/** The revisions a command compares, from `--base`/`--head` or the BASE [HEAD] arguments. */
export interface Revisions {
  base: string;
  /** Undefined for the working tree. */
  head: string | undefined;
  /** `A..B` was written: compare with A itself; `A...B`: with the merge base; else unsaid. */
  range?: '..' | '...';
}

/**
 * `--base A [--head B]`, or `BASE [HEAD]`, `A...B` (merge base of A and B → B) or `A..B` (A → B);
 * an empty side of a range is `HEAD`, as in git; `--base A..B` is read as the range. `ranges` says which ranges the command takes:
 * `two-dot` refuses `A...B` (a command that never compares with the merge base), `none` both.
 */
export function revisions(args: ParsedArgs, ranges: 'both' | 'two-dot' | 'none'): Revisions {
  let base = stringFlag(args, '--base');
  let head = stringFlag(args, '--head');
  let range: Revisions['range'];
  const second = args.positionals[1];
  let first = args.positionals[0];
  // `--base A..B` is the range written as a flag: no ref name can hold `..` (git check-ref-format)
  if (first === undefined && base?.includes('..')) {
    first = base;
    base = undefined;
  }
  if (first !== undefined) {
    if (base !== undefined)
      throw new UsageError(`the base is given twice (${JSON.stringify(first)} and --base ${base}); give one`);
    const m = /^(.*?)(\.\.\.?)(.*)$/s.exec(first);
    if (m) {
      range = m[2] as '..' | '...';
      if (ranges === 'none')
        throw new UsageError(`${args.command} takes BASE [HEAD], not a range (got ${JSON.stringify(first)})`);
      if (range === '...' && ranges === 'two-dot')
        throw new UsageError(
          `${args.command} compares with the base itself, not a merge base: write ${m[1] || 'HEAD'}..${m[3] || 'HEAD'}`,
        );
      if (!m[1] && !m[3]) throw new UsageError(`${JSON.stringify(first)} names no revision`);
      if (second !== undefined)
        throw new UsageError(
          `the head is given twice (${JSON.stringify(first)} and ${JSON.stringify(second)})`,
        );
      if (head !== undefined)
        throw new UsageError(
          `the head is given twice (${JSON.stringify(first)} and --head ${head}); give one`,
        );
      base = m[1] || 'HEAD';
      head = m[3] || 'HEAD';
    } else base = first;
  }
  if (second !== undefined) {
    if (head !== undefined)
      throw new UsageError(
        `the head is given twice (${JSON.stringify(second)} and --head ${head}); give one`,
      );
    head = second;
  }
  if (!base) throw new UsageError(`${args.command} needs --base REV`);
  return { base, head, range };
}

/** `--deadline SECONDS`: a whole number from 1 to 21600 (a runner's six hours), or undefined. */
export function deadlineFlag(args: ParsedArgs): number | undefined {
  const v = stringFlag(args, '--deadline');
  if (v === undefined) return undefined;
  if (!/^\d{1,6}$/.test(v) || Number(v) < 1 || Number(v) > MAX_DEADLINE_SECONDS)
    throw new UsageError(
      `--deadline must be a whole number of seconds from 1 to ${MAX_DEADLINE_SECONDS} (got ${JSON.stringify(v)})`,
    );
  return Number(v);
}

/** What a command knows of the run it is part of: the clock, and when the run started on it. */
export interface RunClock {
  clock: Clock;
  started: number;
}

/** The run's deadline: `--deadline`, else the configuration's `limits.deadline-seconds`. */
export function runDeadline(
  args: ParsedArgs,
  limits: Pick<Limits, 'deadlineSeconds'>,
  run: RunClock,
): Deadline {
  return new Deadline(deadlineFlag(args) ?? limits.deadlineSeconds, run.clock, run.started);
}
