// Programmatic API: the pieces a user's own scripts or provider modules may build on.
export { main } from "./main.js";
export type { DirectoryProvider, Capabilities } from "./providers/provider.js";
export type { Snapshot } from "./core/snapshot/schema.js";
export { readSnapshotFile, parseSnapshot } from "./core/snapshot/reader.js";
export { auditSnapshot } from "./core/detect/index.js";
export { DEFAULT_CONFIG } from "./config/config-file.js";
export { generateOrg, writeGeneratedOrg } from "./demo/generate-org.js";
export type { GenerateOrgOptions, GeneratedOrg, GroundTruth, GroundTruthLabel, AccountKind } from "./demo/generate-org.js";
export { startEmulator } from "./emulator/server.js";
export type { EmulatorOptions, FaultOptions, RequestStats, RunningEmulator } from "./emulator/server.js";
export { AtlassianProvider } from "./providers/atlassian/atlassian-provider.js";
export type { AtlassianProviderDeps } from "./providers/atlassian/atlassian-provider.js";
export { resolveAtlassianSettings } from "./providers/atlassian/settings.js";
export type { AtlassianSettings } from "./providers/atlassian/settings.js";
export { ENDPOINTS } from "./providers/atlassian/endpoints.js";
