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
  /**
   * Lists the directory's groups without reading the rest of it (`listGroups`), so apply checks
   * a plan's group grants with one read of the groups. Optional: absent counts as false.
   */
  listGroups?: boolean;
}

/** Capabilities a provider may leave out of its `capabilities` (absent counts as false). */
export type OptionalCapabilityName = "listGroups";

export type CapabilityName = Exclude<keyof Capabilities, "productAuditLog" | OptionalCapabilityName>;

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

/** The product whose "current user" endpoint verifies a token (Jira's /myself or Confluence's /user/current). */
export type VerifyProduct = "jira" | "confluence";

export interface VerifiedIdentity {
  accountId: string;
  email: string | null;
  displayName: string | null;
}

/**
 * A directory (Atlassian org, SCIM directory, snapshot file, user module). Reads are required;
 * each optional method belongs to a capability (see CAPABILITY_METHODS) and must be present
 * when that capability is true.
 */
export interface DirectoryProvider {
  /** Short name shown in messages and recorded in plans (`atlassian`, `scim`, `csv-export`). */
  readonly name: string;
  /**
   * The directory this provider is connected to, as the snapshot's `org.id` names it. `apply`
   * refuses a plan made for another one. `null` when it is only known by reading the directory:
   * then the snapshot's `org.id` is compared instead.
   */
  readonly orgId: string | null;
  /**
   * The admin API host, for providers whose service-account tokens are used through its gateway
   * (`{baseUrl}/ex/{product}/{cloudId}`): plans write cut-over URLs on it and `apply` accepts
   * gateway URLs only there or on https://api.atlassian.com. Absent for other directories.
   */
  readonly baseUrl?: string;
  readonly capabilities: Capabilities;
  readSnapshot(options?: ReadSnapshotOptions): Promise<Snapshot>;
  /** Current state of one account (for stale-plan checks); null when it no longer exists. */
  getAccount?(accountId: string): Promise<User | null>;
  /** The org's sites as they are now (to check a plan's cloud ids before anything is minted). */
  listSites?(): Promise<Snapshot["org"]["sites"]>;
  /**
   * Every group of the directory as it is now, as the snapshot has them (id, name, and
   * `managementSource: "synced"` for groups an identity provider manages). Capability `listGroups`.
   */
  listGroups?(options?: { signal?: AbortSignal }): Promise<Snapshot["groups"]>;
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
  /** Who a token answers as, asked of `product` on the site `cloudId` (default Jira). */
  verifyToken?(input: { cloudId: string; email: string; token: string; product?: VerifyProduct }): Promise<VerifiedIdentity>;
  suspendAccount?(accountId: string): Promise<void>;
  restoreAccount?(accountId: string): Promise<void>;
  deactivateAccount?(accountId: string): Promise<void>;
  reactivateAccount?(accountId: string): Promise<void>;
  /** Release sockets, timers. */
  close?(): Promise<void>;
}

/**
 * The methods each capability promises. A provider whose capability is true must have all of
 * them; `readSnapshot` is always required. `getAccount` lets preflight and rollback re-read one
 * account; `listServiceAccounts` lets apply find an account it created before a crash.
 */
export const CAPABILITY_METHODS: Readonly<Record<CapabilityName, readonly (keyof DirectoryProvider)[]>> = {
  readSnapshot: ["readSnapshot"],
  createServiceAccount: ["createServiceAccount", "listServiceAccounts"],
  deleteServiceAccount: ["deleteServiceAccount", "listServiceAccounts"],
  grantAppRole: ["grantAppRole"],
  addToGroup: ["addToGroup"],
  removeFromGroup: ["removeFromGroup"],
  mintToken: ["mintToken"],
  listTokens: ["listTokens"],
  revokeToken: ["revokeToken"],
  verifyToken: ["verifyToken"],
  suspendAccount: ["suspendAccount", "getAccount"],
  restoreAccount: ["restoreAccount", "getAccount"],
  deactivateAccount: ["deactivateAccount", "getAccount"],
  reactivateAccount: ["reactivateAccount", "getAccount"],
};

export const CAPABILITY_NAMES = Object.keys(CAPABILITY_METHODS) as CapabilityName[];

/** The methods each optional capability promises when it is true. */
export const OPTIONAL_CAPABILITY_METHODS: Readonly<Record<OptionalCapabilityName, readonly (keyof DirectoryProvider)[]>> = {
  listGroups: ["listGroups"],
};

/** True when the provider declares an optional capability and has its methods. */
export function hasOptionalCapability(provider: DirectoryProvider, capability: OptionalCapabilityName): boolean {
  return provider.capabilities[capability] === true && OPTIONAL_CAPABILITY_METHODS[capability].every((m) => typeof provider[m] === "function");
}

/**
 * What went wrong in a provider call, as apply needs to know it:
 * - `not-found`: the account, token or group does not exist (a delete or revoke is then done);
 * - `conflict`: the change clashes with the current state (already exists, already a member);
 * - `uncertain`: the write failed in a way that may still have taken effect; look before retrying;
 * - `refused`: the directory will not do it (permissions, policy, invalid request); retrying does not help;
 * - `rate-limited`: too many requests even after the provider's own waiting; try again later.
 */
export const PROVIDER_ERROR_KINDS = ["not-found", "conflict", "uncertain", "refused", "rate-limited"] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

/**
 * The error a provider throws when a call fails in a way apply must tell apart. Providers
 * written as modules may throw this class (from `bot2svc/provider`) or any Error whose `kind`
 * is one of PROVIDER_ERROR_KINDS; any other error counts as a plain failure.
 */
export class ProviderError extends Bot2svcError {
  readonly kind: ProviderErrorKind;
  /** Always true for `uncertain`: the write may have happened. */
  readonly mayHaveSucceeded: boolean;

  constructor(kind: ProviderErrorKind, message: string, options: { hint?: string; details?: readonly string[]; cause?: unknown; code?: string } = {}) {
    super(options.code ?? `PROVIDER_${kind.toUpperCase().replace("-", "_")}`, message, options);
    this.kind = kind;
    this.mayHaveSucceeded = kind === "uncertain";
  }
}

/** The provider error kind of any thrown value, or undefined when it is not a provider error. */
export function providerErrorKind(error: unknown): ProviderErrorKind | undefined {
  const kind = (error as { kind?: unknown } | null | undefined)?.kind;
  return typeof kind === "string" && (PROVIDER_ERROR_KINDS as readonly string[]).includes(kind) ? (kind as ProviderErrorKind) : undefined;
}

/** What a provider module's `createProvider()` is given. */
export interface ProviderModuleContext {
  /** The process environment (with `.env` applied). Read credentials from here, never from flags. */
  env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are resolved against. */
  cwd: string;
  /** The run's clock (`--now` in tests). */
  now: () => Date;
  /** Warnings the user sees, and debug lines shown with --verbose. */
  warn: (line: string) => void;
  debug: (line: string) => void;
  /** Registers a secret (a token read from env) so it is redacted from every output. */
  addSecret: (secret: string) => void;
}

/** The shape of a provider module: `export function createProvider(ctx)` or a default export of one. */
export type ProviderFactory = (ctx: ProviderModuleContext) => DirectoryProvider | Promise<DirectoryProvider>;

/**
 * Checks a value against the provider contract and lists every problem, each naming the
 * field or method: wrong types, unknown or missing capabilities, and methods a true capability
 * promises but the object lacks.
 */
export function providerProblems(value: unknown): string[] {
  if (value === null || typeof value !== "object") return [`expected an object, got ${value === null ? "null" : typeof value}`];
  const p = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof p.name !== "string" || p.name.trim() === "") problems.push("name: expected a non-empty string");
  if (!(p.orgId === null || (typeof p.orgId === "string" && p.orgId !== ""))) {
    problems.push("orgId: expected the directory's id (a non-empty string) or null when only the snapshot knows it");
  }
  if (typeof p.readSnapshot !== "function") problems.push("readSnapshot: expected a function");
  const caps = p.capabilities;
  if (caps === null || typeof caps !== "object" || Array.isArray(caps)) {
    problems.push("capabilities: expected an object with a true/false entry per capability");
    return problems;
  }
  const c = caps as Record<string, unknown>;
  const optional = Object.keys(OPTIONAL_CAPABILITY_METHODS) as OptionalCapabilityName[];
  for (const key of Object.keys(c)) {
    if (!(CAPABILITY_NAMES as string[]).includes(key) && !(optional as string[]).includes(key)) {
      problems.push(`capabilities.${key}: unknown capability (known: ${[...CAPABILITY_NAMES, ...optional].join(", ")})`);
    }
  }
  for (const cap of optional) {
    if (c[cap] === undefined) continue;
    if (typeof c[cap] !== "boolean") {
      problems.push(`capabilities.${cap}: expected true or false (or leave it out)`);
      continue;
    }
    if (c[cap] !== true) continue;
    for (const method of OPTIONAL_CAPABILITY_METHODS[cap]) {
      if (typeof p[method] !== "function") problems.push(`${method}: missing, but capabilities.${cap} is true and needs it`);
    }
  }
  for (const cap of CAPABILITY_NAMES) {
    if (typeof c[cap] !== "boolean") {
      problems.push(`capabilities.${cap}: expected true or false`);
      continue;
    }
    if (c[cap] !== true) continue;
    for (const method of CAPABILITY_METHODS[cap]) {
      if (method !== "readSnapshot" && typeof p[method] !== "function") problems.push(`${method}: missing, but capabilities.${cap} is true and needs it`);
    }
  }
  for (const method of ["getAccount", "listServiceAccounts", "close"] as const) {
    if (p[method] !== undefined && typeof p[method] !== "function") problems.push(`${method}: expected a function`);
  }
  return [...new Set(problems)];
}
