/**
 * The compiler oracle for `macro_rules!` rule selection (SPEC section 2: the macros a crate
 * defines are expanded, so the engine must pick the rule rustc picks, or an export can hide
 * behind a rule the engine believes does not match).
 *
 * test/fixtures/soundness/fragments is a member of the soundness workspace. Each of its
 * invocations `fr_<family>!(<first> <second> <probe>)` exports `<first>` if rustc chose the
 * macro's first rule (the fragment or matcher under test) and `<second>` if it chose the second
 * (any tokens), and records rustc's choice in a `// rustc: first|second` comment. Here:
 *  - without a toolchain: one extraction of the workspace must export, for every probe, the symbol
 *    of the recorded choice — or leave the invocation unresolved, for the probes listed in
 *    UNDECIDED (where rustc's choice depends on the crate's edition, which the expander is not
 *    told);
 *  - with cargo and nm: the recorded choices are what `nm -D` shows, and the library's symbols
 *    are exactly the extracted ones plus the rustc choices of the UNDECIDED probes.
 * (The main oracle, ./soundness-oracle.test.ts, leaves this crate's symbols to this file.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CrateSurface, Surface } from '../../src/core/model';
import { hasCargo } from '../support/cargo';
import { extractDir } from '../support/extract';
import { oracleLibraries } from '../support/oracle-workspace';
import { definedDynamicSymbols, isToolchainSymbol } from '../support/soundness';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'soundness');
const CRATE = 'fragments';
const LIB = 'fragments/src/lib.rs';

type Choice = 'first' | 'second';

interface Probe {
  family: string;
  /** `fr_<family>_<case>`: the symbols are this with `_first` and `_second`. */
  name: string;
  input: string;
  /** 1-based line of the invocation. */
  line: number;
  rustc: Choice;
}

/**
 * Probes the engine leaves unresolved on purpose, by name: rustc's choice depends on the edition
 * (2021 here), which the expander does not know.
 */
const UNDECIDED: Record<string, string> = {
  fr_expr_underscore: 'edition 2024 `expr` takes `_`',
  fr_expr_const_block: 'edition 2024 `expr` takes `const { … }`',
  fr_expr_const_closure: 'edition 2024 `expr` begins with `const`',
  fr_ty_gen: '`gen` is a keyword from edition 2024 and cannot begin a type',
  fr_pat_or: 'editions 2015 and 2018 `pat` stops before `|`',
  fr_pat_lead_or: 'editions 2015 and 2018 `pat` cannot begin with `|`',
  fr_pat_or_lit: 'editions 2015 and 2018 `pat` stops before `|`',
  fr_pat_then_eq_or: 'editions 2015 and 2018 `pat` stops before `|`',
};

const INVOCATION = /^(fr_\w+)!\((fr_\w+?)_first (fr_\w+?)_second([\s\S]*?)\); \/\/ rustc: (first|second)$/gm;

function readProbes(text: string): Probe[] {
  const probes: Probe[] = [];
  for (const m of text.matchAll(INVOCATION)) {
    const [, mac, name, second, input, rustc] = m;
    if (name !== second) throw new Error(`${LIB}: ${name}_first and ${second}_second differ`);
    probes.push({
      family: mac.slice('fr_'.length),
      name,
      input: input.trim(),
      line: text.slice(0, m.index).split('\n').length,
      rustc: rustc as Choice,
    });
  }
  return probes;
}

function exportedSymbols(c: CrateSurface | undefined): string[] {
  return (c?.items ?? []).flatMap((i) => (i.kind === 'function' || i.kind === 'static' ? [i.symbol] : []));
}

/** One row per probe: what rustc chose and what the engine did, for a readable diff. */
function row(p: Probe, outcome: string): string {
  return `${LIB}:${p.line} ${p.name} ${JSON.stringify(p.input)} → ${outcome}`;
}

const text = fs.readFileSync(path.join(FIXTURE, LIB), 'utf8');
const probes = readProbes(text);

describe('fragments oracle: the extractor picks the macro_rules! rule rustc picks', () => {
  let surface: Surface;
  let crate: CrateSurface | undefined;

  beforeAll(async () => {
    surface = await extractDir(FIXTURE);
    crate = surface.crates.find((c) => c.name === CRATE);
  }, 600_000);

  it('reads every invocation of the fixture as a probe, with unique names', () => {
    expect(probes.length).toBe((text.match(/^fr_\w+!\(/gm) ?? []).length);
    expect(probes.length).toBeGreaterThan(700);
    expect(new Set(probes.map((p) => p.name)).size).toBe(probes.length);
    for (const name of Object.keys(UNDECIDED)) expect(probes.map((p) => p.name)).toContain(name);
    // every family of the task is probed
    const families = new Set(probes.map((p) => p.family));
    for (const f of [
      'ident',
      'lifetime',
      'literal',
      'tt',
      'block',
      'stmt',
      'expr',
      'expr_2021',
      'ty',
      'path',
    ])
      expect(families).toContain(f);
    for (const f of ['pat', 'pat_param', 'item', 'meta', 'vis', 'sep', 'rep_comma', 'rep_comma_opt'])
      expect(families).toContain(f);
  });

  it('exports the symbol of rustc’s choice for every probe, or leaves it unresolved where listed', () => {
    const items = new Set(exportedSymbols(crate));
    const unresolvedLines = new Set(
      (crate?.unresolved ?? []).filter((u) => u.file === LIB).map((u) => u.line),
    );
    const actual = probes.map((p) => {
      const first = items.has(`${p.name}_first`);
      const second = items.has(`${p.name}_second`);
      const outcome =
        first && second
          ? 'both'
          : first
            ? 'first'
            : second
              ? 'second'
              : unresolvedLines.has(p.line)
                ? 'unresolved'
                : 'nothing';
      return row(p, outcome);
    });
    const expected = probes.map((p) => row(p, p.name in UNDECIDED ? 'unresolved' : p.rustc));
    expect(actual).toEqual(expected);
  });

  it('extracts no symbol that is not a probe’s', () => {
    const names = new Set(probes.flatMap((p) => [`${p.name}_first`, `${p.name}_second`]));
    expect(exportedSymbols(crate).filter((s) => !names.has(s))).toEqual([]);
  });

  const withTools = hasCargo() ? describe : describe.skip;
  withTools('against rustc 1.95 (cargo build, nm -D)', () => {
    let nm: string[] = [];

    beforeAll(() => {
      // built once per run with the other oracles' crates (test/support/oracle-workspace.ts)
      const lib = oracleLibraries().find((l) => l.crate === CRATE);
      if (!lib) throw new Error(`no cdylib for ${CRATE}`);
      nm = definedDynamicSymbols(lib.file).filter((s) => !isToolchainSymbol(s));
    }, 600_000);

    it('the recorded choices are what the library exports', () => {
      expect(nm).toEqual(probes.map((p) => `${p.name}_${p.rustc}`).sort());
    });

    it('the library exports exactly the extracted symbols and the undecided probes’ choices', () => {
      const undecided = probes.filter((p) => p.name in UNDECIDED).map((p) => `${p.name}_${p.rustc}`);
      expect([...exportedSymbols(crate), ...undecided].sort()).toEqual(nm);
    });
  });
});
