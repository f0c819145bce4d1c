/**
 * The old/new pairs of the `cgo-prototype-mismatch` change rule and everything each yields (run by
 * ../rules.test.ts, which runs the consumers' contract check on both sides of a case with Go files).
 */
import { fn, type RuleCase } from '../helpers';

const GO = (prototype: string): Record<string, string> => ({
  'go/main.go': `package main\n\n/*\n#include <stdint.h>\n${prototype}\n*/\nimport "C"\n\nfunc main() { println(C.twice(21)) }\n`,
});

export const cases: RuleCase[] = [
  {
    shows: 'a type widened in Rust that the inline cgo prototype still declares narrow',
    before: fn('#[no_mangle] pub extern "C" fn twice(v: i32) -> i32 { v * 2 }'),
    after: fn('#[no_mangle] pub extern "C" fn twice(v: i64) -> i64 { v * 2 }'),
    extraBefore: GO('int32_t twice(int32_t v);'),
    extraAfter: GO('int32_t twice(int32_t v);'),
    expect: [
      ['cgo-prototype-mismatch', 'breaking', 'twice'],
      ['function-parameters-changed', 'breaking', 'twice'],
      ['function-return-changed', 'breaking', 'twice'],
    ],
    messages: [
      '`twice` in the cgo preamble of go/main.go now disagrees with Rust: parameter 1 is `int32_t` at go/main.go:5 and `i64` at src/lib.rs:2 (size; LP64, LLP64): consumers read the wrong value; the return type is `int32_t` at go/main.go:5 and `i64` at src/lib.rs:2 (size; LP64, LLP64): consumers read the wrong value; update the prototype',
    ],
  },
  {
    shows: 'a prototype made unsigned in the preamble, Rust unchanged: the only change',
    before: fn('#[no_mangle] pub extern "C" fn twice(v: i32) -> i32 { v * 2 }'),
    after: fn('#[no_mangle] pub extern "C" fn twice(v: i32) -> i32 { v * 2 }'),
    extraBefore: GO('int32_t twice(int32_t v);'),
    extraAfter: GO('uint32_t twice(int32_t v);'),
    expect: [['cgo-prototype-mismatch', 'breaking', 'twice']],
  },
];
