/** The old/new pairs of the `gated-export-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'an export behind a feature the analysed build leaves off disappears',
    before: fn(
      '#[no_mangle] pub extern "C" fn f() {}\n#[cfg(feature = "fips")] #[no_mangle] pub extern "C" fn g() {}',
    ),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    expect: [['gated-export-removed', 'breaking', 'g']],
    messages: ['`g` behind `cfg(feature = "fips")` is gone: builds that enable it no longer export it'],
  },
];
