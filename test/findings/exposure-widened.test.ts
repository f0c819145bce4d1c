/**
 * exposure-widened needs the base: either the base item (`before`) whose cfg was off in the
 * base's default build, or the base crate's `gated` list for an item that is new in the head.
 */
import { computeFindings } from '../../src/core/findings/compute-findings';
import type { CrateSurface, SurfaceItem } from '../../src/core/model';
import { byRule, crateOf } from './helpers';

const manifest = (defaults: string) =>
  `[package]\nname = "demo"\nversion = "1.0.0"\nedition = "2021"\n\n[features]\ndefault = [${defaults}]\nextra = []\n`;
const GATED =
  '#[cfg(feature = "extra")]\n#[no_mangle]\npub extern "C" fn extra_fn() {}\n#[no_mangle]\npub extern "C" fn always() {}\n';
const UNGATED =
  '#[no_mangle]\npub extern "C" fn extra_fn() {}\n#[no_mangle]\npub extern "C" fn always() {}\n';

function item(c: CrateSurface, name: string): SurfaceItem {
  const it = c.items.find((i) => i.name === name);
  if (!it) throw new Error(`no ${name}`);
  return it;
}

describe('exposure-widened', () => {
  it('flags an item that left a non-default feature gate (new in the head, gated in the base)', async () => {
    const base = await crateOf({ lib: GATED, manifest: manifest('') });
    expect(base.gated?.map((g) => g.name)).toEqual(['extra_fn']);
    const head = await crateOf({ lib: UNGATED, manifest: manifest('') });
    const fs = computeFindings([{ item: item(head, 'extra_fn') }], head, undefined, { base });
    expect(byRule(fs, 'exposure-widened').map((f) => [f.level, f.symbol, f.message])).toEqual([
      [
        'medium',
        'extra_fn',
        '`extra_fn` was behind `cfg(feature = "extra")`, off in the base\'s default build, and is in the head\'s: it left the `extra` feature gate',
      ],
    ]);
  });

  it('flags an item whose feature became a default feature', async () => {
    const base = await crateOf({ lib: GATED, manifest: manifest('') });
    const head = await crateOf({ lib: GATED, manifest: manifest('"extra"') });
    const fs = computeFindings([{ item: item(head, 'extra_fn') }], head, undefined, { base });
    expect(byRule(fs, 'exposure-widened').map((f) => f.message)).toEqual([
      '`extra_fn` was behind `cfg(feature = "extra")`, off in the base\'s default build, and is in the head\'s: `extra` is now enabled by default',
    ]);
  });

  it('flags a changed item whose base version (from an all-features extraction) was gated', async () => {
    const baseDefault = await crateOf({ lib: GATED, manifest: manifest('') });
    const baseAll = await crateOf({ lib: GATED, manifest: manifest('') }, { mode: 'all' });
    const head = await crateOf({ lib: UNGATED, manifest: manifest('') });
    const entry = { item: item(head, 'extra_fn'), before: item(baseAll, 'extra_fn') };
    expect(
      byRule(computeFindings([entry], head, undefined, { base: baseDefault }), 'exposure-widened'),
    ).toHaveLength(1);
    // without the base, the head's own features tell the gate was off
    expect(byRule(computeFindings([entry], head), 'exposure-widened')).toHaveLength(1);
  });

  it('spares items that were never gated, or whose feature was already on by default', async () => {
    const base = await crateOf({ lib: GATED, manifest: manifest('') });
    const head = await crateOf({ lib: UNGATED, manifest: manifest('') });
    const spared = computeFindings(
      [{ item: item(head, 'always'), before: item(base, 'always') }],
      head,
      undefined,
      { base },
    );
    expect(byRule(spared, 'exposure-widened')).toEqual([]);

    // new in the head, and the base knows nothing gated: a plain addition
    expect(byRule(computeFindings([{ item: item(head, 'extra_fn') }], head), 'exposure-widened')).toEqual([]);

    const baseOn = await crateOf({ lib: GATED, manifest: manifest('"extra"') });
    const entry = { item: item(head, 'extra_fn'), before: item(baseOn, 'extra_fn') };
    expect(byRule(computeFindings([entry], head, undefined, { base: baseOn }), 'exposure-widened')).toEqual(
      [],
    );
  });
});
