import { afterEach, describe, expect, it, vi } from "vitest";
import { snapshotSchema, type Snapshot } from "../snapshot/schema.js";
import { detectionConfigSchema, type DetectionConfig, type ListEntry } from "./config.js";
import { busiestWindow } from "./features.js";
import { auditSnapshot, type AuditOptions } from "./index.js";
import type { Finding } from "./types.js";
import { byTime } from "../../../test/helpers/people-audit.js";

const TAKEN_AT = "2026-11-01T00:00:00.000Z"; // a Sunday
const REF_MS = Date.parse(TAKEN_AT);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15";

const iso = (ms: number): string => new Date(ms).toISOString();
const daysAgo = (days: number): string => iso(REF_MS - days * DAY);

type RawUser = Record<string, unknown> & { accountId: string };
type RawEvent = Record<string, unknown>;

/** A person with a full profile, synced from the IdP, 2SV on, using Jira in the UI yesterday. */
function person(accountId: string, overrides: Record<string, unknown> = {}): RawUser {
  return {
    accountId,
    accountType: "atlassian",
    accountStatus: "active",
    status: "active",
    name: `Person ${accountId}`,
    email: `${accountId}@acme.com`,
    mfaEnabled: true,
    managementSource: "synced",
    jobTitle: "Engineer",
    department: "R&D",
    picture: "https://avatar/x.png",
    productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo(1) }],
    groupIds: [],
    ...overrides,
  };
}

/** An account with no profile, not synced, no 2SV, never active in the UI. */
function bare(accountId: string, overrides: Record<string, unknown> = {}): RawUser {
  return person(accountId, {
    mfaEnabled: false,
    managementSource: null,
    jobTitle: null,
    department: null,
    picture: null,
    productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }],
    ...overrides,
  });
}

function token(accountId: string, id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    accountId,
    label: `${id}-label`,
    status: "ALLOWED",
    createdAt: daysAgo(200),
    expiresAt: iso(REF_MS + 165 * DAY),
    lastActiveAt: daysAgo(1),
    ...overrides,
  };
}

let eventSeq = 0;
function event(actorId: string, ms: number, overrides: Record<string, unknown> = {}): RawEvent {
  eventSeq++;
  return { id: `ev-${eventSeq}`, time: iso(ms), action: "user_login", actorId, ...overrides };
}

/** `count` logins exactly one hour apart, ending an hour before the reference time. */
function hourlyLogins(actorId: string, count: number, extra: Record<string, unknown> = {}, otpActions: string[] = []): RawEvent[] {
  const out: RawEvent[] = [];
  for (let i = count; i >= 1; i--) {
    const ms = REF_MS - i * HOUR;
    out.push(event(actorId, ms, extra));
    for (const action of otpActions) out.push(event(actorId, ms + 5_000, { action }));
  }
  return out;
}

/** Weekday logins around 9-16h from two office/home addresses with a browser. */
function businessLogins(actorId: string, days: number, extra: Record<string, unknown> = {}): RawEvent[] {
  const out: RawEvent[] = [];
  for (let d = days; d >= 1; d--) {
    const dayStart = REF_MS - d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const ms = dayStart + (9 + (d % 7)) * HOUR + (d * 7 % 60) * 60_000;
    out.push(event(actorId, ms, { ip: d % 2 === 0 ? "81.2.69.160" : "92.40.1.7", userAgent: BROWSER, ...extra }));
  }
  return out;
}

/** One login a day at `hour:minute` UTC (weekends included) for `days` days, as a scheduled job logs in. */
function dailyLogins(actorId: string, days: number, hour: number, minute: number, extra: Record<string, unknown> = {}, otpActions: string[] = []): RawEvent[] {
  const out: RawEvent[] = [];
  for (let d = days; d >= 1; d--) {
    const ms = REF_MS - d * DAY + hour * HOUR + minute * 60_000 + (d % 3) * 10_000;
    out.push(event(actorId, ms, { ip: "203.0.113.9", ...extra }));
    for (const action of otpActions) out.push(event(actorId, ms + 4_000, { action, ip: "203.0.113.9", ...extra }));
  }
  return out;
}

/** One login each weekday at `hour:minute` UTC for the last `days` days. */
function weekdayLogins(actorId: string, days: number, hour: number, minute: number): RawEvent[] {
  const out: RawEvent[] = [];
  for (let d = days; d >= 1; d--) {
    const dayStart = REF_MS - d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday !== 0 && weekday !== 6) out.push(event(actorId, dayStart + hour * HOUR + minute * 60_000, { ip: "81.2.69.160", userAgent: BROWSER }));
  }
  return out;
}

/** A job's token calls every three hours, round the clock, for `days` days. */
function jobEvents(actorId: string, tokenId: string, days = 14, extra: Record<string, unknown> = {}): RawEvent[] {
  const out: RawEvent[] = [];
  for (let h = days * 24; h >= 1; h -= 3) out.push(event(actorId, REF_MS - h * HOUR + 17 * 60_000, { action: "issue_updated", tokenId, authType: "api-token", ...extra }));
  return out;
}

/** A person's token calls from a command-line client: a few on each workday between 09:00 and 17:00 UTC. */
function workdayTokenEvents(actorId: string, tokenId: string, days = 21): RawEvent[] {
  const out: RawEvent[] = [];
  for (let d = days; d >= 1; d--) {
    const dayStart = REF_MS - d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const hour of [9 + (d % 3), 13 + (d % 4)]) out.push(event(actorId, dayStart + hour * HOUR + (d * 11) % 60 * 60_000, { action: "issue_updated", tokenId, authType: "api-token" }));
  }
  return out;
}

/** Warnings about the snapshot's content, without the notes on signals it does not record. */
const listWarnings = (warnings: string[]): string[] => warnings.filter((w) => !/^(Unavailable|Limited) signal/.test(w));

/** The same events as Atlassian's audit-event API delivers them: without user agents. */
function stripAgents(events: RawEvent[]): RawEvent[] {
  return events.map(({ userAgent: _dropped, ...rest }) => rest);
}

interface Parts {
  users?: RawUser[];
  apiTokens?: Record<string, unknown>[];
  events?: RawEvent[];
  groups?: Record<string, unknown>[];
  serviceAccounts?: Record<string, unknown>[];
}

function snap(parts: Parts): Snapshot {
  return snapshotSchema.parse({
    kind: "bot2svc.snapshot",
    version: 1,
    takenAt: TAKEN_AT,
    org: { id: "org-1", name: "Acme", sites: [] },
    users: parts.users ?? [],
    groups: parts.groups ?? [],
    apiTokens: parts.apiTokens ?? [],
    events: (parts.events ?? []).sort(byTime),
    serviceAccounts: parts.serviceAccounts ?? [],
  });
}

function audit(snapshot: Snapshot, options: Partial<AuditOptions> & { config?: Record<string, unknown> } = {}) {
  const { config, ...rest } = options;
  const detection: DetectionConfig = detectionConfigSchema.parse(config ?? {});
  return auditSnapshot(snapshot, { detection, allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(0), ...rest });
}

function findingOf(snapshot: Snapshot, accountId: string, options?: Parameters<typeof audit>[1]): Finding {
  const found = audit(snapshot, options).findings.find((f) => f.accountId === accountId);
  if (!found) throw new Error(`no finding for ${accountId}`);
  return found;
}

const ids = (finding: Finding): string[] => finding.signals.map((s) => s.id);

afterEach(() => {
  vi.useRealTimers();
});

describe("rules", () => {
  const cases: { rule: string; fires: boolean; parts: Parts }[] = [
    { rule: "channel-divergence", fires: true, parts: { users: [bare("a")], apiTokens: [token("a", "t1")] } },
    { rule: "channel-divergence", fires: false, parts: { users: [person("a")], apiTokens: [token("a", "t1")] } },
    { rule: "channel-divergence", fires: false, parts: { users: [bare("a")], apiTokens: [token("a", "t1", { lastActiveAt: daysAgo(20) })] } },
    { rule: "token-without-ui", fires: true, parts: { users: [bare("a")], apiTokens: [token("a", "t1", { lastActiveAt: daysAgo(60) })] } },
    { rule: "token-without-ui", fires: false, parts: { users: [bare("a")], apiTokens: [token("a", "t1", { lastActiveAt: null })] } },
    {
      rule: "departed-with-live-token",
      fires: true,
      parts: {
        users: [person("a", { managementSource: "invited", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(120) }] })],
        apiTokens: [token("a", "t1")],
      },
    },
    // The identity provider still provisions the account: its owner has not left.
    {
      rule: "departed-with-live-token",
      fires: false,
      parts: { users: [person("a", { productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(120) }] })], apiTokens: [token("a", "t1")] },
    },
    { rule: "round-the-clock", fires: true, parts: { users: [bare("a")], events: jobEvents("a", "t1") } },
    { rule: "round-the-clock", fires: false, parts: { users: [bare("a")], events: workdayTokenEvents("a", "t1") } },
    { rule: "round-the-clock", fires: false, parts: { users: [bare("a")], events: jobEvents("a", "t1", 14).slice(-8) } },
    { rule: "every-day", fires: true, parts: { users: [bare("a")], events: jobEvents("a", "t1") } },
    { rule: "every-day", fires: true, parts: { users: [bare("a")], events: dailyLogins("a", 14, 2, 15).concat(dailyLogins("a", 14, 2, 20)) } },
    { rule: "every-day", fires: false, parts: { users: [bare("a")], events: workdayTokenEvents("a", "t1") } },
    { rule: "activity-schedule", fires: true, parts: { users: [bare("a")], events: dailyLogins("a", 14, 2, 15).concat(dailyLogins("a", 14, 2, 20)) } },
    { rule: "activity-schedule", fires: false, parts: { users: [bare("a")], events: workdayTokenEvents("a", "t1") } },
    { rule: "working-hours-only", fires: true, parts: { users: [bare("a")], events: workdayTokenEvents("a", "t1") } },
    { rule: "working-hours-only", fires: false, parts: { users: [bare("a")], events: jobEvents("a", "t1") } },
    { rule: "departed-with-live-token", fires: true, parts: { users: [person("a", { status: "suspended" })], apiTokens: [token("a", "t1")] } },
    { rule: "departed-with-live-token", fires: false, parts: { users: [bare("a")], apiTokens: [token("a", "t1")] } },
    { rule: "token-events", fires: true, parts: { users: [bare("a")], events: [event("a", REF_MS - HOUR, { action: "issue_updated", tokenId: "t1", authType: "api-token" })] } },
    { rule: "token-events", fires: false, parts: { users: [bare("a")], events: [event("a", REF_MS - HOUR, { action: "issue_updated" })] } },
    // Only api-token auth is a person's token; org keys, Connect and OAuth app tokens are not.
    ...["container-token", "connect-token", "auth-token-for-2LO", "auth-token-for-3LO"].map((authType) => ({
      rule: "token-events",
      fires: false,
      parts: { users: [bare("a")], events: [event("a", REF_MS - HOUR, { action: "issue_updated", tokenId: "t1", authType })] },
    })),
    { rule: "token-events", fires: true, parts: { users: [bare("a")], events: [event("a", REF_MS - HOUR, { action: "issue_updated", tokenId: "t1" })] } },
    { rule: "login-round-the-clock", fires: true, parts: { users: [bare("a")], events: hourlyLogins("a", 24) } },
    { rule: "login-round-the-clock", fires: false, parts: { users: [person("a")], events: businessLogins("a", 30) } },
    { rule: "login-fixed-cadence", fires: true, parts: { users: [bare("a")], events: hourlyLogins("a", 8) } },
    { rule: "login-fixed-cadence", fires: false, parts: { users: [person("a")], events: businessLogins("a", 30) } },
    { rule: "login-fixed-cadence", fires: false, parts: { users: [bare("a")], events: hourlyLogins("a", 4) } },
    { rule: "login-schedule", fires: true, parts: { users: [person("a")], events: [...businessLogins("a", 20), ...dailyLogins("a", 6, 2, 15)] } },
    { rule: "login-schedule", fires: false, parts: { users: [person("a")], events: [...businessLogins("a", 20), ...dailyLogins("a", 3, 2, 15)] } },
    // Every workday at 09:00 sharp is a person's routine, not a job: nothing falls outside business hours.
    { rule: "login-schedule", fires: false, parts: { users: [person("a")], events: weekdayLogins("a", 20, 9, 0) } },
    // A job that logs in daily and nothing else is a fixed cadence already.
    { rule: "login-schedule", fires: false, parts: { users: [bare("a")], events: dailyLogins("a", 8, 2, 15) } },
    { rule: "automation-user-agent", fires: true, parts: { users: [bare("a")], events: hourlyLogins("a", 2, { userAgent: "Go-http-client/1.1" }) } },
    { rule: "automation-user-agent", fires: true, parts: { users: [bare("a")], events: hourlyLogins("a", 2, { userAgent: "Jenkins/2.440" }) } },
    { rule: "automation-user-agent", fires: false, parts: { users: [bare("a")], events: hourlyLogins("a", 2, { userAgent: BROWSER }) } },
    { rule: "datacenter-ip", fires: true, parts: { users: [bare("a")], events: hourlyLogins("a", 2, { ip: "34.201.10.7" }) } },
    { rule: "datacenter-ip", fires: false, parts: { users: [bare("a")], events: hourlyLogins("a", 2, { ip: "81.2.69.160" }) } },
    { rule: "email-otp", fires: true, parts: { users: [bare("a")], events: hourlyLogins("a", 2, {}, ["email_otp_sent"]) } },
    { rule: "email-otp", fires: false, parts: { users: [bare("a")], events: hourlyLogins("a", 2, {}, ["some_other_action"]) } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { email: "svc-jira@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { email: "no-reply@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { email: "x9@acme.com", nickname: "build-bot2" })] } },
    { rule: "bot-name", fires: false, parts: { users: [bare("a", { name: "Abbot", email: "abbot@acme.com" })] } },
    { rule: "bot-name", fires: false, parts: { users: [bare("a", { email: "circle.smith@acme.com" })] } },
    // The accounts of CI/CD, code-scanning and monitoring tools, by the tool's name.
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Argo CD", email: "argocd@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "CircleCI", email: "circle-ci@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Dependabot", email: "dependabot@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "SonarQube", email: "sonarqube.jira@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "PagerDuty", email: "pagerduty@acme.com" })] } },
    { rule: "bot-name", fires: false, parts: { users: [bare("a", { name: "Argo Santos", email: "argo.santos@acme.com" })] } },
    // Version control and chat servers whose hooks sign in.
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "svn-hook", email: "svn-hook@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Mattermost Hook", email: "mattermost@acme.com" })] } },
    { rule: "bot-name", fires: false, parts: { users: [bare("a", { name: "Sven Svensson", email: "sven.svensson@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Webhook Handler", email: "webhooks@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Slack Notifier", email: "slackbot4@acme.com" })] } },
    { rule: "bot-name", fires: false, parts: { users: [bare("a", { name: "Anne Talbot", email: "anne.talbot@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Build Runner", email: "it-admin+jenkins@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "ServiceNow Bridge", email: "servicenow-2@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Zendesk Sync", email: "zendesk@acme.com" })] } },
    // A mailbox that runs the name's words together is read as the name: `buildbot@` is Build Bot's.
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Build Bot", email: "buildbot@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Jira Sync", email: "jirasync2@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Helpdesk Mailer", email: "helpdesk-mailer@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Sincronizador", email: "sincronizador@acme.com" })] } },
    // Not a name whose words are not the mailbox's, nor a mailbox that is only part of the name.
    { rule: "bot-name", fires: false, parts: { users: [bare("a", { name: "Build Bot", email: "bbuilder@acme.com" })] } },
    { rule: "bot-name", fires: false, parts: { users: [bare("a", { name: "Sarah Talbot", email: "sarahtal@acme.com" })] } },
    { rule: "bot-name", fires: false, parts: { users: [bare("a", { name: "Otto Bottomley", email: "ottobottomley@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Uptime Check", email: "uptime-test@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "QA Runner", email: "qa-runner@acme.com" })] } },
    { rule: "bot-name", fires: true, parts: { users: [bare("a", { name: "Tempo Export", email: "tempo-export@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "helpdesk+jira@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "helpdesk@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "it-ops-2@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "finance.reports2@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: undefined, nickname: "qa-team" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "payroll@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "ops-oncall@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "customer-service@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "uat@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "demo.user@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "kunde.test@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "dispatch@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "it-service-emea@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "support.apac.2@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "guest-services@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "helpdesk-de@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { jobTitle: null, email: "emea.support@acme.com" })] } },
    // An account with a person's name and job title at a role address is that person's (a one-person desk); a team's title is the team's.
    { rule: "role-mailbox", fires: false, parts: { users: [person("a", { email: "helpdesk@acme.com" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { email: "helpdesk@acme.com", jobTitle: "Service Desk" })] } },
    { rule: "role-mailbox", fires: true, parts: { users: [person("a", { email: "helpdesk@acme.com", name: "IT Helpdesk" })] } },
    { rule: "role-mailbox", fires: false, parts: { users: [person("a", { email: "emea.uk@acme.com" })] } },
    { rule: "role-mailbox", fires: false, parts: { users: [person("a", { email: "hr.emma@acme.com" })] } },
    { rule: "role-mailbox", fires: false, parts: { users: [person("a", { email: "sarah.user@acme.com" })] } },
    { rule: "role-mailbox", fires: false, parts: { users: [person("a", { email: "sarah.support@acme.com" })] } },
    { rule: "role-mailbox", fires: false, parts: { users: [person("a", { email: "marketing.jane@acme.com" })] } },
    { rule: "role-mailbox", fires: false, parts: { users: [person("a", { email: "42@acme.com" })] } },
    { rule: "empty-profile", fires: true, parts: { users: [bare("a")] } },
    { rule: "empty-profile", fires: false, parts: { users: [bare("a", { jobTitle: "Ops" })] } },
    { rule: "empty-profile", fires: false, parts: { users: [bare("a", { jobTitle: undefined, department: undefined, picture: undefined })] } },
    { rule: "not-idp-linked", fires: true, parts: { users: [bare("a")] } },
    { rule: "not-idp-linked", fires: false, parts: { users: [person("a")] } },
    { rule: "no-2sv", fires: true, parts: { users: [bare("a")] } },
    { rule: "no-2sv", fires: false, parts: { users: [person("a")] } },
    { rule: "recent-ui-activity", fires: true, parts: { users: [person("a")] } },
    { rule: "recent-ui-activity", fires: false, parts: { users: [bare("a")] } },
    { rule: "interactive-logins", fires: true, parts: { users: [person("a")], events: businessLogins("a", 20) } },
    { rule: "interactive-logins", fires: true, parts: { users: [person("a")], events: stripAgents(businessLogins("a", 20)) } },
    { rule: "interactive-logins", fires: false, parts: { users: [person("a")], events: hourlyLogins("a", 24, { userAgent: BROWSER }) } },
    { rule: "full-profile", fires: true, parts: { users: [person("a")] } },
    { rule: "full-profile", fires: false, parts: { users: [bare("a")] } },
    { rule: "idp-synced", fires: true, parts: { users: [person("a")] } },
    { rule: "2sv-enabled", fires: true, parts: { users: [person("a")] } },
    { rule: "admin-role", fires: true, parts: { users: [bare("a", { platformRoles: ["org-admin"] })] } },
    { rule: "admin-role", fires: false, parts: { users: [bare("a", { platformRoles: ["user-access-viewer"] })] } },
    {
      rule: "admin-group",
      fires: true,
      parts: { users: [bare("a", { groupIds: ["g1"] })], groups: [{ id: "g1", name: "jira-administrators" }] },
    },
    {
      rule: "many-groups",
      fires: true,
      parts: {
        users: [bare("a", { groupIds: Array.from({ length: 10 }, (_, i) => `g${i}`) })],
        groups: Array.from({ length: 10 }, (_, i) => ({ id: `g${i}`, name: `group ${i}` })),
      },
    },
    { rule: "many-groups", fires: false, parts: { users: [bare("a", { groupIds: ["g0"] })], groups: [{ id: "g0", name: "g" }] } },
    { rule: "token-expiring", fires: true, parts: { users: [bare("a")], apiTokens: [token("a", "t1", { expiresAt: iso(REF_MS + 10 * DAY) })] } },
    { rule: "token-expiring", fires: false, parts: { users: [bare("a")], apiTokens: [token("a", "t1", { expiresAt: iso(REF_MS + 60 * DAY) })] } },
    { rule: "token-expiring", fires: false, parts: { users: [bare("a")], apiTokens: [token("a", "t1", { expiresAt: iso(REF_MS + 10 * DAY), status: "BLOCKED" })] } },
  ];

  it.each(cases)("$rule fires=$fires", ({ rule, fires, parts }) => {
    expect(ids(findingOf(snap(parts), "a")).includes(rule)).toBe(fires);
  });

  it("writes evidence with the numbers", () => {
    const finding = findingOf(snap({ users: [bare("a")], apiTokens: [token("a", "t1", { label: "jenkins-prod", lastActiveAt: "2026-10-31T00:00:00.000Z" })] }), "a");
    const divergence = finding.signals.find((s) => s.id === "channel-divergence");
    expect(divergence?.evidence).toBe("API token `jenkins-prod` used 2026-10-31 (1 day before the reference time); last UI activity never.");
    const hourly = findingOf(snap({ users: [bare("b")], events: hourlyLogins("b", 24) }), "b");
    expect(hourly.signals.find((s) => s.id === "login-round-the-clock")?.evidence).toContain("24 logins spread over 24 distinct hours");
    expect(hourly.signals.find((s) => s.id === "login-fixed-cadence")?.evidence).toContain("mean interval 1 h");
    const dc = findingOf(snap({ users: [bare("c")], events: hourlyLogins("c", 24, { ip: "34.201.10.7" }, ["email_otp_sent"]) }), "c");
    expect(dc.signals.find((s) => s.id === "login-fixed-cadence")?.evidence).toContain("from 1 IP address (34.201.10.7)");
    // 24 challenges in one day is more than any person answers.
    expect(dc.signals.find((s) => s.id === "email-otp")?.evidence).toMatch(/^24 email OTP challenges \(email_otp_sent\), about 24\.0 a day \(threshold 5\)/);
  });

  it("judges login cadence the same when events arrive out of order", () => {
    const ordered = snap({ users: [bare("a")], events: hourlyLogins("a", 24) });
    const shuffled: Snapshot = { ...ordered, events: [...ordered.events].reverse() };
    const a = findingOf(ordered, "a");
    const b = findingOf(shuffled, "a");
    expect(ids(b)).toContain("login-fixed-cadence");
    expect(b.signals).toEqual(a.signals);
  });

  it("counts distinct login IP addresses up to more than three", () => {
    const ips = ["81.2.69.1", "81.2.69.2", "81.2.69.3", "81.2.69.4"];
    const events = businessLogins("a", 20).map((e, i) => ({ ...e, ip: ips[i % ips.length] }));
    const many = findingOf(snap({ users: [person("a")], events }), "a");
    expect(many.signals.find((s) => s.id === "interactive-logins")?.evidence).toContain("from more than 3 IP addresses");
    const two = findingOf(snap({ users: [person("a")], events: events.map((e, i) => ({ ...e, ip: ips[i % 2] })) }), "a");
    expect(two.signals.find((s) => s.id === "interactive-logins")?.evidence).toContain("from 2 IP addresses");
  });

  it("honours weight overrides and disabled rules", () => {
    const snapshot = snap({ users: [bare("a")], apiTokens: [token("a", "t1")] });
    const base = findingOf(snapshot, "a");
    const tuned = findingOf(snapshot, "a", { config: { weights: { "channel-divergence": 1 }, disabledRules: ["empty-profile"] } });
    expect(base.signals.find((s) => s.id === "channel-divergence")?.weight).toBe(5);
    expect(tuned.signals.find((s) => s.id === "channel-divergence")?.weight).toBe(1);
    expect(ids(tuned)).not.toContain("empty-profile");
    expect(tuned.score).toBeLessThan(base.score);
  });
});

describe("traps", () => {
  it("(1) Sarah Jenkins who uses Jira daily from a browser is human", () => {
    const sarah = person("sarah", {
      name: "Sarah Jenkins",
      email: "sarah.jenkins@acme.com",
      productAccess: [
        { key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(1) },
        { key: "confluence", id: "c", lastActiveTimestamp: daysAgo(2) },
      ],
    });
    const finding = findingOf(snap({ users: [sarah], events: businessLogins("sarah", 30), apiTokens: [token("sarah", "t1")] }), "sarah");
    expect(finding.verdict).toBe("human");
    expect(finding.recommendation).toBe("none");
    const name = finding.signals.find((s) => s.id === "bot-name");
    expect(name?.weight).toBeLessThan(0.5);
    expect(name?.evidence).toContain("damped");
    // Not listed without --include-humans.
    expect(audit(snap({ users: [sarah] }), { includeHumans: false }).findings).toHaveLength(0);
  });

  it("a tool's mailbox that starts with a product's or an environment's name leads with its bot-like word", () => {
    const weight = (email: string) => findingOf(snap({ users: [bare("a", { name: "x", email })] }), "a").signals.find((s) => s.id === "bot-name")?.weight;
    expect(weight("jira-sync@acme.com")).toBe(1.5);
    expect(weight("qa-automation3@acme.com")).toBe(1.5);
    expect(weight("svc-jira@acme.com")).toBe(1.5);
    expect(weight("bi-extract@acme.com")).toBe(0.75);
    expect(weight("powerbi2@acme.com")).toBe(1.5);
    // A person's surname after their given name stays at half weight.
    expect(weight("sarah.jenkins@acme.com")).toBe(0.75);
  });

  it("a job title that says the account is no person's names it like a bot-like word", () => {
    const bot = (jobTitle: string) => findingOf(snap({ users: [bare("a", { name: "TicketLink", email: "ticketlink@acme.com", jobTitle })] }), "a").signals.find((s) => s.id === "bot-name");
    expect(bot("Technical User")?.weight).toBe(1.5);
    expect(bot("Technical User")?.evidence).toBe('Job title "Technical User" says the account is no person\'s.');
    expect(bot("Service Account")?.weight).toBe(1.5);
    // A team's name in the title field is no such statement.
    expect(bot("Integration")).toBeUndefined();
    expect(bot("Engineer")).toBeUndefined();
  });

  it("(2) Finance Exports with a daily token and UI five months ago is a bot by behaviour alone", () => {
    const user = bare("fin", {
      name: "Finance Exports",
      email: "finance-exports@acme.com",
      productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(150) }],
    });
    const events = dailyLogins("fin", 20, 2, 0, { action: "issue_created", tokenId: "t1", authType: "api-token" });
    const finding = findingOf(snap({ users: [user], events, apiTokens: [token("fin", "t1", { label: "nightly-export" })] }), "fin", {
      config: { disabledRules: ["bot-name"] },
    });
    expect(finding.verdict).toBe("bot");
    expect(ids(finding)).toEqual(expect.arrayContaining(["every-day", "activity-schedule"]));
    expect(finding.recommendation).toBe("migrate-to-service-account");
    expect(finding.signals[0]?.id).toBe("channel-divergence");
    expect(finding.signals[0]?.evidence).toContain("150 days before the reference time");
  });

  it("(3) a departed person whose token still runs is flagged with a departed signal, and is a bot only when its timing shows a job and nothing shows a person's own account", () => {
    const tom = person("tom", {
      name: "Tom Baker",
      email: "tom.baker@acme.com",
      managementSource: "invited",
      productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(200) }],
    });
    const apiTokens = [token("tom", "t1", { lastActiveAt: daysAgo(1) })];
    const untimed = findingOf(snap({ users: [tom], apiTokens }), "tom");
    expect(untimed.verdict).toBe("likely-bot");
    expect(untimed.signals.find((s) => s.id === "departed-with-live-token")?.evidence).toContain("200 days before the reference time");
    expect(untimed.signals.find((s) => s.id === "not-bot")?.evidence).toContain("its timing could not be judged (no audit events in the window");
    expect(ids(untimed)).not.toContain("bot-name");
    // Tom's 2SV and full profile say the account was a person's own: whether he left or is on
    // leave, the data cannot tell, so his script's job is reviewed, not migrated.
    const job = findingOf(snap({ users: [tom], apiTokens, events: jobEvents("tom", "t1") }), "tom");
    expect(job.verdict).toBe("likely-bot");
    expect(ids(job)).toEqual(expect.arrayContaining(["round-the-clock", "every-day", "departed-with-live-token"]));
    expect(job.signals.find((s) => s.id === "not-bot")?.evidence).toContain("a person's own account");
    // Without a second factor or a person's profile, his name still says the account is his:
    // many people have neither, and a migration would lock him out on his return.
    const bare = { ...tom, mfaEnabled: false, jobTitle: null, department: null };
    const gone = findingOf(snap({ users: [bare], apiTokens, events: jobEvents("tom", "t1") }), "tom");
    expect(gone.verdict).toBe("likely-bot");
    expect(ids(gone)).toEqual(expect.arrayContaining(["round-the-clock", "every-day", "departed-with-live-token"]));
    expect(gone.signals.find((s) => s.id === "not-bot")?.evidence).toContain("was worked in the UI until");
    expect(gone.signals.find((s) => s.id === "not-bot")?.evidence).toContain("whether they left or are on leave cannot be told");
    // A team's name on the same account (`quarterly-metrics@`, no second factor, no profile): the job's account.
    const team = { ...bare, name: "Quarterly Metrics", email: "quarterly-metrics@acme.com" };
    const teamJob = findingOf(snap({ users: [team], apiTokens, events: jobEvents("tom", "t1") }), "tom");
    expect(teamJob.verdict).toBe("bot");
    expect(ids(teamJob)).toEqual(expect.arrayContaining(["round-the-clock", "every-day", "departed-with-live-token"]));
    // A person's name as mailboxes write it, accents and numbers aside; a team's as teams name it.
    const verdictAs = (name: string, email: string) => findingOf(snap({ users: [{ ...bare, name, email }], apiTokens, events: jobEvents("tom", "t1") }), "tom").verdict;
    expect(verdictAs("Ursula García", "ursula.garcia2@acme.com")).toBe("likely-bot");
    expect(verdictAs("Joao Day", "jday@acme.com")).toBe("likely-bot");
    expect(verdictAs("Backup Job", "backup@acme.com")).toBe("bot");
    expect(verdictAs("Confluence Publisher 91", "confluence-publisher91@acme.com")).toBe("bot");
    expect(verdictAs("Helpdesk Mailer", "helpdesk-mailer6@acme.com")).toBe("bot");
    // A snapshot that records no UI use: the second factor says a person signed in once; without
    // it, a person's name and mailbox say the account may be theirs (one on leave signs in nowhere
    // in the log), and nothing says otherwise: reviewed too. A team's name there is the job's.
    const unrecorded = (user: typeof tom) => ({ ...user, jobTitle: null, department: null, productAccess: [{ key: "jira-software", id: "j" }] });
    const away = findingOf(snap({ users: [unrecorded(tom)], apiTokens, events: jobEvents("tom", "t1") }), "tom");
    expect(away.verdict).toBe("likely-bot");
    expect(away.signals.find((s) => s.id === "not-bot")?.evidence).toContain("two-step verification is enrolled on it");
    const named = findingOf(snap({ users: [unrecorded(bare)], apiTokens, events: jobEvents("tom", "t1") }), "tom");
    expect(named.verdict).toBe("likely-bot");
    expect(named.signals.find((s) => s.id === "not-bot")?.evidence).toContain("whether they left or are on leave cannot be told");
    expect(findingOf(snap({ users: [unrecorded(team)], apiTokens, events: jobEvents("tom", "t1") }), "tom").verdict).toBe("bot");
  });

  it("(3b) a developer who works from a CLI with a personal token is never a bot", () => {
    // Provisioned by the IdP, full profile, UI last used long ago, token used on workdays only.
    const dev = person("dev", { name: "Uma Ito", email: "uma.ito@acme.com", mfaEnabled: false, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(200) }] });
    const parts: Parts = { users: [dev], apiTokens: [token("dev", "t1", { label: "jira-cli" })], events: workdayTokenEvents("dev", "t1") };
    const finding = findingOf(snap(parts), "dev");
    expect(finding.verdict).toBe("human");
    expect(ids(finding)).toContain("working-hours-only");
    expect(ids(finding)).not.toContain("departed-with-live-token");
    // Not provisioned, no profile, never in the UI: still not a bot, and the report says why.
    const bareDev = bare("dev", { name: "Uma Ito", email: "uma.ito@acme.com" });
    const thin = findingOf(snap({ ...parts, users: [bareDev] }), "dev");
    expect(thin.verdict).toBe("likely-bot");
    expect(thin.signals.find((s) => s.id === "not-bot")?.evidence).toMatch(/no machine evidence.*working hours only/);
  });

  it("(3c) a headless browser that logs in round the clock with email OTPs is at least a likely bot, its UI activity no evidence of a person", () => {
    const user = person("hb", { name: "Report Runner", email: "reports@acme.com", mfaEnabled: false, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(0.1) }] });
    const logins: RawEvent[] = [];
    for (let h = 14 * 24; h >= 1; h -= 2) {
      logins.push(event("hb", REF_MS - h * HOUR + 7 * 60_000, { ip: "34.201.10.7" }));
      logins.push(event("hb", REF_MS - h * HOUR + 7 * 60_000 + 5_000, { action: "user_email_otp_challenge", ip: "34.201.10.7" }));
    }
    const finding = findingOf(snap({ users: [user], events: logins }), "hb");
    expect(["bot", "likely-bot"]).toContain(finding.verdict);
    expect(finding.signals.find((s) => s.id === "recent-ui-activity")?.weight).toBe(0);
    expect(finding.signals.find((s) => s.id === "recent-ui-activity")?.evidence).toContain("machine-like");
    expect(finding.signals.find((s) => s.id === "email-otp")?.weight).toBeGreaterThan(0);
  });

  it("(4) hourly logins round the clock from a datacenter with python-requests and email OTPs is a bot", () => {
    const events = hourlyLogins("scr", 48, { ip: "34.201.10.7", userAgent: "python-requests/2.31.0" }, ["email_otp_sent"]);
    const finding = findingOf(snap({ users: [person("scr", { name: "Dana Smith", email: "dana@acme.com", mfaEnabled: false, productAccess: [] })], events }), "scr");
    expect(finding.verdict).toBe("bot");
    expect(ids(finding)).toEqual(
      expect.arrayContaining(["login-round-the-clock", "login-fixed-cadence", "automation-user-agent", "datacenter-ip", "email-otp"]),
    );
    expect(finding.signals.find((s) => s.id === "email-otp")?.weight).toBeGreaterThan(0);
    expect(finding.confidence).toBe("high");
  });

  it("(5) a human with email OTPs and no 2SV is told to enable 2SV", () => {
    const events = [...businessLogins("h", 20), event("h", REF_MS - 2 * DAY + 9 * HOUR, { action: "user_email_otp_challenge" })];
    const snapshot = snap({ users: [person("h", { mfaEnabled: false })], events });
    const finding = findingOf(snapshot, "h");
    expect(finding.verdict).toBe("human");
    expect(finding.recommendation).toBe("enable-2sv");
    expect(finding.signals.find((s) => s.id === "email-otp")?.weight).toBe(0);
    const report = audit(snapshot, { includeHumans: false });
    expect(report.findings.map((f) => f.accountId)).toEqual(["h"]);
    expect(report.summary.enable2sv).toBe(1);
    // With 2SV on, there is nothing to advise.
    expect(findingOf(snap({ users: [person("h")], events }), "h").recommendation).toBe("none");
  });

  it("(6) never consults the wall clock; the reference time is takenAt or now", () => {
    const snapshot = snap({ users: [bare("a")], apiTokens: [token("a", "t1")] });
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-01T00:00:00.000Z"));
    const first = audit(snapshot);
    vi.setSystemTime(new Date("2027-11-01T00:00:00.000Z"));
    const later = audit(snapshot);
    const explicit = audit(snapshot, { now: new Date(TAKEN_AT) });
    expect(later).toEqual(first);
    expect(explicit).toEqual(first);
    expect(first.referenceTime).toBe(TAKEN_AT);

    // A reference time a year later is a different question with a different answer.
    const yearLater = audit(snapshot, { now: new Date("2027-11-01T00:00:00.000Z") });
    vi.setSystemTime(new Date("2020-01-01T00:00:00.000Z"));
    expect(audit(snapshot, { now: new Date("2027-11-01T00:00:00.000Z") })).toEqual(yearLater);
    expect(ids(yearLater.findings[0] as Finding)).not.toContain("channel-divergence");
    expect(ids(first.findings[0] as Finding)).toContain("channel-divergence");
  });
});

describe("shared role accounts", () => {
  /** A team mailbox people use in Jira by day, while a nightly job logs in as it and uses its token. */
  function helpdeskParts(userAgents: boolean): Parts {
    const helpdesk = bare("hd", {
      name: "Helpdesk",
      email: "helpdesk@acme.com",
      productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(2) }],
    });
    const job = dailyLogins("hd", 20, 2, 15, { userAgent: "python-requests/2.31.0" }, ["email_otp_sent"]);
    const events = [...businessLogins("hd", 20), ...job, event("hd", REF_MS - 22 * HOUR, { action: "issue_created", tokenId: "t1", authType: "api-token" })];
    return {
      users: [helpdesk],
      events: userAgents ? events : stripAgents(events),
      apiTokens: [token("hd", "t1", { label: "helpdesk-export", lastActiveAt: iso(REF_MS - 22 * HOUR) })],
    };
  }

  it("a role mailbox used in the UI and by a nightly job is a likely bot, for review", () => {
    const finding = findingOf(snap(helpdeskParts(true)), "hd");
    expect(finding.verdict).toBe("likely-bot");
    expect(finding.recommendation).toBe("review");
    expect(ids(finding)).toEqual(expect.arrayContaining(["login-schedule", "role-mailbox", "email-otp", "token-events"]));
    expect(ids(finding)).not.toContain("interactive-logins");
    expect(finding.signals.find((s) => s.id === "login-schedule")?.evidence).toMatch(
      /^20 of 3\d logins at about 02:15 UTC \(within 5 minutes\) on different days, \d+ of them on a weekend or outside business hours/,
    );
    expect(finding.signals.find((s) => s.id === "email-otp")?.weight).toBeGreaterThan(0);
  });

  it("gets the same verdict and score without user agents; they only add confidence", () => {
    const withAgents = findingOf(snap(helpdeskParts(true)), "hd");
    const without = findingOf(snap(helpdeskParts(false)), "hd");
    expect(without.verdict).toBe(withAgents.verdict);
    expect(without.score).toBe(withAgents.score);
    expect(withAgents.signals.find((s) => s.id === "automation-user-agent")?.weight).toBe(0);
    expect(ids(without)).not.toContain("automation-user-agent");
    expect(without.confidence).toBe(withAgents.confidence);
  });

  it("an automation user agent raises a bot's confidence, never its score", () => {
    // Activity alone (one family of evidence): a suspended account whose token still writes issues.
    const user = person("x", {
      status: "suspended",
      email: "x9@acme.com",
      mfaEnabled: undefined,
      managementSource: undefined,
      jobTitle: undefined,
      department: undefined,
      picture: undefined,
      productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: null }],
    });
    const events = jobEvents("x", "t1", 14, { userAgent: "python-requests/2.31.0" });
    const withAgents = findingOf(snap({ users: [user], events, apiTokens: [token("x", "t1")] }), "x");
    const without = findingOf(snap({ users: [user], events: stripAgents(events), apiTokens: [token("x", "t1")] }), "x");
    expect(without.verdict).toBe("bot");
    expect(withAgents.verdict).toBe("bot");
    expect(withAgents.score).toBe(without.score);
    // Just above the bot threshold, confidence rests on the margin: the user agent widens it.
    const config = { thresholds: { botScore: without.score - 1, likelyBotScore: 3 } };
    const nearWith = findingOf(snap({ users: [user], events, apiTokens: [token("x", "t1")] }), "x", { config });
    const nearWithout = findingOf(snap({ users: [user], events: stripAgents(events), apiTokens: [token("x", "t1")] }), "x", { config });
    expect(nearWithout.verdict).toBe("bot");
    expect(nearWithout.confidence).toBe("medium");
    expect(nearWith.confidence).toBe("high");
    expect(nearWith.score).toBe(nearWithout.score);
  });

  it("a script on an account people use right now is reviewed, not migrated, however high it scores", () => {
    // A token job round the clock, and people in the web UI three days ago.
    const parts: Parts = {
      users: [bare("ci", { email: "jenkins@acme.com", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(3) }] })],
      events: jobEvents("ci", "t1", 14, { ip: "34.201.10.7" }),
      apiTokens: [token("ci", "t1")],
    };
    const reviewed = findingOf(snap(parts), "ci");
    expect(reviewed.score).toBeGreaterThanOrEqual(6);
    expect(reviewed.verdict).toBe("likely-bot");
    expect(reviewed.recommendation).toBe("review");
    expect(reviewed.signals.find((s) => s.id === "ui-in-use")?.evidence).toContain("people used the UI within 30 days");
    const migrated = findingOf(snap(parts), "ci", { config: { reviewWhileUiActive: false } });
    expect(migrated.verdict).toBe("bot");
    expect(ids(migrated)).not.toContain("ui-in-use");
  });

  it("a headless browser's UI activity does not hold it back, even when the IdP provisions it", () => {
    const ui = [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(0.1) }];
    for (const managementSource of [null, "synced"]) {
      const parts: Parts = { users: [bare("hb", { email: "robot@acme.com", managementSource, productAccess: ui })], events: hourlyLogins("hb", 24 * 14, { ip: "34.201.10.7" }, ["email_otp_sent"]) };
      const finding = findingOf(snap(parts), "hb");
      expect(finding.verdict).toBe("bot");
      expect(ids(finding)).not.toContain("ui-in-use");
      expect(finding.signals.find((s) => s.id === "recent-ui-activity")?.weight).toBe(0);
    }
  });

  it("a test job in business hours at a fixed cadence is a bot, not a person keeping working hours", () => {
    const events: RawEvent[] = [];
    for (let d = 21; d >= 1; d--) {
      const dayStart = REF_MS - d * DAY;
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (let m = 8 * 60; m < 17 * 60; m += 20) {
        const ms = dayStart + m * 60_000;
        events.push(event("qa", ms, { ip: "34.201.10.7" }), event("qa", ms + 5_000, { action: "email_otp_sent" }));
      }
    }
    const finding = findingOf(snap({ users: [bare("qa", { email: "qa-runner@acme.com", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(1) }] })], events }), "qa");
    expect(ids(finding)).toEqual(expect.arrayContaining(["login-fixed-cadence", "login-flood", "email-otp"]));
    expect(ids(finding)).not.toContain("working-hours-only");
    expect(finding.verdict).toBe("bot");
  });

  it("a rota through all hours of the day is a person's: rests every day, no round-the-clock rule", () => {
    // Three weeks: a week of early, a week of late and a week of night shifts, one login and OTP each.
    const events: RawEvent[] = [];
    for (let d = 21; d >= 1; d--) {
      if (d % 7 === 3 || d % 7 === 4) continue;
      const start = REF_MS - d * DAY + [6, 14, 22][Math.floor((21 - d) / 7)]! * HOUR + ((d * 17) % 45) * 60_000;
      events.push(event("ops", start, { ip: "81.2.69.160", userAgent: BROWSER }), event("ops", start + 20_000, { action: "email_otp_sent" }));
      for (let k = 1; k <= 4; k++) events.push(event("ops", start + k * 1.7 * HOUR, { action: "issue_updated", ip: "81.2.69.160", userAgent: BROWSER }));
    }
    const finding = findingOf(snap({ users: [person("ops", { email: "sam.lee@acme.com", mfaEnabled: false })], events }), "ops", { includeHumans: true });
    expect(ids(finding)).not.toContain("round-the-clock");
    expect(ids(finding)).not.toContain("login-round-the-clock");
    expect(finding.verdict).toBe("human");
    expect(finding.recommendation).toBe("enable-2sv");
  });

  it("a script account with too few events to time is a bot on its lifecycle and name, unless the IdP manages it", () => {
    const lone = (overrides: Record<string, unknown>): Parts => ({
      users: [bare("rep", { name: "reporting", email: "reporting@acme.com", managementSource: "invited", ...overrides })],
      apiTokens: [token("rep", "t1", { label: "export" })],
      events: [event("rep", REF_MS - 2 * DAY, { action: "issue_created", tokenId: "t1", authType: "api-token", ip: "34.201.10.7" })],
    });
    expect(findingOf(snap(lone({})), "rep").verdict).toBe("bot");
    const managed = findingOf(snap(lone({ managementSource: "synced" })), "rep");
    expect(managed.verdict).toBe("likely-bot");
    expect(ids(managed)).toContain("not-bot");
    // A person's name and profile: held back.
    expect(findingOf(snap(lone({ name: "Dana Reporting", email: "dana.reporting@acme.com", jobTitle: "Analyst", department: "Finance" })), "rep").verdict).toBe("likely-bot");
  });

  it("a robot that signs in through the browser at fixed times of each workday is machine-driven; a person's wandering sign-ins are not", () => {
    const signIns = (actorId: string, at: (d: number, i: number) => number | null): RawEvent[] => {
      const out: RawEvent[] = [];
      for (let d = 21; d >= 1; d--) {
        const dayStart = REF_MS - d * DAY;
        const weekday = new Date(dayStart).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        for (let i = 0; i < 3; i++) {
          const ms = at(d, i);
          if (ms === null) continue;
          out.push(event(actorId, dayStart + ms, { ip: "81.2.69.160", userAgent: BROWSER }));
          out.push(event(actorId, dayStart + ms + 20_000, { action: "user_email_otp_challenge", ip: "81.2.69.160", userAgent: BROWSER }));
          out.push(event(actorId, dayStart + ms + 60_000, { action: "issue_updated", ip: "81.2.69.160", userAgent: BROWSER }));
        }
      }
      return out;
    };
    // A name that says nothing either way: the timing decides.
    const user = (id: string) => person(id, { name: "Dana Lima", email: `dana.lima.${id}@acme.com`, mfaEnabled: false, managementSource: "invited", jobTitle: null, department: null, picture: null });
    // 08:10, 12:10 and 16:10, up to 7 minutes late.
    const robot = findingOf(snap({ users: [user("rpa")], events: signIns("rpa", (d, i) => (8 + 4 * i) * HOUR + (10 + ((d * 5 + i * 3) % 8)) * 60_000) }), "rpa");
    expect(ids(robot)).toEqual(expect.arrayContaining(["login-daily-slots", "email-otp"]));
    expect(robot.signals.find((x) => x.id === "login-daily-slots")?.evidence).toContain("at 3 fixed times of day (08:10 UTC, 12:10 UTC, 16:10 UTC");
    expect(ids(robot)).not.toContain("working-hours-only");
    expect(ids(robot)).not.toContain("interactive-logins");
    expect(robot.signals.find((x) => x.id === "recent-ui-activity")?.weight).toBe(0);
    expect(robot.verdict).not.toBe("human");
    // A person signs in twice a day too, but an hour or more either way.
    const wander = findingOf(snap({ users: [user("ana")], events: signIns("ana", (d, i) => (i === 2 ? null : (8 + 5 * i) * HOUR + ((d * 37 + i * 53) % 120) * 60_000)) }), "ana");
    expect(ids(wander)).not.toContain("login-daily-slots");
    expect(wander.verdict).toBe("human");
  });

  it("a robot on a local timetable is still seen across a daylight-saving change, which moves its sign-ins an hour in UTC", () => {
    // 08:10, 12:10 and 16:10 in Berlin, up to 7 minutes late: 06:10 UTC in summer time, 07:10 UTC
    // from 25 October. Two weeks before the change and one after: each UTC time alone holds only
    // two thirds of the sign-ins.
    const change = Date.parse("2026-10-25T01:00:00.000Z");
    const events: RawEvent[] = [];
    for (let d = 21; d >= 1; d--) {
      const dayStart = REF_MS - d * DAY;
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const utcOffset = dayStart >= change ? 1 : 2;
      for (let i = 0; i < 3; i++) {
        const ms = dayStart + (8 + 4 * i - utcOffset) * HOUR + (10 + ((d * 5 + i * 3) % 8)) * 60_000;
        events.push(event("rpa", ms, { ip: "81.2.69.160", userAgent: BROWSER }));
        events.push(event("rpa", ms + 20_000, { action: "user_email_otp_challenge", ip: "81.2.69.160", userAgent: BROWSER }));
        events.push(event("rpa", ms + 60_000, { action: "issue_updated", ip: "81.2.69.160", userAgent: BROWSER }));
      }
    }
    const user = person("rpa", { name: "Dana Lima", email: "dana.lima@acme.com", mfaEnabled: false, managementSource: "invited", jobTitle: null, department: null, picture: null });
    const robot = findingOf(snap({ users: [user], events }), "rpa", { includeHumans: true });
    expect(ids(robot)).toContain("login-daily-slots");
    expect(robot.signals.find((x) => x.id === "login-daily-slots")?.evidence).toContain("(06:10 UTC, 10:10 UTC, 14:10 UTC until the clock change at 2026-10-25 01:00 UTC, an hour later since");
    expect(ids(robot)).not.toContain("interactive-logins");
    expect(robot.verdict).not.toBe("human");
  });

  it("a robot's timetable holds when some of its sign-ins were not recorded: its work still comes at the fixed times", () => {
    const events: RawEvent[] = [];
    for (let d = 21; d >= 1; d--) {
      const dayStart = REF_MS - d * DAY;
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (let i = 0; i < 3; i++) {
        const ms = dayStart + (8 + 4 * i) * HOUR + (10 + ((d * 5 + i * 3) % 8)) * 60_000;
        // One sitting in four has lost its sign-in; the work it did is in the log.
        if ((d * 3 + i) % 4 !== 0) events.push(event("rpa", ms, { ip: "81.2.69.160", userAgent: BROWSER }));
        events.push(event("rpa", ms + 60_000, { action: "issue_updated", ip: "81.2.69.160", userAgent: BROWSER }));
        events.push(event("rpa", ms + 4 * 60_000, { action: "comment_created", ip: "81.2.69.160", userAgent: BROWSER }));
      }
    }
    const user = person("rpa", { name: "Dana Lima", email: "dana.lima@acme.com", mfaEnabled: false, managementSource: "invited", jobTitle: null, department: null, picture: null });
    const robot = findingOf(snap({ users: [user], events }), "rpa", { includeHumans: true });
    expect(ids(robot)).toContain("login-daily-slots");
    expect(robot.signals.find((x) => x.id === "login-daily-slots")?.evidence).toContain("90 of 90 events of work within 15 minutes of a sign-in (or of a fixed time");
    expect(robot.verdict).not.toBe("human");
  });

  it("a new account whose only UI use is its setup sign-in, its token working alone since, is reviewed; a new joiner who keeps signing in is not", () => {
    const added = REF_MS - 12 * DAY;
    const setup = added + 2 * HOUR;
    const newcomer = (id: string) =>
      person(id, { name: "Zoe Ito", email: `zoe.ito.${id}@acme.com`, mfaEnabled: false, managementSource: "invited", addedToOrg: iso(added), productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(setup + 120_000) }] });
    const calls = (id: string) => [3, 6, 9, 11].map((d) => event(id, added + d * DAY + 10 * HOUR, { action: "issue_updated", tokenId: `t-${id}`, authType: "api-token", ip: "34.201.10.7" }));
    const signIn = (id: string, ms: number) => [event(id, ms, { ip: "81.2.69.160", userAgent: BROWSER }), event(id, ms + 20_000, { action: "user_email_otp_challenge", ip: "81.2.69.160", userAgent: BROWSER })];
    const script = findingOf(snap({ users: [newcomer("s")], apiTokens: [token("s", "t-s", { createdAt: iso(setup + 60_000), lastActiveAt: iso(added + 11 * DAY + 10 * HOUR) })], events: [...signIn("s", setup), ...calls("s")] }), "s");
    expect(script.signals.find((x) => x.id === "channel-divergence")?.evidence).toContain("only the sign-in of whoever set the account up");
    // A person's name and too few events to time: reviewed, never called bot.
    expect(script.verdict).toBe("likely-bot");
    // A new joiner signs in on other days too: the UI is theirs, and no divergence is seen.
    const joinerEvents = [...signIn("p", setup), ...signIn("p", added + 2 * DAY + 9 * HOUR), ...signIn("p", added + 5 * DAY + 9 * HOUR), ...calls("p")];
    const joiner = findingOf(
      snap({ users: [newcomer("p")].map((u) => ({ ...u, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(added + 5 * DAY + 9 * HOUR) }] })), apiTokens: [token("p", "t-p", { createdAt: iso(setup + 60_000), lastActiveAt: iso(added + 11 * DAY + 10 * HOUR) })], events: joinerEvents }),
      "p",
    );
    expect(ids(joiner)).not.toContain("channel-divergence");
    expect(joiner.verdict).toBe("human");
  });

  it("a person who signs in at the same minute each morning keeps their UI use as a person's", () => {
    const events: RawEvent[] = [];
    for (let d = 20; d >= 1; d--) {
      const dayStart = REF_MS - d * DAY;
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || (weekday === 6 && d !== 8)) continue; // one Saturday morning worked
      const at = dayStart + 8 * HOUR + (55 + (d % 4)) * 60_000;
      events.push(event("m", at, { ip: "81.2.69.160", userAgent: BROWSER }));
      // A first update minutes after the sign-in, as a robot's sitting has one too (work only
      // hours later would make the sign-ins a long day's start, no schedule at all).
      events.push(event("m", at + 6 * 60_000, { action: "issue_updated", ip: "81.2.69.160", userAgent: BROWSER }));
      for (let k = 1; k <= 5; k++) events.push(event("m", at + k * (70 + (d % 5) * 9) * 60_000, { action: "issue_updated", ip: "81.2.69.160", userAgent: BROWSER }));
    }
    const finding = findingOf(snap({ users: [person("m", { name: "Mei Nair", email: "mei.nair@acme.com" })], events }), "m");
    expect(ids(finding)).toContain("login-schedule");
    expect(finding.signals.find((x) => x.id === "recent-ui-activity")?.weight).toBeLessThan(0);
    expect(finding.verdict).toBe("human");
  });

  it("a nightly job scheduled in local time keeps its schedule across a daylight-saving change", () => {
    // 04:25 UTC until the clocks change, 03:25 UTC after it: the same 05:25 in Berlin.
    const run = (actorId: string, hourOf: (d: number) => number): RawEvent[] => {
      const out: RawEvent[] = [];
      for (let d = 28; d >= 1; d--) {
        const start = REF_MS - d * DAY + hourOf(d) * HOUR + 25 * 60_000 + (d % 4) * 60_000;
        for (let k = 0; k < 3; k++) out.push(event(actorId, start + k * 20_000, { action: "issue_updated", tokenId: `t-${actorId}`, authType: "api-token", ip: "81.2.69.160" }));
      }
      return out;
    };
    const parts = (actorId: string, hourOf: (d: number) => number): Parts => ({
      users: [person(actorId, { name: "Sofia Iyer", email: `sofia.iyer.${actorId}@acme.com`, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(24) }] })],
      apiTokens: [token(actorId, `t-${actorId}`, { label: "jira-metrics", lastActiveAt: daysAgo(1) })],
      events: run(actorId, hourOf),
    });
    const job = findingOf(snap(parts("j", (d) => (d > 12 ? 4 : 3))), "j");
    expect(job.signals.find((x) => x.id === "activity-schedule")?.evidence).toContain("an hour apart on the two sides of a clock change");
    // The same two times mixed day by day are no clock change: neither holds most days.
    const mixed = findingOf(snap(parts("m", (d) => (d % 2 === 0 ? 4 : 3))), "m");
    expect(ids(mixed)).not.toContain("activity-schedule");
  });

  it("a punctual person whose day starts at the same time is not reviewed for it; the same schedule without anyone in the UI is", () => {
    // Bursts start at 07:55-08:05 on every workday and two Saturdays: an activity schedule.
    const day = (actorId: string, ui: boolean, everyWeekend = false): RawEvent[] => {
      const out: RawEvent[] = [];
      for (let d = 28; d >= 1; d--) {
        const dayStart = REF_MS - d * DAY;
        const weekday = new Date(dayStart).getUTCDay();
        if (!everyWeekend && (weekday === 0 || (weekday === 6 && d > 14))) continue;
        const start = dayStart + 7 * HOUR + (55 + (d % 11)) * 60_000;
        // Sessions last: a sign-in on Mondays only.
        if (ui && weekday === 1) out.push(event(actorId, start, { ip: "81.2.69.160", userAgent: BROWSER }));
        else out.push(event(actorId, start, { action: "page_viewed", ip: "81.2.69.160", ...(ui ? { userAgent: BROWSER } : { tokenId: `t-${actorId}`, authType: "api-token" }) }));
        for (let k = 1; k <= 4; k++) out.push(event(actorId, start + k * (90 + (d % 7) * 10) * 60_000, { action: "issue_updated", ip: "81.2.69.160", ...(ui ? { userAgent: BROWSER } : { tokenId: `t-${actorId}`, authType: "api-token" }) }));
      }
      return out;
    };
    const punctual = findingOf(snap({ users: [person("p", { name: "Tomasz Fischer", email: "tomasz.fischer@acme.com", mfaEnabled: false })], events: day("p", true) }), "p");
    expect(ids(punctual)).toContain("activity-schedule");
    expect(punctual.verdict, punctual.signals.map((x) => `${x.id}:${x.weight}`).join(" ")).toBe("human");
    expect(ids(punctual)).not.toContain("script-in-use");
    // The same start on every Saturday and Sunday as on weekdays is a job's, whoever also uses the UI.
    const always = findingOf(snap({ users: [person("a", { name: "Tomasz Fischer", email: "tomasz.fischer@acme.com", mfaEnabled: false })], events: day("a", true, true) }), "a");
    expect(always.verdict, always.signals.map((x) => `${x.id}:${x.weight}`).join(" ")).not.toBe("human");
    // No one in the UI for months, the token at work on the same timetable: a script, reviewed.
    const job = findingOf(
      snap({
        users: [person("j", { name: "Tomasz Fischer", email: "tomasz.fischer@acme.com", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(200) }] })],
        apiTokens: [token("j", "t-j", { lastActiveAt: daysAgo(20) })],
        events: day("j", false),
      }),
      "j",
    );
    expect(ids(job)).toContain("activity-schedule");
    expect(job.verdict).not.toBe("human");
  });

  it("a night worker on four-on, four-off shifts is never a bot, even where the source records no product activity", () => {
    const events: RawEvent[] = [];
    for (let d = 40; d >= 1; d--) {
      if (d % 8 >= 4) continue;
      const shift = REF_MS - d * DAY + 19 * HOUR - 5 * 60_000 + (d % 9) * 60_000;
      events.push(event("n", shift, { ip: "81.2.69.160", userAgent: BROWSER }));
      events.push(event("n", shift + 20_000, { action: "user_email_otp_challenge", ip: "81.2.69.160", userAgent: BROWSER }));
      for (let h = 1; h < 12; h++) events.push(event("n", shift + h * HOUR + ((d * h * 7) % 40) * 60_000, { action: "issue_updated", ip: "81.2.69.160", userAgent: BROWSER }));
    }
    const nurse = person("n", { name: "Ana Souza", email: "ana.souza@acme.com", mfaEnabled: false, managementSource: "invited", jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-servicedesk", id: "j", lastActiveTimestamp: null }] });
    const finding = findingOf(snap({ users: [nurse], events }), "n");
    expect(finding.verdict, finding.signals.map((x) => `${x.id}:${x.weight}`).join(" ")).not.toBe("bot");
  });

  it("weak machine evidence of cloud addresses alone makes no bot, whatever the source says about the IdP", () => {
    // A developer's CLI on a cloud machine: token in use, no UI, cloud addresses, and no nightly
    // pause to hold it back (a few late and early calls). The source collected no profile.
    const events: RawEvent[] = [];
    for (let d = 21; d >= 1; d--) {
      const dayStart = REF_MS - d * DAY;
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const hour of [9 + (d % 4), 14 + (d % 3)]) events.push(event("dev", dayStart + hour * HOUR + ((d * 13) % 50) * 60_000, { action: "issue_updated", tokenId: "t1", authType: "api-token", ip: "34.201.10.7" }));
      if (d % 5 === 0) events.push(event("dev", dayStart + 4 * HOUR + d * 60_000, { action: "issue_viewed", tokenId: "t1", authType: "api-token", ip: "34.201.10.7" }));
      if (d % 5 === 1) events.push(event("dev", dayStart + 22 * HOUR + 30 * 60_000, { action: "issue_viewed", tokenId: "t1", authType: "api-token", ip: "34.201.10.7" }));
    }
    const dev = (managementSource: unknown): Parts => {
      const user = bare("dev", { name: "Rahul Rao", email: "rahul.rao@acme.com", managementSource, jobTitle: undefined, department: undefined, picture: undefined });
      for (const key of ["jobTitle", "department", "picture", "managementSource"]) if (user[key] === undefined) delete user[key];
      return { users: [user], apiTokens: [token("dev", "t1", { label: "jira-cli" })], events: events.map((e) => ({ ...e })) };
    };
    const silent = findingOf(snap(dev(undefined)), "dev");
    expect(silent.signals.map((s) => `${s.id}:${s.weight}`)).toEqual(expect.arrayContaining(["channel-divergence:5", "datacenter-ip:1"]));
    expect(silent.verdict).toBe("likely-bot");
    expect(silent.signals.find((s) => s.id === "not-bot")?.evidence).toContain("the source does not say whether the identity provider manages the account");
    // Where the source says the account was invited, not provisioned, cloud addresses (a VPN, a
    // cloud desktop) still do not decide it.
    const invited = findingOf(snap(dev("invited")), "dev");
    expect(invited.verdict).toBe("likely-bot");
    expect(invited.signals.find((s) => s.id === "not-bot")?.evidence).toContain("the only machine evidence is cloud addresses");
  });

  it("a person with a personal token and a Saturday login stays human", () => {
    const dev = person("dev", { name: "Robin Jenkins", email: "robin.jenkins@acme.com", mfaEnabled: false, managementSource: "invited" });
    const events = [...businessLogins("dev", 25), event("dev", REF_MS - 1 * DAY + 11 * HOUR, { ip: "92.40.1.7" })];
    const finding = findingOf(snap({ users: [dev], events, apiTokens: [token("dev", "t1", { label: "my-cli" })] }), "dev");
    expect(finding.verdict).toBe("human");
    expect(ids(finding)).not.toContain("login-schedule");
  });
});

describe("time zones", () => {
  /** One browser login at `hour:minute` UTC on the UTC weekdays in `utcDays` (Sunday = 0), for `days` days. */
  function loginsOn(actorId: string, days: number, hour: number, minute: number, utcDays: number[], extra: Record<string, unknown> = {}): RawEvent[] {
    const out: RawEvent[] = [];
    for (let d = days; d >= 1; d--) {
      const dayStart = REF_MS - d * DAY;
      if (!utcDays.includes(new Date(dayStart).getUTCDay())) continue;
      out.push(event(actorId, dayStart + hour * HOUR + (minute + (d % 3)) * 60_000, { ip: "1.128.136.244", userAgent: BROWSER, ...extra }));
    }
    return out;
  }

  it("a person in Sydney who signs in each workday morning (21:30 UTC, Sunday to Thursday) keeps a working week, not a schedule", () => {
    const sydney = person("syd", { mfaEnabled: false });
    const events = loginsOn("syd", 28, 21, 30, [0, 1, 2, 3, 4], {}).flatMap((e) => [e, { ...event("syd", Date.parse(String(e["time"])) + 20_000, { action: "user_email_otp_challenge" }) }]);
    const finding = findingOf(snap({ users: [sydney], events }), "syd");
    expect(ids(finding)).not.toContain("login-schedule");
    expect(ids(finding)).not.toContain("activity-schedule");
    expect(finding.verdict).toBe("human");
    expect(finding.recommendation).toBe("enable-2sv");
  });

  it("a job that signs in at 21:30 UTC every day, weekends included, is still on a schedule whatever the time zone", () => {
    const job = bare("job", { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo(1) }] });
    const events = loginsOn("job", 28, 21, 30, [0, 1, 2, 3, 4, 5, 6]);
    const finding = findingOf(snap({ users: [job], events }), "job");
    expect(ids(finding)).toContain("activity-schedule");
    expect(finding.verdict).not.toBe("human");
  });
});

describe("shared role addresses", () => {
  it("a team's address that people sign in to, answering email OTPs, is reviewed even with no token", () => {
    const office = bare("office", { name: "Office Manager", email: "office@acme.com", productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo(1) }] });
    const events = businessLogins("office", 28).flatMap((e) => [e, event("office", Date.parse(String(e["time"])) + 30_000, { action: "user_email_otp_challenge" })]);
    const finding = findingOf(snap({ users: [office], events }), "office");
    expect(finding.verdict).toBe("likely-bot");
    const note = finding.signals.find((s) => s.id === "shared-use");
    expect(note?.evidence).toMatch(/several people sign in to \(\d+ email OTP challenges without two-step verification\)/);
    // The same sign-ins on a person's own address are a person's.
    const own = bare("ann", { name: "Ann Office", email: "ann@acme.com", productAccess: office["productAccess"] });
    const mine = businessLogins("ann", 28).flatMap((e) => [e, event("ann", Date.parse(String(e["time"])) + 30_000, { action: "user_email_otp_challenge" })]);
    expect(findingOf(snap({ users: [own], events: mine }), "ann").verdict).toBe("human");
  });
});

describe("automation identity", () => {
  it("a business-hours headless browser named like automation is reviewed, not left as a person", () => {
    const ui = [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }];
    const sync = bare("s", { name: "Jira Sync", email: "jira.sync@acme.com", managementSource: "invited", productAccess: ui });
    const events = businessLogins("s", 25, { ip: "34.201.10.7" });
    const finding = findingOf(snap({ users: [sync], events }), "s");
    expect(finding.verdict).toBe("likely-bot");
    expect(ids(finding)).toContain("automation-identity");
    expect(finding.signals.find((x) => x.id === "automation-identity")?.evidence).toContain("cloud addresses");
  });

  it("a person whose surname is a bot word, with a personal token, stays human; from the identity provider too", () => {
    const ui = [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }];
    const dev = bare("d", { name: "Sam Jenkins", email: "sam.jenkins@acme.com", managementSource: "synced", productAccess: ui });
    const finding = findingOf(snap({ users: [dev], events: businessLogins("d", 25), apiTokens: [token("d", "t1", { label: "my-cli" })] }), "d");
    expect(finding.verdict).toBe("human");
  });
});

describe("busiestWindow", () => {
  const key = (hour: number, minute: number, offHours: boolean): number => (hour * 60 + minute) * 2 + (offHours ? 1 : 0);
  const run = (keys: number[], windowMinutes = 5) => {
    const out = { count: 0, offHours: 0, minute: -1 };
    busiestWindow(Int32Array.from([...keys, 7, 7]), keys.length, windowMinutes, out);
    return out;
  };

  it("finds the busiest time of day, wrapping past midnight", () => {
    expect(run([key(23, 58, true), key(0, 1, true), key(23, 59, true), key(12, 0, false), key(0, 2, false)])).toEqual({ count: 4, offHours: 3, minute: 23 * 60 + 58 });
  });

  it("prefers the window with more off-hours logins on a tie, and keeps the window width", () => {
    expect(run([key(9, 0, false), key(9, 3, false), key(2, 15, true), key(2, 16, true)])).toEqual({ count: 2, offHours: 2, minute: 2 * 60 + 15 });
    expect(run([key(9, 0, false), key(9, 5, false)]).count).toBe(1);
    expect(run([key(9, 0, false), key(9, 5, false)], 6).count).toBe(2);
  });
});

describe("lists", () => {
  const jenkins = bare("jk", { name: "Jenkins", email: "Jenkins@Acme.com" });
  const snapshot = snap({ users: [jenkins], apiTokens: [token("jk", "t1")], events: jobEvents("jk", "t1") });
  const entry = (overrides: Partial<ListEntry>): ListEntry => ({ email: "jenkins@acme.com", owner: "platform-team", reason: "approved", ...overrides });

  it("allowlist mutes a bot but keeps its signals", () => {
    const finding = findingOf(snapshot, "jk", { allowlist: [entry({})] });
    expect(finding.verdict).toBe("human");
    expect(finding.recommendation).toBe("none");
    expect(finding.listed).toEqual({ list: "allow", owner: "platform-team", reason: "approved" });
    expect(ids(finding)).toContain("channel-divergence");
    expect(audit(snapshot, { allowlist: [entry({})], includeHumans: false }).findings).toHaveLength(0);
  });

  it("an entry's email names that mailbox only, not the sub-addresses of it an admin made other accounts with", () => {
    const tagged = bare("jt", { name: "Jenkins", email: "jenkins+ci@acme.com" });
    const finding = findingOf(snap({ users: [tagged], apiTokens: [token("jt", "t1")], events: jobEvents("jt", "t1") }), "jt", { allowlist: [entry({})] });
    expect(finding.listed).toBeUndefined();
    expect(finding.verdict).toBe("bot");
  });

  it("denylist forces bot, matched by account id", () => {
    const finding = findingOf(snap({ users: [person("p")] }), "p", { denylist: [{ accountId: "p", owner: "sec", reason: "shared login" }] });
    expect(finding.verdict).toBe("bot");
    expect(finding.listed?.list).toBe("deny");
    expect(finding.recommendation).toBe("migrate-to-service-account");
  });

  it("an expired entry stops applying and is named in a warning", () => {
    const report = audit(snapshot, { allowlist: [entry({ expiresAt: "2026-09-01T00:00:00.000Z" })] });
    expect(report.findings[0]?.verdict).toBe("bot");
    expect(report.findings[0]?.listed).toBeUndefined();
    expect(listWarnings(report.warnings)).toEqual(["allowlist entry for jenkins@acme.com (owner platform-team) expired 2026-09-01; it no longer applies."]);
  });

  it("an entry expiring after the reference time still applies; unmatched entries warn", () => {
    const report = audit(snapshot, {
      allowlist: [entry({ expiresAt: "2026-12-01T00:00:00.000Z" })],
      denylist: [{ email: "ghost@acme.com", owner: "sec", reason: "x" }],
    });
    expect(report.findings[0]?.verdict).toBe("human");
    expect(listWarnings(report.warnings)).toEqual(["denylist entry for ghost@acme.com (owner sec) matches no account in the snapshot."]);
  });
});

describe("risk, verdict kinds and report", () => {
  const botParts = (overrides: Record<string, unknown> = {}, tokenOverrides: Record<string, unknown> = {}): Parts => ({
    users: [bare("b", { email: "jenkins@acme.com", ...overrides })],
    apiTokens: [token("b", "t1", tokenOverrides)],
    events: jobEvents("b", "t1"),
  });

  it("a bot is medium risk; an admin bot is critical; an expiring token raises risk", () => {
    const plain = findingOf(snap(botParts()), "b");
    expect(plain.verdict).toBe("bot");
    expect(plain.risk).toBe("medium");
    expect(plain.isAdmin).toBe(false);
    const admin = findingOf(snap(botParts({ platformRoles: ["org-admin"] })), "b");
    expect(admin.risk).toBe("critical");
    expect(admin.isAdmin).toBe(true);
    const expiring = findingOf(snap(botParts({}, { expiresAt: iso(REF_MS + 10 * DAY) })), "b");
    expect(expiring.risk).toBe("high");
    expect(expiring.signals.at(-1)?.id).toBe("token-expiring");
    expect(expiring.signals.find((s) => s.id === "token-expiring")?.evidence).toContain("10 days after the reference time");
  });

  it("app and service accounts are reported, never judged as bots", () => {
    const report = audit(
      snap({
        users: [bare("app1", { accountType: "app" }), bare("svc1", { accountType: "service" }), bare("sa-user"), person("h")],
        apiTokens: [token("app1", "t1"), token("sa-user", "t2")],
        serviceAccounts: [
          { id: "sa-coll-1", accountId: "sa-user", email: "x@serviceaccount.atlassian.com", displayName: "X", status: "active" },
          { id: "sa-coll-2", accountId: "712020:new", email: "new@serviceaccount.atlassian.com", displayName: "New SA", status: "active" },
        ],
      }),
      { includeHumans: false },
    );
    const verdicts = Object.fromEntries(report.findings.map((f) => [f.accountId, f.verdict]));
    expect(verdicts).toEqual({ app1: "app", svc1: "service-account", "sa-user": "service-account", "712020:new": "service-account" });
    expect(report.summary).toEqual({ accounts: 5, bot: 0, likelyBot: 0, human: 1, serviceAccount: 3, app: 1, enable2sv: 0 });
    const created = report.findings.find((f) => f.accountId === "712020:new");
    expect(created).toMatchObject({ name: "New SA", email: "new@serviceaccount.atlassian.com", recommendation: "none" });
  });

  it("sorts findings by verdict, score and name; signals by |weight| with amplifiers last", () => {
    const report = audit(
      snap({
        users: [
          person("weak", { name: "B weak", jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(40) }] }),
          bare("strong", { name: "Z strong" }),
          bare("strong2", { name: "A strong" }),
          bare("app", { accountType: "app", name: "App" }),
          person("h"),
        ],
        apiTokens: [token("weak", "t1"), token("strong", "t2"), token("strong2", "t3")],
        events: hourlyLogins("strong", 24),
      }),
      { includeHumans: false },
    );
    expect(report.findings.map((f) => f.accountId)).toEqual(["strong", "strong2", "weak", "app"]);
    const weak = report.findings.find((f) => f.accountId === "weak") as Finding;
    expect(weak.verdict).toBe("likely-bot");
    expect(weak.recommendation).toBe("review");
    for (const f of report.findings) {
      const weights = f.signals.map((s) => Math.abs(s.weight));
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
      expect(f.score).toBe(Math.round(f.signals.reduce((sum, s) => sum + s.weight, 0) * 10) / 10);
    }
  });

  it("thresholds are configurable", () => {
    const snapshot = snap(botParts());
    expect(findingOf(snapshot, "b").verdict).toBe("bot");
    const raised = findingOf(snapshot, "b", { config: { thresholds: { botScore: 50, likelyBotScore: 40 } } });
    // Below both thresholds, but its activity runs round the clock: reviewed, never left as a person.
    expect(raised.verdict).toBe("likely-bot");
    expect(ids(raised)).toContain("script-in-use");
    // Without events: a token in use on an account named like automation, or never used in the UI, is still reviewed.
    const untimed = findingOf(snap({ ...botParts(), events: [] }), "b", { config: { thresholds: { botScore: 50, likelyBotScore: 40 } } });
    expect(untimed.verdict).toBe("likely-bot");
    expect(ids(untimed)).toContain("automation-identity");
    const person = findingOf(snap({ ...botParts({ email: "robin.smith@acme.com", name: "Robin Smith" }), events: [] }), "b", { config: { thresholds: { botScore: 50, likelyBotScore: 40 } } });
    expect(person.verdict).toBe("likely-bot");
    expect(ids(person)).toContain("script-in-use");
    expect(ids(person)).not.toContain("automation-identity");
    // Once the UI is in use and the token is not, nothing is left to review.
    const idle = findingOf(snap({ ...botParts({ email: "robin.smith@acme.com", name: "Robin Smith" }, { lastActiveAt: null }), events: [] }), "b", { config: { thresholds: { botScore: 50, likelyBotScore: 40 } } });
    expect(idle.verdict).toBe("human");
  });
});

describe("lifecycle and unavailable signals", () => {
  it("an account a migration already replaced is reported as migrated, not as work to do", async () => {
    const { planCandidates } = await import("../plan/planner.js");
    const old = bare("m:1", { status: "suspended", email: "jenkins@acme.com" });
    const snapshot = snap({
      users: [old],
      apiTokens: [token("m:1", "t1", { status: "BLOCKED", lastActiveAt: daysAgo(12) })],
      events: jobEvents("m:1", "t1", 30).filter((e) => Date.parse(String(e["time"])) < REF_MS - 12 * DAY),
      serviceAccounts: [
        {
          id: "sa-1",
          accountId: "712020:abc",
          email: "jenkins-x1@serviceaccount.atlassian.com",
          displayName: "Jenkins",
          description: "Migrated from jenkins@acme.com by bot2svc plan p1 on 2026-10-20; marker bot2svc:p1:m-m-1",
          status: "active",
          createdAt: "2026-10-20T00:00:00.000Z",
        },
      ],
    });
    const report = audit(snapshot, { includeHumans: false });
    const finding = report.findings.find((f) => f.accountId === "m:1") as Finding;
    expect(finding.lifecycle).toMatchObject({ state: "migrated", serviceAccountId: "712020:abc" });
    expect(finding.recommendation).toBe("none");
    expect(finding.signals.find((s) => s.id === "already-migrated")?.evidence).toContain('service account "Jenkins"');
    expect(report.summary.migrated).toBe(1);
    expect(planCandidates(report, snapshot, { includeAdmins: true }).map((f) => f.accountId)).not.toContain("m:1");
    // Without the service account, the same account is still a bot to plan.
    const before = audit(snap({ ...{ users: [bare("m:1", { email: "jenkins@acme.com" })] }, apiTokens: [token("m:1", "t1")], events: jobEvents("m:1", "t1") }));
    expect(before.findings[0]?.lifecycle).toBeUndefined();
    expect(before.findings[0]?.recommendation).toBe("migrate-to-service-account");
  });

  it("a migration whose old account a script still uses is reported as not finished: work to do, not planned again", async () => {
    const { planCandidates } = await import("../plan/planner.js");
    const serviceAccount = { id: "sa-4", accountId: "712020:jkl", email: "deploy-9c1e@serviceaccount.atlassian.com", displayName: "deploy", description: "Migrated from deploy@acme.com by bot2svc plan p2 on 2026-10-20; marker bot2svc:p2:m-m-4", status: "active", createdAt: daysAgo(10) };
    const old = bare("m:4", { email: "deploy@acme.com" });
    const snapshot = snap({ users: [old], apiTokens: [token("m:4", "t1", { lastActiveAt: daysAgo(1) })], events: jobEvents("m:4", "t1", 30), serviceAccounts: [serviceAccount] });
    const report = audit(snapshot, { includeHumans: false });
    const finding = report.findings.find((f) => f.accountId === "m:4") as Finding;
    expect(finding.lifecycle).toMatchObject({ state: "migrated", serviceAccountId: "712020:jkl" });
    expect(finding.lifecycle?.evidence).toMatch(/^Migration not finished: .*still active and its API token "[^"]+" was used 1 day before the reference time, after the service account was created/);
    expect(finding.recommendation).toBe("review");
    expect(report.summary.migrated ?? 0).toBe(0);
    expect(planCandidates(report, snapshot, { includeAdmins: true }).map((f) => f.accountId)).not.toContain("m:4");
    // Its token last used before the service account was created (the cut-over made): done.
    const done = snap({ users: [old], apiTokens: [token("m:4", "t1", { lastActiveAt: daysAgo(11) })], events: jobEvents("m:4", "t1", 30).filter((e) => Date.parse(String(e["time"])) < REF_MS - 11 * DAY), serviceAccounts: [serviceAccount] });
    const finished = audit(done, { includeHumans: false });
    const doneFinding = finished.findings.find((f) => f.accountId === "m:4") as Finding;
    expect(doneFinding.lifecycle?.evidence).toMatch(/^Already migrated: .*the account itself is still active/);
    expect(doneFinding.recommendation).toBe("none");
    expect(finished.summary.migrated).toBe(1);
  });

  it("a migrated account whose token was last used the day before its migration is not said to run a script still", () => {
    const old = bare("m:3", { status: "suspended", email: "confluence-export@acme.com" });
    const snapshot = snap({
      users: [old],
      apiTokens: [token("m:3", "t1", { lastActiveAt: daysAgo(7) })],
      events: jobEvents("m:3", "t1", 30).filter((e) => Date.parse(String(e["time"])) < REF_MS - 7 * DAY),
      serviceAccounts: [
        { id: "sa-3", accountId: "712020:ghi", email: "confluence-export-ff40@serviceaccount.atlassian.com", displayName: "confluence-export", description: "Migrated from confluence-export@acme.com by bot2svc", status: "active", createdAt: daysAgo(6) },
      ],
    });
    const finding = findingOf(snapshot, "m:3");
    expect(finding.lifecycle?.state).toBe("migrated");
    expect(finding.recommendation).toBe("none");
    const departed = finding.signals.find((s) => s.id === "departed-with-live-token");
    expect(departed?.evidence).toContain("before the migration that replaced it");
    expect(finding.signals.map((s) => s.evidence).join(" ")).not.toContain("still runs");
  });

  it("a service account described as 'Migrated from <email> by bot2svc', without a marker, pairs with the old account", () => {
    const old = bare("m:2", { status: "suspended", email: "svc-reporting@acme.com" });
    const snapshot = snap({
      users: [old],
      apiTokens: [token("m:2", "t1", { status: "BLOCKED", lastActiveAt: daysAgo(5) })],
      events: jobEvents("m:2", "t1", 30).filter((e) => Date.parse(String(e["time"])) < REF_MS - 5 * DAY),
      serviceAccounts: [
        { id: "sa-2", accountId: "712020:def", email: "svc-reporting-68e1@serviceaccount.atlassian.com", displayName: "svc-reporting", description: "Migrated from svc-reporting@acme.com by bot2svc", status: "active", createdAt: daysAgo(5) },
      ],
    });
    const finding = findingOf(snapshot, "m:2");
    expect(finding.lifecycle).toMatchObject({ state: "migrated", serviceAccountId: "712020:def" });
    expect(finding.recommendation).toBe("none");
  });

  it("a suspended bot whose recently used token is now blocked, or was last used days ago, is not work to do", () => {
    const gone = bare("s:2", { status: "suspended", email: "etl@acme.com" });
    const events = jobEvents("s:2", "t1", 30).filter((e) => Date.parse(String(e["time"])) < REF_MS - 3 * DAY);
    const blocked = findingOf(snap({ users: [gone], apiTokens: [token("s:2", "t1", { status: "BLOCKED", lastActiveAt: daysAgo(3) })], events }), "s:2");
    expect(blocked.lifecycle?.state).toBe("suspended");
    expect(blocked.recommendation).toBe("none");
    // A token still allowed, last used three days ago: a suspended account's tokens stop working
    // with it, so that use came before the suspension and the script has stopped.
    const stopped = findingOf(snap({ users: [gone], apiTokens: [token("s:2", "t1", { lastActiveAt: daysAgo(3) })], events }), "s:2");
    expect(stopped.verdict).toBe("bot");
    expect(stopped.lifecycle?.state).toBe("suspended");
    expect(stopped.recommendation).toBe("none");
    expect(stopped.lifecycle?.evidence).toContain("last used 3 days before the reference time");
    // Used within the last day: a script still depends on it.
    const live = findingOf(snap({ users: [gone], apiTokens: [token("s:2", "t1", { lastActiveAt: new Date(REF_MS - 6 * HOUR).toISOString() })], events }), "s:2");
    expect(live.verdict).toBe("bot");
    expect(live.recommendation).toBe("migrate-to-service-account");
    expect(live.lifecycle?.state).toBe("suspended");
  });

  it("a suspended person is reported as suspended with nothing to do", () => {
    const gone = person("s", { status: "suspended", mfaEnabled: false, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(60) }] });
    const events = [event("s", REF_MS - 70 * DAY, { action: "user_email_otp_challenge" })];
    const finding = findingOf(snap({ users: [gone], events }), "s");
    expect(finding.lifecycle?.state).toBe("suspended");
    expect(finding.recommendation).toBe("none");
    expect(audit(snap({ users: [gone], events })).summary.inactive).toBe(1);
  });

  it("names the profile fields no account records, with or without events", () => {
    const strip = (u: RawUser): RawUser => {
      const { managementSource: _m, jobTitle: _j, department: _d, picture: _p, mfaEnabled: _f, ...rest } = u;
      return rest as RawUser;
    };
    const stripped = audit(snap({ users: [strip(bare("a")), strip(person("b"))], apiTokens: [token("a", "t1")] })).warnings.join("\n");
    expect(stripped).toContain("no account records managementSource, so idp-synced and not-idp-linked could not judge any account.");
    // Cloud addresses come with events: only then is their weakness worth a word.
    expect(stripped).not.toContain("cloud addresses");
    const withEvents = audit(snap({ users: [strip(bare("a"))], events: hourlyLogins("a", 3) })).warnings.join("\n");
    expect(withEvents).toContain("no account records managementSource, so idp-synced and not-idp-linked could not judge any account, and weak machine evidence (cloud addresses) alone makes no account `bot`");
    expect(stripped).toContain("no account records a job title, department or picture");
    expect(stripped).toContain("no account records mfaEnabled");
    expect(stripped).toContain("the snapshot has no audit events");
    // One account that records them is enough: the source collects them.
    const partial = audit(snap({ users: [strip(bare("a")), person("b")], apiTokens: [token("a", "t1")] })).warnings.join("\n");
    expect(partial).not.toContain("no account records");
  });

  it("names the signals a snapshot does not record", () => {
    const none = audit(snap({ users: [bare("a")], apiTokens: [token("a", "t1")] }));
    expect(none.warnings.join("\n")).toContain("the snapshot has no audit events");
    const opaque = audit(snap({ users: [bare("a")], events: hourlyLogins("a", 30, {}, ["auth_challenge_4"]) }));
    const text = opaque.warnings.join("\n");
    expect(text).toContain("no event has a configured email-OTP action key (email_otp_sent, user_email_otp_challenge)");
    expect(text).toContain("no event records a user agent");
    expect(text).toContain("the audit events cover only 1.2 days");
    const notInferred = audit(snap({ users: [bare("a")], events: hourlyLogins("a", 30, {}, ["idp_email_otp_issued"]) }), { config: { inferEmailOtpActions: false } });
    expect(notInferred.warnings.join("\n")).toContain("these actions look like OTP challenges: idp_email_otp_issued");
    const configured = audit(snap({ users: [bare("a")], events: hourlyLogins("a", 30, {}, ["idp_email_otp_issued"]) }), { config: { emailOtpActions: ["idp_email_otp_issued"] } });
    expect(configured.warnings.join("\n")).not.toContain("email-OTP action key");
  });

  it("finds a job that calls the API on a timer in working hours only, and no person's working day", () => {
    // Every `minutes` (a few seconds late, now and then much later), 09:00-17:00 on weekdays, for four weeks.
    const officeJob = (actorId: string, minutes: number, irregular = false): RawEvent[] => {
      const out: RawEvent[] = [];
      let n = 0;
      for (let d = 28; d >= 1; d--) {
        const dayStart = REF_MS - d * DAY;
        const weekday = new Date(dayStart).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        for (let ms = dayStart + 9 * HOUR; ms < dayStart + 17 * HOUR; ms += minutes * 60_000) {
          n++;
          // A person's edits: gaps from a few minutes to an hour and more, in no order.
          const late = irregular ? ((n * 7919) % 97) * 60_000 : (n % 5) * 4_000 + (n % 11 === 0 ? 9 * 60_000 : 0);
          out.push(event(actorId, ms + late, { action: "issue_updated", tokenId: "t1", ip: "81.2.69.160" }));
        }
      }
      return out;
    };
    const job = (user: RawUser, events: RawEvent[]) => findingOf(snap({ users: [user], apiTokens: [token(user.accountId, "t1")], events }), user.accountId, { includeHumans: true });
    const loose = job(bare("q", { name: "Queue Balancer", email: "queue-balancer@acme.com", managementSource: "invited" }), officeJob("q", 10));
    expect(loose.signals.find((s) => s.id === "activity-cadence")?.evidence).toMatch(/^\d+ of \d+ gaps under 3 hours between moments of activity are within 15% of 10 min/);
    expect(ids(loose)).not.toContain("working-hours-only");
    // Never used in the UI: a script's account, whose timer in a working week is a job's.
    expect(loose.verdict).toBe("bot");
    // The same timer where someone used the UI two months ago, on a person's name, is what an IDE
    // that polls while it is open looks like: reviewed.
    const ide = job(bare("i", { name: "Tomás Ortega", email: "tomas.ortega@acme.com", managementSource: "invited", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: daysAgo(60) }] }), officeJob("i", 10));
    expect(ids(ide)).toContain("activity-cadence");
    expect(ide.verdict).toBe("likely-bot");
    expect(ide.signals.find((s) => s.id === "not-bot")?.evidence).toContain("its activity keeps working hours only");
    // The identity provider provisions it: one line of machine evidence is not enough for `bot`.
    const synced = job(bare("s", { name: "Assignment Helper", email: "assignment-helper@acme.com", managementSource: "synced", jobTitle: "Automation", department: "IT" }), officeJob("s", 10));
    expect(ids(synced)).toContain("activity-cadence");
    expect(synced.verdict).toBe("likely-bot");
    // The same hours with a person's irregular gaps, or a routine hours apart, is no timer.
    const person1 = job(person("p", { managementSource: "synced" }), officeJob("p", 10, true));
    expect(ids(person1)).not.toContain("activity-cadence");
    const hourly = job(person("h", { managementSource: "synced" }), officeJob("h", 100));
    expect(ids(hourly)).not.toContain("activity-cadence");
    // A timer that ticks more often than every 2 minutes makes one long run of events a day: the
    // gaps inside the run are its beat.
    const fast = job(bare("f", { name: "Queue Balancer", email: "queue-balancer@acme.com", managementSource: "invited" }), officeJob("f", 1.5));
    expect(fast.signals.find((s) => s.id === "activity-cadence")?.evidence).toMatch(/ gaps under 3 hours between moments of activity are within 15% of 2 min: a timer/);
    expect(ids(fast)).not.toContain("working-hours-only");
    expect(fast.verdict).toBe("bot");
  });

  it("needs more than a handful of logins to call a steady rhythm a fixed cadence", () => {
    // Logins hours apart, with an email OTP challenge each: regular enough by chance
    // (coefficient of variation about 0.13) for a person who signs in two or three times a day.
    const gaps = [3.0, 3.6, 4.4, 3.3, 3.9];
    const rhythm = (actorId: string, count: number, spread: number, unit = 3 * HOUR): RawEvent[] => {
      const out: RawEvent[] = [];
      let ms = REF_MS - DAY;
      for (let i = 0; i < count; i++) {
        out.push(event(actorId, ms), event(actorId, ms + 20_000, { action: "email_otp_sent" }));
        const gap = gaps[i % gaps.length] as number;
        ms -= (3.64 + (gap - 3.64) * spread) * unit;
      }
      return out;
    };
    const few = findingOf(snap({ users: [bare("p")], events: rhythm("p", 6, 1) }), "p");
    expect(ids(few)).not.toContain("login-fixed-cadence");
    expect(few.verdict, JSON.stringify(few.signals)).not.toBe("bot");
    // The same rhythm over eleven logins, at a beat under two hours, or six logins at a steady
    // interval, is a timer.
    const many = findingOf(snap({ users: [bare("p")], events: rhythm("p", 11, 1, 30 * 60_000) }), "p");
    expect(many.signals.find((s) => s.id === "login-fixed-cadence")?.evidence).toMatch(/^11 logins at a fixed cadence: .*\(threshold 0\.2\)/);
    // Over eleven logins at about eleven hours, the intervals wander by about an hour: a person's.
    const slow = findingOf(snap({ users: [bare("p")], events: rhythm("p", 11, 1) }), "p");
    expect(ids(slow)).not.toContain("login-fixed-cadence");
    const steady = findingOf(snap({ users: [bare("p")], events: rhythm("p", 6, 0.05) }), "p");
    expect(steady.signals.find((s) => s.id === "login-fixed-cadence")?.evidence).toMatch(/^6 logins at a fixed cadence: .*\(threshold 0\.1\)/);
  });

  it("reads OTP challenges under another action key from the key's name, and says so", () => {
    const person2sv = person("p", { mfaEnabled: false });
    const events = (action: string) => [
      ...businessLogins("p", 20).flatMap((e) => [e, event("p", Date.parse(String(e["time"])) + 30_000, { action })]),
      ...hourlyLogins("a", 30 * 24, {}, [action]),
    ];
    const renamed = audit(snap({ users: [person2sv, bare("a")], events: events("idp_email_otp_issued") }));
    expect(renamed.warnings.join("\n")).toContain("idp_email_otp_issued was read as email-OTP challenges from the name");
    expect(renamed.findings.find((f) => f.accountId === "p")?.recommendation).toBe("enable-2sv");
    const bot = renamed.findings.find((f) => f.accountId === "a");
    expect(bot?.signals.map((s) => s.id)).toContain("email-otp");
    // The same org under the default keys gives the same verdicts.
    const standard = audit(snap({ users: [person2sv, bare("a")], events: events("user_email_otp_challenge") }));
    expect(renamed.findings.map((f) => [f.accountId, f.verdict, f.recommendation])).toEqual(standard.findings.map((f) => [f.accountId, f.verdict, f.recommendation]));
    // Other names for a one-time code sent by email, whatever separates the words.
    // And a challenge sent by email at a sign-in, in a log's own words.
    for (const action of ["email_verification_code_sent", "loginCodeRequested", "one_time_passcode_issued", "identity.email.passcode.sent", "identity:verification:code:sent", "email/one/time/code/sent", "login code sent", "user_login_email_challenge", "idp.mail.challenge", "identity_verification_email_sent", "login_email_code_issued", "user_verify_identity_code_sent", "signin.mail.code.sent", "mfa_email_code_sent", "2fa.email.code.issued", "twoFactorEmailCodeSent", "stepUpEmailCodeSent"]) {
      const other = audit(snap({ users: [person2sv, bare("a")], events: events(action) }));
      expect(other.warnings.join("\n")).toContain(`${action} was read as email-OTP challenges from the name`);
      expect(other.findings.find((f) => f.accountId === "p")?.recommendation).toBe("enable-2sv");
    }
    // An authenticator app's code, a setting, another channel, a code that is not a passcode, or a
    // word that only contains the letters is not inferred.
    for (const action of [
      "user_totp_verified",
      "footprint_updated",
      "user_otp_disabled",
      "sms_otp_sent",
      "otp_settings_viewed",
      "otp_passed",
      "sms_verification_code_sent",
      "verification_code_failed",
      "code_review_requested",
      "source_code_exported_email",
      "security_code_updated",
      "email_verification_sent",
      "captcha_challenge_failed",
      "sms_challenge_email_fallback_disabled",
      "login_page_source_code_exported",
      "security_scan_code_updated",
      "identity_provider_code_removed",
      "mfa_backup_code_emailed",
      "2fa_recovery_code_sent",
      "mfa_sms_code_sent",
      "build_step_code_sent",
      "mfa_code_sent",
      "two_factor_code_sent",
      "step_up_code_issued",
    ]) {
      const other = audit(snap({ users: [person2sv], events: events(action) }));
      expect(other.findings.find((f) => f.accountId === "p")?.recommendation).not.toBe("enable-2sv");
      expect(other.warnings.join("\n")).not.toContain("read as email-OTP challenges");
    }
    // A challenge logged twice (issued, then passed) is inferred once: only the most used key.
    const twice = audit(snap({ users: [person2sv, bare("a")], events: [...events("idp_email_otp_issued"), ...events("email_otp_challenge_passed").slice(0, 10)] }));
    expect(twice.warnings.join("\n")).toContain("so idp_email_otp_issued was read as email-OTP challenges");
    expect(twice.warnings.join("\n")).not.toContain("email_otp_challenge_passed was read");
    // A configured key present anywhere means nothing is inferred.
    const mixed = audit(snap({ users: [person2sv, bare("a")], events: [...events("idp_email_otp_issued"), event("a", REF_MS - DAY, { action: "email_otp_sent" })] }));
    expect(mixed.warnings.join("\n")).not.toContain("read as email-OTP challenges");
    expect(mixed.findings.find((f) => f.accountId === "p")?.recommendation).not.toBe("enable-2sv");
  });
});

describe("service-account credentials", () => {
  it("lists each service account's API tokens with their expiry and its OAuth clients, and flags tokens expiring soon", () => {
    const snapshot = snapshotSchema.parse({
      ...snap({
        serviceAccounts: [
          { id: "sa-1", accountId: "sa-acct-1", email: "deploy@serviceaccount.atlassian.com", displayName: "Deploy", status: "active" },
          { id: "sa-2", accountId: "sa-acct-2", email: "quiet@serviceaccount.atlassian.com", displayName: "Quiet", status: "active" },
        ],
      }),
      serviceAccountTokens: [
        { id: "t-soon", serviceAccountId: "sa-1", label: "ci", expiresAt: iso(REF_MS + 10 * DAY) },
        { id: "t-later", serviceAccountId: "sa-1", label: "backup", expiresAt: iso(REF_MS + 200 * DAY) },
      ],
      oauthClients: [{ clientId: "oc-1", name: "deploy-oauth", serviceAccountId: "sa-1", status: "ACTIVE" }],
    });
    const report = audit(snapshot);
    const deploy = report.findings.find((f) => f.accountId === "sa-acct-1")!;
    const evidence = deploy.signals.map((s) => `${s.id}: ${s.evidence}`);
    expect(evidence).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sa-credential-expiring: API token "ci" \(t-soon\) expires 2026-11-11 \(in 10 days\)/),
        'sa-credential: API token "backup" (t-later) expires 2027-05-20 (in 200 days).',
        'sa-credential: OAuth 2.0 client "deploy-oauth" (oc-1, ACTIVE).',
      ]),
    );
    expect(deploy).toMatchObject({ verdict: "service-account", recommendation: "review", risk: "medium" });
    const quiet = report.findings.find((f) => f.accountId === "sa-acct-2")!;
    expect(quiet.signals.map((s) => s.evidence)).toContain("No API token or OAuth 2.0 client.");
    expect(quiet.recommendation).toBe("none");
  });
});
