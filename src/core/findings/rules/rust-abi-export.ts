import type { FindingRule } from '../rule';

/** An exported fn with no `extern`: it keeps the unspecified Rust calling convention. */
export const rustAbiExport: FindingRule = {
  id: 'rust-abi-export',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: the Rust ABI is unspecified, so a C or Go caller calls this symbol with the wrong calling convention and garbles its arguments',
  example: '#[no_mangle] pub fn helper() {}',
  checklist: 'add `extern "C"`, or stop exporting the function',
  evidence: 'none: always open',
  check(item) {
    if (item.kind !== 'function' || item.abi !== 'Rust') return [];
    const attr = item.export === 'export_name' ? '`#[export_name]`' : '`#[no_mangle]`';
    return [{ message: `${attr} exports \`${item.name}\` with the Rust ABI, which C callers cannot call` }];
  },
};
