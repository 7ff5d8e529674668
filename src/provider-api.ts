// The provider contract as a package entry (`bot2svc/provider`): what a provider module imports
// to type itself, to throw typed errors, and to check itself against the contract.
export {
  CAPABILITY_METHODS,
  CAPABILITY_NAMES,
  NO_WRITE_CAPABILITIES,
  OPTIONAL_CAPABILITY_METHODS,
  PROVIDER_ERROR_KINDS,
  ProviderError,
  providerErrorKind,
  providerProblems,
} from "./providers/provider.js";
export type {
  AppRoleGrant,
  Capabilities,
  CapabilityName,
  CreatedServiceAccount,
  DirectoryProvider,
  MintedToken,
  OptionalCapabilityName,
  ProviderErrorKind,
  ProviderFactory,
  ProviderModuleContext,
  ReadProgress,
  ReadSnapshotOptions,
  TokenInfo,
  VerifiedIdentity,
} from "./providers/provider.js";
export type { ApiToken, AuditEvent, Group, ProductAccess, ServiceAccount, ServiceAccountToken, Site, Snapshot, SnapshotOrg, User } from "./core/snapshot/schema.js";
