import type { FindingRule } from '../rule';
import { code, MAX_EVIDENCE } from '../evidence';

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
  evidence:
    "every panic site runs inside `catch_unwind(…)` or in the input of a crate macro whose definition calls `catch_unwind` (like rustls-ffi's `ffi_panic_boundary!`): the finding is reported verified, naming the sites and what guards them",
  check(item) {
    if (item.kind !== 'function') return [];
    const byLine = <T extends { line: number; what: string }>(list: readonly T[]): T[] =>
      [...list].sort((a, b) => a.line - b.line || a.what.localeCompare(b.what));
    const spared = byLine(item.body.sparedPanics ?? []);
    if (item.body.panics.length === 0) {
      if (spared.length === 0) return [];
      const guards = [...new Set(spared.map((p) => code(p.by)))].slice(0, SHOWN).join(', ');
      return [
        {
          message: `\`${item.name}\` can panic only inside ${guards}: ${listing(spared)}`,
          line: spared[0].line,
          status: 'verified',
          evidence: spared.slice(0, MAX_EVIDENCE).map((p) => ({
            file: item.file,
            line: p.line,
            what: `${show(p.what)} runs inside ${code(p.by)}${p.by === 'catch_unwind' ? '' : ', a crate macro whose definition calls `catch_unwind`'}`,
          })),
        },
      ];
    }
    const panics = byLine(item.body.panics);
    return [
      {
        message: `\`${item.name}\` can panic outside \`catch_unwind\`: ${listing(panics)}`,
        line: panics[0].line,
      },
    ];
  },
};

function listing(panics: readonly { what: string; line: number }[]): string {
  const listed = panics.slice(0, SHOWN).map((p) => `${show(p.what)} (line ${p.line})`);
  const more = panics.length > SHOWN ? ` and ${panics.length - SHOWN} more` : '';
  return `${listed.join(', ')}${more}`;
}
