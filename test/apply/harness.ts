import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { AUDIT_REPORT_KIND, AUDIT_REPORT_VERSION, type AuditReport } from "../../src/core/detect/types.js";
import { writePlanFile } from "../../src/core/plan/io.js";
import { buildPlan, type PlanOptions } from "../../src/core/plan/planner.js";
import type { Plan } from "../../src/core/plan/schema.js";
import { snapshotSchema, type Snapshot } from "../../src/core/snapshot/schema.js";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../src/emulator/server.js";
import type { Capabilities } from "../../src/providers/provider.js";
import { ALL_CAPABILITIES, finding } from "../plan/builders.js";

export const ORG_ID = "org-apply";
export const CLOUD_ID = "c-apply";
const JIRA = `ari:cloud:jira-software::site/${CLOUD_ID}`;
const CONF = `ari:cloud:confluence::site/${CLOUD_ID}`;
const JIRA_MEMBER = "ari:cloud:jira-software::role/product/member";
const CONF_MEMBER = "ari:cloud:confluence::role/product/member";

function user(accountId: string, name: string, email: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { accountId, accountType: "atlassian", accountStatus: "active", status: "active", name, email, mfaEnabled: false, ...extra };
}

/** Ten accounts: four bots (one an admin), six people; three groups (one IdP-synced). */
export function applyOrg(): Snapshot {
  const people = Array.from({ length: 6 }, (_, i) =>
    user(`a-person-${i}`, `Person ${i}`, `person${i}@acme.com`, {
      mfaEnabled: true,
      productAccess: [{ key: "jira-software", id: JIRA, role: JIRA_MEMBER, lastActiveTimestamp: "2026-10-30T09:00:00.000Z" }],
      groupIds: ["g-staff"],
    }),
  );
  return snapshotSchema.parse({
    kind: "bot2svc.snapshot",
    version: 1,
    takenAt: "2026-11-01T00:00:00.000Z",
    org: {
      id: ORG_ID,
      name: "Acme Apply",
      serviceAccountQuota: 20,
      sites: [{ cloudId: CLOUD_ID, url: "https://acme.atlassian.net", products: ["jira-software", "confluence"] }],
    },
    users: [
      user("a-jenkins", "Jenkins CI", "jenkins@acme.com", {
        productAccess: [{ key: "jira-software", id: JIRA, role: JIRA_MEMBER, lastActiveTimestamp: null }],
        groupIds: ["g-automation", "g-synced"],
      }),
      user("a-wiki", "Wiki Sync", "wiki-sync@acme.com", {
        productAccess: [{ key: "confluence", id: CONF, role: CONF_MEMBER, lastActiveTimestamp: null }],
        groupIds: ["g-automation"],
      }),
      user("a-deploy", "Deploy Bot", "deploy@acme.com", {
        productAccess: [
          { key: "jira-software", id: JIRA, role: JIRA_MEMBER, lastActiveTimestamp: null },
          { key: "confluence", id: CONF, role: CONF_MEMBER, lastActiveTimestamp: null },
        ],
        groupIds: [],
      }),
      user("a-root", "Root Automation", "root-bot@acme.com", {
        platformRoles: ["org-admin"],
        productAccess: [{ key: "jira-software", id: JIRA, role: JIRA_MEMBER, lastActiveTimestamp: null }],
      }),
      ...people,
    ],
    groups: [
      { id: "g-automation", name: "automation", managementSource: "invited" },
      { id: "g-synced", name: "sso-engineering", managementSource: "synced" },
      { id: "g-staff", name: "staff", managementSource: "invited" },
    ],
    apiTokens: [
      { id: "tok-j1", accountId: "a-jenkins", label: "jenkins-prod", status: "ALLOWED", createdAt: "2026-01-01T00:00:00.000Z", expiresAt: "2026-12-31T00:00:00.000Z" },
      { id: "tok-j2", accountId: "a-jenkins", label: "jenkins-old", status: "ALLOWED", createdAt: "2026-01-01T00:00:00.000Z", expiresAt: "2026-12-31T00:00:00.000Z" },
      { id: "tok-w1", accountId: "a-wiki", label: "wiki", status: "ALLOWED", createdAt: "2026-01-01T00:00:00.000Z", expiresAt: "2026-12-31T00:00:00.000Z" },
      { id: "tok-d1", accountId: "a-deploy", label: "deploy", status: "ALLOWED", createdAt: "2026-01-01T00:00:00.000Z", expiresAt: "2026-12-31T00:00:00.000Z" },
    ],
    serviceAccounts: [],
  });
}

export function applyReport(): AuditReport {
  const findings = [
    finding("a-jenkins", "bot", { name: "Jenkins CI", email: "jenkins@acme.com" }),
    finding("a-wiki", "bot", { name: "Wiki Sync", email: "wiki-sync@acme.com" }),
    finding("a-deploy", "bot", { name: "Deploy Bot", email: "deploy@acme.com" }),
    finding("a-root", "bot", { name: "Root Automation", email: "root-bot@acme.com", isAdmin: true }),
  ];
  return {
    kind: AUDIT_REPORT_KIND,
    version: AUDIT_REPORT_VERSION,
    org: { id: ORG_ID, name: "Acme Apply" },
    generatedAt: "2026-11-01T00:05:00.000Z",
    referenceTime: "2026-11-01T00:00:00.000Z",
    summary: { accounts: 10, bot: 4, likelyBot: 0, human: 6, serviceAccount: 0, app: 0, enable2sv: 0 },
    findings,
    warnings: [],
  };
}

let planCounter = 0;

/** Builds a plan of the three non-admin bots (or as chosen) against `applyOrg()`. */
export function makePlan(options: Partial<PlanOptions> & { capabilities?: Partial<Capabilities>; snapshot?: Snapshot } = {}): Plan {
  const { capabilities, snapshot, ...planOptions } = options;
  planCounter += 1;
  return buildPlan({
    snapshot: snapshot ?? applyOrg(),
    report: applyReport(),
    capabilities: { ...ALL_CAPABILITIES, ...capabilities },
    options: { oldAccount: "suspend", ...planOptions },
    planId: `p-test${planCounter}`,
    createdAt: new Date("2026-11-01T01:00:00.000Z"),
    provider: { name: "atlassian" },
    source: { type: "provider" },
  }).plan;
}

export async function savePlan(dir: string, plan: Plan, name = "plan.json"): Promise<string> {
  const file = join(dir, name);
  await writePlanFile(file, plan);
  return file;
}

/**
 * The apply org served by an emulator. These tests rehearse whole migrations, so the emulator
 * accepts service accounts as role and group targets unless told otherwise; the refusal that
 * third parties report (and the manual step it leads to) has tests of its own.
 */
export async function startOrg(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  return startEmulator({ snapshot: applyOrg(), port: 0, seed: 7, now: () => new Date("2026-11-01T12:00:00.000Z"), serviceAccountWrites: "accept", ...options });
}

/** The environment that points the atlassian provider at an emulator. */
export function envFor(emu: RunningEmulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    BOT2SVC_PROVIDER: "atlassian",
    BOT2SVC_ATLASSIAN_BASE_URL: emu.url,
    BOT2SVC_ATLASSIAN_ORG_ID: emu.orgId,
    BOT2SVC_ATLASSIAN_API_KEY: emu.apiKey,
    BOT2SVC_ATLASSIAN_UNOFFICIAL: "1",
    ...extra,
  };
}

/** The emulator's state over HTTP, as `GET /__emulator/state` serves it. */
export async function fetchState(emu: RunningEmulator): Promise<Snapshot> {
  const response = await fetch(`${emu.url}/__emulator/state`);
  return (await response.json()) as Snapshot;
}

/**
 * The directory state with generated ids, emails and timestamps replaced by stable names, so two
 * runs that did the same things compare equal.
 */
export function normalizeState(state: Snapshot): unknown {
  const saNames = new Map(state.serviceAccounts.map((sa) => [sa.id, sa.displayName]));
  const accountNames = new Map(state.serviceAccounts.map((sa) => [sa.accountId, sa.displayName]));
  const name = (id: string) => accountNames.get(id) ?? id;
  return {
    users: state.users.map((u) => ({ id: u.accountId, status: u.status, accountStatus: u.accountStatus, groups: [...u.groupIds].sort() })),
    groups: state.groups.map((g) => g.id),
    apiTokens: state.apiTokens.map((t) => `${name(t.accountId)}:${t.id.startsWith("tok-") ? t.id : t.label}`).sort(),
    serviceAccounts: state.serviceAccounts
      .map((sa) => ({
        name: sa.displayName,
        description: sa.description,
        status: sa.status,
        productAccess: sa.productAccess.map((p) => `${p.key}|${p.id}|${p.role}`).sort(),
        groups: [...sa.groupIds].sort(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    serviceAccountTokens: state.serviceAccountTokens.map((t) => `${saNames.get(t.serviceAccountId)}:${t.label}`).sort(),
  };
}

/** Every byte of every file under `dir`, as text (for "the secret appears nowhere" checks). */
export function allFileText(dir: string, skip: (path: string) => boolean = () => false): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (skip(path)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ path, text: readFileSync(path, "latin1") });
    }
  };
  walk(dir);
  return out;
}
