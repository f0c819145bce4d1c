import fc from 'fast-check';
import type { DiffReport } from '../../src/core/report';
import { SEVERITIES } from '../../src/core/report';
import { reveal } from '../../src/core/render/escape-markdown';
import { renderMarkdown, type MarkdownOptions } from '../../src/core/render/report-markdown';
import { hostile, report as reportArb } from './arbitraries';
import { HEAD_SHA, MARKER, emptyReport, hugeReport, realisticReport } from './fixtures';
import { startGfm, type Gfm } from './gfm';
import {
  cellCounts,
  count,
  foreignTags,
  hrefsOf,
  markdownTables,
  tagsOf,
  textOf,
  textOutsideCode,
} from './html';

let gfm: Gfm;
beforeAll(() => {
  gfm = startGfm();
});
afterAll(async () => {
  await gfm.close();
});

const REPO = 'https://github.com/o/r';
const DOCS = 'https://github.com/acme/ffi-surface-guard#readme';
const SUMMARY = 'https://github.com/o/r/actions/runs/1';
const LINK_PREFIXES = [`${REPO}/blob/`, 'https://github.com/acme/ffi-surface-guard#rule-', SUMMARY];

/** Structural and safety checks on one rendering; `detail` when the report was not degraded. */
async function check(md: string, r: DiffReport, options: MarkdownOptions, detail: boolean): Promise<void> {
  expect(md.length).toBeLessThanOrEqual(options.maxChars ?? 60000);
  // the marker: exactly once, first, and only when given; no other comment can start
  const markers = options.marker ? 1 : 0;
  expect(count(md, '<!--')).toBe(markers);
  expect(count(md, '<!-- ffi-surface-guard')).toBe(markers);
  if (options.marker) expect(md.startsWith(options.marker + '\n')).toBe(true);

  // every table row splits into as many cells as the header, for GitHub and micromark alike
  for (const table of markdownTables(md)) {
    const want = cellCounts(table[0]).github;
    for (const row of table) expect(cellCounts(row)).toEqual({ github: want, micromark: want });
  }

  const html = await gfm.toHtml(md);
  expect(foreignTags(html)).toEqual([]);
  expect(html.toLowerCase()).not.toContain('<img');
  expect(count(html, '<!--')).toBe(markers);
  for (const href of hrefsOf(html)) {
    expect(href.toLowerCase()).not.toContain('javascript:');
    expect(LINK_PREFIXES.some((p) => href.startsWith(p))).toBe(true);
  }
  expect(textOutsideCode(html)).not.toMatch(/@\w/);
  expect(textOutsideCode(html)).not.toMatch(/#\d/);
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    const cells = rows.map((row) => (row.match(/<t[hd][ >]/g) ?? []).length);
    expect(new Set(cells).size).toBe(1);
  }
  const tags = tagsOf(html).filter((t) => !t.closing);
  const n = (name: string) => tags.filter((t) => t.name === name).length;
  expect(n('h2')).toBe(1);
  expect(n('details')).toBe(n('summary'));
  expect(n('details')).toBeLessThanOrEqual(1);
  if (!detail) return;

  // nothing forged, nothing lost: one checkbox per finding, one before/after line per signature,
  // one heading per severity and crate, per export, and every name is shown as it is
  expect(n('input')).toBe(r.findings.length);
  expect(count(html, '<li>before: ')).toBe(r.changes.filter((c) => c.before !== null).length);
  expect(count(html, '<li>after: ')).toBe(r.changes.filter((c) => c.after !== null).length);
  const severities = SEVERITIES.filter((s) => r.changes.some((c) => c.severity === s));
  expect(n('h3')).toBe(severities.length + (r.findings.length ? 1 : 0));
  const crateHeadings = severities
    .map((s) => new Set(r.changes.filter((c) => c.severity === s).map((c) => c.crate)).size)
    .reduce((a, b) => a + b, 0);
  const exports = new Set(r.findings.map((f) => `${f.crate}\u0000${f.symbol}`)).size;
  expect(n('h4')).toBe(crateHeadings + exports);
  expect(n('blockquote')).toBe(r.findings.length ? 1 : 0);
  expect(n('details')).toBe(r.diagnostics.length ? 1 : 0);
  const text = textOf(html).replace(/\u200d/g, '');
  const shown = (s: string, max: number) => {
    const v = reveal(s, max);
    return v.text + (v.truncated ? '…' : '');
  };
  // messages and checklists mark code with backtick pairs: each part shows on its own
  const expectRich = (s: string) => {
    const parts = s.split('`');
    if (parts.length === 1 || parts.length % 2 === 0) return expect(text).toContain(shown(s, 1000).trim());
    for (const p of parts) if (p.trim()) expect(text).toContain(shown(p, 1000).trim());
  };
  for (const c of r.changes) {
    if (c.name) expect(text).toContain(shown(c.name, 200));
    if (c.symbol) expect(text).toContain(shown(c.symbol, 200));
    if (c.crate) expect(text).toContain(shown(c.crate, 200));
    if (c.before) expect(text).toContain(shown(c.before, 1000));
    expectRich(c.message);
  }
  for (const f of r.findings) {
    if (f.symbol) expect(text).toContain(shown(f.symbol, 200));
    expectRich(f.checklist);
  }
}

const options: fc.Arbitrary<MarkdownOptions> = fc.record(
  {
    repoUrl: fc.constantFrom(REPO, 'javascript:alert(1)'),
    headSha: fc.constantFrom(HEAD_SHA, 'not-a-sha'),
    marker: fc.constant(MARKER),
    approval: fc.record({ state: hostile, lines: fc.array(hostile, { maxLength: 3 }) }),
    summaryUrl: fc.constantFrom(SUMMARY, 'javascript:alert(1)'),
    docsUrl: fc.constant(DOCS),
  },
  { requiredKeys: [] },
);

describe('renderMarkdown', () => {
  it('keeps hostile names inert in every position (property)', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, options, async (r, o) => {
        const md = renderMarkdown(r, o);
        expect(md).toBe(renderMarkdown(r, o));
        await check(md, r, o, true);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps hostile names inert when the report is degraded to fit (property)', async () => {
    const many = fc.record({
      r: reportArb,
      copies: fc.integer({ min: 20, max: 60 }),
    });
    await fc.assert(
      fc.asyncProperty(many, options, async ({ r, copies }, o) => {
        const big: DiffReport = {
          ...r,
          changes: Array.from({ length: copies }, () => r.changes).flat(),
          findings: Array.from({ length: copies }, () => r.findings).flat(),
        };
        const opts = { ...o, maxChars: 4000 };
        const md = renderMarkdown(big, opts);
        await check(md, big, opts, false);
      }),
      { numRuns: 100 },
    );
  });

  it('fits 5,000 changes and 5,000 findings into maxChars and says it was truncated', async () => {
    const r = hugeReport(5000);
    for (const maxChars of [60000, 20000, 1000]) {
      const o = { marker: MARKER, repoUrl: REPO, headSha: HEAD_SHA, summaryUrl: SUMMARY, maxChars };
      const md = renderMarkdown(r, o);
      expect(md.length).toBeLessThanOrEqual(maxChars);
      const last = md.trimEnd().split('\n').pop() ?? '';
      expect(last).toMatch(/^⚠️ \*\*This report was truncated\*\*/);
      expect(last).toContain(`[the job summary](${SUMMARY})`);
      await check(md, r, o, false);
    }
  });

  it('degrades in steps: non-ABI detail, then changes, then findings', () => {
    const r = hugeReport(200);
    const full = renderMarkdown(r, { maxChars: 10_000_000 });
    expect(full).not.toContain('truncated');
    const sizes = [full.length];
    const outputs: string[] = [];
    for (const fraction of [0.9, 0.5, 0.2]) {
      const md = renderMarkdown(r, { maxChars: Math.floor(full.length * fraction) });
      outputs.push(md);
      sizes.push(md.length);
    }
    expect(outputs[0]).toContain('non-ABI change details left out');
    expect(outputs[0]).toContain('- [ ] ');
    expect(outputs[1]).toContain('changes shown as counts');
    expect(outputs[1]).toContain('### Changes by crate');
    expect(outputs[2]).toContain('findings shown as counts per export');
    expect(outputs[2]).toContain('| Export | Crate |');
    for (const md of outputs) expect(md.trimEnd().split('\n').pop()).toContain('the job summary.');
  });

  it('cuts table rows when the count tables alone are too long', async () => {
    const r = hugeReport(3000, (i) => `${'x'.repeat(150)}_${i}`);
    const o = { maxChars: 30000 };
    const md = renderMarkdown(r, o);
    expect(md.length).toBeLessThanOrEqual(30000);
    expect(md).toContain('table rows cut');
    expect(md).toMatch(/… and \d+ more exports\./);
    await check(md, r, o, false);
  });

  it('says there is nothing to review when the surface did not change', () => {
    const md = renderMarkdown(emptyReport(), { marker: MARKER });
    expect(md).toContain('No change to the FFI surface');
    expect(md).not.toContain('Review checklist');
  });

  it('links locations to the head commit, removals to the base commit', () => {
    const md = renderMarkdown(realisticReport(), { repoUrl: REPO, headSha: HEAD_SHA });
    expect(md).toContain(`(${REPO}/blob/${HEAD_SHA}/src/ffi/decode.rs#L20)`);
    expect(md).toContain(`(${REPO}/blob/${realisticReport().base.rev}/src/ffi/decode.rs#L88)`);
  });

  it('does not link paths that leave the repository', () => {
    const r = realisticReport();
    r.findings[0].file = '../../../../attacker/repo';
    const md = renderMarkdown(r, { repoUrl: REPO, headSha: HEAD_SHA });
    expect(md).not.toContain(`${HEAD_SHA}/..`);
    expect(md).toContain(' · ../../../../attacker/repo:20\n');
  });

  it('rejects a marker that is not one hidden ffi-surface-guard comment', () => {
    for (const marker of [
      '<!-- other -->',
      '<!-- ffi-surface-guard -->\n# x',
      '<!-- ffi-surface-guard --> x -->',
    ])
      expect(() => renderMarkdown(emptyReport(), { marker })).toThrow(/marker/);
    expect(() => renderMarkdown(emptyReport(), { maxChars: 10 })).toThrow(RangeError);
  });

  it('renders a realistic report', () => {
    const md = renderMarkdown(realisticReport(), {
      marker: MARKER,
      repoUrl: REPO,
      headSha: HEAD_SHA,
      docsUrl: DOCS,
      summaryUrl: SUMMARY,
      approval: {
        state: 'Awaiting review: the FFI surface changed and no approval covers delta sha256:5e1f0c3d9a7b',
        lines: ['Who may approve: @acme/security, @alice (not the PR author)'],
      },
    });
    expect(md).toMatchSnapshot();
  });
});
