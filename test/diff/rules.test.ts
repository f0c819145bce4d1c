/**
 * Every change rule carries its cases (issue 14): test/diff/cases/<rule-id>.ts holds the rule's
 * old/new pairs, each with the WHOLE output it yields as (rule, severity, name), sorted; every
 * case runs through the whole engine (every rule), the way cargo-semver-checks runs each lint
 * over each test crate. test/diff/cases/no-change.ts holds pairs that are no change at all.
 * Equal sources are extracted once and shared (helpers.ts, `sharedSurface`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHANGE_RULES } from '../../src/core/diff/catalogue';
import { SEVERITIES } from '../../src/core/report';
import { cases as NO_CHANGE } from './cases/no-change';
import {
  CDYLIB,
  diffCase,
  diffLib,
  extractionStats,
  fn,
  sortedChanges,
  sortedOutput,
  type Expected,
  type RuleCase,
} from './helpers';

const CASE_DIR = path.join(__dirname, 'cases');
const NO_CHANGE_FILE = 'no-change';

function isStringRecord(x: unknown): x is Record<string, string> {
  return !!x && typeof x === 'object' && Object.values(x).every((v) => typeof v === 'string');
}

function isExpected(x: unknown): x is Expected {
  return (
    Array.isArray(x) &&
    x.length === 3 &&
    typeof x[0] === 'string' &&
    (SEVERITIES as unknown[]).includes(x[1]) &&
    typeof x[2] === 'string'
  );
}

function isRuleCase(x: unknown): x is RuleCase {
  if (!x || typeof x !== 'object') return false;
  const c = x as Record<string, unknown>;
  const strings = (v: unknown) =>
    v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
  return (
    typeof c.shows === 'string' &&
    typeof c.before === 'string' &&
    typeof c.after === 'string' &&
    Array.isArray(c.expect) &&
    c.expect.every(isExpected) &&
    (c.extraBefore === undefined || isStringRecord(c.extraBefore)) &&
    (c.extraAfter === undefined || isStringRecord(c.extraAfter)) &&
    strings(c.binary) &&
    strings(c.messages) &&
    (c.engineWrong === undefined || typeof c.engineWrong === 'string')
  );
}

/** Every rule's case file, by id (the file name), as data checked on load. */
function loadRuleCases(): { id: string; cases: RuleCase[] }[] {
  return fs
    .readdirSync(CASE_DIR)
    .filter((f) => f.endsWith('.ts') && f !== `${NO_CHANGE_FILE}.ts`)
    .sort()
    .map((f) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod: unknown = require(path.join(CASE_DIR, f));
      const cases: unknown = mod && typeof mod === 'object' ? (mod as { cases?: unknown }).cases : undefined;
      if (!Array.isArray(cases) || !cases.every(isRuleCase))
        throw new Error(`${f}: must export \`cases: RuleCase[]\``);
      return { id: f.slice(0, -'.ts'.length), cases };
    });
}

const RULE_CASES = loadRuleCases();

describe('every rule over every case: the whole output', () => {
  describe.each(RULE_CASES.map((r) => [r.id, r.cases] as const))('%s', (id, cases) => {
    for (const c of cases) {
      // a case the engine gets wrong keeps the right expectation and says why (c.engineWrong)
      const test = c.engineWrong ? it.failing : it;
      test(c.shows, async () => {
        const report = await diffCase(c);
        expect(sortedOutput(report)).toEqual(c.expect);
        if (c.messages)
          expect(
            sortedChanges(report)
              .filter((x) => x.rule === id)
              .map((x) => x.message),
          ).toEqual(c.messages);
      });
    }
  });
});

describe('pairs that are no change at all', () => {
  it.each(NO_CHANGE)('$shows', async (c) => {
    const report = await diffCase(c);
    expect(report.changes).toEqual([]);
    expect(report.requiredBump).toBe('none');
    expect(report.base.digest).toBe(report.head.digest);
  });
});

describe('the cases themselves', () => {
  it('every rule has a case file in which it fires, and every case file names a real rule', () => {
    const ids = CHANGE_RULES.map((r) => r.id).sort();
    expect(RULE_CASES.map((r) => r.id).sort()).toEqual(ids);
    for (const { id, cases } of RULE_CASES) {
      expect(cases.length ? id : `no case in ${id}.ts`).toBe(id);
      const fires = cases.some((c) => c.expect.some(([rule]) => rule === id));
      expect(fires ? id : `${id} fires in no case of ${id}.ts`).toBe(id);
    }
  });

  it('every expected change names a real rule, and each list is stated sorted', () => {
    const ids = new Set(CHANGE_RULES.map((r) => r.id));
    for (const { id, cases } of RULE_CASES)
      for (const c of cases) {
        for (const [rule] of c.expect)
          expect(`${id}: ${c.shows}: ${rule}`).toBe(
            `${id}: ${c.shows}: ${ids.has(rule) ? rule : '(unknown rule)'}`,
          );
        const sorted = [...c.expect].sort((a, b) =>
          a.join('\0') < b.join('\0') ? -1 : a.join('\0') > b.join('\0') ? 1 : 0,
        );
        expect([id, c.shows, c.expect]).toEqual([id, c.shows, sorted]);
      }
  });

  it('every rule is documented as data', () => {
    for (const r of CHANGE_RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.rationale.length).toBeGreaterThan(20);
      expect(r.rationale).not.toContain('\n');
    }
  });
});

describe('comparing any fixture with itself yields no change', () => {
  const all = [
    ...RULE_CASES.flatMap(({ id, cases }) => cases.map((c) => ({ label: `${id}: ${c.shows}`, c }))),
    ...NO_CHANGE.map((c) => ({ label: `${NO_CHANGE_FILE}: ${c.shows}`, c })),
  ];
  it.each(all)('$label', async ({ c }) => {
    const before = await diffCase({
      before: c.before,
      after: c.before,
      extraBefore: c.extraBefore,
      extraAfter: c.extraBefore,
    });
    const after = await diffCase({
      before: c.after,
      after: c.after,
      extraBefore: c.extraAfter,
      extraAfter: c.extraAfter,
    });
    expect(before.changes).toEqual([]);
    expect(after.changes).toEqual([]);
    expect(before.base.digest).toBe(before.head.digest);
    expect(after.base.digest).toBe(after.head.digest);
  });

  it('each distinct source was extracted once, shared by every case and self-comparison that uses it', () => {
    const key = (lib: string, extra: Record<string, string> = {}) =>
      JSON.stringify([lib, Object.entries(extra).sort()]);
    const distinct = new Set(
      [...RULE_CASES.flatMap((r) => r.cases), ...NO_CHANGE].flatMap((c) => [
        key(c.before, c.extraBefore),
        key(c.after, c.extraAfter),
      ]),
    );
    expect(extractionStats.extracted).toBe(distinct.size);
    expect(extractionStats.requested).toBeGreaterThan(distinct.size);
  });
});

describe('required bump', () => {
  it('follows the worst change', async () => {
    expect((await diffLib(fn('#[no_mangle] pub extern "C" fn f() {}'), fn(''))).requiredBump).toBe('major');
    expect((await diffLib(fn(''), fn('#[no_mangle] pub extern "C" fn f() {}'))).requiredBump).toBe('minor');
    expect(
      (
        await diffLib(
          fn('#[no_mangle] pub extern "C" fn f(a: u8) {}'),
          fn('#[no_mangle] pub extern "C" fn f(b: u8) {}'),
        )
      ).requiredBump,
    ).toBe('patch');
    expect((await diffLib(fn('pub const X: u32 = 1;'), fn('pub const X: u32 = 2;'))).requiredBump).toBe(
      'major',
    );
  });
});

describe('the library identity and the built library', () => {
  it('binary-only exports are shown, but the bump and the approval digest are the source surface’s', async () => {
    const c = RULE_CASES.find((r) => r.id === 'binary-only-export')?.cases.find((x) => x.binary);
    if (!c) throw new Error('binary-only-export.ts has no case with a built library');
    const plain = await diffCase({ ...c, binary: undefined });
    const withBin = await diffCase(c);
    expect(withBin.changes.filter((x) => x.rule === 'binary-only-export').map((x) => x.symbol)).toEqual([
      'gen_g',
    ]);
    expect(withBin.deltaDigest).toBe(plain.deltaDigest);
    expect(withBin.requiredBump).toBe(plain.requiredBump);
  });

  it('a renamed library is one breaking change naming both files; a crate type lost is another', async () => {
    const lib = fn('#[no_mangle] pub extern "C" fn f() {}');
    const r = await diffLib(
      lib,
      lib,
      { 'Cargo.toml': CDYLIB('demo', '"cdylib", "staticlib"') },
      { 'Cargo.toml': CDYLIB('demo_ffi', '"cdylib"') },
    );
    expect(r.changes.map((x) => `${x.rule} ${x.severity}`)).toEqual([
      'crate-type-removed breaking',
      'library-renamed breaking',
    ]);
    expect(r.changes.find((x) => x.rule === 'library-renamed')?.message).toContain('libdemo_ffi.so');
    expect(r.requiredBump).toBe('major');
  });

  it('a crate that builds no cdylib or staticlib may rename its lib freely', async () => {
    const lib = fn('#[no_mangle] pub extern "C" fn f() {}');
    const r = await diffLib(
      lib,
      lib,
      { 'Cargo.toml': CDYLIB('demo', '"rlib"') },
      { 'Cargo.toml': CDYLIB('x', '"rlib"') },
    );
    expect(r.changes).toEqual([]);
  });
});
