import { takeCensus } from '../../src/core/extract/census';

const env = { features: new Set<string>() };

describe('census', () => {
  it('finds sites, macros and inactive code', () => {
    const text = [
      'use serde::Serialize;',
      '// #[no_mangle] in a comment',
      'const S: &str = "#[no_mangle]";',
      '#[no_mangle] pub extern "C" fn a() {}',
      'pub fn b() { #![no_mangle] }',
      'fn c() { println!("{}", { #[r#no_mangle] extern "C" fn d() {} 1 }); }',
      '#[cfg(test)] mod tests { #[no_mangle] fn t() {} my::proc!(); }',
      '#[derive(Serialize, Custom)] struct S { #[serde(skip)] #[helper] a: u32 }',
      '#[my_attr] fn e() {}',
      'macro_rules! m { () => { #[no_mangle] extern "C" fn f() {} } }',
      'mod inner { impl<T> Foo for Bar<T> { fn g() { \u200e #\u200e[no_mangle] fn h() {} } } }',
    ].join('\n');
    const c = takeCensus(text, env);
    const at = (o: number) => text.slice(0, o).split('\n').length;
    expect(c.sites.map((s) => [at(s.offset), s.token, s.itemPath.join('::')])).toEqual([
      [4, 'no_mangle', 'a'],
      [5, 'no_mangle', 'b'],
      [6, 'r#no_mangle', 'c::d'],
      [11, 'no_mangle', 'inner::<impl Bar>::g::h'],
    ]);
    expect(c.bangs.map((b) => b.path)).toEqual(['println']);
    expect(c.attrs.map((a) => [a.path, a.kind, a.underDerive])).toEqual([
      // `derive` itself is std's unless shadowed: recorded for the accounting to resolve
      ['derive', 'attribute', true],
      ['Serialize', 'derive', true],
      ['Custom', 'derive', true],
      ['serde', 'attribute', true],
      ['helper', 'attribute', true],
      ['my_attr', 'attribute', false],
    ]);
    expect(c.macroDefs.map((m) => m.name)).toEqual(['m']);
    expect(c.inactive.length).toBe(1);
    expect(c.imports.get('Serialize')).toBe('serde');
  });

  it('counts a bare export word only where it can become an attribute: attributes and macro input', () => {
    const text = [
      'fn f(export_name: &str) { let no_mangle = export_name; }',
      'm!(no_mangle);',
      'n! { #[export_name = "x"] fn g() {} }',
    ].join('\n');
    const c = takeCensus(text, env);
    const at = (o: number) => text.slice(0, o).split('\n').length;
    expect(c.sites.map((s) => [at(s.offset), s.token])).toEqual([
      [2, 'no_mangle'],
      [3, 'export_name'],
    ]);
  });
});
