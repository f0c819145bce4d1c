/** The configuration file `.github/ffi-surface-guard.yml` (SPEC section 7). */
export {
  closestWord,
  ConfigError,
  formatKeyPath,
  loadConfig,
  normaliseConfig,
  parseConfig,
  policyHash,
} from './load-config';
export {
  configJsonSchema,
  configSchema,
  DEFAULT_BOT_LOGIN,
  DEFAULT_TAG_PATTERN,
  defaultConfig,
  LIMIT_BOUNDS,
  MAX_CONFIG_BYTES,
} from './schema';
export type { AllowedExport, Config, RawConfig } from './schema';
