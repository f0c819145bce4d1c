import type { FindingRule } from '../rule';

const SHOWN = 5;

/** `unwrap` → `` `unwrap` ``; `unwrap in format!` → `` `unwrap` in `format!` ``; indexing stays prose. */
function show(what: string): string {
  if (what === 'indexing') return what;
  const m = /^(.*) in (\S+!)$/.exec(what);
  return m ? `\`${m[1]}\` in \`${m[2]}\`` : `\`${what}\``;
}

/** The body can panic outside `catch_unwind` and outside a crate panic-boundary macro. */
export const panicPath: FindingRule = {
  id: 'panic-path',
  level: 'medium',
  kinds: ['function'],
  rationale:
    'contract: a panic that reaches an `extern "C"` boundary aborts the host process, a denial of service any input that reaches it can trigger',
  example: 'fn port(n: u32) -> u16 { u16::try_from(n).unwrap() }',
  checklist:
    'the panic cannot be reached from caller input, or the body runs inside `catch_unwind` (or a panic-boundary macro) and reports an error code',
  evidence: 'none: always open',
  check(item) {
    if (item.kind !== 'function' || item.body.panics.length === 0) return [];
    const panics = [...item.body.panics].sort((a, b) => a.line - b.line || a.what.localeCompare(b.what));
    const listed = panics.slice(0, SHOWN).map((p) => `${show(p.what)} (line ${p.line})`);
    const more = panics.length > SHOWN ? ` and ${panics.length - SHOWN} more` : '';
    return [
      {
        message: `\`${item.name}\` can panic outside \`catch_unwind\`: ${listed.join(', ')}${more}`,
        line: panics[0].line,
      },
    ];
  },
};
