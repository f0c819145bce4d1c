import fc from 'fast-check';
import type { DiffReport } from '../../src/core/report';
import { renderText, term } from '../../src/core/render/report-text';
import { hostile, report as reportArb } from './arbitraries';
import { generatedChange, hugeReport, realisticReport } from './fixtures';

/** Characters a terminal acts on, or that hide or reorder text (a newline only ends a line). */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const unsafe = (out: string) => UNSAFE.test(out.replace(/\n/g, ''));

/** Replaces every untrusted string in a report (deeply) with `f(string)`. */
function mapStrings(r: DiffReport, f: (s: string) => string): DiffReport {
  const map = (v: unknown): unknown =>
    typeof v === 'string'
      ? f(v)
      : Array.isArray(v)
        ? v.map(map)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v).map(([k, x]) => [
                k,
                ['severity', 'level', 'kind', 'status'].includes(k) ? x : map(x),
              ]),
            )
          : v;
  return map(r) as DiffReport;
}

describe('term', () => {
  it('neutralises ANSI escapes, C1 controls, line breaks, bidi and zero-width characters', () => {
    expect(term('a\u001b[31mred\u001b[0m')).toBe('a\\u{1b}[31mred\\u{1b}[0m');
    expect(term('\u009b2J')).toBe('\\u{9b}2J');
    expect(term('x\r\ny\u2028z')).toBe('x\\u{d}\\u{a}y\\u{2028}z');
    expect(term('\u202eevil\u200b')).toBe('\\u{202e}evil\\u{200b}');
    expect(term('\\u{1b}')).toBe('\\\\u{1b}');
  });
});

describe('renderText', () => {
  it('never lets a hostile string add a line or reach the terminal raw (property)', () => {
    fc.assert(
      fc.property(reportArb, hostile, (r, s) => {
        const out = renderText(r);
        expect(unsafe(out)).toBe(false);
        expect(out).toBe(renderText(r));
        // the same report with every string made benign (one-to-one) has exactly as many lines
        const names = new Map<string, string>();
        const benign = renderText(
          mapStrings(r, (v) => names.get(v) ?? (names.set(v, `v${names.size}`), `v${names.size - 1}`)),
        );
        expect(out.split('\n').length).toBe(benign.split('\n').length);
        expect(unsafe(term(s))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('renders a realistic report', () => {
    expect(renderText(realisticReport())).toMatchSnapshot();
  });

  it('lists verified findings compactly, one line per export with the evidence at file:line, never as [ ]', () => {
    const r = generatedChange(20);
    const out = renderText(r);
    const open = r.findings.filter((f) => f.status !== 'verified');
    const verified = r.findings.filter((f) => f.status === 'verified');
    expect(out.split('\n').filter((l) => l.includes('[ ] '))).toHaveLength(open.length);
    const section = out.slice(out.indexOf('Verified by the code'));
    expect(section.split('\n')[0]).toBe(
      `Verified by the code (${verified.length} findings; the evidence, at file:line):`,
    );
    const lines = section.split('\n').slice(1, section.split('\n').indexOf(''));
    expect(lines).toHaveLength(new Set(verified.map((f) => f.symbol)).size);
    for (const f of verified) {
      const line = lines.find((l) => l.startsWith(`  ${f.symbol}: `)) ?? '';
      for (const e of f.evidence ?? []) expect(line).toContain(`${f.rule} (${e.file}:${e.line})`);
    }
  });

  it('handles a large report', () => {
    const out = renderText(hugeReport(5000));
    expect(out.split('\n').length).toBeGreaterThan(20000);
  });
});
