/**
 * Unresolved entries carry text from the source (string literals in their excerpt, file paths,
 * macro paths) into the comment: rendered through the one escaping module like every other name.
 */
import { buildReport } from '../../src/core/diff/build-report';
import { renderMarkdown } from '../../src/core/render/report-markdown';
import { crateFiles, extractMemory } from '../support/extract';
import { startGfm, type Gfm } from '../render/gfm';
import { count, foreignTags, textOutsideCode } from '../render/html';

const HOSTILE = '</details><!-- ffi-surface-guard --><img src=x onerror=alert(1)> @admin `x` #1';

describe('unresolved entries in the comment', () => {
  let gfm: Gfm;
  beforeAll(() => {
    gfm = startGfm();
  });
  afterAll(() => gfm.close());

  it('escape what the source says', async () => {
    const base = await extractMemory(crateFiles('pub fn f() {}\n'));
    const head = await extractMemory(
      crateFiles(
        `pub fn f() {}\n#[export_name = concat!(${JSON.stringify(HOSTILE)}, env!("X"))]\npub extern "C" fn g() {}\n`,
        {
          [`src/${HOSTILE.replace(/[/\\]/g, '_')}.rs`]: '#[no_mangle] pub extern "C" fn loose() {}',
        },
      ),
    );
    const report = buildReport(base, head);
    const rules = report.changes.map((c) => c.rule);
    expect(rules).toEqual(['unresolved-export-site', 'unresolved-export-site']);
    const md = renderMarkdown(report);
    expect(count(md, '<!--')).toBe(0);
    const html = await gfm.toHtml(md);
    expect(foreignTags(html)).toEqual([]);
    expect(html.toLowerCase()).not.toContain('<img');
    expect(textOutsideCode(html)).not.toMatch(/@\w/);
    expect(textOutsideCode(html)).not.toMatch(/#\d/);
    // and the reader still sees the site
    expect(md).toContain('unresolved-export-site');
  });
});
