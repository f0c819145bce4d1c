/**
 * The schema of `.github/ffi-surface-guard.yml` (SPEC section 7): a zod schema over the YAML as
 * written (kebab-case keys, every object strict so unknown keys are errors), the normalised
 * `Config` the rest of the engine reads (camelCase, defaults filled in), and the JSON Schema for
 * editors, generated from the zod schema so the two cannot drift apart.
 *
 * Every leaf carries one `error` message of the form "expected …": the loader appends ", got …"
 * with the offending value, so a message reads `required-approvals: expected an integer from 1 to
 * 100, got "two"`.
 */
import { z } from 'zod';
import {
  APPROVER_PATTERN,
  BOT_LOGIN_PATTERN,
  DEFAULT_BOT_LOGIN,
  DEFAULT_TAG_PATTERN,
  LIMIT_BOUNDS,
  MAX_FEATURE_SETS,
  MAX_LIST_ENTRIES,
  MAX_REQUIRED_APPROVALS,
} from './defaults';
import { FINDING_RULES } from '../findings/catalogue';
import { DEFAULT_LIMITS } from '../limits';
import type { Limits } from '../limits';
import { DEFAULT_APPROVAL_REQUIRED_FOR } from '../gate/review-policy';
import { SEVERITIES } from '../report';

// ---------------------------------------------------------------------------------------------
// Leaf shapes. The patterns are ECMA-262 and are copied verbatim into the JSON Schema.

/** A crate name, or a glob over crate names (`*` and `?`). */
const CRATE_GLOB_PATTERN = /^[A-Za-z0-9_*?-]{1,64}$/;
/** A crate name. */
const CRATE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A Cargo feature name. */
const FEATURE_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_+.-]{0,63}$/;
/** A path glob relative to the repository root: not absolute, no `..` segment, no control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what the pattern rejects
const PATH_GLOB_PATTERN = /^(?![/\\])(?!(?:.*[/\\])?\.\.(?:[/\\]|$))[^\u0000-\u001f\u007f]{1,500}$/;
/** A tag name with exactly one `*` standing for the version; no characters git forbids in ref names. */
const TAG_PATTERN_PATTERN =
  // eslint-disable-next-line no-control-regex -- control characters are what the pattern rejects
  /^[^*?\s~^:\\[\u0000-\u001f\u007f]{0,100}\*[^*?\s~^:\\[\u0000-\u001f\u007f]{0,100}$/;

/** An exported symbol name, or a glob over symbol names (`*` and `?`): printable ASCII, no spaces. */
const SYMBOL_GLOB_PATTERN = /^[\x21-\x7e]{1,512}$/;

/** A one-line free text: no control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what the pattern rejects
const REASON_PATTERN = /^[^\u0000-\u001f\u007f]{1,500}$/;

const LEVEL_VALUES = ['high', 'medium', 'low', 'off'] as const;

function boolean(description: string, fallback: boolean) {
  return z.boolean({ error: 'expected true or false' }).optional().meta({ description, default: fallback });
}

function integer(min: number, max: number) {
  return z
    .int({ error: `expected an integer from ${min} to ${max}` })
    .min(min)
    .max(max);
}

function pattern(re: RegExp, expected: string) {
  return z.string({ error: `expected ${expected}` }).regex(re);
}

function list(item: z.ZodString, expected: string, description: string) {
  return z
    .array(item, { error: `expected a list of ${expected} (at most ${MAX_LIST_ENTRIES})` })
    .max(MAX_LIST_ENTRIES)
    .optional()
    .meta({ description, default: [] });
}

function strict<T extends z.ZodRawShape>(expected: string, shape: T, description: string) {
  return z
    .strictObject(shape, { error: `expected ${expected}` })
    .optional()
    .meta({ description });
}

const PATH_GLOB = 'a path glob relative to the repository root (no leading / and no ..)';
const pathGlob = () => pattern(PATH_GLOB_PATTERN, PATH_GLOB);

const featureSetShape = {
  default: boolean("Enable the crate's default features (false is cargo's --no-default-features).", true),
  all: boolean(
    'Enable every feature (cargo --all-features); then `default` and `list` must be left out.',
    false,
  ),
  list: list(
    pattern(FEATURE_PATTERN, 'a Cargo feature name'),
    'Cargo feature names',
    'Features to enable on top of the defaults (cargo --features).',
  ),
};

const featureSet = z.strictObject(featureSetShape, {
  error: 'expected a feature set: a mapping with default, all and list',
});

const level = () => z.enum(LEVEL_VALUES, { error: 'expected one of high, medium, low or off' });
const levelsShape: Record<string, z.ZodOptional<ReturnType<typeof level>>> = {};
const scopesShape: Record<string, ReturnType<typeof strict>> = {};
for (const rule of FINDING_RULES) {
  levelsShape[rule.id] = level()
    .optional()
    .meta({ description: `${rule.rationale} (default: ${rule.level})`, default: rule.level });
  scopesShape[rule.id] = strict(
    'a scope: a mapping with include and exclude',
    {
      include: z
        .array(pathGlob(), { error: `expected a list of path globs (at most ${MAX_LIST_ENTRIES})` })
        .max(MAX_LIST_ENTRIES)
        .optional()
        .meta({ description: `When present, ${rule.id} only looks at files matching one of these globs.` }),
      exclude: list(pathGlob(), 'path globs', `${rule.id} never looks at files matching one of these globs.`),
    },
    `The files ${rule.id} looks at.`,
  );
}

const limitsShape: Record<string, z.ZodOptional<z.ZodInt>> = {};
for (const [field, bound] of Object.entries(LIMIT_BOUNDS) as [
  keyof Limits,
  (typeof LIMIT_BOUNDS)[keyof Limits],
][]) {
  limitsShape[bound.key] = integer(1, bound.max)
    .optional()
    .meta({ description: bound.description, default: DEFAULT_LIMITS[field] });
}

/** The configuration file as written. Objects are strict: an unknown key is an error. */
export const configSchema = z
  .strictObject(
    {
      crates: strict(
        'a mapping with include and exclude',
        {
          include: list(
            pattern(CRATE_GLOB_PATTERN, 'a crate name or a glob over crate names'),
            'crate names or globs',
            'Crates to analyse (names or globs with * and ?); empty means every crate of the workspace.',
          ),
          exclude: list(
            pattern(CRATE_GLOB_PATTERN, 'a crate name or a glob over crate names'),
            'crate names or globs',
            'Crates never analysed, even when `include` names them.',
          ),
        },
        'Which crates of the workspace are analysed.',
      ),
      paths: strict(
        'a mapping with exclude',
        {
          exclude: list(
            pathGlob(),
            'path globs',
            'Source files to ignore (globs: * within a segment, ** across).',
          ),
        },
        'Source paths to ignore.',
      ),
      headers: list(
        pathGlob(),
        'path globs',
        'The committed C/C++ headers consumers compile against (globs: * within a segment, ** across); default: every *.h and *.hpp that declares an export.',
      ),
      features: strict(
        'a feature set: a mapping with default, all and list',
        featureSetShape,
        'The feature set to analyse (default: the default features). Use `feature-sets` for several.',
      ),
      'feature-sets': z
        .array(featureSet, { error: `expected a list of feature sets (1 to ${MAX_FEATURE_SETS})` })
        .min(1)
        .max(MAX_FEATURE_SETS)
        .optional()
        .meta({ description: 'Several feature sets to analyse, each like `features`; excludes `features`.' }),
      findings: strict(
        'a mapping with levels and scopes',
        {
          levels: strict(
            'a mapping from finding rule ids to levels',
            levelsShape,
            'Finding rule id → high, medium, low, or off to switch the rule off.',
          ),
          scopes: strict(
            'a mapping from finding rule ids to scopes',
            scopesShape,
            'Finding rule id → the source files the rule looks at.',
          ),
        },
        'Security finding rules: levels and path scopes.',
      ),
      changes: strict(
        'a mapping with potentially-breaking-bump',
        {
          'potentially-breaking-bump': z
            .enum(['major', 'minor'], { error: 'expected major or minor' })
            .optional()
            .meta({
              description: 'The version bump a potentially-breaking change requires.',
              default: 'major',
            }),
        },
        'How changes are classified.',
      ),
      approvers: list(
        pattern(APPROVER_PATTERN, 'a GitHub login or an org/team slug (bots never count)'),
        'GitHub logins or org/team slugs',
        'Who may approve surface changes: user logins and org/team slugs (a leading @ is allowed).',
      ),
      'approval-required-for': z
        .array(
          z.enum(SEVERITIES, {
            error: 'expected one of breaking, source-breaking, potentially-breaking, addition or non-abi',
          }),
          { error: `expected a list of change severities (at most ${MAX_LIST_ENTRIES})` },
        )
        .max(MAX_LIST_ENTRIES)
        .optional()
        .meta({
          description:
            'The change severities a pull request needs an approval for; a delta with none of them passes with a note. Unresolved entries, Rust contract changes (rust-contract-changed) and open high findings always need one.',
          default: [...DEFAULT_APPROVAL_REQUIRED_FOR],
        }),
      'required-approvals': integer(1, MAX_REQUIRED_APPROVALS)
        .optional()
        .meta({ description: 'Approvals a pull request that changes the surface needs.', default: 1 }),
      'required-approvals-breaking': integer(1, MAX_REQUIRED_APPROVALS).optional().meta({
        description: 'Approvals a pull request with breaking changes needs (default: required-approvals).',
      }),
      'allow-commit-authors': boolean(
        "Count approvals by authors of commits in the pull request (the PR's author never counts).",
        false,
      ),
      'bot-login': pattern(BOT_LOGIN_PATTERN, 'a GitHub login such as github-actions[bot]').optional().meta({
        description: "The login that writes the gate's comment and status (a GitHub App's bot login).",
        default: DEFAULT_BOT_LOGIN,
      }),
      release: strict(
        'a mapping with tag-pattern, crate-tag-patterns and require-reviewed',
        {
          'tag-pattern': pattern(
            TAG_PATTERN_PATTERN,
            'a tag pattern with exactly one * standing for the version',
          )
            .optional()
            .meta({ description: 'Release tags; * stands for the version.', default: DEFAULT_TAG_PATTERN }),
          'crate-tag-patterns': z
            .record(
              pattern(CRATE_NAME_PATTERN, 'a crate name'),
              pattern(TAG_PATTERN_PATTERN, 'a tag pattern with exactly one * standing for the version').meta({
                description: "This crate's release tags; * stands for the version.",
              }),
              { error: 'expected a mapping from crate names to tag patterns' },
            )
            .optional()
            .meta({
              description: 'Crate name → its release tag pattern, for workspaces tagging crates separately.',
            }),
          'require-reviewed': boolean(
            'A release also requires that its surface changes were approved.',
            false,
          ),
        },
        'Release gating.',
      ),
      macros: strict(
        'a mapping with trusted',
        {
          trusted: list(
            pattern(CRATE_NAME_PATTERN, 'a crate name'),
            'crate names',
            'Crates whose macros (function-like, attribute, derive) are trusted not to export symbols, besides the built-in list; invocations of macros from other crates the engine cannot expand need review.',
          ),
        },
        'Macros the engine cannot expand.',
      ),
      'binary-exports': strict(
        'a mapping with allow',
        {
          allow: z
            .array(
              z
                .strictObject(
                  {
                    name: pattern(
                      SYMBOL_GLOB_PATTERN,
                      'a symbol name or glob (* and ?), printable ASCII',
                    ).meta({
                      description: 'The exported symbol, or a glob over symbols (* and ?).',
                    }),
                    reason: pattern(REASON_PATTERN, 'a reason: one line of 1 to 500 characters').meta({
                      description: 'Why the library may export it (what defines it).',
                    }),
                  },
                  { error: 'expected a mapping with name and reason' },
                )
                .meta({ description: 'A symbol the built library may export beyond the source surface.' }),
              { error: `expected a list of {name, reason} entries (at most ${MAX_LIST_ENTRIES})` },
            )
            .max(MAX_LIST_ENTRIES)
            .optional()
            .meta({
              description:
                'Symbols a built library may export although no source surface explains them (proc macros, build.rs output): release-check --binary fails on any other.',
              default: [],
            }),
        },
        'Built libraries (--binary, the Action input binaries).',
      ),
      limits: strict(
        'a mapping of limits',
        limitsShape,
        'Bounds on what the engine reads; each one hit becomes a diagnostic.',
      ),
    },
    { error: 'expected a mapping of settings' },
  )
  .meta({
    title: 'ffi-surface-guard configuration',
    description: 'The configuration of ffi-surface-guard, in .github/ffi-surface-guard.yml.',
  });

/** The configuration file as written, after validation. */
export type RawConfig = z.infer<typeof configSchema>;

/**
 * The JSON Schema of the configuration file (draft-07), generated from `configSchema`: the file
 * committed as `schema/ffi-surface-guard.schema.json` must equal it (a test checks).
 */
export function configJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...rest } = z.toJSONSchema(configSchema, {
    target: 'draft-7',
  }) as Record<string, unknown>;
  return { $schema, title, description, ...rest };
}

// what the rest of the configuration module (and its importers) read from here before the split
export {
  APPROVER_PATTERN,
  BOT_LOGIN_PATTERN,
  DEFAULT_BOT_LOGIN,
  DEFAULT_TAG_PATTERN,
  defaultConfig,
  LIMIT_BOUNDS,
  MAX_CONFIG_BYTES,
  MAX_FEATURE_SETS,
  MAX_LIST_ENTRIES,
  MAX_REQUIRED_APPROVALS,
} from './defaults';
export type { AllowedExport, Config } from './defaults';
