import { z } from "zod";
import { utcFromOffsetTimestamp } from "./timestamps.js";

/** The exact `kind` every snapshot file carries. */
export const SNAPSHOT_KIND = "bot2svc.snapshot";
/** The only snapshot format version this build reads and writes. */
export const SNAPSHOT_VERSION = 1;

// ISO 8601 UTC timestamps, e.g. 2026-10-31T08:15:00.000Z (fraction optional). The same instant
// written with a numeric offset (+00:00, +02:00, +0000) is read as that instant in UTC.
const isoTime = z.preprocess(
  (v) => (typeof v === "string" ? (utcFromOffsetTimestamp(v) ?? v) : v),
  z.iso.datetime({ offset: false, message: "expected an ISO 8601 UTC timestamp, e.g. 2026-10-31T08:15:00.000Z" }),
);

// `null` means "known to be absent": for an optional field or a list that defaults to empty it
// reads as the field left out, so a writer that prints null for nothing (Python's None) is read.
const nullAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema);

// Unknown extra fields are kept (forward compatibility), so every object is "loose".
const site = z.looseObject({
  cloudId: z.string().min(1),
  url: z.string().min(1),
  products: z.array(z.string()),
});

const org = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  directoryId: z.string().min(1).default("-"),
  serviceAccountQuota: nullAsAbsent(z.number().int().nonnegative().optional()),
  sites: nullAsAbsent(z.array(site).default([])),
});

const productAccess = z.looseObject({
  key: z.string().min(1),
  id: z.string().min(1),
  role: nullAsAbsent(z.string().optional()),
  lastActiveTimestamp: isoTime.nullable().optional(),
});

const user = z.looseObject({
  accountId: z.string().min(1),
  accountType: z.enum(["atlassian", "app", "customer", "service"]),
  accountStatus: z.enum(["active", "inactive", "closed"]),
  status: z.string().min(1),
  name: z.string(),
  nickname: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  emailVerified: z.boolean().nullable().optional(),
  mfaEnabled: z.boolean().nullable().optional(),
  claimStatus: z.enum(["managed", "unmanaged"]).nullable().optional(),
  managementSource: z.enum(["invited", "synced"]).nullable().optional(),
  jobTitle: z.string().nullable().optional(),
  department: z.string().nullable().optional(),
  picture: z.string().nullable().optional(),
  addedToOrg: isoTime.nullable().optional(),
  platformRoles: nullAsAbsent(z.array(z.string()).optional()),
  productAccess: nullAsAbsent(z.array(productAccess).default([])),
  groupIds: nullAsAbsent(z.array(z.string()).default([])),
});

const group = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullable().optional(),
  managementSource: z.enum(["invited", "synced"]).nullable().optional(),
});

const apiToken = z.looseObject({
  id: z.string().min(1),
  accountId: z.string().min(1),
  label: z.string(),
  status: z.enum(["ALLOWED", "BLOCKED"]),
  createdAt: isoTime.nullable().optional(),
  expiresAt: isoTime.nullable().optional(),
  lastActiveAt: isoTime.nullable().optional(),
});

const event = z.looseObject({
  id: z.string().min(1),
  time: isoTime,
  action: z.string().min(1),
  actorId: z.string().min(1),
  ip: z.string().nullable().optional(),
  userAgent: z.string().nullable().optional(),
  authType: z.string().nullable().optional(),
  tokenId: z.string().nullable().optional(),
});

const serviceAccount = z.looseObject({
  id: z.string().min(1),
  accountId: z.string().min(1),
  email: z.string().min(1),
  displayName: z.string(),
  description: z.string().nullable().optional(),
  status: z.string().min(1),
  createdAt: isoTime.nullable().optional(),
  productAccess: nullAsAbsent(z.array(productAccess.omit({ lastActiveTimestamp: true })).default([])),
  groupIds: nullAsAbsent(z.array(z.string()).default([])),
});

const serviceAccountToken = z.looseObject({
  id: z.string().min(1),
  serviceAccountId: z.string().min(1),
  label: z.string(),
  createdAt: isoTime.nullable().optional(),
  expiresAt: isoTime.nullable().optional(),
  scopes: nullAsAbsent(z.array(z.string()).optional()),
});

/** An OAuth 2.0 client credential, usually of a service account (never its secret). */
const oauthClient = z.looseObject({
  clientId: z.string().min(1),
  /** Collection id of the service account it belongs to; absent or null for an org-level client. */
  serviceAccountId: z.string().min(1).nullable().optional(),
  name: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  createdAt: isoTime.nullable().optional(),
  updatedAt: isoTime.nullable().optional(),
});

export const snapshotSchema = z.looseObject({
  kind: z.literal(SNAPSHOT_KIND),
  version: z.literal(SNAPSHOT_VERSION),
  takenAt: isoTime,
  source: nullAsAbsent(
    z.looseObject({
      provider: z.string(),
      baseUrl: nullAsAbsent(z.string().optional()),
      /** Sentences naming what the source directory cannot show (e.g. a SCIM directory has no login events). */
      limitations: nullAsAbsent(z.array(z.string()).optional()),
    }).optional(),
  ),
  org,
  users: z.array(user),
  groups: nullAsAbsent(z.array(group).default([])),
  apiTokens: nullAsAbsent(z.array(apiToken).default([])),
  events: nullAsAbsent(z.array(event).default([])),
  serviceAccounts: nullAsAbsent(z.array(serviceAccount).default([])),
  serviceAccountTokens: nullAsAbsent(z.array(serviceAccountToken).default([])),
  /** Service accounts' OAuth clients; optional (not every source can list them). */
  oauthClients: nullAsAbsent(z.array(oauthClient).optional()),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotOrg = Snapshot["org"];
export type Site = SnapshotOrg["sites"][number];
export type User = Snapshot["users"][number];
export type ProductAccess = User["productAccess"][number];
export type Group = Snapshot["groups"][number];
export type ApiToken = Snapshot["apiTokens"][number];
export type AuditEvent = Snapshot["events"][number];
export type ServiceAccount = Snapshot["serviceAccounts"][number];
export type OAuthClient = NonNullable<Snapshot["oauthClients"]>[number];
export type ServiceAccountToken = Snapshot["serviceAccountTokens"][number];
