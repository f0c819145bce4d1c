import fc from 'fast-check';
import {
  htmlCode,
  htmlText,
  inlineCode,
  inlineText,
  link,
  reveal,
  richText,
  safeUrl,
  tableCell,
} from '../../src/core/render/escape-markdown';
import { hostile } from './arbitraries';
import { startGfm, type Gfm } from './gfm';
import { cellCounts, decode, foreignTags, tagsOf, textOf, textOutsideCode } from './html';

let gfm: Gfm;
beforeAll(() => {
  gfm = startGfm();
});
afterAll(async () => {
  await gfm.close();
});

const ZWJ = /\u200d/g;

/** What the reader must see for `s`: its revealed form, cut with an ellipsis. */
function shown(s: string, max: number): string {
  const r = reveal(s, max);
  return r.text + (r.truncated ? '…' : '');
}

/** Invariants every escaped string keeps, whatever the context. */
function assertInert(md: string): void {
  expect(md).not.toContain('<!--');
  expect(md).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
  // eslint-disable-next-line no-control-regex
  expect(md).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  // a raw `<` only ever appears inside a code span (checked against the parse below)
}

describe('reveal', () => {
  it('shows controls, separators, bidi and zero-width characters as \\u{…}', () => {
    expect(reveal('a\nb\r\u2028\u202e\u200b\u0000\u001b[1m').text).toBe(
      'a\\u{a}b\\u{d}\\u{2028}\\u{202e}\\u{200b}\\u{0}\\u{1b}[1m',
    );
  });
  it('doubles backslashes so that a spelled-out escape stays distinguishable', () => {
    expect(reveal('\\u{a}').text).toBe('\\\\u{a}');
    expect(reveal('\\u{a}').text).not.toBe(reveal('\n').text);
  });
  it('reveals lone surrogates and keeps astral characters', () => {
    expect(reveal('\ud800x😀\udc00').text).toBe('\\u{d800}x😀\\u{dc00}');
  });
  it('cuts at max code points without splitting an escape or a surrogate pair', () => {
    expect(reveal('😀😀😀', 2)).toEqual({ text: '😀😀', truncated: true });
    expect(reveal('ab\ncd', 4)).toEqual({ text: 'ab', truncated: true });
    expect(reveal('abc', 3)).toEqual({ text: 'abc', truncated: false });
  });
});

describe('inlineText', () => {
  it('escapes Markdown and HTML', () => {
    expect(inlineText('<img src=x>')).toBe('&lt;img src=x&gt;');
    expect(inlineText('**a** [l](u) `c` # x | y ~~s~~ $m$')).toBe(
      '\\*\\*a\\*\\* \\[l\\]\\(u\\) \\`c\\` \\# x \\| y \\~\\~s\\~\\~ &#36;m&#36;',
    );
    expect(inlineText('&lt;')).toBe('&amp;lt;');
  });
  it('makes URLs inert and keeps ordinary punctuation readable', () => {
    expect(inlineText('see http://e.com/x, www.e.com or mailto:a')).toBe(
      'see http\\://e.com/x, www\\.e.com or mailto:a',
    );
    expect(inlineText('src/lib.rs:12: ok; a-b "c" v0.1.0')).toBe('src/lib.rs:12: ok; a-b "c" v0.1.0');
    expect(inlineText('0.1.0')).toBe('0.1.0');
  });
  it('escapes what could start a block at the beginning', () => {
    expect(inlineText('- a')).toBe('\\- a');
    expect(inlineText('+ a')).toBe('\\+ a');
    expect(inlineText('===')).toBe('\\===');
    expect(inlineText('12. a')).toBe('12\\. a');
    expect(inlineText('1) a')).toBe('1\\) a');
    expect(inlineText('> a')).toBe('&gt; a');
  });
  it('breaks mentions and issue references with a zero-width joiner', () => {
    expect(inlineText('@org/team @user #12 #x')).toBe('@\u200dorg/team @\u200duser \\#\u200d12 \\#x');
  });
  it('keeps a leading space from starting an indented block', () => {
    expect(inlineText('    code')).toBe('&#32;   code');
  });
  it('truncates with an ellipsis', () => {
    expect(inlineText('abcdef', 3)).toBe('abc…');
  });

  it('renders exactly the revealed text, in a paragraph and in a table cell', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.integer({ min: 1, max: 40 }), async (s, max) => {
        const md = inlineText(s, max);
        assertInert(md);
        const want = shown(s, max);
        const para = await gfm.toHtml(`A ${md} Z`);
        expect(foreignTags(para)).toEqual([]);
        expect(tagsOf(para).map((t) => t.name)).toEqual(['p', 'p']);
        expect(textOf(para).replace(ZWJ, '')).toBe(`A ${want} Z`);
        expect(textOutsideCode(para)).not.toMatch(/@\w|#\d/);

        const cell = tableCell(s, max);
        const table = `| h | i |\n| --- | --- |\n| ${cell} | z |`;
        expect(cellCounts(table.split('\n')[2])).toEqual({ github: 2, micromark: 2 });
        const html = await gfm.toHtml(table);
        expect(foreignTags(html)).toEqual([]);
        const tds = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => decode(m[1]).replace(ZWJ, ''));
        // a cell's trailing spaces are trimmed; a leading one is kept (written as an entity)
        const trimmed = want.startsWith(' ')
          ? ' ' + want.slice(1).replace(/ +$/, '')
          : want.replace(/ +$/, '');
        expect(tds).toEqual([trimmed, 'z']);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('inlineCode', () => {
  it('chooses a fence longer than any backtick run and pads edge backticks', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`a')).toBe('`` `a ``');
    expect(inlineCode('a``')).toBe('``` a`` ```');
    expect(inlineCode(' a ')).toBe('`  a  `');
  });
  it('writes | and the ! of <! outside the span', () => {
    expect(inlineCode('a|b')).toBe('`a`\\|`b`');
    expect(inlineCode('<!-- x')).toBe('`<`\\!`-- x`');
  });
  it('shows the empty string and truncation outside the span', () => {
    expect(inlineCode('')).toBe('*(empty)*');
    expect(inlineCode('abcdef', 3)).toBe('`abc`…');
  });

  it('renders exactly the revealed text as code, in a paragraph and in a table cell', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.integer({ min: 1, max: 40 }), async (s, max) => {
        const md = inlineCode(s, max);
        assertInert(md);
        const want = s === '' ? '(empty)' : shown(s, max);
        const para = await gfm.toHtml(`A ${md} Z`);
        expect(foreignTags(para)).toEqual([]);
        expect(tagsOf(para).filter((t) => !['p', 'code', 'em'].includes(t.name))).toEqual([]);
        expect(textOf(para)).toBe(`A ${want} Z`);
        // nothing outside the code spans but the pieces the function writes itself
        expect(textOutsideCode(para).replace(/^A | Z$/g, '')).toMatch(/^(?:\s|\||!|…|\(empty\))*$/);

        const row = `| ${md} | z |`;
        expect(cellCounts(row)).toEqual({ github: 2, micromark: 2 });
        const html = await gfm.toHtml(`| h | i |\n| --- | --- |\n${row}`);
        expect(foreignTags(html)).toEqual([]);
        const tds = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]));
        expect(tds).toEqual([want, 'z']);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('htmlText and htmlCode (inside the <summary> the renderer writes)', () => {
  it('escape HTML, break mentions and issue references, and stay on one line', () => {
    expect(htmlText('<img src=x> @alice #12 & </summary>')).toBe(
      '&lt;img src=x&gt; @\u200dalice #\u200d12 &amp; &lt;/summary&gt;',
    );
    expect(htmlCode('a\nb</code><!--')).toBe('<code>a\\u{a}b&lt;/code&gt;&lt;!--</code>');
    expect(htmlCode('')).toBe('<em>(empty)</em>');
    expect(htmlCode('x'.repeat(10), 4)).toBe('<code>xxxx</code>…');
  });

  it('keep any string inert in a <details> summary, and show it as it is (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (a, b) => {
        const md = `<details>\n<summary>${htmlCode(a)} ${htmlText(b)}</summary>\n\n- x\n\n</details>\n`;
        expect(md.split('\n')).toHaveLength(7);
        assertInert(md.replace(/\n/g, ' '));
        const html = await gfm.toHtml(md);
        expect(foreignTags(html)).toEqual([]);
        expect(tagsOf(html).filter((t) => t.name === 'summary')).toHaveLength(2);
        const summary = /<summary>([\s\S]*)<\/summary>/.exec(html)?.[1] ?? '';
        expect(textOf(summary).replace(ZWJ, '')).toBe(`${a ? shown(a, 300) : '(empty)'} ${shown(b, 1000)}`);
        expect(textOutsideCode(summary)).not.toMatch(/@\w/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('richText', () => {
  it('escapes a leading space or dash only where it could start a line', () => {
    expect(richText('- `p` is -1')).toBe('\\- `p` is -1');
    expect(richText('`p` -x')).toBe('`p` -x');
    // empty code spans render as nothing: what follows starts the line and is escaped as such
    for (const s of ['``- item', '``    x', '``=== ', '````# h'])
      expect(richText(s)).toBe(inlineText(s.replace(/`/g, '')));
  });
});

describe('links', () => {
  it('accepts http(s) URLs only and encodes what could end the destination', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl('https://user:pw@github.com/')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl('https://github.com/o/r/blob/x/a(b)|c.rs#L1')).toBe(
      'https://github.com/o/r/blob/x/a%28b%29%7Cc.rs#L1',
    );
    expect(link('x', 'javascript:alert(1)')).toBe('x');
    expect(link('x', 'https://e.com/')).toBe('[x](https://e.com/)');
  });
});
