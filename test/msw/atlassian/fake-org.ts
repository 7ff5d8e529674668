/**
 * A small Atlassian organization held in the shapes the admin APIs return, served by the msw
 * handlers in this folder. Tests change it freely; each test builds a fresh one.
 */
export interface FakeOrg {
  baseUrl: string;
  orgId: string;
  orgName: string;
  apiKey: string;
  /** Largest page any list returns, so small data still spans several pages. */
  pageSize: number;
  workspaces: any[];
  users: any[];
  groups: any[];
  apiTokens: any[];
  events: any[];
  serviceAccounts: any[];
  serviceAccountTokens: any[];
  /** User-management API tokens per account id. */
  userTokens: Record<string, any[]>;
  /** Credentials the gateway accepts: email → token → account id. */
  gatewayCredentials: Array<{ email: string; token: string; accountId: string }>;
  /** The org's directories (writes must name one of these, never `-`). */
  directories: Array<{ directoryId: string; name: string }>;
  /** Product-side events served by the Audit Log API, each with the `workspaceId` it belongs to. */
  productEvents: any[];
  /** OAuth 2.0 clients of service accounts. */
  oauthClients: any[];
  /**
   * When true, group and role writes whose target is a service account are answered the way a
   * third party reports Atlassian does: 404 USER_NOT_FOUND ("not a directory user").
   */
  refuseServiceAccountTargets: boolean;
  /** Absolute `links.next` URLs on the service-account list (with a `startAt` token, not `cursor`). */
  absoluteServiceAccountLinks: boolean;
  /**
   * Whether `GET .../service-accounts/{id}/api-tokens` is served (default) or answers 404 as a
   * route that does not exist for the org.
   */
  serviceAccountTokenRoute?: "served" | "missing";
  /** Changes the write handlers made, in order, e.g. "suspend u1". */
  writes: string[];
}

export const FAKE_KEY = "fake-org-api-key-5f1d2c3b4a";

export function makeFakeOrg(overrides: Partial<FakeOrg> = {}): FakeOrg {
  const cloudId = "c0ffee00-0000-4000-8000-000000000001";
  const t = (iso: string) => iso;
  return {
    baseUrl: "https://api.atlassian.test",
    orgId: "org-1",
    orgName: "Acme",
    apiKey: FAKE_KEY,
    pageSize: 2,
    workspaces: [
      { id: `ari:cloud:jira::site/${cloudId}`, type: "workspace", attributes: { name: "acme", typeKey: "jira-software", status: "online", hostUrl: "acme.atlassian.net" } },
      { id: `ari:cloud:confluence::site/${cloudId}`, type: "workspace", attributes: { name: "acme", typeKey: "confluence", status: "online", hostUrl: "https://acme.atlassian.net" } },
      { id: "ari:cloud:bitbucket::workspace/abc", type: "workspace", attributes: { name: "bb", typeKey: "bitbucket", hostUrl: "bitbucket.org/acme" } },
    ],
    users: [
      {
        accountId: "u-jenkins",
        accountType: "atlassian",
        status: "active",
        accountStatus: "active",
        name: "Jenkins CI",
        email: "jenkins@acme.com",
        mfaEnabled: false,
        claimStatus: "managed",
        addedToOrg: t("2021-03-04T10:00:00Z"),
        platformRoles: [],
        productAccess: [{ key: "jira-software", id: `ari:cloud:jira::site/${cloudId}`, lastActiveTimestamp: null }],
        groups: [{ id: "g-automation", name: "automation", description: "CI" }],
        someNewField: { nested: true },
      },
      {
        accountId: "u-alice",
        accountType: "atlassian",
        status: "active",
        accountStatus: "active",
        name: "Alice",
        email: "alice@acme.com",
        mfaEnabled: true,
        platformRoles: ["org-admin"],
        productAccess: [{ key: "confluence", id: `ari:cloud:confluence::site/${cloudId}`, lastActiveTimestamp: 1_793_000_000_000 }],
        groups: [{ id: "g-users", name: "users" }],
      },
      { accountId: "u-app", accountType: "app", status: "active", accountStatus: "active", name: "Slack app", productAccess: [], groups: [] },
      {
        accountId: "sa-acct-1",
        accountType: "atlassian",
        status: "active",
        accountStatus: "active",
        name: "Deploy bot",
        email: "deploy-x1@serviceaccount.atlassian.com",
        productAccess: [{ key: "jira-software", id: `ari:cloud:jira::site/${cloudId}` }],
        groups: [{ id: "g-synced-only-on-user", name: "synced", externalSynced: true, managedBy: "external" }],
      },
      { accountId: "u-bob", status: "deactivated", name: "Bob", email: "bob@acme.com" },
    ],
    groups: [
      { id: "g-automation", name: "automation", description: "CI" },
      { id: "g-users", name: "users", description: null },
      { id: "g-empty", name: "empty" },
      { id: "g-idp", name: "idp-engineers", externalSynced: true, managedBy: "external" },
    ],
    directories: [{ directoryId: "dir-acme", name: "Acme directory" }],
    oauthClients: [
      { clientId: "oc-1", name: "deploy-oauth", status: "ACTIVE", createdAt: "2026-02-01T00:00:00Z", updatedAt: "2026-02-01T00:00:00Z", serviceAccountId: "sa-coll-1" },
      { clientId: "oc-stray", name: "stray", status: "ACTIVE", serviceAccountId: "sa-nobody" },
    ],
    productEvents: [
      { workspaceId: `ari:cloud:jira::site/${cloudId}`, id: "pev-1", type: "events", attributes: { time: "2026-10-25T03:00:00Z", action: "issue_created", actor: { id: "u-jenkins" }, location: { ip: "34.201.10.7" } } },
    ],
    refuseServiceAccountTargets: false,
    absoluteServiceAccountLinks: false,
    apiTokens: [
      { id: "tok-1", label: "jenkins-prod", status: "ALLOWED", createdAt: "2025-06-01T00:00:00Z", expiresAt: "2026-06-01T00:00:00Z", lastActiveAt: "2026-10-31T23:55:00Z", user: { id: "u-jenkins", orgId: "org-1", name: "Jenkins CI" } },
      { id: "tok-2", label: "old", status: "BLOCKED", createdAt: "2024-01-01T00:00:00Z", expiresAt: null, lastActiveAt: null, user: { id: "u-alice" } },
      { id: "tok-3", label: "stranger", status: "ALLOWED", user: { id: "u-unmanaged" } },
    ],
    events: [
      { id: "ev-1", type: "events", attributes: { time: "2026-10-20T02:00:03Z", action: "user_login", actor: { id: "u-jenkins", auth: { authType: "container-token", tokenId: "tok-1" } }, location: { ip: "34.201.10.7" } } },
      { id: "ev-2", type: "events", attributes: { time: "2026-10-21T02:00:03Z", action: "user_login", actor: { id: "u-jenkins" }, location: { ip: "34.201.10.7" } } },
      { id: "ev-3", type: "events", attributes: { time: "2026-10-22T08:00:00Z", action: "group_created", actor: { id: "u-alice" } } },
      { id: "ev-4", type: "events", attributes: { time: "2026-10-23T08:00:00Z", action: "user_login", actor: { id: "u-outsider" } } },
      { id: "ev-5", type: "events", attributes: { time: "2026-10-24T08:00:00Z", action: "issue_updated", actor: { id: "sa-acct-1" } } },
      { id: "ev-old", type: "events", attributes: { time: "2026-08-01T00:00:00Z", action: "user_login", actor: { id: "u-alice" } } },
    ],
    serviceAccounts: [
      { id: "sa-coll-1", atlassianId: "sa-acct-1", email: "deploy-x1@serviceaccount.atlassian.com", displayName: "Deploy bot", description: "made by hand", status: "ACTIVE", updatedAt: 1_790_000_000_000 },
    ],
    serviceAccountTokens: [
      { id: "satok-1", label: "deploy", createdAt: "2026-01-01T00:00:00Z", expiresAt: "2027-01-01T00:00:00Z", serviceAccountId: "sa-acct-1" },
      { id: "satok-2", label: "orphan", serviceAccountId: "sa-gone" },
    ],
    userTokens: { "u-jenkins": [{ id: "tok-1", label: "jenkins-prod", createdAt: "2025-06-01T00:00:00Z", lastAccess: "2026-10-31T23:55:00Z", expiry: "2026-06-01T00:00:00Z" }] },
    gatewayCredentials: [],
    writes: [],
    ...overrides,
  };
}
