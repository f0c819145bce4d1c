import fc from 'fast-check';
import type { DiffReport, Finding } from '../../src/core/report';
import { inlineCode, reveal, richText } from '../../src/core/render/escape-markdown';
import { FULL_REPORT, renderMarkdown, type MarkdownOptions } from '../../src/core/render/report-markdown';
import { hostile, report as reportArb } from './arbitraries';
import { HEAD_SHA, MARKER, emptyReport, generatedChange, hugeReport, realisticReport } from './fixtures';
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

/** The displayed form of an untrusted string, as the renderer cuts it. */
const shown = (s: string, max: number) => {
  const v = reveal(s, max);
  return v.text + (v.truncated ? '…' : '');
};

const isOpen = (f: Finding) => f.status !== 'verified';

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
  const closing = (name: string) => tagsOf(html).filter((t) => t.closing && t.name === name).length;
  expect(n('h2')).toBe(1);
  // every <details> has its summary and is closed: nothing from the source opened or closed one
  expect(n('details')).toBe(n('summary'));
  expect(closing('details')).toBe(n('details'));
  expect(closing('summary')).toBe(n('summary'));
  // a checkbox is only ever an open finding's
  const open = r.findings.filter(isOpen);
  expect(n('input')).toBeLessThanOrEqual(open.length);
  if (!detail) return;

  // nothing forged, nothing lost: one checkbox per open finding, one <details> per export with
  // open findings (plus the verified list and the diagnostics), and every name shown as it is
  expect(n('input')).toBe(open.length);
  const verified = r.findings.filter((f) => !isOpen(f));
  const openExports = new Set(open.map((f) => `${f.crate}\u0000${f.symbol}`)).size;
  expect(n('details')).toBe(openExports + (verified.length ? 1 : 0) + (r.diagnostics.length ? 1 : 0));
  expect(n('h3')).toBe((r.changes.length ? 1 : 0) + (open.length ? 1 : 0));
  expect(n('blockquote')).toBe(open.length ? 1 : 0);
  const text = textOf(html).replace(/\u200d/g, '');
  // messages and checklists mark code with backtick pairs: each part shows on its own
  const expectRich = (s: string, max = 1000) => {
    const parts = s.split('`');
    if (parts.length === 1 || parts.length % 2 === 0) return expect(text).toContain(shown(s, max).trim());
    for (const p of parts) if (p.trim()) expect(text).toContain(shown(p, max).trim());
  };
  for (const c of r.changes) {
    if (c.name) expect(text).toContain(shown(c.name, 200));
    if (c.symbol) expect(text).toContain(shown(c.symbol, 200));
    if (c.crate && new Set(r.changes.map((x) => x.crate)).size > 1)
      expect(text).toContain(shown(c.crate, 200));
    if (c.before) expect(text).toContain(shown(c.before, 1000));
    if (c.after) expect(text).toContain(shown(c.after, 1000));
    expectRich(c.message);
  }
  const summaries = (html.match(/<summary>[\s\S]*?<\/summary>/g) ?? []).map((x) =>
    textOf(x).replace(/\u200d/g, ''),
  );
  for (const f of open) {
    // the export is named in its <details>' summary, the checklist in the legend or the item
    if (f.symbol) expect(summaries.some((x) => x.includes(shown(f.symbol, 200)))).toBe(true);
    expectRich(f.message);
    expectRich(f.checklist);
  }
  for (const f of verified) {
    if (f.symbol) expect(text).toContain(shown(f.symbol, 200));
    for (const e of (f.evidence ?? []).slice(0, 3)) expectRich(e.what, 300);
  }
}

const options: fc.Arbitrary<MarkdownOptions> = fc.record(
  {
    repoUrl: fc.constantFrom(REPO, 'javascript:alert(1)'),
    headSha: fc.constantFrom(HEAD_SHA, 'not-a-sha'),
    marker: fc.constant(MARKER),
    approval: fc.record(
      {
        state: hostile,
        lines: fc.array(hostile, { maxLength: 3 }),
        policy: fc.record({ needed: fc.boolean(), summary: hostile }),
      },
      { requiredKeys: ['state', 'lines'] },
    ),
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

  it('fits 5,000 changes and 5,000 findings into maxChars and says it was shortened', async () => {
    const r = hugeReport(5000);
    for (const maxChars of [60000, 20000, 1000]) {
      const o = { marker: MARKER, repoUrl: REPO, headSha: HEAD_SHA, summaryUrl: SUMMARY, maxChars };
      const md = renderMarkdown(r, o);
      expect(md.length).toBeLessThanOrEqual(maxChars);
      const last = md.trimEnd().split('\n').pop() ?? '';
      expect(last).toMatch(/^⚠️ \*\*This report was shortened to fit in a comment\*\*/);
      expect(last).toContain(`[the job summary](${SUMMARY})`);
      await check(md, r, o, false);
    }
  });

  it('a generated release-sized change: every added export named, a checkbox per open high/medium finding, verified ones listed, under the limit', async () => {
    const r = generatedChange(20);
    const pointers = r.findings.filter((f) => f.rule !== 'untested-export');
    // the fixture is what the issue asks for: ~20 additions, ~50 pointer parameters, some verified
    expect(r.changes.filter((c) => c.severity === 'addition')).toHaveLength(20);
    expect(pointers).toHaveLength(50);
    expect(r.findings.filter((f) => f.status === 'verified').length).toBeGreaterThan(10);
    const o = { marker: MARKER, repoUrl: REPO, headSha: HEAD_SHA, docsUrl: DOCS, summaryUrl: SUMMARY };
    const md = renderMarkdown(r, o);
    expect(md.length).toBeLessThan(65536);
    // nothing had to be shortened: the whole review fits
    expect(md).not.toContain('This report was shortened');
    await check(md, r, o, true);
    for (const c of r.changes) expect(md).toContain(inlineCode(c.symbol ?? c.name));
    const checkboxes = md.split('\n').filter((l) => l.startsWith('- [ ] '));
    const open = r.findings.filter((f) => f.status !== 'verified');
    expect(checkboxes).toHaveLength(open.length);
    // per export: its <details> names it and holds one checkbox per open finding, with its message
    const blocks = md.split('<details').slice(1);
    for (const c of r.changes.filter((x) => x.severity === 'addition')) {
      const mine = open.filter((f) => f.symbol === c.symbol);
      const block =
        blocks.find(
          (b) => b.includes(`<summary>`) && b.split('\n')[1].includes(`<code>${c.symbol}</code>`),
        ) ?? '';
      const items = block.split('\n').filter((l) => l.startsWith('- [ ] '));
      expect(items).toHaveLength(mine.length);
      for (const f of mine) expect(items.some((l) => l.includes(richText(f.message)))).toBe(true);
    }
    // verified findings are never checkboxes: one line per export, with the evidence at file:line
    const verified = r.findings.filter((f) => f.status === 'verified');
    for (const f of verified) {
      const line = md.split('\n').find((l) => l.startsWith(`- ${inlineCode(f.symbol)}: `)) ?? '';
      expect(line).toContain(inlineCode(f.rule));
      for (const e of f.evidence ?? []) expect(line).toContain(`${e.file}#L${e.line}`);
    }
    // each rule's checklist text once, in the legend; the items say only what is specific
    expect(count(md, 'NULL is checked before use')).toBe(1);
    expect(count(md, `${DOCS.replace(/#.*/, '')}#rule-raw-pointer-param`)).toBe(1);
    // the exports with a high finding are open, the others collapsed
    expect(count(md, '<details open>')).toBe(20);
  });

  it('moves low findings out before it shortens the change list or a high or medium checkbox', async () => {
    // all open, no diagnostics: the first step that saves anything is moving the low items out
    const r = generatedChange(60);
    r.findings = r.findings.map((f) => ({ ...f, status: 'open', evidence: undefined }));
    const full = renderMarkdown(r, { maxChars: FULL_REPORT });
    const lows = r.findings.filter((f) => f.level === 'low');
    const withoutLow = renderMarkdown(
      { ...r, findings: r.findings.filter((f) => f.level !== 'low') },
      { maxChars: FULL_REPORT },
    );
    const maxChars = Math.floor((full.length + withoutLow.length) / 2);
    const md = renderMarkdown(r, { maxChars, summaryUrl: SUMMARY });
    expect(md.length).toBeLessThanOrEqual(maxChars);
    expect(md).toContain(
      `🟡 **${lows.length} low findings on ${lows.length} exports moved to the job summary**`,
    );
    expect(md.split('\n').filter((l) => l.startsWith('- [ ] '))).toHaveLength(
      r.findings.length - lows.length,
    );
    // the change list still has every before → after
    expect(count(md, '  - after: ')).toBe(r.changes.filter((c) => c.after !== null).length);
    expect(md.trimEnd().split('\n').pop()).toBe(
      `⚠️ **This report was shortened to fit in a comment** (${lows.length} low findings moved out). The full report is in [the job summary](${SUMMARY}).`,
    );
    await check(md, r, { maxChars }, false);
  });

  it('degrades in documented steps: evidence text, verified counts, low moved, diagnostics, one line per export, compact items, names', () => {
    const r = hugeReport(200);
    for (const f of r.findings.slice(0, 60)) {
      f.status = 'verified';
      f.evidence = [{ file: f.file, line: f.line + 1, what: `\`a\` checked by \`is_null()\`` }];
    }
    // diagnostics too, so that their step (counts per code) has something to shorten
    r.diagnostics = Array.from({ length: 30 }, (_, i) => ({
      level: 'warning' as const,
      code: i % 2 ? 'syntax-error' : 'unexpanded-macro',
      message: `diagnostic ${i} about a file the engine read only in part`,
      file: `src/m${i}.rs`,
      line: i + 1,
    }));
    const full = renderMarkdown(r, { maxChars: FULL_REPORT });
    expect(full).not.toContain('shortened');
    const notes: string[] = [];
    let previous = full.length;
    for (let step = 100; step >= 4; step--) {
      const fraction = step / 100;
      const md = renderMarkdown(r, { maxChars: Math.floor(full.length * fraction) });
      expect(md.length).toBeLessThanOrEqual(Math.floor(full.length * fraction));
      expect(md.length).toBeLessThanOrEqual(previous);
      previous = md.length;
      notes.push(md.trimEnd().split('\n').pop() ?? '');
    }
    // each step keeps what the steps before it gave up, in the documented order
    const order = [
      'verified findings without their evidence text',
      'verified findings as counts',
      'low findings moved out',
      'diagnostics as counts',
      'one line per changed export',
      'compact checklist items',
      'changed exports by name only',
    ];
    const firstSeen = order.map((o) => notes.findIndex((n) => n.includes(o)));
    for (const i of firstSeen) expect(i).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < firstSeen.length; i++) expect(firstSeen[i]).toBeGreaterThanOrEqual(firstSeen[i - 1]);
  });

  it('20,000 changed exports: the change list by name, as many high and medium checkboxes as fit (high first), and where the rest is', async () => {
    const n = 20000;
    const r = hugeReport(n);
    const o = {
      marker: MARKER,
      repoUrl: REPO,
      headSha: HEAD_SHA,
      summaryUrl: SUMMARY,
      approval: { state: 'awaiting review', lines: ['who may approve: @sec'] },
    };
    const md = renderMarkdown(r, o);
    expect(md.length).toBeLessThanOrEqual(60000);
    expect(md).toContain('changed exports by name only');
    expect(md).toContain('checklist cut');
    // the header, the approval and every severity's heading are kept
    expect(md).toContain('**Required semver bump: major** · 20000 changes to 20000 exports');
    expect(md).toContain('**Approval:** awaiting review');
    for (const title of [
      '🔴 Breaking (5000 exports)',
      '🟠 Potentially breaking (5000 exports)',
      '🟢 Addition (5000 exports)',
      '⚪ Non-ABI (5000 exports)',
    ])
      expect(md).toContain(`#### ${title}`);
    expect(md).toMatch(/\d+ exports not named here: the job summary lists every change\./);
    // the checkboxes shown are high ones first (hugeReport: one in three is high)
    const boxes = md.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(boxes.length).toBeGreaterThan(50);
    expect(boxes.every((l) => l.includes('**high**'))).toBe(true);
    const high = r.findings.filter((f) => f.level === 'high').length;
    const medium = r.findings.filter((f) => f.level === 'medium').length;
    expect(md).toContain(
      `⚠️ **${high - boxes.length} high and ${medium} medium open findings are not in this comment:**`,
    );
    const last = md.trimEnd().split('\n').pop() ?? '';
    expect(last).toContain(`[the job summary](${SUMMARY})`);
    await check(md, r, o, false);
  });

  it('shows the review policy outcome under the approval state', () => {
    const md = renderMarkdown(realisticReport(), {
      approval: {
        state: 'approved: no approval needed',
        lines: [],
        policy: { needed: false, summary: 'No approval needed: only 1 non-ABI change (@team #12)' },
      },
    });
    expect(md).toContain(
      '**Approval:** approved: no approval needed\n\n**Review policy:** No approval needed: only 1 non-ABI change \\(@\u200dteam \\#\u200d12\\)\n',
    );
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
    expect(md).toContain(' (../../../../attacker/repo:20)\n');
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
