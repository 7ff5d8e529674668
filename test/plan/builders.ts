import { AUDIT_REPORT_KIND, AUDIT_REPORT_VERSION, type AuditReport, type Finding, type Verdict } from "../../src/core/detect/types.js";
import { snapshotSchema, type Snapshot } from "../../src/core/snapshot/schema.js";
import { NO_WRITE_CAPABILITIES, type Capabilities } from "../../src/providers/provider.js";

/** A provider that can do everything, so no capability turns into a blocker or a manual step. */
export const ALL_CAPABILITIES: Capabilities = Object.fromEntries(
  Object.keys(NO_WRITE_CAPABILITIES).map((k) => [k, true]),
) as unknown as Capabilities;

export const SITE = { cloudId: "c-1", url: "https://acme.atlassian.net", products: ["jira-software", "confluence"] };

/** A small org: two plain bots, an admin bot, a likely bot, a human and an existing service account. */
export function smallSnapshot(overrides: { quota?: number; serviceAccounts?: unknown[] } = {}): Snapshot {
  return snapshotSchema.parse({
    kind: "bot2svc.snapshot",
    version: 1,
    takenAt: "2026-11-01T00:00:00.000Z",
    org: {
      id: "org-1",
      name: "Acme",
      sites: [SITE],
      ...(overrides.quota === undefined ? {} : { serviceAccountQuota: overrides.quota }),
    },
    users: [
      user("a-wiki", "Wiki Sync", "wiki-sync@acme.com", {
        productAccess: [{ key: "confluence", id: "ari:cloud:confluence::site/c-1", role: "ari:cloud:confluence::role/product/member", lastActiveTimestamp: null }],
        groupIds: ["g-automation"],
      }),
      user("a-jenkins", "Jenkins CI", "jenkins@acme.com", {
        productAccess: [{ key: "jira-software", id: "ari:cloud:jira::site/c-1", lastActiveTimestamp: null }],
        groupIds: ["g-hr", "g-automation"],
      }),
      user("a-deploy", "Deploy Bot", "deploy@acme.com", { platformRoles: ["org-admin"], productAccess: [{ key: "jira-software", id: "ari:cloud:jira::site/c-1" }] }),
      user("a-zapier", "Zapier", "zapier@acme.com", { productAccess: [{ key: "jira-software", id: "ari:cloud:jira::site/c-1" }] }),
      user("a-alice", "Alice Jenkins", "alice@acme.com", { productAccess: [{ key: "jira-software", id: "ari:cloud:jira::site/c-1" }] }),
    ],
    groups: [
      { id: "g-automation", name: "automation", managementSource: null },
      { id: "g-hr", name: "hr-synced", managementSource: "synced" },
    ],
    apiTokens: [
      { id: "tok-1", accountId: "a-jenkins", label: "jenkins-prod", status: "ALLOWED", lastActiveAt: "2026-10-31T23:55:00.000Z" },
      { id: "tok-2", accountId: "a-wiki", label: "wiki-sync", status: "ALLOWED" },
    ],
    serviceAccounts: overrides.serviceAccounts ?? [],
  });
}

function user(accountId: string, name: string, email: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { accountId, accountType: "atlassian", accountStatus: "active", status: "active", name, email, ...extra };
}

export function finding(accountId: string, verdict: Verdict, extra: Partial<Finding> = {}): Finding {
  return {
    accountId,
    name: accountId,
    email: null,
    verdict,
    score: verdict === "bot" ? 9 : verdict === "likely-bot" ? 4 : 0,
    confidence: "high",
    risk: "medium",
    recommendation: verdict === "bot" ? "migrate-to-service-account" : "review",
    signals: [
      { id: "identity-shape", weight: 1, evidence: `name of ${accountId} looks like automation` },
      { id: "channel-divergence", weight: 5, evidence: `API token used 2026-10-31, UI never (${accountId})` },
      { id: "no-2sv", weight: 0.5, evidence: "no two-step verification" },
      { id: "human-profile", weight: -1, evidence: "has a job title" },
      { id: "machine-logins", weight: 3, evidence: "logins every 15 minutes around the clock" },
    ],
    isAdmin: false,
    ...extra,
  };
}

export function smallReport(findings?: Finding[]): AuditReport {
  const list = findings ?? [
    finding("a-jenkins", "bot", { name: "Jenkins CI", email: "jenkins@acme.com" }),
    finding("a-wiki", "bot", { name: "Wiki Sync", email: "wiki-sync@acme.com" }),
    finding("a-deploy", "bot", { name: "Deploy Bot", email: "deploy@acme.com", isAdmin: true }),
    finding("a-zapier", "likely-bot", { name: "Zapier", email: "zapier@acme.com" }),
    finding("a-alice", "human", { name: "Alice Jenkins", email: "alice@acme.com", recommendation: "enable-2sv" }),
  ];
  return {
    kind: AUDIT_REPORT_KIND,
    version: AUDIT_REPORT_VERSION,
    org: { id: "org-1", name: "Acme" },
    generatedAt: "2026-11-01T00:05:00.000Z",
    referenceTime: "2026-11-01T00:00:00.000Z",
    summary: { accounts: 5, bot: 3, likelyBot: 1, human: 1, serviceAccount: 0, app: 0, enable2sv: 1 },
    findings: list,
    warnings: [],
  };
}
