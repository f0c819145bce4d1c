/**
 * `schema/ffi-surface-guard.schema.json` (for editor completion) against the zod schema the loader
 * validates with. Regenerate the file with `UPDATE_CONFIG_SCHEMA=1 npx jest test/config/json-schema`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import {
  configJsonSchema,
  configSchema,
  defaultConfig,
  parseConfig,
  policyHash,
} from '../../src/core/config';
import { FINDING_RULE_IDS } from '../../src/core/findings/catalogue';

const SCHEMA_FILE = join(__dirname, '../../schema/ffi-surface-guard.schema.json');
const FIXTURES = join(__dirname, '../fixtures/config');
const FILE = '.github/ffi-surface-guard.yml';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  required?: string[];
  maxItems?: number;
  default?: unknown;
  description?: string;
}

if (process.env.UPDATE_CONFIG_SCHEMA === '1') {
  writeFileSync(SCHEMA_FILE, JSON.stringify(configJsonSchema(), null, 2));
  execFileSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--write', SCHEMA_FILE]);
}

const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as JsonSchema & Record<string, unknown>;

/** Every key path of the zod schema: `a.b`, `[]` for list items, `{}` for record values. */
function zodPaths(schema: z.ZodType, prefix = ''): string[] {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    return Object.entries(shape).flatMap(([k, v]) => {
      const p = prefix === '' ? k : `${prefix}.${k}`;
      return [p, ...zodPaths(v, p)];
    });
  }
  if (s instanceof z.ZodArray) return zodPaths(s.element as z.ZodType, `${prefix}[]`);
  if (s instanceof z.ZodRecord) return zodPaths(s.valueType as z.ZodType, `${prefix}{}`);
  return [];
}

/** The same key paths, read from a JSON Schema. */
function jsonPaths(schema: JsonSchema, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    const p = prefix === '' ? k : `${prefix}.${k}`;
    out.push(p, ...jsonPaths(v, p));
  }
  if (schema.items) out.push(...jsonPaths(schema.items, `${prefix}[]`));
  if (typeof schema.additionalProperties === 'object')
    out.push(...jsonPaths(schema.additionalProperties, `${prefix}{}`));
  return out;
}

/** Every subschema, with its key path. */
function subschemas(schema: JsonSchema, prefix = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [[prefix, schema]];
  for (const [k, v] of Object.entries(schema.properties ?? {}))
    out.push(...subschemas(v, prefix === '' ? k : `${prefix}.${k}`));
  if (schema.items) out.push(...subschemas(schema.items, `${prefix}[]`));
  if (typeof schema.additionalProperties === 'object')
    out.push(...subschemas(schema.additionalProperties, `${prefix}{}`));
  if (schema.propertyNames) out.push(...subschemas(schema.propertyNames, `${prefix}<key>`));
  return out;
}

const SUPPORTED = new Set([
  '$schema',
  'required',
  'title',
  'description',
  'default',
  'type',
  'properties',
  'additionalProperties',
  'propertyNames',
  'items',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
]);

/** A validator for the JSON Schema keywords the file uses (checked above): the errors for `value`. */
function validate(schema: JsonSchema, value: unknown, path = ''): string[] {
  const at = path === '' ? '(root)' : path;
  const errors: string[] = [];
  const t = schema.type;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (t === 'object' && !isObject) return [`${at}: not an object`];
  if (t === 'array' && !Array.isArray(value)) return [`${at}: not an array`];
  if (t === 'string' && typeof value !== 'string') return [`${at}: not a string`];
  if (t === 'boolean' && typeof value !== 'boolean') return [`${at}: not a boolean`];
  if (t === 'integer' && !Number.isInteger(value)) return [`${at}: not an integer`];
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: not in enum`);
  if (
    schema.pattern !== undefined &&
    typeof value === 'string' &&
    !new RegExp(schema.pattern, 'u').test(value)
  )
    errors.push(`${at}: does not match ${schema.pattern}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: below minimum`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: above maximum`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${at}: too few items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${at}: too many items`);
    if (schema.items) value.forEach((v, i) => errors.push(...validate(schema.items!, v, `${path}[${i}]`)));
  }
  if (isObject) {
    for (const r of schema.required ?? [])
      if (!(r in (value as Record<string, unknown>))) errors.push(`${at}: ${r} is missing`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = path === '' ? k : `${path}.${k}`;
      if (schema.propertyNames) errors.push(...validate(schema.propertyNames, k, `${p}<key>`));
      const sub = schema.properties?.[k];
      if (sub) errors.push(...validate(sub, v, p));
      else if (schema.additionalProperties === false) errors.push(`${p}: unknown key`);
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...validate(schema.additionalProperties, v, p));
    }
  }
  return errors;
}

/** The defaults the JSON Schema advertises, as a configuration object. */
function advertisedDefaults(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    if (v.default !== undefined) out[k] = v.default;
    else if (v.type === 'object' && v.properties) {
      const inner = advertisedDefaults(v);
      if (Object.keys(inner).length > 0) out[k] = inner;
    }
  }
  return out;
}

describe('JSON Schema', () => {
  it('has the same keys as the zod schema, at every level', () => {
    const fromZod = new Set(zodPaths(configSchema));
    const fromJson = new Set(jsonPaths(committed));
    expect({
      'only in the zod schema': [...fromZod].filter((p) => !fromJson.has(p)),
      'only in the JSON Schema': [...fromJson].filter((p) => !fromZod.has(p)),
    }).toEqual({ 'only in the zod schema': [], 'only in the JSON Schema': [] });
    expect(fromZod.size).toBeGreaterThan(50);
  });

  it('is exactly the schema generated from zod (run with UPDATE_CONFIG_SCHEMA=1 to regenerate)', () => {
    expect(committed).toEqual(configJsonSchema());
  });

  it('is draft-07 and closed: every object rejects unknown keys', () => {
    expect(committed.$schema).toBe('http://json-schema.org/draft-07/schema#');
    for (const [path, s] of subschemas(committed))
      if (s.type === 'object' && s.properties) expect([path, s.additionalProperties]).toEqual([path, false]);
  });

  it('describes every key, for editor completion', () => {
    const undocumented = subschemas(committed)
      .filter(([path, s]) => path !== '' && !path.endsWith('[]') && !path.endsWith('<key>') && !s.description)
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it('offers every finding rule in findings.levels and findings.scopes', () => {
    const findings = committed.properties!.findings;
    expect(Object.keys(findings.properties!.levels.properties!)).toEqual(FINDING_RULE_IDS);
    expect(Object.keys(findings.properties!.scopes.properties!)).toEqual(FINDING_RULE_IDS);
  });

  it('advertises the real defaults', () => {
    const defaults = advertisedDefaults(committed);
    expect(Object.keys(defaults).sort()).toEqual(
      [
        'allow-commit-authors',
        'approval-required-for',
        'approvers',
        'binary-exports',
        'bot-login',
        'changes',
        'crates',
        'features',
        'findings',
        'headers',
        'limits',
        'macros',
        'paths',
        'release',
        'required-approvals',
      ].sort(),
    );
    expect(policyHash(parseConfig(stringifyYaml(defaults), FILE))).toBe(policyHash(defaultConfig()));
  });

  it('uses only keywords this test understands, with patterns valid as Unicode regular expressions', () => {
    for (const [path, s] of subschemas(committed)) {
      for (const k of Object.keys(s)) expect([path, k, SUPPORTED.has(k)]).toEqual([path, k, true]);
      if (s.pattern !== undefined) expect(() => new RegExp(s.pattern!, 'u')).not.toThrow();
    }
  });

  it('accepts the example configurations the loader accepts', () => {
    for (const name of ['full.yml', 'full-reordered.yml', 'minimal.yml']) {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      expect(() => parseConfig(text, FILE)).not.toThrow();
      expect([name, validate(committed, parseYaml(text))]).toEqual([name, []]);
    }
  });

  it.each([
    ['unknown key', 'colour: red\n'],
    ['unknown nested key', 'crates: { includes: [a] }\n'],
    ['unknown finding rule', 'findings: { levels: { raw-pointer: high } }\n'],
    ['bad level', 'findings: { levels: { panic-path: critical } }\n'],
    ['required-approvals 0', 'required-approvals: 0\n'],
    ['bad approver', 'approvers: [a/b/c]\n'],
    ['absolute glob', 'paths: { exclude: [/etc] }\n'],
    ['bad crate key', 'release: { crate-tag-patterns: { "a b": "v*" } }\n'],
    ['tag pattern without *', 'release: { tag-pattern: v1 }\n'],
    ['limit too high', 'limits: { max-macro-depth: 5000 }\n'],
    ['empty feature-sets', 'feature-sets: []\n'],
    ['unknown severity', 'approval-required-for: [non-abi, major]\n'],
    ['a severity that is not a list', 'approval-required-for: addition\n'],
  ])('rejects what the loader rejects: %s', (_title, text) => {
    expect(() => parseConfig(text, FILE)).toThrow();
    expect(validate(committed, parseYaml(text))).not.toEqual([]);
  });
});
