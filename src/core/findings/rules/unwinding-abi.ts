import type { FindingRule } from '../rule';

/** An export with an unwinding ABI (`C-unwind`, `system-unwind`, ...). */
export const unwindingAbi: FindingRule = {
  id: 'unwinding-abi',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a `-unwind` ABI lets a Rust panic unwind into the caller, which is undefined behaviour for Go (cgo) and for C frames',
  example: 'pub extern "C-unwind" fn run()',
  checklist:
    'every caller can unwind through this frame; otherwise use `extern "C"` and turn panics into errors with `catch_unwind`',
  evidence: 'none: always open',
  check(item) {
    if (item.kind !== 'function' || !item.abi.endsWith('-unwind')) return [];
    return [
      {
        message: `\`${item.name}\` is declared \`extern "${item.abi}"\`: a panic in it unwinds into the Go or C caller`,
      },
    ];
  },
};
