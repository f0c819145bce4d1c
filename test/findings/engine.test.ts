import { FINDING_RULE_IDS, FINDING_RULES } from '../../src/core/findings/catalogue';
import { computeFindings } from '../../src/core/findings/compute-findings';
import { crateOf, findingsOf, Fixture } from './helpers';

/** The ids of SPEC section 5 and the levels chosen for them. */
const LEVELS: Record<string, string> = {
  'buffer-param': 'high',
  'c-string-param': 'high',
  'callback-param': 'high',
  'dangling-pointer-return': 'high',
  'declared-not-exported': 'high',
  'exposure-widened': 'medium',
  'from-raw-void': 'high',
  'handle-send-sync': 'high',
  'hidden-export': 'low',
  'invalid-value-param': 'high',
  'libc-symbol-collision': 'high',
  'missing-destructor': 'medium',
  'missing-safety-doc': 'medium',
  'mutable-global': 'high',
  'not-ffi-safe': 'high',
  'not-unsafe-ptr-deref': 'high',
  'panic-path': 'medium',
  'raw-pointer-param': 'high',
  'reference-param': 'high',
  'rust-abi-export': 'high',
  'signature-mismatch': 'high',
  'undeclared-export': 'medium',
  'untested-export': 'low',
  'unwinding-abi': 'high',
};

describe('catalogue', () => {
  it('holds exactly the SPEC rules, sorted by id, at the chosen levels', () => {
    expect(FINDING_RULE_IDS).toEqual(Object.keys(LEVELS).sort());
    expect(Object.fromEntries(FINDING_RULES.map((r) => [r.id, r.level]))).toEqual(LEVELS);
  });
  it('gives every rule a one-line rationale that names its category, and a checklist', () => {
    const category = { high: 'memory safety', medium: /^(contract|documentation)/, low: 'hygiene' };
    for (const r of FINDING_RULES) {
      expect(r.rationale).not.toMatch(/\n/);
      expect(r.checklist).not.toMatch(/\n/);
      expect(r.checklist.length).toBeGreaterThan(20);
      const want = category[r.level];
      if (typeof want === 'string') expect(r.rationale.startsWith(`${want}: `)).toBe(true);
      else expect(r.rationale).toMatch(want);
      expect(r.kinds.length).toBeGreaterThan(0);
      // the README's rule table shows it
      expect(r.example).toMatch(/\S/);
      expect(r.example).not.toMatch(/\n/);
    }
  });
});

const FX: Fixture = {
  lib:
    '#[repr(C)]\npub struct Pt { x: f64 }\n' +
    '#[no_mangle]\nextern "C" fn zeta(p: *const u8) -> u8 { unsafe { *p } }\n' +
    '#[no_mangle]\npub extern "C" fn alpha(s: &str) -> usize { s.len() }\n',
};

describe('computeFindings', () => {
  it('fills every field of a finding', async () => {
    const fs = await findingsOf(FX);
    expect(fs.find((f) => f.rule === 'not-unsafe-ptr-deref')).toEqual({
      rule: 'not-unsafe-ptr-deref',
      level: 'high',
      symbol: 'zeta',
      name: 'zeta',
      crate: 'demo',
      file: 'src/lib.rs',
      line: 5,
      message:
        'safe export dereferences raw-pointer parameter `p` (`*const u8`): nothing stops a caller passing a dangling pointer',
      checklist:
        'the function is declared `unsafe` with a `# Safety` contract stating what the pointer must satisfy',
      status: 'open',
    });
  });
  it('sorts by crate, symbol, level (high first), then rule; exactly these findings', async () => {
    const fs = await findingsOf(FX);
    expect(fs.map((f) => [f.symbol, f.level, f.rule])).toEqual([
      ['alpha', 'high', 'not-ffi-safe'],
      ['alpha', 'low', 'untested-export'],
      ['zeta', 'high', 'not-unsafe-ptr-deref'],
      ['zeta', 'high', 'raw-pointer-param'],
      ['zeta', 'low', 'hidden-export'],
      ['zeta', 'low', 'untested-export'],
    ]);
  });
  it('is pure and deterministic: input order and duplicates do not matter, input is not mutated', async () => {
    const crate = await crateOf(FX);
    const snapshot = JSON.stringify(crate);
    const forward = computeFindings(
      crate.items.map((item) => ({ item })),
      crate,
    );
    const backward = computeFindings(
      [...crate.items].reverse().flatMap((item) => [{ item }, { item }]),
      crate,
    );
    expect(backward).toEqual(forward);
    expect(JSON.stringify(crate)).toBe(snapshot);
  });
  it('only looks at the items it is given', async () => {
    const crate = await crateOf(FX);
    const only = crate.items.filter((i) => i.name === 'alpha').map((item) => ({ item }));
    expect(new Set(computeFindings(only, crate).map((f) => f.symbol))).toEqual(new Set(['alpha']));
    expect(computeFindings([], crate)).toEqual([]);
  });
  it('runs only the rules that apply to a kind (a repr(C) struct is not an export)', async () => {
    const crate = await crateOf({
      lib: '#[repr(C)]\nstruct Hidden { s: String }\n#[repr(C)]\npub struct Rec { s: String }\n',
    });
    expect(
      computeFindings(
        crate.items.map((item) => ({ item })),
        crate,
      ).map((f) => [f.symbol, f.rule]),
    ).toEqual([['Rec', 'not-ffi-safe']]);
  });
});
