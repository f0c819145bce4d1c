/** Hostile strings and reports for the property tests. */
import fc from 'fast-check';
import type { Change, DiffReport, Evidence, Finding } from '../../src/core/report';
import type { Diagnostic } from '../../src/core/model';
import { BASE_SHA, HEAD_SHA } from './fixtures';

/** Fragments that attack Markdown, HTML, GitHub's filters and terminals. */
export const FRAGMENTS = [
  '`',
  '``',
  '```',
  '````',
  '\\`',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '<details>',
  '</details>',
  '<summary>',
  '</summary>',
  '<details open>',
  '</code>',
  '<!--',
  '-->',
  '<!-- ffi-surface-guard',
  '<!-- ffi-surface-guard v1 {} -->',
  '<',
  '>',
  '<!',
  '|',
  '\\|',
  '\\\\|',
  '|---|',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0000',
  '\u001b[31m',
  '\u009b',
  '\u202e',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\ud800',
  '\udc00',
  '😀',
  '\\',
  '@org/team',
  '@user',
  '@',
  'a@b.co',
  '#',
  '#123',
  'GH-1',
  '[x](javascript:alert(1))',
  '![i](http://e/x.png)',
  '[x]: http://e',
  '[^1]',
  '<https://x.y>',
  'http://evil.example/x',
  'https://evil.example',
  'www.evil.example',
  'javascript:alert(1)',
  '**',
  '*',
  '_',
  '__',
  '~~',
  '~',
  '&lt;',
  '&#64;',
  '&',
  '&amp;',
  '&#x3C;',
  ':smile:',
  '$x$',
  '    ',
  ' ',
  '\t',
  '- ',
  '+ ',
  '1. ',
  '> ',
  '===',
  '---',
  '- [ ] ',
  '- [x] ',
  '(',
  ')',
  '[',
  ']',
  '!',
  '{',
  '}',
  '"',
  "'",
];

const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'x', '0', '1', '9', 'foo', 'ffi_') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 3 }) },
);

/** A hostile string: a short concatenation of fragments, letters and arbitrary code points. */
export const hostile = fc.string({ unit, maxLength: 10 });

const ruleId = fc.oneof(
  fc.constantFrom('function-removed', 'raw-pointer-param', 'struct-layout-changed'),
  hostile,
);
const line = fc.oneof(fc.integer({ min: 1, max: 99999 }), fc.constantFrom(0, -1));
const crate = fc.oneof(fc.constantFrom('foo', 'foo-sys'), hostile);

export const change: fc.Arbitrary<Change> = fc.record({
  rule: ruleId,
  severity: fc.constantFrom('breaking', 'potentially-breaking', 'addition', 'non-abi'),
  kind: fc.constantFrom('function', 'static', 'struct', 'enum', 'unknown'),
  name: hostile,
  symbol: fc.option(hostile, { nil: undefined }),
  crate,
  file: fc.oneof(fc.constantFrom('src/lib.rs', ''), hostile),
  line,
  before: fc.option(hostile, { nil: null }),
  after: fc.option(hostile, { nil: null }),
  message: hostile,
});

export const evidence: fc.Arbitrary<Evidence> = fc.record({
  file: fc.oneof(fc.constant('src/ffi.rs'), hostile),
  line,
  what: hostile,
});

export const finding: fc.Arbitrary<Finding> = fc.record(
  {
    rule: ruleId,
    level: fc.constantFrom('high', 'medium', 'low'),
    symbol: hostile,
    name: hostile,
    crate,
    file: fc.oneof(fc.constant('src/lib.rs'), hostile),
    line,
    message: hostile,
    checklist: hostile,
    status: fc.constantFrom('open', 'verified'),
    evidence: fc.array(evidence, { maxLength: 2 }),
  },
  { requiredKeys: ['rule', 'level', 'symbol', 'name', 'crate', 'file', 'line', 'message', 'checklist'] },
);

export const diagnostic: fc.Arbitrary<Diagnostic> = fc.record({
  level: fc.constantFrom('warning', 'error'),
  code: fc.oneof(fc.constant('syntax-error'), hostile),
  message: hostile,
  file: fc.option(hostile, { nil: undefined }),
  line: fc.option(line, { nil: undefined }),
});

export const report: fc.Arbitrary<DiffReport> = fc.record({
  schemaVersion: fc.constant(1),
  tool: fc.record({
    name: fc.constant('ffi-surface-guard'),
    version: fc.oneof(fc.constant('0.1.0'), hostile),
  }),
  base: fc.record({ rev: fc.oneof(fc.constant(BASE_SHA), hostile), digest: hostile }),
  head: fc.record({ rev: fc.oneof(fc.constant(HEAD_SHA), hostile), digest: hostile }),
  changes: fc.array(change, { maxLength: 6 }),
  findings: fc.array(finding, { maxLength: 6 }),
  requiredBump: fc.constantFrom('major', 'minor', 'patch', 'none'),
  deltaDigest: fc.oneof(fc.constant('sha256:abc'), hostile),
  crates: fc.array(
    fc.record({
      name: crate,
      baseVersion: fc.option(hostile, { nil: null }),
      headVersion: fc.option(hostile, { nil: null }),
    }),
    { maxLength: 3 },
  ),
  diagnostics: fc.array(diagnostic, { maxLength: 3 }),
});
