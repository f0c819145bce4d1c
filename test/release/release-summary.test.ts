import fc from 'fast-check';
import type { Change, DiffReport, Severity } from '../../src/core/report';
import {
  renderReleaseSummaryMarkdown,
  summarizeRelease,
  type ReleaseSummary,
} from '../../src/core/release/release-summary';
import { diffLib, H } from '../diff/helpers';
import { change as changeArb, hostile } from '../render/arbitraries';
import { emptyReport } from '../render/fixtures';
import { startGfm, type Gfm } from '../render/gfm';
import { cellCounts, count, foreignTags, markdownTables, tagsOf, textOutsideCode } from '../render/html';

let gfm: Gfm;
beforeAll(() => {
  gfm = startGfm();
});
afterAll(async () => {
  await gfm.close();
});

const RULE: Record<Severity, string> = {
  breaking: 'function-removed',
  'source-breaking': 'c-declaration-changed',
  'potentially-breaking': 'const-value-changed',
  addition: 'function-added',
  'non-abi': 'function-parameter-renamed',
};

function change(severity: Severity, name = `${severity}_item`, crate = 'foo'): Change {
  return {
    rule: RULE[severity],
    severity,
    kind: 'function',
    name,
    symbol: name,
    crate,
    file: 'src/lib.rs',
    line: 1,
    before: severity === 'addition' ? null : `extern "C" fn ${name}()`,
    after: severity === 'breaking' ? null : `extern "C" fn ${name}()`,
    message: `${severity} change of ${name}`,
  };
}

function report(changes: Change[], crates: DiffReport['crates']): DiffReport {
  return { ...emptyReport(), changes, crates };
}

function one(base: string | null, head: string | null, severities: Severity[]): DiffReport {
  return report(
    severities.map((s) => change(s)),
    [{ name: 'foo', baseVersion: base, headVersion: head }],
  );
}

function verdict(base: string, head: string, severities: Severity[]) {
  const s = summarizeRelease(one(base, head, severities), { previousTag: `v${base}`, tag: `v${head}` });
  expect(s.crates).toHaveLength(1);
  return { ok: s.ok, status: s.crates[0].status, required: s.crates[0].requiredBump, s };
}

describe('summarizeRelease: 1.x', () => {
  it.each<[string, string, Severity[], boolean]>([
    ['1.2.0', '1.2.1', ['non-abi'], true],
    ['1.2.0', '1.2.1', ['addition'], false],
    ['1.2.0', '1.3.0', ['addition'], true],
    ['1.2.0', '1.3.0', ['breaking'], false],
    ['1.2.0', '2.0.0', ['breaking', 'addition'], true],
    ['1.2.0', '1.3.0', ['potentially-breaking'], false],
    ['1.2.0', '1.2.0', ['non-abi'], false],
    ['1.2.0', '1.1.0', ['non-abi'], false],
    ['1.2.0', '2.0.0-rc.1', ['breaking'], true],
  ])('%s → %s with %j: covered %s', (base, head, severities, ok) => {
    const v = verdict(base, head, severities);
    expect(v.ok).toBe(ok);
    expect(v.status).toBe(ok ? 'covered' : 'not-covered');
  });

  it('names the changes that drive a failing requirement, and only those', () => {
    const { s } = verdict('1.2.0', '1.2.1', ['addition', 'non-abi', 'breaking']);
    expect(s.ok).toBe(false);
    expect(s.requiredBump).toBe('major');
    expect(s.crates[0].drivers.map((c) => c.severity).sort()).toEqual(['addition', 'breaking']);
    const minor = verdict('1.2.0', '1.3.0', ['addition', 'non-abi', 'breaking']).s;
    expect(minor.crates[0].drivers.map((c) => c.severity)).toEqual(['breaking']);
  });

  it('lets potentially-breaking changes need only a minor bump when configured', () => {
    const s = summarizeRelease(one('1.2.0', '1.3.0', ['potentially-breaking']), {
      previousTag: 'v1.2.0',
      potentiallyBreakingBump: 'minor',
    });
    expect(s.ok).toBe(true);
    expect(s.requiredBump).toBe('minor');
  });
});

describe('summarizeRelease: 0.x (Cargo shifts the positions)', () => {
  it.each<[string, string, Severity[], boolean]>([
    ['0.3.0', '0.3.1', ['addition'], true], // a minor change is covered by bumping z
    ['0.3.0', '0.3.1', ['breaking'], false], // a major change needs y
    ['0.3.0', '0.4.0', ['breaking'], true],
    ['0.3.0', '0.3.1', ['potentially-breaking'], false],
    ['0.0.1', '0.0.2', ['breaking'], true], // 0.0.z: every release is breaking
    ['0.9.0', '1.0.0', ['breaking'], true],
    ['0.3.0', '0.3.0', ['addition'], false],
  ])('%s → %s with %j: covered %s', (base, head, severities, ok) => {
    expect(verdict(base, head, severities).ok).toBe(ok);
  });
});

describe('summarizeRelease: first releases and special cases', () => {
  it('passes with a notice when there is no previous tag, whatever the versions say', () => {
    const r = report(
      [change('addition'), change('breaking', 'x', 'bar')],
      [
        { name: 'bar', baseVersion: '1.0.0', headVersion: '1.0.0' },
        { name: 'foo', baseVersion: null, headVersion: '0.1.0' },
      ],
    );
    const s = summarizeRelease(r, { previousTag: null, tag: 'v0.1.0' });
    expect(s.ok).toBe(true);
    expect(s.requiredBump).toBe('none');
    expect(s.crates.map((c) => [c.name, c.status, c.baseVersion])).toEqual([
      ['bar', 'first-release', null],
      ['foo', 'first-release', null],
    ]);
    expect(s.notices).toEqual([
      {
        level: 'notice',
        message:
          'No previous release tag before v0.1.0: the whole FFI surface is treated as an addition and nothing is gated.',
      },
    ]);
  });

  it('treats a crate new since the previous tag as its first release', () => {
    const r = report(
      [change('addition', 'a', 'newcrate'), change('addition', 'b', 'old')],
      [
        { name: 'newcrate', baseVersion: null, headVersion: '0.1.0' },
        { name: 'old', baseVersion: '1.0.0', headVersion: '1.0.1' },
      ],
    );
    const s = summarizeRelease(r, { previousTag: 'v1.0.0' });
    expect(s.crates.map((c) => [c.name, c.status])).toEqual([
      ['newcrate', 'first-release'],
      ['old', 'not-covered'],
    ]);
    expect(s.ok).toBe(false);
    expect(s.notices.map((n) => n.message)).toEqual([
      'First release of newcrate (0.1.0): its whole FFI surface is new.',
    ]);
  });

  it('passes an unchanged crate whatever its version did', () => {
    const r = report([], [{ name: 'foo', baseVersion: '1.2.0', headVersion: '1.0.0' }]);
    const s = summarizeRelease(r, { previousTag: 'v1.2.0' });
    expect(s.ok).toBe(true);
    expect(s.crates[0]).toMatchObject({ status: 'unchanged', covered: true, reason: 'no surface change' });
  });

  it('fails a version that went backwards, naming every change', () => {
    const v = verdict('1.2.0', '1.1.0', ['non-abi', 'addition']);
    expect(v.s.crates[0].actualBump).toBe('backwards');
    expect(v.s.crates[0].drivers).toHaveLength(2);
  });

  it('warns about a crate gone from the workspace', () => {
    const s = summarizeRelease(one('1.0.0', null, ['breaking']), { previousTag: 'v1.0.0' });
    expect(s.crates[0].status).toBe('removed');
    expect(s.ok).toBe(true);
    expect(s.notices).toEqual([
      {
        level: 'warning',
        message: 'Crate foo is no longer in the workspace: consumers lose its whole FFI surface.',
      },
    ]);
  });

  it('fails closed on changes that belong to no crate', () => {
    const r = report(
      [{ ...change('potentially-breaking', 'm!'), crate: '', kind: 'unknown', rule: 'unresolved-macro' }],
      [{ name: 'foo', baseVersion: '1.0.0', headVersion: '2.0.0' }],
    );
    const s = summarizeRelease(r, { previousTag: 'v1.0.0' });
    expect(s.ok).toBe(false);
    expect(s.unattributed).toHaveLength(1);
    expect(s.requiredBump).toBe('major');
    expect(s.notices[0].level).toBe('error');
    // with no previous release nothing is gated
    const first = summarizeRelease(r, { previousTag: null });
    expect(first.ok).toBe(true);
    expect(first.notices.map((n) => n.level)).toEqual(['notice', 'notice']);
  });

  it('checks only the crates a per-crate tag releases, and fails when one is missing', () => {
    const r = report(
      [change('breaking', 'a', 'foo'), change('breaking', 'b', 'bar')],
      [
        { name: 'bar', baseVersion: '1.0.0', headVersion: '1.0.0' },
        { name: 'foo', baseVersion: '0.3.0', headVersion: '0.4.0' },
      ],
    );
    const foo = summarizeRelease(r, { previousTag: 'foo-v0.3.0', tag: 'foo-v0.4.0', crates: ['foo'] });
    expect(foo.ok).toBe(true);
    expect(foo.crates.map((c) => c.name)).toEqual(['foo']);
    const baz = summarizeRelease(r, { previousTag: 'baz-v0.3.0', crates: ['baz'] });
    expect(baz.ok).toBe(false);
    expect(baz.notices.map((n) => n.level)).toEqual(['error']);
  });

  it('warns when no released crate has the version the tag names', () => {
    const r = one('1.0.0', '1.1.0', ['addition']);
    expect(summarizeRelease(r, { previousTag: 'v1.0.0', tagVersion: '1.1.0' }).notices).toEqual([]);
    const s = summarizeRelease(r, { previousTag: 'v1.0.0', tagVersion: '1.2.0' });
    expect(s.ok).toBe(true);
    expect(s.notices.map((n) => n.level)).toEqual(['warning']);
    expect(s.notices[0].message).toContain('foo 1.1.0');
  });

  it('warns when the analysis had errors', () => {
    const r: DiffReport = {
      ...one('1.0.0', '1.1.0', ['addition']),
      diagnostics: [{ level: 'error', code: 'syntax-error', message: 'x', file: 'src/lib.rs', line: 1 }],
    };
    expect(summarizeRelease(r, { previousTag: 'v1.0.0' }).notices).toEqual([
      { level: 'warning', message: '1 error during analysis: the surface may be incomplete.' },
    ]);
  });

  it('works on a report from the diff engine', async () => {
    const before = `${H}#[no_mangle] pub extern "C" fn a() {}\n`;
    const after = `${H}#[no_mangle] pub extern "C" fn a() {}\n#[no_mangle] pub extern "C" fn b() {}\n`;
    const r = await diffLib(before, after); // the demo crate stays at 1.0.0
    const s = summarizeRelease(r, { previousTag: 'v1.0.0', tag: 'v1.0.0' });
    expect(s.ok).toBe(false);
    expect(s.crates[0]).toMatchObject({ name: 'demo', requiredBump: 'minor', actualBump: 'none' });
    expect(s.crates[0].drivers.map((c) => c.symbol)).toEqual(['b']);
  });
});

/** Structure and safety of a rendered summary. */
async function check(md: string, s: ReleaseSummary): Promise<string> {
  expect(count(md, '<!--')).toBe(0);
  for (const table of markdownTables(md)) {
    const want = cellCounts(table[0]).github;
    expect(want).toBe(6);
    for (const row of table) expect(cellCounts(row)).toEqual({ github: want, micromark: want });
  }
  const html = await gfm.toHtml(md);
  expect(foreignTags(html)).toEqual([]);
  expect(count(html, '<!--')).toBe(0);
  expect(textOutsideCode(html)).not.toMatch(/@\w/);
  expect(textOutsideCode(html)).not.toMatch(/#\d/);
  const tags = tagsOf(html).filter((t) => !t.closing);
  const n = (name: string) => tags.filter((t) => t.name === name).length;
  expect(n('h2')).toBe(1);
  expect(n('tr')).toBe(s.crates.length ? s.crates.length + 1 : 0);
  const gated = s.unattributed.length > 0 && s.previousTag !== null;
  expect(n('h3')).toBe(s.crates.filter((c) => !c.covered).length + (gated ? 1 : 0));
  return html;
}

describe('renderReleaseSummaryMarkdown', () => {
  it('renders the verdict, the table and the changes driving a failure', async () => {
    const r = report(
      [change('addition', 'added_fn'), change('non-abi', 'renamed_param'), change('breaking', 'y', 'bar')],
      [
        { name: 'bar', baseVersion: '1.0.0', headVersion: '2.0.0' },
        { name: 'foo', baseVersion: '1.2.0', headVersion: '1.2.1' },
        { name: 'same', baseVersion: '0.1.0', headVersion: '0.1.0' },
      ],
    );
    const s = summarizeRelease(r, { previousTag: 'v1.2.0', tag: 'v1.2.1' });
    const md = renderReleaseSummaryMarkdown(s);
    expect(md).toBe(
      [
        '## FFI surface release check',
        '',
        '❌ **Release `v1.2.1` fails:** 1 of 3 crates need a larger version bump (compared with `v1.2.0`).',
        '',
        '| Crate | Previous | New | Required | Actual | Verdict |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `bar` | `1.0.0` | `2.0.0` | major | major | ✅ covered |',
        '| `foo` | `1.2.0` | `1.2.1` | minor | patch | ❌ not covered |',
        '| `same` | `0.1.0` | `0.1.0` | none | none | ✅ unchanged |',
        '',
        '### ❌ `foo`: `1.2.0` → `1.2.1` needs a minor bump',
        '',
        '1.2.0 → 1.2.1 is a patch bump, but the surface change needs minor',
        '',
        '- *Addition:* `added_fn`: addition change of added\\_fn — `extern "C" fn added_fn()`',
        '',
      ].join('\n'),
    );
    await check(md, s);
  });

  it('renders a pass with its notices', async () => {
    const s = summarizeRelease(one(null, '0.1.0', ['addition']), { previousTag: null, tag: 'v0.1.0' });
    const md = renderReleaseSummaryMarkdown(s);
    expect(md).toContain('✅ **Release `v0.1.0` passes:**');
    expect(md).toContain('- ℹ️ No previous release tag before v0.1.0');
    expect(md).toContain('| `foo` | — | `0.1.0` | minor | new | 🆕 first release |');
    await check(md, s);
  });

  it('keeps hostile crate names, versions, tags and changes inert (property)', async () => {
    const crate = fc.record({
      name: fc.oneof(fc.constantFrom('foo', 'bar'), hostile),
      baseVersion: fc.option(fc.oneof(fc.constantFrom('1.0.0', '0.3.0'), hostile), { nil: null }),
      headVersion: fc.option(fc.oneof(fc.constantFrom('1.1.0', '2.0.0', '0.3.1'), hostile), { nil: null }),
    });
    const arb = fc.record({
      crates: fc.uniqueArray(crate, { maxLength: 4, selector: (c) => c.name }),
      changes: fc.array(changeArb, { maxLength: 6 }),
      tag: fc.option(hostile, { nil: null }),
      previousTag: fc.option(hostile, { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ crates, changes, tag, previousTag }) => {
        // point some changes at the crates so that verdicts have drivers
        const pointed = changes.map((c, i) => (crates.length && i % 2 ? { ...c, crate: crates[0].name } : c));
        const s = summarizeRelease(report(pointed, crates), { tag, previousTag });
        const md = renderReleaseSummaryMarkdown(s);
        expect(md).toBe(renderReleaseSummaryMarkdown(s));
        await check(md, s);
      }),
      { numRuns: 300 },
    );
  });
});
