/**
 * The SARIF renderer: the log validates against the SARIF 2.1.0 JSON schema
 * (test/fixtures/sarif/, see SOURCE.md there), levels and rules map as documented, fingerprints
 * ignore lines, hostile names stay escaped in the Markdown forms, and `diff --format sarif` /
 * `--output` on a git fixture.
 */
import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import { CHANGE_RULES } from '../../src/core/diff/catalogue';
import { FINDING_RULES } from '../../src/core/findings/catalogue';
import type { Change, DiffReport, Finding } from '../../src/core/report';
import {
  FINGERPRINT_KEY,
  lineFree,
  renderSarif,
  renderSarifJson,
  SarifLog,
  sarifText,
} from '../../src/core/render/report-sarif';
import { TOOL_VERSION } from '../../src/core/version';
import { History, makeHistory, makeMonorepo, tempDir, removeDir } from '../diff/git-fixture';
import fc from 'fast-check';
import { report as arbitraryReport } from './arbitraries';
import { emptyReport } from './fixtures';
import { startGfm, type Gfm } from './gfm';
import { foreignTags, textOutsideCode } from './html';

const schema = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;
const ajv = new Ajv({ schemaId: 'auto', allErrors: true, meta: false });
ajv.addMetaSchema(
  JSON.parse(fs.readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')) as object,
);
const validateSchema = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validateSchema(log);
  expect(ajv.errorsText(validateSchema.errors, { separator: '\n' })).toBe('No errors');
  expect(ok).toBe(true);
}

function change(over: Partial<Change> = {}): Change {
  return {
    rule: 'function-removed',
    severity: 'breaking',
    kind: 'function',
    name: 'fsg_open',
    symbol: 'fsg_open',
    crate: 'demo',
    file: 'src/lib.rs',
    line: 10,
    before: 'extern "C" fn fsg_open(flags: u32) -> i32',
    after: null,
    message: 'exported function `fsg_open` was removed',
    ...over,
  };
}

function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'raw-pointer-param',
    level: 'high',
    symbol: 'fsg_read',
    name: 'fsg_read',
    crate: 'demo',
    file: 'src/lib.rs',
    line: 20,
    message: 'parameter `buf` is a raw pointer',
    checklist: 'buf is checked for null and its length is trusted',
    ...over,
  };
}

/** Every severity, both unresolved rules, every finding level, diagnostics. */
function fullReport(): DiffReport {
  return {
    ...emptyReport(),
    requiredBump: 'major',
    changes: [
      change(),
      change({
        rule: 'const-value-changed',
        severity: 'potentially-breaking',
        kind: 'const',
        name: 'FSG_MAX',
        symbol: undefined,
        before: 'pub const FSG_MAX: u32 = 64;',
        after: 'pub const FSG_MAX: u32 = 32;',
        message: 'constant FSG_MAX changed from 64 to 32',
      }),
      change({
        rule: 'function-added',
        severity: 'addition',
        name: 'fsg_read',
        symbol: 'fsg_read',
        before: null,
        after: 'extern "C" fn fsg_read(buf: *mut u8, len: usize) -> isize',
        message: 'new exported function fsg_read',
      }),
      change({
        rule: 'function-parameter-renamed',
        severity: 'non-abi',
        before: 'extern "C" fn fsg_open(flags: u32) -> i32',
        after: 'extern "C" fn fsg_open(mode: u32) -> i32',
        message: 'parameter 1 renamed from flags to mode',
      }),
      change({
        rule: 'unresolved-macro',
        severity: 'potentially-breaking',
        kind: 'unknown',
        name: 'some_crate::export_all!',
        symbol: undefined,
        file: 'src/gen.rs',
        line: 3,
        before: null,
        after: null,
        message: 'an invocation of some_crate::export_all! may export anything',
      }),
      change({
        rule: 'unresolved-export-site',
        severity: 'potentially-breaking',
        kind: 'unknown',
        name: 'export_name',
        symbol: undefined,
        file: 'src/odd.rs',
        line: 0,
        before: null,
        after: null,
        message: 'an export_name the engine cannot evaluate',
      }),
    ],
    findings: [
      finding(),
      finding({ rule: 'missing-safety-doc', level: 'medium', message: 'no # Safety section' }),
      finding({ rule: 'untested-export', level: 'low', message: 'no test calls fsg_read' }),
    ],
    diagnostics: [
      {
        level: 'warning',
        code: 'unexpanded-macro',
        message: 'macro not expanded',
        file: 'src/gen.rs',
        line: 3,
      },
      { level: 'error', code: 'syntax-error', message: 'cannot parse' },
    ],
  };
}

function results(log: SarifLog) {
  return log.runs[0].results;
}

function printOf(log: SarifLog, i: number): string {
  return results(log)[i].partialFingerprints[FINGERPRINT_KEY];
}

describe('renderSarif', () => {
  let gfm: Gfm;
  beforeAll(() => {
    gfm = startGfm();
  });
  afterAll(() => gfm.close());

  test('a report with every severity, unresolved entries and findings validates against SARIF 2.1.0', () => {
    const log = renderSarif(fullReport(), { docsUrl: 'https://github.com/o/ffi-surface-guard#readme' });
    expectValid(log);
    expectValid(JSON.parse(renderSarifJson(fullReport())));
    expectValid(renderSarif(emptyReport()));
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('ffi-surface-guard');
    expect(driver.version).toBe(TOOL_VERSION);
    expect(driver.informationUri).toBe('https://github.com/o/ffi-surface-guard');
    expect(driver.rules.map((r) => r.id)).toEqual([
      ...CHANGE_RULES.map((r) => r.id),
      ...FINDING_RULES.map((r) => r.id),
    ]);
    // change and finding rule ids are distinct, so ruleId → ruleIndex is unambiguous
    expect(new Set(driver.rules.map((r) => r.id)).size).toBe(driver.rules.length);
    expect(results(log).map((r) => [r.ruleId, r.level])).toEqual([
      ['function-removed', 'error'],
      ['const-value-changed', 'warning'],
      ['function-added', 'note'],
      ['function-parameter-renamed', 'note'],
      ['unresolved-macro', 'warning'],
      ['unresolved-export-site', 'warning'],
      ['raw-pointer-param', 'error'],
      ['missing-safety-doc', 'warning'],
      ['untested-export', 'note'],
    ]);
    for (const r of results(log)) {
      expect(driver.rules[r.ruleIndex as number].id).toBe(r.ruleId);
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.region?.startLine).toBeGreaterThanOrEqual(1);
    }
    // line 0 (unknown) becomes 1
    expect(results(log)[5].locations[0].physicalLocation.region?.startLine).toBe(1);
    const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notifications.map((n) => n.descriptor?.id)).toEqual(['unexpanded-macro', 'syntax-error']);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  test('rules carry descriptions, help, levels, tags, security-severity and README anchors', () => {
    const log = renderSarif(emptyReport(), { docsUrl: 'https://github.com/o/r/blob/v1/README.md' });
    const rules = log.runs[0].tool.driver.rules;
    const byId = new Map(rules.map((r) => [r.id, r]));
    const removed = byId.get('function-removed')!;
    expect(removed.helpUri).toBe('https://github.com/o/r/blob/v1/README.md#rule-function-removed');
    expect(removed.defaultConfiguration.level).toBe('error');
    expect(removed.help.markdown).toContain('**Example:**');
    expect(removed.properties.tags).toEqual(['ffi', 'abi', 'breaking']);
    expect(removed.properties['security-severity']).toBeUndefined();
    expect(byId.get('const-removed')!.defaultConfiguration.level).toBe('warning');
    expect(byId.get('function-added')!.defaultConfiguration.level).toBe('note');
    for (const r of FINDING_RULES) {
      const s = byId.get(r.id)!;
      expect(s.defaultConfiguration.level).toBe({ high: 'error', medium: 'warning', low: 'note' }[r.level]);
      expect(s.properties['security-severity']).toBe({ high: '8.0', medium: '5.0', low: '2.0' }[r.level]);
      expect(s.properties.tags).toContain('security');
      expect(s.help.text).toContain(r.checklist);
    }
    // every rule's anchor exists in the README
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const r of rules) expect(readme).toContain(`<a id="rule-${r.id}"></a>`);
    // without a documentation URL, no helpUri (never a made-up one)
    expect(renderSarif(emptyReport()).runs[0].tool.driver.rules[0].helpUri).toBeUndefined();
    expect(
      renderSarif(emptyReport(), { docsUrl: 'javascript:alert(1)' }).runs[0].tool.driver.rules[0].helpUri,
    ).toBe(undefined);
  });

  test('fingerprints are stable when only lines change and differ when the symbol changes', () => {
    const base = fullReport();
    const moved: DiffReport = {
      ...base,
      changes: base.changes.map((c) => ({ ...c, line: c.line + 7 })),
      findings: base.findings.map((f) => ({ ...f, line: f.line + 7 })),
    };
    const a = renderSarif(base);
    const b = renderSarif(moved);
    for (let i = 0; i < results(a).length; i++) expect(printOf(b, i)).toBe(printOf(a, i));
    expect(new Set(results(a).map((_, i) => printOf(a, i))).size).toBe(results(a).length);

    const renamed = renderSarif({
      ...base,
      changes: [change({ symbol: 'fsg_open2', name: 'fsg_open2' })],
      findings: [finding({ symbol: 'fsg_write' })],
    });
    expect(printOf(renamed, 0)).not.toBe(printOf(a, 0));
    expect(printOf(renamed, 1)).not.toBe(printOf(a, 6));
    // positions inside a message are not part of it either
    expect(lineFree('defined at src/lib.rs:12 and line 40')).toBe(
      lineFree('defined at src/lib.rs:99 and line 3'),
    );
    // two equal results stay two alerts
    const twice = renderSarif({ ...emptyReport(), changes: [change({ line: 1 }), change({ line: 9 })] });
    expect(printOf(twice, 0)).not.toBe(printOf(twice, 1));
  });

  test('hostile names stay escaped in markdown and harmless in text', async () => {
    const hostile =
      'evil<img src=x onerror=alert(1)>`code` @octocat #12 <!-- ffi-surface-guard -->\nline2 [x](1)\u202e';
    const log = renderSarif({
      ...emptyReport(),
      changes: [
        change({
          name: hostile,
          symbol: hostile,
          crate: hostile,
          file: 'src/we ird#.rs',
          message: `function \`${hostile}\` was removed ${hostile}`,
        }),
      ],
      findings: [finding({ symbol: hostile, name: hostile, message: hostile })],
    });
    expectValid(log);
    for (const r of results(log)) {
      const md = r.message.markdown as string;
      // what GitHub renders: no foreign HTML, no mention, no issue reference, no link, no new block
      const html = await gfm.toHtml(md);
      expect(foreignTags(html)).toEqual([]);
      expect(html).not.toContain('<a ');
      expect(textOutsideCode(html)).not.toMatch(/@\w/);
      expect(textOutsideCode(html)).not.toMatch(/#\d/);
      expect(md).not.toContain('<!--');
      expect(md).not.toMatch(/\nline2/);
      expect(md).not.toContain('\u202e');
      const text = r.message.text;
      expect(text).not.toContain('\u202e');
      expect(text).toContain('\\u{a}line2');
      // no SARIF embedded link
      expect(text).not.toMatch(/(^|[^\\])\[x\]\(1\)/);
    }
    expect(results(log)[0].locations[0].physicalLocation.artifactLocation.uri).toBe('src/we%20ird%23.rs');
    expect(sarifText('a [b](2) c')).toBe('a \\[b\\](2) c');
    expect(sarifText('#[cfg(test)] code')).toBe('#[cfg(test)] code');
  });

  test('output is bounded, with a notification saying how many results were left out', () => {
    const many: DiffReport = {
      ...emptyReport(),
      changes: Array.from({ length: 30 }, (_, i) => change({ name: `f${i}`, symbol: `f${i}` })),
      findings: Array.from({ length: 5 }, (_, i) => finding({ symbol: `g${i}` })),
    };
    const log = renderSarif(many, { maxResults: 10 });
    expectValid(log);
    expect(results(log)).toHaveLength(10);
    const [note] = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(note.descriptor?.id).toBe('results-truncated');
    expect(note.message.text).toMatch(/^25 of 35 /);
    expect(renderSarif(many).runs[0].results).toHaveLength(35);
  });

  test('a verified finding is not a result (no alert); a note and the run properties count it', () => {
    const open = finding({ rule: 'raw-pointer-param', level: 'high' });
    const verified: Finding = {
      ...finding({ rule: 'raw-pointer-param', level: 'high', symbol: 'fsg_other', name: 'fsg_other' }),
      status: 'verified',
      evidence: [{ file: 'src/lib.rs', line: 12, what: '`p` checked by `is_null()`' }],
    };
    const log = renderSarif({ ...emptyReport(), findings: [open, verified] });
    expectValid(log);
    expect(results(log).map((r) => r.message.text)).toEqual([expect.stringContaining(open.symbol)]);
    expect(log.runs[0].properties).toMatchObject({ findings: 1, verifiedFindings: 1 });
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes.map((n) => n.descriptor?.id)).toEqual(['verified-findings']);
    expect(notes[0].message.text).toMatch(/^1 finding is verified by the code/);
    // the open twin is reported
    expect(
      results(renderSarif({ ...emptyReport(), findings: [{ ...verified, status: 'open' }] })),
    ).toHaveLength(1);
  });

  test('any report, however hostile, renders to a valid log whose markdown opens no HTML, link or mention', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryReport, async (rep) => {
        const log = renderSarif(rep, { docsUrl: 'https://github.com/o/r#readme' });
        expectValid(JSON.parse(JSON.stringify(log)));
        // a verified finding is no problem: not a result
        expect(results(log)).toHaveLength(
          rep.changes.length + rep.findings.filter((f) => f.status !== 'verified').length,
        );
        for (const r of results(log)) {
          expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}(:\d+)?$/);
          const html = await gfm.toHtml(r.message.markdown as string);
          expect(foreignTags(html)).toEqual([]);
          expect(html).not.toContain('<a ');
          expect(textOutsideCode(html)).not.toMatch(/@\w/);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('uriPrefix makes paths repository-relative', () => {
    const log = renderSarif({ ...emptyReport(), changes: [change()] }, { uriPrefix: 'rust/ffi/' });
    expect(results(log)[0].locations[0].physicalLocation.artifactLocation.uri).toBe('rust/ffi/src/lib.rs');
  });
});

describe('diff --format sarif', () => {
  let h: History;
  let out: string;
  beforeAll(() => {
    h = makeHistory();
    out = tempDir('fsg-sarif-');
  });
  afterAll(() => {
    h.repo.remove();
    removeDir(out);
  });

  test('prints a valid SARIF log of the changes', async () => {
    const r = await run(['diff', '--root', h.repo.dir, '--base', h.c1, '--head', h.c3, '--format', 'sarif']);
    expect(r.error).toBeUndefined();
    expect(r.exitCode).toBe(0);
    const log = JSON.parse(r.stdout) as SarifLog;
    expectValid(log);
    const ids = results(log).map((x) => x.ruleId);
    expect(ids).toContain('function-added');
    expect(ids.some((id) => id.startsWith('function-param'))).toBe(true);
    for (const x of results(log))
      expect(x.locations[0].physicalLocation.artifactLocation.uri).toBe('src/lib.rs');
  });

  test('--output writes it to a file', async () => {
    const file = path.join(out, 'nested', 'ffi.sarif');
    const r = await run([
      'diff',
      '--root',
      h.repo.dir,
      `${h.c1}..${h.c2}`,
      '--format',
      'sarif',
      '--output',
      file,
    ]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    const log = JSON.parse(fs.readFileSync(file, 'utf8')) as SarifLog;
    expectValid(log);
    expect(results(log).map((x) => x.ruleId)).toContain('function-added');
  });

  test('paths are relative to the repository when --root is a subdirectory', async () => {
    const m = makeMonorepo();
    try {
      const r = await run([
        'diff',
        '--root',
        path.join(m.repo.dir, 'rust', 'ffi'),
        `${m.m1}..${m.m2}`,
        '--format',
        'sarif',
      ]);
      expect(r.exitCode).toBe(0);
      const log = JSON.parse(r.stdout) as SarifLog;
      expectValid(log);
      const uris = results(log).map((x) => x.locations[0].physicalLocation.artifactLocation.uri);
      expect(uris).toContain('rust/ffi/src/api.rs');
    } finally {
      m.repo.remove();
    }
  });

  test('release-check --format sarif prints SARIF and keeps its exit code', async () => {
    const r = await run(['release-check', '--root', h.repo.dir, `${h.c2}..${h.c3}`, '--format', 'sarif']);
    expect(r.exitCode).toBe(1);
    expectValid(JSON.parse(r.stdout));
  });
});
