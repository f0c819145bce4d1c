import { computeFindings } from '../../src/core/findings/compute-findings';
import { matchGlob } from '../../src/core/findings/glob';
import { validateFindingPolicy } from '../../src/core/findings/policy';
import type { FindingPolicy } from '../../src/core/findings/policy';
import { crateOf, findingsOf, Fixture } from './helpers';

const SAFETY = '/// # Safety\n/// Valid.\n';
const FX: Fixture = {
  lib: `mod gen;\n${SAFETY}#[no_mangle]\npub unsafe extern "C" fn poke(p: *mut u8) {}\n`,
  files: { 'src/gen.rs': `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn gen_poke(p: *mut u8) {}\n` },
};

const raw = async (policy: FindingPolicy) =>
  (await findingsOf(FX, policy))
    .filter((f) => f.rule === 'raw-pointer-param')
    .map((f) => [f.symbol, f.level, f.file]);

describe('finding policy', () => {
  it('defaults: every rule at its own level', async () => {
    expect(await raw({})).toEqual([
      ['gen_poke', 'high', 'src/gen.rs'],
      ['poke', 'high', 'src/lib.rs'],
    ]);
  });
  it('changes a rule level', async () => {
    expect(await raw({ levels: { 'raw-pointer-param': 'low' } })).toEqual([
      ['gen_poke', 'low', 'src/gen.rs'],
      ['poke', 'low', 'src/lib.rs'],
    ]);
  });
  it('switches a rule off and leaves the others', async () => {
    const fs = await findingsOf(FX, { levels: { 'raw-pointer-param': 'off' } });
    expect(fs.filter((f) => f.rule === 'raw-pointer-param')).toEqual([]);
    expect(fs.filter((f) => f.rule === 'untested-export').map((f) => f.symbol)).toEqual(['gen_poke', 'poke']);
  });
  it('scopes a rule by path: exclude, include, ** and *', async () => {
    expect(await raw({ scopes: { 'raw-pointer-param': { exclude: ['src/gen.rs'] } } })).toEqual([
      ['poke', 'high', 'src/lib.rs'],
    ]);
    expect(await raw({ scopes: { 'raw-pointer-param': { include: ['**/gen.rs'] } } })).toEqual([
      ['gen_poke', 'high', 'src/gen.rs'],
    ]);
    expect(
      await raw({ scopes: { 'raw-pointer-param': { include: ['src/**'], exclude: ['src/g*.rs'] } } }),
    ).toEqual([['poke', 'high', 'src/lib.rs']]);
    expect(await raw({ scopes: { 'raw-pointer-param': { include: ['crates/**'] } } })).toEqual([]);
    // scoping one rule leaves the others alone
    const fs = await findingsOf(FX, { scopes: { 'raw-pointer-param': { include: ['crates/**'] } } });
    expect(fs.filter((f) => f.rule === 'untested-export')).toHaveLength(2);
  });
  it('rejects an unknown rule id, naming it', async () => {
    const crate = await crateOf(FX);
    expect(() => computeFindings([], crate, { levels: { 'raw-pointer': 'low' } })).toThrow(
      'unknown finding rule "raw-pointer" in levels (did you mean "raw-pointer-param"?)',
    );
    expect(() => validateFindingPolicy({ scopes: { 'no-such-rule': { exclude: ['x'] } } })).toThrow(
      /^unknown finding rule "no-such-rule" in scopes$/,
    );
  });
  it('rejects a bad level or a bad glob list, naming the rule', () => {
    const badLevel = { levels: { 'panic-path': 'critical' } } as unknown as FindingPolicy;
    expect(() => validateFindingPolicy(badLevel)).toThrow(
      'finding rule "panic-path": level must be one of high, medium, low or off, not "critical"',
    );
    const badGlob = { scopes: { 'panic-path': { include: 'src/**' } } } as unknown as FindingPolicy;
    expect(() => validateFindingPolicy(badGlob)).toThrow(
      'finding rule "panic-path": scope include must be a list of non-empty path globs',
    );
    expect(() => validateFindingPolicy({ scopes: { 'panic-path': { exclude: [''] } } })).toThrow(
      /scope exclude/,
    );
  });
});

describe('path globs', () => {
  it.each([
    ['src/*.rs', 'src/lib.rs', true],
    ['src/*.rs', 'src/ffi/mod.rs', false],
    ['src/**', 'src/ffi/mod.rs', true],
    ['src/**', 'src', true],
    ['src/**/*.rs', 'src/lib.rs', true],
    ['src/**/*.rs', 'src/a/b/c.rs', true],
    ['**/gen.rs', 'gen.rs', true],
    ['**/gen.rs', 'crates/x/src/gen.rs', true],
    ['**/gen.rs', 'crates/x/src/agen.rs', false],
    ['crates/*/src/ffi.rs', 'crates/core/src/ffi.rs', true],
    ['crates/*/src/ffi.rs', 'crates/a/b/src/ffi.rs', false],
    ['src/lib?.rs', 'src/lib2.rs', true],
    ['src/lib.rs', 'src/libXrs', false],
    ['./src/lib.rs', 'src/lib.rs', true],
    ['src/(a)+.rs', 'src/(a)+.rs', true],
  ])('%s ~ %s → %s', (glob, path, want) => {
    expect(matchGlob(glob, path)).toBe(want);
  });
});
