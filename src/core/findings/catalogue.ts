/**
 * The catalogue of security finding rules (SPEC section 5), sorted by id.
 */
import type { FindingRule } from './rule';
import { bufferParam } from './rules/buffer-param';
import { callbackParam } from './rules/callback-param';
import { cStringParam } from './rules/c-string-param';
import { danglingPointerReturn } from './rules/dangling-pointer-return';
import { declaredNotExported } from './rules/declared-not-exported';
import { exposureWidened } from './rules/exposure-widened';
import { fromRawVoid } from './rules/from-raw-void';
import { handleSendSync } from './rules/handle-send-sync';
import { hiddenExport } from './rules/hidden-export';
import { invalidValueParam } from './rules/invalid-value-param';
import { libcSymbolCollision } from './rules/libc-symbol-collision';
import { missingDestructor } from './rules/missing-destructor';
import { missingSafetyDoc } from './rules/missing-safety-doc';
import { mutableGlobal } from './rules/mutable-global';
import { notFfiSafe } from './rules/not-ffi-safe';
import { notUnsafePtrDeref } from './rules/not-unsafe-ptr-deref';
import { panicPath } from './rules/panic-path';
import { rawPointerParam } from './rules/raw-pointer-param';
import { referenceParam } from './rules/reference-param';
import { rustAbiExport } from './rules/rust-abi-export';
import { signatureMismatch } from './rules/signature-mismatch';
import { undeclaredExport } from './rules/undeclared-export';
import { untestedExport } from './rules/untested-export';
import { unwindingAbi } from './rules/unwinding-abi';

export const FINDING_RULES: FindingRule[] = [
  bufferParam,
  callbackParam,
  cStringParam,
  danglingPointerReturn,
  declaredNotExported,
  exposureWidened,
  fromRawVoid,
  handleSendSync,
  hiddenExport,
  invalidValueParam,
  libcSymbolCollision,
  missingDestructor,
  missingSafetyDoc,
  mutableGlobal,
  notFfiSafe,
  notUnsafePtrDeref,
  panicPath,
  rawPointerParam,
  referenceParam,
  rustAbiExport,
  signatureMismatch,
  undeclaredExport,
  untestedExport,
  unwindingAbi,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const FINDING_RULE_IDS: string[] = FINDING_RULES.map((r) => r.id);

export function findingRule(id: string): FindingRule | undefined {
  return FINDING_RULES.find((r) => r.id === id);
}
