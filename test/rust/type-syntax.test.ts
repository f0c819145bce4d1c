import { parseType, renderType } from '../../src/core/rust/type-syntax';

describe('parseType', () => {
  it.each([
    '*const c_char',
    '*mut *mut Foo',
    '&mut Foo',
    '&[u8]',
    '[u8; 4]',
    '[[u8; 2]; N * 2]',
    '(i32, i32)',
    '(i32,)',
    'Option<extern "C" fn(c_int) -> c_int>',
    'unsafe extern "C-unwind" fn(*mut c_void, usize)',
    'fn(i32) -> String',
    'Box<dyn Fn(i32) -> i32 + Send>',
    'HashMap<String, Vec<u8>>',
    'impl Iterator<Item = u8>',
    '!',
  ])('round-trips %s', (t) => {
    expect(renderType(parseType(t))).toBe(t);
  });
  it('reads structure', () => {
    expect(parseType('Option<extern "C" fn(c_int) -> c_int>')).toEqual({
      k: 'path',
      name: 'Option',
      args: [
        {
          k: 'fn',
          abi: 'C',
          unsafe: false,
          params: [{ k: 'path', name: 'c_int', args: [] }],
          ret: { k: 'path', name: 'c_int', args: [] },
        },
      ],
    });
    expect(parseType("&'a mut Foo<'a, T>")).toEqual({
      k: 'ref',
      mut: true,
      to: { k: 'path', name: 'Foo', args: [{ k: 'path', name: 'T', args: [] }] },
    });
    expect(parseType('std::os::raw::c_int')).toEqual({ k: 'path', name: 'c_int', args: [] });
    expect(parseType('extern fn()')).toMatchObject({ k: 'fn', abi: 'C' });
  });
  it('gives up gracefully on what it cannot read', () => {
    for (const t of ['', '<T as Trait>::Out', '*Foo', 'Foo<', 'x'.repeat(5000), '[u8; 4', ')']) {
      const r = parseType(t);
      if (t === '<T as Trait>::Out') expect(r.k).toBe('other');
      else expect(r).toEqual({ k: 'other', text: t });
    }
  });
});

describe('array lengths are expressions', () => {
  it.each(['[u8; 1 << 3]', '[u8; N >> 1]', '[u8; { 4 * 2 }]', '[u8; (1 << 2) + size_of::<u32>()]'])(
    '%s',
    (t) => {
      const parsed = parseType(t);
      expect(parsed.k).toBe('array');
      expect(renderType(parsed)).toBe(t);
    },
  );
});
