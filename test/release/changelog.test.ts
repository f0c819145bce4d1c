import fc from 'fast-check';
import type { Change, DiffReport, Severity } from '../../src/core/report';
import { reveal } from '../../src/core/render/escape-markdown';
import { changelogSection, isRemoval, NO_CHANGES, renderChangelog } from '../../src/core/render/changelog';
import { CHANGE_RULES } from '../../src/core/diff/catalogue';
import { diffLib, H } from '../diff/helpers';
import { change as changeArb, hostile } from '../render/arbitraries';
import { emptyReport } from '../render/fixtures';
import { startGfm, type Gfm } from '../render/gfm';
import { count, foreignTags, tagsOf, textOf, textOutsideCode } from '../render/html';

let gfm: Gfm;
beforeAll(() => {
  gfm = startGfm();
});
afterAll(async () => {
  await gfm.close();
});

function change(over: Partial<Change>): Change {
  return {
    rule: 'function-added',
    severity: 'addition',
    kind: 'function',
    name: 'f',
    symbol: 'f',
    crate: 'demo',
    file: 'src/lib.rs',
    line: 1,
    before: null,
    after: 'extern "C" fn f()',
    message: 'new exported function f',
    ...over,
  };
}

function report(changes: Change[], crates?: DiffReport['crates']): DiffReport {
  const names = [...new Set(changes.map((c) => c.crate))];
  return {
    ...emptyReport(),
    changes,
    crates: crates ?? names.map((name) => ({ name, baseVersion: '1.0.0', headVersion: '1.0.0' })),
  };
}

/** The lines of one `### section` of a changelog (up to the next heading). */
function section(md: string, title: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`### ${title}`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.startsWith('#')) break;
    if (l.startsWith('- ')) out.push(l);
  }
  return out;
}

const BEFORE = `${H}#[no_mangle] pub extern "C" fn gone() {}
#[no_mangle] pub extern "C" fn f(a: i32) -> i32 { 0 }
#[no_mangle] pub extern "C" fn g(len: usize) {}
#[no_mangle] pub extern "C" fn u(p: *const u8) {}
#[repr(C)] pub enum E { A = 1, B = 2 }
#[repr(C)] pub struct S { pub a: u32 }
#[no_mangle] pub extern "C" fn takes(s: S) {}
pub const MAX: usize = 64;
pub type Old = u32;
#[export_name = "old_name"] pub extern "C" fn renamed() {}
extern "C" { fn host_log(msg: *const c_char); }
`;
const AFTER = `${H}#[no_mangle] pub extern "C" fn f(a: i64) -> i32 { 0 }
#[no_mangle] pub extern "C" fn g(size: usize) {}
#[no_mangle] pub extern "C" fn n() {}
#[no_mangle] pub unsafe extern "C" fn u(p: *const u8) {}
#[repr(C)] pub enum E { A = 1, C = 3 }
#[repr(C)] pub struct S { pub a: u32, pub b: u32 }
#[no_mangle] pub extern "C" fn takes(s: S) {}
pub const MAX: usize = 32;
#[export_name = "new_name"] pub extern "C" fn renamed() {}
#[no_mangle] pub static mut COUNTER: u32 = 0;
`;

describe('renderChangelog through the diff engine', () => {
  it('sorts every kind of change into Breaking / Added / Changed / Removed', async () => {
    const r = await diffLib(BEFORE, AFTER);
    const md = renderChangelog(r, { version: '2.0.0', date: '2026-01-02' });
    expect(md).toBe(
      [
        '## [2.0.0] - 2026-01-02',
        '',
        '### Breaking',
        '',
        '- `S`: field b: u32 appended to S, which is passed, returned or embedded by value; affects takes \\(parameter 1 \\(s\\) by value\\) — `#[repr(C)] struct S { a: u32 }` → `#[repr(C)] struct S { a: u32, b: u32 }`',
        '- `f`: parameter 1 \\(a\\) changed type from i32 to i64 — `extern "C" fn f(a: i32) -> i32` → `extern "C" fn f(a: i64) -> i32`',
        '- `new_name` (Rust `renamed`): symbol old\\_name was renamed to new\\_name; the old symbol no longer exists — `extern "C" fn renamed()`',
        '',
        '### Added',
        '',
        '- `COUNTER`: new exported static COUNTER — `static mut COUNTER: u32`',
        '- `n`: new exported function n — `extern "C" fn n()`',
        '',
        '### Changed',
        '',
        '- *Potentially breaking:* `E`: variant C = 3 was added — `#[repr(C)] enum E { A = 1, B = 2 }` → `#[repr(C)] enum E { A = 1, C = 3 }`',
        '- *Potentially breaking:* `MAX`: value changed from 64 to 32 — `const MAX: usize = 64` → `const MAX: usize = 32`',
        '- *Non-ABI:* `g`: parameter 1 renamed from len to size — `extern "C" fn g(len: usize)` → `extern "C" fn g(size: usize)`',
        '- *Non-ABI:* `u`: became unsafe: the C ABI is unchanged, but Rust callers must now uphold a safety contract — `extern "C" fn u(p: *const u8)` → `unsafe extern "C" fn u(p: *const u8)`',
        '',
        '### Removed',
        '',
        '- **Breaking:** `E`: variant B = 2 was removed — `#[repr(C)] enum E { A = 1, B = 2 }` → `#[repr(C)] enum E { A = 1, C = 3 }`',
        '- **Breaking:** `gone`: exported function gone was removed — was `extern "C" fn gone()`',
        '- *Potentially breaking:* `Old`: type alias Old was removed — was `type Old = u32`',
        '- *Non-ABI:* `host_log`: the library no longer needs host\\_log from the host — was `extern "C" fn host_log(msg: *const c_char)`',
        '',
      ].join('\n'),
    );
    // one entry per change: nothing lost, a breaking removal not listed twice
    expect(md.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(r.changes.length);
  });

  it('renders as the intended Markdown structure', async () => {
    const r = await diffLib(BEFORE, AFTER);
    const html = await gfm.toHtml(renderChangelog(r));
    const tags = tagsOf(html).filter((t) => !t.closing);
    expect(tags.filter((t) => t.name === 'h2')).toHaveLength(1);
    expect(tags.filter((t) => t.name === 'h3').map((t) => t.raw)).toHaveLength(4);
    expect(tags.filter((t) => t.name === 'li')).toHaveLength(r.changes.length);
    expect(foreignTags(html)).toEqual([]);
  });
});

describe('changelogSection', () => {
  const cases: [string, Severity, string][] = [
    ['function-removed', 'breaking', 'Removed'],
    ['static-removed', 'breaking', 'Removed'],
    ['type-removed', 'breaking', 'Removed'],
    ['enum-variant-removed', 'breaking', 'Removed'],
    ['const-removed', 'potentially-breaking', 'Removed'],
    ['type-alias-removed', 'potentially-breaking', 'Removed'],
    ['import-removed', 'non-abi', 'Removed'],
    ['cfg-gate-removed', 'addition', 'Added'],
    ['function-parameters-changed', 'breaking', 'Breaking'],
    ['import-added', 'breaking', 'Breaking'],
    ['item-gated', 'breaking', 'Breaking'],
    ['function-added', 'addition', 'Added'],
    ['feature-made-default', 'addition', 'Added'],
    ['enum-variant-added', 'potentially-breaking', 'Changed'],
    ['unresolved-macro', 'potentially-breaking', 'Changed'],
    ['function-parameter-renamed', 'non-abi', 'Changed'],
  ];
  it.each(cases)('%s (%s) goes under %s', (rule, severity, title) => {
    expect(changelogSection(change({ rule, severity }))).toBe(title);
  });

  it('places every catalogue rule in exactly one section, removals under Removed', () => {
    for (const rule of CHANGE_RULES) {
      const c = change({ rule: rule.id, severity: rule.severity });
      const s = changelogSection(c);
      if (rule.id.endsWith('-removed') && rule.severity !== 'addition') expect(s).toBe('Removed');
      else if (rule.severity === 'breaking') expect(s).toBe('Breaking');
      else if (rule.severity === 'addition') expect(s).toBe('Added');
      else expect(s).toBe('Changed');
      expect(isRemoval(c)).toBe(s === 'Removed');
    }
  });
});

describe('renderChangelog', () => {
  it('says so when nothing changed', () => {
    expect(renderChangelog(emptyReport())).toBe(`${NO_CHANGES}\n`);
    expect(renderChangelog(emptyReport(), { version: '1.0.1', date: '2026-01-02' })).toBe(
      `## [1.0.1] - 2026-01-02\n\n${NO_CHANGES}\n`,
    );
  });

  it('uses the bumped crate version, else Unreleased (without a date)', () => {
    const c = [change({})];
    expect(renderChangelog(report(c), { date: '2026-01-02' }).split('\n')[0]).toBe('## [Unreleased]');
    const bumped = report(c, [{ name: 'demo', baseVersion: '1.0.0', headVersion: '1.1.0' }]);
    expect(renderChangelog(bumped, { date: '2026-01-02' }).split('\n')[0]).toBe('## [1.1.0] - 2026-01-02');
    expect(renderChangelog(bumped).split('\n')[0]).toBe('## [1.1.0]');
    expect(renderChangelog(bumped, { version: '2.0.0' }).split('\n')[0]).toBe('## [2.0.0]');
    const added = report(c, [{ name: 'demo', baseVersion: null, headVersion: '0.1.0' }]);
    expect(renderChangelog(added).split('\n')[0]).toBe('## [0.1.0]');
  });

  it('writes one block per crate, named, when several crates changed', () => {
    const r = report(
      [
        change({ crate: 'b-sys', name: 'b_new', symbol: 'b_new' }),
        change({ crate: 'a', rule: 'function-removed', severity: 'breaking', after: null, before: 'fn x()' }),
        change({ crate: '', rule: 'unresolved-macro', severity: 'potentially-breaking', kind: 'unknown' }),
      ],
      [
        { name: 'a', baseVersion: '0.3.0', headVersion: '0.4.0' },
        { name: 'b-sys', baseVersion: '1.0.0', headVersion: '1.0.0' },
      ],
    );
    const md = renderChangelog(r, { date: '2026-01-02' });
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## *(no crate)* [Unreleased]',
      '## `a` [0.4.0] - 2026-01-02',
      '## `b-sys` [Unreleased]',
    ]);
    expect(section(md.slice(md.indexOf('## `a`')), 'Removed')).toEqual([
      '- **Breaking:** `f`: new exported function f — was `fn x()`',
    ]);
  });

  it('shows the Rust name when the export name differs, and one signature when both are equal', () => {
    const md = renderChangelog(
      report([
        change({
          rule: 'item-gated',
          severity: 'breaking',
          name: 'rust_name',
          symbol: 'c_name',
          before: 'fn a()',
          after: 'fn a()',
          message: 'now under cfg',
        }),
      ]),
    );
    expect(section(md, 'Breaking')).toEqual(['- `c_name` (Rust `rust_name`): now under cfg — `fn a()`']);
  });

  it('keeps a hostile name, message and signature inert', async () => {
    const name = 'x`</code><script>alert(1)</script>\n# @octo-org/team <!-- ffi-surface-guard -->|``';
    const md = renderChangelog(
      report(
        [
          change({
            name,
            symbol: name,
            crate: '@evil <b>crate</b>',
            message: `removed \`${name}\` for #1 @user`,
            before: name,
            after: null,
            rule: 'function-removed',
            severity: 'breaking',
          }),
          change({ crate: 'other' }),
        ],
        [],
      ),
      { version: '1.0.0 <img src=x>', date: '@today\n# x' },
    );
    expect(md).not.toContain('<!--');
    // a raw `<` appears only inside code spans, where it is literal: the parse must show no tag
    const html = await gfm.toHtml(md);
    expect(foreignTags(html)).toEqual([]);
    expect(textOutsideCode(html)).not.toMatch(/@\w/);
    expect(textOutsideCode(html)).not.toMatch(/#\d/);
    // the name is shown as it is, in code (revealed: the newline as \u{a})
    expect(textOf(html)).toContain(reveal(name).text);
    const tags = tagsOf(html).filter((t) => !t.closing);
    expect(tags.filter((t) => t.name === 'h2')).toHaveLength(2);
    expect(tags.filter((t) => t.name === 'li')).toHaveLength(2);
  });

  it('keeps hostile reports inert and loses no change (property)', async () => {
    const arb = fc.record({
      changes: fc.array(changeArb, { maxLength: 8 }),
      version: fc.option(hostile, { nil: undefined }),
      date: fc.option(hostile, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ changes, version, date }) => {
        const r = report(changes);
        const md = renderChangelog(r, { version, date });
        expect(md).toBe(renderChangelog(r, { version, date }));
        expect(count(md, '<!--')).toBe(0);
        const html = await gfm.toHtml(md);
        expect(foreignTags(html)).toEqual([]);
        expect(html.toLowerCase()).not.toContain('<img');
        expect(count(html, '<!--')).toBe(0);
        expect(textOutsideCode(html)).not.toMatch(/@\w/);
        expect(textOutsideCode(html)).not.toMatch(/#\d/);
        const tags = tagsOf(html).filter((t) => !t.closing);
        const n = (name: string) => tags.filter((t) => t.name === name).length;
        if (changes.length === 0) {
          expect(n('li')).toBe(0);
          return;
        }
        expect(n('li')).toBe(changes.length);
        expect(n('h2')).toBe(new Set(changes.map((c) => c.crate)).size);
        expect(n('h1') + n('h4') + n('h5') + n('h6')).toBe(0);
        for (const c of changes) {
          const shown = reveal(c.symbol ?? c.name, 200).text;
          if (shown !== '') expect(textOf(html)).toContain(shown);
        }
      }),
      { numRuns: 300 },
    );
  });
});
