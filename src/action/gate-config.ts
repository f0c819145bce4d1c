/** The gate's effective configuration now lives in the app layer (src/app/gate-config.ts). */
export { effectiveConfig, resolveGateConfig } from '../app/gate-config';
export type { ConfigClient, GateConfig, GateInputs } from '../app/gate-config';
