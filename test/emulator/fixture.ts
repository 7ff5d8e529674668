import { validateSnapshot } from "../../src/core/snapshot/reader.js";
import type { Snapshot } from "../../src/core/snapshot/schema.js";

export const ORG_ID = "org-1111";
export const CLOUD_ID = "cloud-aaaa";

/** A small org: 7 users, 3 groups (one IdP-synced), 5 user tokens, 9 events, 1 service account. */
export function sampleSnapshot(overrides: { serviceAccountQuota?: number } = {}): Snapshot {
  const users = Array.from({ length: 7 }, (_, i) => ({
    accountId: `acc-${i}`,
    accountType: "atlassian",
    accountStatus: "active",
    status: "active",
    name: i === 0 ? "Jenkins CI" : `Person ${i}`,
    email: i === 6 ? null : i === 0 ? "jenkins@acme.com" : `person${i}@acme.com`,
    mfaEnabled: i % 2 === 0,
    managementSource: null,
    addedToOrg: "2021-03-04T10:00:00.000Z",
    platformRoles: i === 1 ? ["org-admin"] : [],
    productAccess: [
      { key: "jira-software", id: `ari:cloud:jira::site/${CLOUD_ID}`, lastActiveTimestamp: i === 0 ? null : "2026-10-30T09:12:00.000Z" },
    ],
    groupIds: i < 3 ? ["g-jira-users"] : i === 3 ? ["g-sso"] : [],
  }));
  const data = {
    kind: "bot2svc.snapshot",
    version: 1,
    takenAt: "2026-11-01T00:00:00.000Z",
    org: {
      id: ORG_ID,
      name: "Acme",
      directoryId: "dir-1",
      serviceAccountQuota: overrides.serviceAccountQuota ?? 3,
      sites: [
        { cloudId: CLOUD_ID, url: "https://acme.atlassian.net", products: ["jira-software", "confluence"] },
        { cloudId: "cloud-bbbb", url: "https://acme-sandbox.atlassian.net", products: ["jira-software"] },
      ],
    },
    users,
    groups: [
      { id: "g-jira-users", name: "jira-users", description: "Jira users", managementSource: null },
      { id: "g-automation", name: "automation", description: "CI", managementSource: "invited" },
      { id: "g-sso", name: "sso-staff", description: null, managementSource: "synced" },
    ],
    apiTokens: Array.from({ length: 5 }, (_, i) => ({
      id: `tok-${i}`,
      accountId: i < 3 ? "acc-0" : "acc-2",
      label: `token-${i}`,
      status: i === 4 ? "BLOCKED" : "ALLOWED",
      createdAt: "2025-06-01T00:00:00.000Z",
      expiresAt: "2026-12-01T00:00:00.000Z",
      lastActiveAt: i === 1 ? null : "2026-10-31T23:55:00.000Z",
    })),
    events: Array.from({ length: 9 }, (_, i) => ({
      id: `ev-${i}`,
      time: new Date(Date.UTC(2026, 9, 20 + i, 2, 0, 3)).toISOString(),
      action: i % 3 === 0 ? "user_login" : "issue_viewed",
      actorId: i === 8 ? "712020:existing-sa" : "acc-0",
      ip: "34.201.10.7",
      ...(i % 2 === 0 ? { authType: "container-token", tokenId: "tok-0" } : {}),
    })),
    serviceAccounts: [
      {
        id: "sa-coll-1",
        accountId: "712020:existing-sa",
        email: "existing-x1ax@serviceaccount.atlassian.com",
        displayName: "Existing SA",
        description: null,
        status: "active",
        createdAt: "2026-10-01T00:00:00.000Z",
        productAccess: [],
        groupIds: ["g-automation"],
      },
    ],
    serviceAccountTokens: [
      { id: "satok-1", serviceAccountId: "sa-coll-1", label: "existing", createdAt: "2026-10-01T00:00:00.000Z", expiresAt: "2027-10-01T00:00:00.000Z", scopes: ["read:jira-work"] },
    ],
  };
  return validateSnapshot(data, "fixture");
}
