import { Bot2svcError } from "../core/errors.js";
import type { Snapshot, User } from "../core/snapshot/schema.js";

/** Which write operations a provider really supports. The planner turns a missing one into a manual step or a blocker. */
export interface Capabilities {
  readSnapshot: boolean;
  createServiceAccount: boolean;
  deleteServiceAccount: boolean;
  grantAppRole: boolean;
  addToGroup: boolean;
  removeFromGroup: boolean;
  mintToken: boolean;
  listTokens: boolean;
  revokeToken: boolean;
  verifyToken: boolean;
  suspendAccount: boolean;
  restoreAccount: boolean;
  deactivateAccount: boolean;
  reactivateAccount: boolean;
  /** Reads product-side (Jira/Confluence) audit events into the snapshot; off unless enabled. */
  productAuditLog?: boolean;
}

export type CapabilityName = Exclude<keyof Capabilities, "productAuditLog">;

/**
 * The directory refused to give an account access (an app role or a group) in a way that a
 * retry will not change, e.g. a service account that the group API does not know as a directory
 * user. Apply turns it into a manual step that it pauses on and checks afterwards.
 */
export class AccessWriteRefusedError extends Bot2svcError {
  constructor(
    readonly write: "grant" | "group",
    readonly target: string,
    message: string,
    readonly status: number,
    readonly apiCode: string | undefined,
  ) {
    super("ACCESS_WRITE_REFUSED", message);
  }
}

export const NO_WRITE_CAPABILITIES: Capabilities = {
  readSnapshot: true,
  createServiceAccount: false,
  deleteServiceAccount: false,
  grantAppRole: false,
  addToGroup: false,
  removeFromGroup: false,
  mintToken: false,
  listTokens: false,
  revokeToken: false,
  verifyToken: false,
  suspendAccount: false,
  restoreAccount: false,
  deactivateAccount: false,
  reactivateAccount: false,
};

/** Progress of a long read, reported per page so a spinner can show counts. */
export interface ReadProgress {
  /** What is being read: "users", "groups", "apiTokens", "events", ... */
  resource: string;
  /** Items read so far for that resource. */
  count: number;
  /** True once the resource is read to the end. */
  done: boolean;
}

export interface ReadSnapshotOptions {
  /** Start of the event lookback window. Default: 30 days before now. */
  since?: Date;
  /** The instant the snapshot is taken at (defaults to the provider's clock). */
  now?: Date;
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
}

export interface CreatedServiceAccount {
  /** Service-account collection id (used to delete it). */
  id: string;
  /** Account id used by every other API. */
  accountId: string;
  email: string;
  displayName: string;
}

export interface TokenInfo {
  id: string;
  label: string;
  createdAt: string | null;
  expiresAt: string | null;
  lastActiveAt: string | null;
}

export interface MintedToken {
  id: string;
  /** The secret. Never logged, journaled or written anywhere but the chosen sink. */
  token: string;
}

export interface AppRoleGrant {
  /** A platform role name: `atlassian/user`, `atlassian/admin`, `atlassian/guest`, … */
  role: string;
  /** The workspace ARI from the workspaces search, e.g. `ari:cloud:jira::site/{cloudId}` */
  resource: string;
}

export interface VerifiedIdentity {
  accountId: string;
  email: string | null;
  displayName: string | null;
}

/**
 * A directory (Atlassian org, SCIM directory, snapshot file, user module). Reads are required;
 * each write is present exactly when the matching capability is true.
 */
export interface DirectoryProvider {
  readonly name: string;
  readonly capabilities: Capabilities;
  readSnapshot(options?: ReadSnapshotOptions): Promise<Snapshot>;
  /** Current state of one account (for stale-plan checks); null when it no longer exists. */
  getAccount?(accountId: string): Promise<User | null>;
  /** Service accounts that exist now (to find one this plan already created). */
  listServiceAccounts?(): Promise<Snapshot["serviceAccounts"]>;
  createServiceAccount?(input: { displayName: string; description: string }): Promise<CreatedServiceAccount>;
  deleteServiceAccount?(serviceAccountId: string): Promise<void>;
  grantAppRole?(accountId: string, grant: AppRoleGrant): Promise<void>;
  addToGroup?(groupId: string, accountId: string): Promise<void>;
  removeFromGroup?(groupId: string, accountId: string): Promise<void>;
  mintToken?(accountId: string, input: { label: string; scopes: string[]; expiresAt: string }): Promise<MintedToken>;
  listTokens?(accountId: string): Promise<TokenInfo[]>;
  revokeToken?(accountId: string, tokenId: string): Promise<void>;
  /** Revokes every API token of a service account in one call (rollback). */
  revokeServiceAccountTokens?(serviceAccountId: string): Promise<void>;
  verifyToken?(input: { cloudId: string; email: string; token: string }): Promise<VerifiedIdentity>;
  suspendAccount?(accountId: string): Promise<void>;
  restoreAccount?(accountId: string): Promise<void>;
  deactivateAccount?(accountId: string): Promise<void>;
  reactivateAccount?(accountId: string): Promise<void>;
  /** Release sockets, timers. */
  close?(): Promise<void>;
}
