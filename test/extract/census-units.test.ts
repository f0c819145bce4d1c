/**
 * A census unit's hash is part of every unresolved entry's key (acknowledgements refer to keys), so
 * its definition must not drift: the first 16 hex digits of SHA-256 over each token's text followed
 * by NUL, for the unit's tokens. Checked here against that definition, one update per token.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { takeCensus, Unit } from '../../src/core/extract/census';
import { lex } from '../../src/core/rust/lexer';

function definedHash(text: string, unit: Unit): string {
  const h = createHash('sha256');
  for (const t of lex(text.slice(unit.start, unit.end))) {
    h.update(t.text);
    h.update('\u0000');
  }
  return h.digest('hex').slice(0, 16);
}

const TEXTS = [
  '#[no_mangle] pub extern "C" fn f() {}',
  'm!(a \ud83d\ude00 b); n!(\ud800 \udc00);',
  '#[my_attr] #[derive(Serialize)] struct S { x: u8 }',
  'fn f() { println!("{}", 1); vec![1, 2, 3]; mac!{ no_mangle } }',
  'extern "C" { fn g(); }\nfoo::bar!(x, "s", \'c\', r#"raw"#, 1.5e3);',
];

describe('census units', () => {
  const check = (text: string) => {
    const c = takeCensus(text, { features: new Set() });
    const units = [...c.sites, ...c.bangs, ...c.attrs].map((x) => x.unit);
    for (const u of units) expect(u.hash).toBe(definedHash(text, u));
    return units.length;
  };

  it.each(TEXTS)('hash per their definition in %j', (text) => {
    expect(check(text)).toBeGreaterThan(0);
  });

  it('hash per their definition in the fixtures', () => {
    const root = path.join(__dirname, '..', 'fixtures');
    let units = 0;
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.rs')) units += check(fs.readFileSync(p, 'utf8'));
      }
    };
    walk(root);
    expect(units).toBeGreaterThan(100);
  });
});
