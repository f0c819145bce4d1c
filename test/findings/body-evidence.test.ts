/**
 * The evidence scanner and the checker resolution on hostile input: every list bounded, cycles
 * and long call chains end, a name defined twice must check in both definitions, what a PR author
 * names is shortened before it reaches a message.
 */
import {
  declaresFunction,
  MAX_CHECKER_DEPTH,
  MAX_EVIDENCE_RECORDS,
  matcherMetavariables,
  resolveNullCheckers,
  scanEvidence,
} from '../../src/core/extract/body-evidence';
import { byRule, crateOf, findingsOf } from './helpers';
import { MAX_EVIDENCE } from '../../src/core/findings/evidence';

const P = new Set(['p']);
const NONE = new Set<string>();

describe('scanEvidence', () => {
  it('keeps one record per check form, and at most the bound of each kind', () => {
    const body = `{ ${'if p.is_null() { return; } '.repeat(1000)} ${Array.from({ length: 1000 }, (_, i) => `f${i}(p);`).join(' ')} }`;
    const ev = scanEvidence(body, P, NONE, 1);
    expect(ev.nullChecks).toHaveLength(1);
    expect(ev.passes).toHaveLength(MAX_EVIDENCE_RECORDS);
  });
  it('reads checks inside macro token trees, and none in comments or strings', () => {
    const body = '{\n  m! { let q = check!(p); }\n  // p.is_null()\n  let s = "NonNull::new(p)";\n}';
    const ev = scanEvidence(body, P, NONE, 10);
    expect(ev.nullChecks).toEqual([]);
    expect(ev.passes).toEqual([{ param: 'p', callee: 'check', macro: true, arg: 0, line: 11 }]);
  });
  it('takes no evidence from debug_assert! (compiled out of release builds), but from assert!', () => {
    expect(
      scanEvidence('{ debug_assert!(!p.is_null()); debug_assert_ne!(p, std::ptr::null()); }', P, NONE, 1)
        .nullChecks,
    ).toEqual([]);
    expect(scanEvidence('{ assert!(!p.is_null()); }', P, NONE, 1).nullChecks.map((c) => c.what)).toEqual([
      '`.is_null()`',
    ]);
  });
  it('does not take a field or a path of the same name for the parameter', () => {
    const ev = scanEvidence('{ s.p.is_null(); p::is_null(); x.f(p); }', P, NONE, 1);
    expect(ev.nullChecks).toEqual([]);
    expect(ev.passes).toEqual([]); // a method call is no crate function
  });
  it('gives every argument its position, and nested groups to the argument they are in', () => {
    const ev = scanEvidence('{ g((a, b), c(p), p as *const u8, p.cast()); }', P, NONE, 1);
    expect(ev.passes.map((x) => [x.callee, x.arg])).toEqual([
      ['g', 2],
      ['g', 3],
      ['c', 0],
    ]);
  });
  it('ends on unbalanced input', () => {
    expect(scanEvidence('{ f(p, g(p ', P, NONE, 1).passes.map((x) => x.callee)).toEqual(['f', 'g']);
    expect(scanEvidence(')))) p.is_null( ((((', P, NONE, 1).nullChecks).toHaveLength(1);
  });
});

describe('matcherMetavariables', () => {
  it('reads a plain list of metavariables and nothing else', () => {
    expect(matcherMetavariables('$var:ident')).toEqual(['$var']);
    expect(matcherMetavariables(' $a:expr , $b:expr ')).toEqual(['$a', '$b']);
    expect(matcherMetavariables('$($t:tt)*')).toBeNull();
    expect(matcherMetavariables('ptr $a:expr')).toBeNull();
  });
});

const helper = (name: string, body: string, identity = false) => {
  const ev = scanEvidence(body, P, NONE, 1);
  return {
    name,
    file: 'src/lib.rs',
    line: 1,
    params: ['p'],
    ptrs: ['p'],
    nullChecks: ev.nullChecks,
    passes: ev.passes,
    identity,
  };
};

describe('resolveNullCheckers', () => {
  it('ends on cycles of functions and of macros, and finds no checker in them', () => {
    const fns = [helper('f', '{ g(p) }'), helper('g', '{ f(p) }')];
    const macros = [
      {
        name: 'a',
        rules: [{ matcher: '$v:ident', transcriber: 'b!($v)' }],
        exports: false,
        catchesUnwind: false,
        file: 'src/lib.rs',
        line: 1,
      },
      {
        name: 'b',
        rules: [{ matcher: '$v:ident', transcriber: 'a!($v)' }],
        exports: false,
        catchesUnwind: false,
        file: 'src/lib.rs',
        line: 2,
      },
    ];
    expect(resolveNullCheckers(fns, macros)).toEqual([]);
  });
  it(`follows at most ${MAX_CHECKER_DEPTH} calls`, () => {
    const chain = Array.from({ length: 10 }, (_, i) =>
      helper(`h${i}`, i === 9 ? '{ p.is_null() }' : `{ h${i + 1}(p) }`),
    );
    const names = resolveNullCheckers(chain, []).map((c) => c.name);
    expect(names).toContain('h9');
    expect(names).toContain(`h${9 - MAX_CHECKER_DEPTH}`);
    expect(names).not.toContain(`h${8 - MAX_CHECKER_DEPTH}`);
    expect(names).not.toContain('h0');
  });
  it('needs every definition of a name to check', () => {
    const checks = helper('check', '{ p.is_null() }');
    expect(resolveNullCheckers([checks], []).map((c) => c.name)).toEqual(['check']);
    expect(resolveNullCheckers([checks, helper('check', '{ p as usize == 0 }')], [])).toEqual([]);
  });
  it('needs every rule of a macro to check the same argument', () => {
    const def = (rules: { matcher: string; transcriber: string }[]) => [
      { name: 'm', rules, exports: false, catchesUnwind: false, file: 'src/lib.rs', line: 1 },
    ];
    const ok = { matcher: '$v:ident', transcriber: 'if $v.is_null() { return; }' };
    expect(resolveNullCheckers([], def([ok])).map((c) => [c.name, c.arg])).toEqual([['m', 0]]);
    expect(resolveNullCheckers([], def([ok, { matcher: '$v:expr', transcriber: '$v' }]))).toEqual([]);
    expect(resolveNullCheckers([], def([ok, { matcher: '$($v:expr),*', transcriber: '' }]))).toEqual([]);
  });
});

describe('evidence a PR author names', () => {
  it('is shortened and bounded in count', async () => {
    const long = `check_${'x'.repeat(5000)}`;
    // more distinct checks of `p` than a finding keeps: 12 checker functions besides the long one
    const checkers = Array.from({ length: 12 }, (_, i) => `chk${i}`);
    const fx = {
      lib:
        `fn ${long}(p: *const u8) -> bool { !p.is_null() }\n` +
        checkers.map((c) => `fn ${c}(p: *const u8) -> bool { !p.is_null() }\n`).join('') +
        '#[no_mangle]\npub extern "C" fn f(p: *const u8) -> c_int {\n' +
        `    if !${long}(p) { return -1; }\n` +
        checkers.map((c) => `    if !${c}(p) { return -1; }\n`).join('') +
        Array.from(
          { length: 40 },
          (_, i) =>
            `    if p.is_null() && ${i} == 0 { return -1; }\n    if p == std::ptr::null() { return -1; }\n    if unsafe { p.as_ref() }.is_none() { return -1; }\n`,
        ).join('') +
        '    0\n}\n',
    };
    const crate = await crateOf(fx);
    expect(crate.nullCheckers?.map((c) => c.name.length).sort((a, b) => b - a)[0]).toBe(long.length);
    const [hit] = byRule(await findingsOf(fx), 'raw-pointer-param');
    expect(hit.status).toBe('verified');
    // 13 checker calls and 120 checks in place: the list stops at the bound
    expect(hit.evidence?.length).toBe(MAX_EVIDENCE);
    for (const e of hit.evidence ?? []) expect(e.what.length).toBeLessThanOrEqual(200);
  });
});

describe('declaresFunction', () => {
  it('finds a declaration of a wanted name, not a call or a longer name', () => {
    const want = new Set(['check']);
    expect(declaresFunction('pub(crate) fn check<T>(p: *const T) -> bool { true }', want)).toBe(true);
    expect(declaresFunction('fn r#check(p: *const u8) {}', want)).toBe(true);
    expect(declaresFunction('fn other() { check(p) }', want)).toBe(false);
    expect(declaresFunction('fn checker() {}', want)).toBe(false);
    expect(declaresFunction('fn check() {}', new Set())).toBe(false);
  });
});
