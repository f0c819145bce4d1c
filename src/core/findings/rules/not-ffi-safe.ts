import type { Field, SurfaceItem } from '../../model';
import type { FindingHit, FindingRule } from '../rule';
import { ffiProblemOf, TypeEnv, TypePosition } from '../ffi-safety';

function fieldHits(fields: Field[], env: TypeEnv, where: string): FindingHit[] {
  const out: FindingHit[] = [];
  for (const f of fields) {
    const problem = ffiProblemOf(f.type, 'field', env);
    if (problem) out.push({ message: `field \`${f.name}\`${where} is not FFI-safe: ${problem}` });
  }
  return out;
}

function signatureHits(
  params: { name: string; type: string }[],
  returns: string | null | undefined,
  env: TypeEnv,
): FindingHit[] {
  const out: FindingHit[] = [];
  for (const p of params) {
    const problem = ffiProblemOf(p.type, 'value', env);
    if (problem) out.push({ message: `parameter \`${p.name}\` is not FFI-safe: ${problem}` });
  }
  if (returns) {
    const problem = ffiProblemOf(returns, 'value', env);
    if (problem) out.push({ message: `the return type is not FFI-safe: ${problem}` });
  }
  return out;
}

function check(item: SurfaceItem, env: TypeEnv): FindingHit[] {
  switch (item.kind) {
    case 'function':
      return signatureHits(item.params, item.returns, env);
    case 'import':
      if (item.what === 'function') return signatureHits(item.params ?? [], item.returns, env);
      return staticHit(item.type, env);
    case 'static':
      return staticHit(item.type, env);
    // a type with Rust's own layout is opaque to C (reached behind a pointer): its fields are not read
    case 'struct':
    case 'union':
      return item.repr.length ? fieldHits(item.fields, env, '') : [];
    case 'enum':
      if (!item.repr.length) return [];
      return item.variants.flatMap((v) => fieldHits(v.fields ?? [], env, ` of variant \`${v.name}\``));
    default:
      return [];
  }
}

function staticHit(type: string | undefined, env: TypeEnv): FindingHit[] {
  if (!type) return [];
  const pos: TypePosition = 'static';
  const problem = ffiProblemOf(type, pos, env);
  return problem ? [{ message: `the static's type is not FFI-safe: ${problem}` }] : [];
}

/** A type with no C layout in a signature, an exported static, an import, or a field of a C type. */
export const notFfiSafe: FindingRule = {
  id: 'not-ffi-safe',
  level: 'high',
  kinds: ['function', 'static', 'import', 'struct', 'union', 'enum'],
  rationale:
    'memory safety: with a type that has no C layout the caller and the library disagree on size, layout or calling convention, and memory is corrupted',
  example: 'fn name_len(name: &str) -> usize',
  checklist:
    'the type is replaced with a C-compatible one: a `#[repr(C)]` type, a pointer plus length, `*const c_char`, an integer, or a pointer to an opaque type',
  evidence: 'none: always open',
  check(item, ctx) {
    return check(item, ctx.types);
  },
};
