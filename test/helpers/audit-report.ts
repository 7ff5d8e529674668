import {
  AUDIT_REPORT_KIND,
  AUDIT_REPORT_VERSION,
  type AuditReport,
  type AuditSummary,
  type Finding,
} from "../../src/core/detect/types.js";

/** A finding with sensible defaults (a clear bot); override any field. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    accountId: "acc-jenkins",
    name: "Jenkins CI",
    email: "jenkins@acme.com",
    verdict: "bot",
    score: 9.5,
    confidence: "high",
    risk: "high",
    recommendation: "migrate-to-service-account",
    signals: [
      { id: "channel-divergence", weight: 5, evidence: "API token `jenkins-prod` used 2026-10-31, last UI activity never" },
      { id: "machine-logins", weight: 3, evidence: "720 logins at a fixed 60-minute cadence from 1 datacenter IP." },
      { id: "identity-shape", weight: 1.5, evidence: "Name and mailbox look like a service (jenkins)" },
    ],
    isAdmin: false,
    ...overrides,
  };
}

/**
 * An audit report built by hand; the summary is computed from the findings unless given, with
 * `accounts` defaulting to the number of findings plus `extraAccounts`.
 */
export function makeReport(
  findings: Finding[],
  overrides: Partial<Omit<AuditReport, "summary">> & { summary?: Partial<AuditSummary>; extraAccounts?: number } = {},
): AuditReport {
  const { summary: summaryOverrides, extraAccounts = 0, ...rest } = overrides;
  const countOf = (v: Finding["verdict"]) => findings.filter((f) => f.verdict === v).length;
  const summary: AuditSummary = {
    accounts: findings.length + extraAccounts,
    bot: countOf("bot"),
    likelyBot: countOf("likely-bot"),
    human: countOf("human"),
    serviceAccount: countOf("service-account"),
    app: countOf("app"),
    enable2sv: findings.filter((f) => f.recommendation === "enable-2sv").length,
    ...summaryOverrides,
  };
  return {
    kind: AUDIT_REPORT_KIND,
    version: AUDIT_REPORT_VERSION,
    org: { id: "org-acme", name: "Acme" },
    generatedAt: "2026-11-01T12:00:00.000Z",
    referenceTime: "2026-11-01T00:00:00.000Z",
    summary,
    findings,
    warnings: [],
    ...rest,
  };
}

/** A small mixed report: a bot, a likely bot, a human to enable 2SV for, a service account and an app. */
export function mixedReport(): AuditReport {
  return makeReport(
    [
      makeFinding({ isAdmin: true, risk: "critical" }),
      makeFinding({
        accountId: "acc-sync",
        name: "Data Sync",
        email: "sync@acme.com",
        verdict: "likely-bot",
        score: 4,
        confidence: "medium",
        risk: "medium",
        recommendation: "review",
        signals: [
          { id: "ui-recent", weight: -2, evidence: "Used Jira in the browser 3 days ago" },
          { id: "channel-divergence", weight: 6, evidence: "API token `sync` used 2026-10-31 hourly" },
        ],
      }),
      makeFinding({
        accountId: "acc-ann",
        name: "Ann Abbot",
        email: "ann@acme.com",
        verdict: "human",
        score: -4,
        confidence: "high",
        risk: "low",
        recommendation: "enable-2sv",
        signals: [
          { id: "email-otp", weight: 0, evidence: "12 email OTP challenges in 30 days, no two-step verification" },
          { id: "ui-recent", weight: -4, evidence: "Used Confluence in the browser yesterday" },
        ],
      }),
      makeFinding({
        accountId: "acc-sa",
        name: "Deploy SA",
        email: "deploy@serviceaccount.atlassian.com",
        verdict: "service-account",
        score: 0,
        confidence: "high",
        risk: "low",
        recommendation: "none",
        signals: [],
      }),
      makeFinding({
        accountId: "acc-app",
        name: "Slack",
        email: null,
        verdict: "app",
        score: 0,
        confidence: "high",
        risk: "low",
        recommendation: "none",
        signals: [],
      }),
    ],
    { extraAccounts: 20 },
  );
}
