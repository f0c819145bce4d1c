/** The old/new pairs of the `gated-export-added` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a new export behind a feature the analysed build leaves off is shown, not skipped',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn(
      '#[no_mangle] pub extern "C" fn f() {}\n#[cfg(feature = "fips")] #[no_mangle] pub extern "C" fn g() {}',
    ),
    expect: [['gated-export-added', 'addition', 'g']],
    messages: [
      'new export `g` behind `cfg(feature = "fips")`, which the analysed build (no features) does not enable: its signature and findings are not analysed here',
    ],
  },
  {
    shows: 'a static behind a feature counts too; one that stays behind its feature is no change',
    before: fn('#[cfg(feature = "fips")] #[no_mangle] pub extern "C" fn g() {}'),
    after: fn(
      '#[cfg(feature = "fips")] #[no_mangle] pub extern "C" fn g() {}\n#[cfg(feature = "fips")] #[no_mangle] pub static S: i32 = 1;',
    ),
    expect: [['gated-export-added', 'addition', 'S']],
  },
];
