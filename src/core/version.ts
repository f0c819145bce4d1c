/** The tool's identity, kept in step with package.json by the build (and checked by a test). */
export const TOOL_NAME = 'ffi-surface-guard';
export const TOOL_VERSION = '0.1.0';
