/**
 * The consumers' side of the C-ABI contract (SPEC §11, issue 16): what Go (cgo) and C consumers
 * compile against, and whether it agrees with what Rust exports. Pure core; the parsers come from
 * src/adapters/consumer-parsers.ts.
 *
 * - `readCDeclarations(text, file, cParser)`: a header's (or preamble's) declarations with
 *   file:line and `#if` condition, its `#include`s, and whether the reading is complete;
 * - `readCgo(text, file, goParser, cParser)`: a Go file's `import "C"` preamble (read as above,
 *   at the Go file's lines) and its `C.name` uses;
 * - `checkContract(exports, declarations, { models, incompleteFiles })`: declared-not-exported,
 *   exported-not-declared, parameter-count, type-mismatch (size, signedness, kind, pointer depth
 *   under LP64 and LLP64), kind-mismatch, and incomplete-declarations when a reading hit a bound.
 *
 * A caller that integrates it: read every header (and the quoted `#include`s of cgo preambles,
 * resolved against the repository), keep the headers that declare at least one export, pass the
 * incomplete readings' files as `incompleteFiles`, and escape every text it renders (types,
 * conditions and names are the pull request author's bytes).
 */
export * from './c-types';
export * from './c-declarations';
export * from './cgo';
export * from './contract';
export * from './contract-changes';
export { preprocess, stripComments } from './preprocess';
export type { Define, Include, Preprocessed, PreprocessDiagnostic, PreprocessOptions } from './preprocess';
