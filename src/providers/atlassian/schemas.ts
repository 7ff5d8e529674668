import { z } from "zod";

/**
 * zod schemas for the Atlassian responses the provider reads. They are lenient on purpose:
 * unknown fields pass through, and only what the mappers rely on is required, so a new field
 * on Atlassian's side never breaks a read.
 */

const optStr = z.string().nullish();
/** ISO 8601 text or epoch milliseconds; the mappers normalise both. */
const time = z.union([z.string(), z.number()]).nullish();
const links = z.looseObject({ self: optStr, next: optStr, prev: optStr }).nullish();

export const orgResponseSchema = z.looseObject({
  data: z.looseObject({
    id: z.string().min(1),
    type: optStr,
    attributes: z.looseObject({ name: optStr }).nullish(),
  }),
});
export type OrgResponse = z.infer<typeof orgResponseSchema>;

export const workspaceSchema = z.looseObject({
  id: z.string().min(1),
  type: optStr,
  attributes: z.looseObject({ name: optStr, typeKey: optStr, status: optStr, hostUrl: optStr }).nullish(),
});
export type ApiWorkspace = z.infer<typeof workspaceSchema>;
export const workspacesPageSchema = z.looseObject({ data: z.array(workspaceSchema), links });

const productAccessSchema = z.looseObject({
  key: z.string().min(1),
  id: optStr,
  role: optStr,
  lastActiveTimestamp: time,
});

const groupRefSchema = z.looseObject({ id: z.string().min(1), name: optStr, description: optStr, externalSynced: z.boolean().nullish(), managedBy: optStr });

const platformRoleSchema = z.union([z.string(), z.looseObject({ id: optStr, role: optStr, name: optStr, key: optStr })]);

export const directoryUserSchema = z.looseObject({
  accountId: z.string().min(1),
  accountType: optStr,
  status: optStr,
  accountStatus: optStr,
  membershipStatus: optStr,
  addedToOrg: time,
  name: optStr,
  nickname: optStr,
  email: optStr,
  emailVerified: z.boolean().nullish(),
  claimStatus: optStr,
  platformRoles: z.array(platformRoleSchema).nullish(),
  picture: optStr,
  managementSource: optStr,
  mfaEnabled: z.boolean().nullish(),
  jobTitle: optStr,
  department: optStr,
  productAccess: z.array(productAccessSchema).nullish(),
  groups: z.array(groupRefSchema).nullish(),
});
export type ApiDirectoryUser = z.infer<typeof directoryUserSchema>;
export const usersPageSchema = z.looseObject({ data: z.array(directoryUserSchema), links });

/** Groups carry `externalSynced` (created by IdP sync) and `managedBy` (external|admins|team-members|open). */
export const groupSchema = z.looseObject({
  id: z.string().min(1),
  name: optStr,
  description: optStr,
  directoryId: optStr,
  externalSynced: z.boolean().nullish(),
  managedBy: optStr,
});
export type ApiGroup = z.infer<typeof groupSchema>;
export const groupsPageSchema = z.looseObject({ data: z.array(groupSchema), links });

export const apiTokenSchema = z.looseObject({
  id: z.string().min(1),
  label: optStr,
  status: optStr,
  createdAt: time,
  expiresAt: time,
  lastActiveAt: time,
  user: z.looseObject({ id: z.string().min(1), orgId: optStr, name: optStr, email: optStr }).nullish(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokensPageSchema = z.looseObject({ data: z.array(apiTokenSchema), links });

export const eventSchema = z.looseObject({
  id: z.string().min(1),
  type: optStr,
  attributes: z
    .looseObject({
      time,
      action: optStr,
      userAgent: optStr,
      actor: z
        .looseObject({
          id: optStr,
          name: optStr,
          email: optStr,
          auth: z.looseObject({ authType: optStr, tokenId: optStr, tokenLabel: optStr }).nullish(),
        })
        .nullish(),
      location: z.looseObject({ ip: optStr, userAgent: optStr }).nullish(),
    })
    .nullish(),
});
export type ApiEvent = z.infer<typeof eventSchema>;
export const directorySchema = z.looseObject({ directoryId: z.string().min(1), name: optStr });
export type ApiDirectory = z.infer<typeof directorySchema>;
export const directoriesPageSchema = z.looseObject({ data: z.array(directorySchema), links });

export const eventsPageSchema = z.looseObject({
  data: z.array(eventSchema),
  links,
  meta: z.looseObject({ next: optStr }).nullish(),
});

export const serviceAccountSchema = z.looseObject({
  id: z.string().min(1),
  atlassianId: z.string().min(1),
  email: optStr,
  displayName: optStr,
  description: optStr,
  status: optStr,
  createdAt: time,
  updatedAt: time,
  productAccess: z.array(productAccessSchema).nullish(),
  groups: z.array(groupRefSchema).nullish(),
  groupIds: z.array(z.string()).nullish(),
});
export type ApiServiceAccount = z.infer<typeof serviceAccountSchema>;

/** API Access lists use `items` (service accounts) or `data` (tokens); both are accepted. */
function itemsOrData<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (raw) => {
      if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
        const r = raw as Record<string, unknown>;
        if (r.items === undefined && Array.isArray(r.data)) return { ...r, items: r.data };
      }
      return raw;
    },
    z.looseObject({ items: z.array(item), links, total: z.number().nullish() }),
  );
}
export const serviceAccountsPageSchema = itemsOrData(serviceAccountSchema);

export const serviceAccountTokenSchema = z.looseObject({
  id: z.string().min(1),
  serviceAccountId: z.string().min(1),
  label: optStr,
  createdAt: time,
  expiresAt: time,
  scopes: z.array(z.string()).nullish(),
});
export type ApiServiceAccountToken = z.infer<typeof serviceAccountTokenSchema>;
export const serviceAccountTokensPageSchema = itemsOrData(serviceAccountTokenSchema);

/** A token of one service account: its owner is the path's, so `serviceAccountId` may be absent. */
export const serviceAccountTokenOfOneSchema = serviceAccountTokenSchema.extend({ serviceAccountId: optStr, lastActiveAt: time });
export type ApiServiceAccountTokenOfOne = z.infer<typeof serviceAccountTokenOfOneSchema>;
export const serviceAccountTokensOfOnePageSchema = itemsOrData(serviceAccountTokenOfOneSchema);

/** An OAuth 2.0 client of a service account; the owner field's name varies, so several are accepted. */
export const oauthClientSchema = z.looseObject({
  clientId: z.string().min(1),
  name: optStr,
  status: optStr,
  createdAt: time,
  updatedAt: time,
  serviceAccountId: optStr,
  atlassianId: optStr,
  accountId: optStr,
});
export type ApiOAuthClient = z.infer<typeof oauthClientSchema>;
export const oauthClientsPageSchema = itemsOrData(oauthClientSchema);

export const createdServiceAccountSchema = z.looseObject({
  id: z.string().min(1),
  atlassianId: z.string().min(1),
  email: z.string().min(1),
  displayName: optStr,
  status: optStr,
});

export const userTokensSchema = z.array(
  z.looseObject({ id: z.string().min(1), label: optStr, createdAt: time, lastAccess: time, expiry: time }),
);

export const mintedTokenSchema = z.looseObject({ id: z.string().min(1), token: z.string().min(1) });

/** Confluence's current user: `email` and `publicName` instead of Jira's `emailAddress`. */
export const confluenceUserSchema = z.looseObject({
  accountId: z.string().min(1),
  email: optStr,
  displayName: optStr,
  publicName: optStr,
  accountType: optStr,
});

export const myselfSchema = z.looseObject({
  accountId: z.string().min(1),
  emailAddress: optStr,
  displayName: optStr,
  accountType: optStr,
  active: z.boolean().nullish(),
});
