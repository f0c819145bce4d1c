/** Every change rule, sorted by id. The README's rule table is generated from this list. */
import type { ChangeRule } from './rule';
import { binaryOnlyExport } from './rules/binary-only-export';
import { cgoPrototypeMismatch } from './rules/cgo-prototype-mismatch';
import { cfgGateChanged } from './rules/cfg-gate-changed';
import { cfgGateRemoved } from './rules/cfg-gate-removed';
import { cDeclarationChanged } from './rules/c-declaration-changed';
import { constAdded } from './rules/const-added';
import { constRemoved } from './rules/const-removed';
import { constTypeChanged } from './rules/const-type-changed';
import { constValueChanged } from './rules/const-value-changed';
import { crateTypeAdded } from './rules/crate-type-added';
import { crateTypeRemoved } from './rules/crate-type-removed';
import { enumDiscriminantChanged } from './rules/enum-discriminant-changed';
import { enumVariantAdded } from './rules/enum-variant-added';
import { enumVariantAddedNonExhaustive } from './rules/enum-variant-added-non-exhaustive';
import { enumVariantRemoved } from './rules/enum-variant-removed';
import { enumVariantLayoutChanged } from './rules/enum-variant-layout-changed';
import { enumVariantRenamed } from './rules/enum-variant-renamed';
import { exportRenamed } from './rules/export-renamed';
import { featureMadeDefault } from './rules/feature-made-default';
import { functionAbiChanged } from './rules/function-abi-changed';
import { functionAbiNearChanged } from './rules/function-abi-near-changed';
import { functionAdded } from './rules/function-added';
import { functionParameterRenamed } from './rules/function-parameter-renamed';
import { functionParametersChanged } from './rules/function-parameters-changed';
import { functionRemoved } from './rules/function-removed';
import { functionReturnChanged } from './rules/function-return-changed';
import { functionTargetFeatureChanged } from './rules/function-target-feature-changed';
import { functionUnsafeChanged } from './rules/function-unsafe-changed';
import { headerOutOfDate } from './rules/header-out-of-date';
import { importAdded } from './rules/import-added';
import { importRemoved } from './rules/import-removed';
import { gatedExportAdded } from './rules/gated-export-added';
import { gatedExportRemoved } from './rules/gated-export-removed';
import { itemGated } from './rules/item-gated';
import { libraryRenamed } from './rules/library-renamed';
import { platformWidthChanged } from './rules/platform-width-changed';
import { rustContractChanged } from './rules/rust-contract-changed';
import { rustSpellingChanged } from './rules/rust-spelling-changed';
import { reprChanged } from './rules/repr-changed';
import { staticAdded } from './rules/static-added';
import { staticMutabilityChanged } from './rules/static-mutability-changed';
import { staticRemoved } from './rules/static-removed';
import { staticTypeChanged } from './rules/static-type-changed';
import { structFieldAddedBehindPointer } from './rules/struct-field-added-behind-pointer';
import { structFieldAddedByValue } from './rules/struct-field-added-by-value';
import { structFieldRenamed } from './rules/struct-field-renamed';
import { structLayoutChanged } from './rules/struct-layout-changed';
import { typeAdded } from './rules/type-added';
import { typeAliasAdded } from './rules/type-alias-added';
import { typeAliasChanged } from './rules/type-alias-changed';
import { typeAliasRemoved } from './rules/type-alias-removed';
import { typeRemoved } from './rules/type-removed';
import { typeSpellingChanged } from './rules/type-spelling-changed';
import { unresolvedExportSite } from './rules/unresolved-export-site';
import { unresolvedMacro } from './rules/unresolved-macro';

export const CHANGE_RULES: ChangeRule[] = [
  binaryOnlyExport,
  cgoPrototypeMismatch,
  cfgGateChanged,
  cfgGateRemoved,
  cDeclarationChanged,
  constAdded,
  constRemoved,
  constTypeChanged,
  constValueChanged,
  crateTypeAdded,
  crateTypeRemoved,
  enumDiscriminantChanged,
  enumVariantAdded,
  enumVariantAddedNonExhaustive,
  enumVariantRemoved,
  enumVariantLayoutChanged,
  enumVariantRenamed,
  exportRenamed,
  featureMadeDefault,
  functionAbiChanged,
  functionAbiNearChanged,
  functionAdded,
  functionParameterRenamed,
  functionParametersChanged,
  functionRemoved,
  functionReturnChanged,
  functionTargetFeatureChanged,
  functionUnsafeChanged,
  headerOutOfDate,
  importAdded,
  importRemoved,
  gatedExportAdded,
  gatedExportRemoved,
  itemGated,
  libraryRenamed,
  platformWidthChanged,
  rustContractChanged,
  rustSpellingChanged,
  reprChanged,
  staticAdded,
  staticMutabilityChanged,
  staticRemoved,
  staticTypeChanged,
  structFieldAddedBehindPointer,
  structFieldAddedByValue,
  structFieldRenamed,
  structLayoutChanged,
  typeAdded,
  typeAliasAdded,
  typeAliasChanged,
  typeAliasRemoved,
  typeRemoved,
  typeSpellingChanged,
  unresolvedExportSite,
  unresolvedMacro,
].sort((a, b) => (a.id < b.id ? -1 : 1));

export function changeRule(id: string): ChangeRule {
  const r = CHANGE_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`unknown change rule ${id}`);
  return r;
}
