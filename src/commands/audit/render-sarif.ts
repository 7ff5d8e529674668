import { createHash } from "node:crypto";
import { RULE_IDS, type RuleId } from "../../core/detect/rule-ids.js";
import type { AuditReport, Finding } from "../../core/detect/types.js";
import { packageVersion } from "../../paths.js";
import { RECOMMENDATION_LABEL, VERDICT_LABEL, rankedSignals, topReasons } from "./render-common.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const SARIF_VERSION = "2.1.0";

type SarifLevel = "error" | "warning" | "note";

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: string };
}

/** What each detection signal means and what to do about it: the SARIF rules' help text. */
const SIGNAL_HELP: Record<RuleId, { name: string; short: string; help: string }> = {
  "channel-divergence": { name: "ApiTokenWithoutUiActivity", short: "API token in use while UI activity is old or never", help: "The account calls the API with a token but nobody uses it in the browser: automation logs in as a person." },
  "token-without-ui": { name: "TokenWithoutUi", short: "API tokens but no product UI activity at all", help: "The account holds API tokens and has never used a product in the browser." },
  "departed-with-live-token": { name: "DepartedWithLiveToken", short: "UI activity stopped long ago, yet a token is still used", help: "Whoever used the account in the browser has stopped; a script still uses its token. Find the owner before it breaks." },
  "token-events": { name: "TokenEvents", short: "Audit log shows API token use", help: "Organization audit events record API token use by this account." },
  "round-the-clock": { name: "RoundTheClockActivity", short: "Active round the clock", help: "The account's activity has no nightly pause in its own time zone: no person works like this." },
  "every-day": { name: "ActiveEveryDay", short: "Active every day, weekends included", help: "The account is active on most days, including both days of at least two weekends: jobs do not take weekends off." },
  "activity-cadence": { name: "ActivityCadence", short: "Activity keeps a timer's beat", help: "Most gaps under three hours between moments of activity are within 15% of one interval, as a job on a timer makes them; people's gaps vary far more." },
  "activity-schedule": { name: "ActivitySchedule", short: "Activity starts on a schedule", help: "Bursts of activity start in the same half hour on most active days, weekends included, as cron jobs do." },
  "working-hours-only": { name: "WorkingHoursOnly", short: "Activity in working hours only", help: "Activity keeps working hours and stops at weekends: evidence of a person, such as a developer using a personal token from a CLI." },
  "login-round-the-clock": { name: "RoundTheClockLogins", short: "Logins around the clock", help: "Logins are spread evenly over all hours of the day, as a scheduler would log in." },
  "login-fixed-cadence": { name: "FixedCadenceLogins", short: "Logins at a fixed cadence", help: "Logins arrive at a regular interval with little variation, as a scheduled job would log in." },
  "login-flood": { name: "LoginFlood", short: "More sign-ins a day than a person makes", help: "The account signs in many times on each active day, as a scheduled browser job does; each sign-in may meet an email OTP challenge it cannot answer." },
  "login-schedule": { name: "ScheduledLogins", short: "Logins on a schedule", help: "Logins happen at the same minutes of the hour or times of day." },
  "login-daily-slots": { name: "LoginTimetable", short: "Sign-ins at fixed times of day", help: "Most sign-ins fall within a quarter of an hour of two or more fixed times of day, on most days with a sign-in, as a robot that opens a browser on a timetable makes them; a person's sign-ins wander." },
  "automation-user-agent": { name: "AutomationUserAgent", short: "Automation user agents", help: "Logins or API calls come from HTTP clients and CI tools rather than browsers." },
  "datacenter-ip": { name: "DatacenterIp", short: "Logins from datacenter addresses", help: "Logins come from few addresses in cloud or datacenter ranges." },
  "email-otp": { name: "EmailOtpChallenges", short: "Email one-time passcode challenges", help: "The account is challenged with email one-time passcodes; automation cannot answer them, people should enable two-step verification." },
  "bot-name": { name: "BotLikeName", short: "Name looks like a service", help: "The display name or mailbox names a tool or service (jenkins, ci, svc-, automation). Weak on its own." },
  "role-mailbox": { name: "RoleMailbox", short: "Role mailbox", help: "The email address is a shared role mailbox (noreply, admin, integration) rather than a person's." },
  "empty-profile": { name: "EmptyProfile", short: "Empty profile", help: "No job title, department or picture: few people leave all of them empty." },
  "not-idp-linked": { name: "NotIdpLinked", short: "Not managed by the identity provider", help: "The account is not synced from the identity provider, as people's accounts usually are." },
  "no-2sv": { name: "NoTwoStepVerification", short: "No two-step verification", help: "The account has no two-step verification; people should enrol, automation should move to a service account." },
  "recent-ui-activity": { name: "RecentUiActivity", short: "Recent UI activity", help: "Someone used a product in the browser recently: evidence of a person." },
  "interactive-logins": { name: "InteractiveLogins", short: "Interactive logins", help: "Logins from browsers at irregular, working-hours times: evidence of a person." },
  "full-profile": { name: "FullProfile", short: "Complete profile", help: "Job title, department or picture are set: evidence of a person." },
  "idp-synced": { name: "IdpSynced", short: "Synced from the identity provider", help: "The account is managed by the identity provider: evidence of a person." },
  "2sv-enabled": { name: "TwoStepVerificationEnabled", short: "Two-step verification enabled", help: "The account has enrolled in two-step verification: evidence of a person." },
  "admin-role": { name: "AdminRole", short: "Holds an admin role", help: "An org or site admin role raises the risk of a shared account; plans leave admins out unless asked." },
  "admin-group": { name: "AdminGroup", short: "Member of an admin group", help: "Membership of an administrators group raises the risk of a shared account." },
  "many-groups": { name: "ManyGroups", short: "Member of many groups", help: "Membership of many groups widens what a leaked credential can reach." },
  "token-expiring": { name: "TokenExpiring", short: "API token expires soon", help: "Atlassian caps API tokens at one year; an expiring token will stop the automation that uses it." },
};

/** Notes the detector adds when the score alone would mislead: a finding filed under one explains why it is to review. */
const NOTE_HELP: Record<string, { name: string; short: string; help: string }> = {
  "shared-use": { name: "SharedRoleMailbox", short: "Role mailbox used by a script or shared", help: "A role mailbox whose token is in use, or that is signed into from several places: a script or several people use it. Review it." },
  "script-in-use": { name: "ScriptInUse", short: "A script runs as this account", help: "The score is below the likely-bot threshold, but a token is in use without UI activity, or the activity keeps a machine's hours: a script runs as this account. Review it." },
  "automation-identity": { name: "AutomationIdentity", short: "Named and set up like automation", help: "The score is below the likely-bot threshold, but the account is named like automation or is new with an empty profile, and shows a script's traces. Review it." },
  "not-bot": { name: "WeakMachineEvidence", short: "Bot score on weak evidence", help: "The score reaches the bot threshold, but the only machine evidence is weak or its timing could not be judged. Review it rather than migrate it." },
  "ui-in-use": { name: "UiStillInUse", short: "Bot score, but people use the UI", help: "The score reaches the bot threshold, but people used a product in the browser recently: migrating the account would take it from them. Review it." },
};

// Results for findings decided by a list entry rather than signals.
const LISTED_RULE_ID = "listed";

/** Every rule the driver lists, in a fixed order: each detection signal, each note, and the denylist. */
const ALL_RULE_IDS: readonly string[] = [...RULE_IDS, ...Object.keys(NOTE_HELP), LISTED_RULE_ID];

/** The rule id a result refers to: `bot2svc/<signal id>`. */
function sarifRuleId(signalId: string): string {
  return `bot2svc/${signalId}`;
}

function signalRule(id: string): SarifRule {
  const known = (SIGNAL_HELP as Record<string, { name: string; short: string; help: string } | undefined>)[id] ?? NOTE_HELP[id];
  const entry =
    id === LISTED_RULE_ID
      ? { name: "Denylisted", short: "Forced to bot by a denylist entry", help: "bot2svc.config.json denylists this account; its owner and reason are in the finding." }
      : (known ?? { name: id.replace(/(^|-)(\w)/g, (_, _dash: string, ch: string) => ch.toUpperCase()), short: `Signal ${id}`, help: `The detection signal ${id} fired.` });
  const action =
    "Migrate bots to an Atlassian service account with a scoped API token (`bot2svc plan`, then `bot2svc apply`); ask people to enable two-step verification; allowlist accounts that are people in bot2svc.config.json.";
  return {
    id: sarifRuleId(id),
    name: entry.name,
    shortDescription: { text: entry.short },
    fullDescription: { text: entry.help },
    help: { text: `${entry.help} ${action}`, markdown: `${entry.help}\n\n${action}` },
    defaultConfiguration: { level: "warning" },
    properties: { tags: ["security", "identity", "bot-account"], precision: "high" },
  };
}

/** The path a finding is reported at: one stable virtual file per account, so alerts stay put across runs. */
export function accountArtifactUri(orgId: string, accountId: string): string {
  return `atlassian/${safeSegment(orgId)}/accounts/${safeSegment(accountId)}`;
}

function safeSegment(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ":");
}

/**
 * SARIF 2.1.0 that code scanning accepts. One rule per detection signal and review note (with
 * help text), all listed whether or not a result uses them; one result per account that needs
 * attention, referring to the rule of its strongest signal: bots are errors,
 * likely bots warnings, people who should enable 2SV notes. An account has no source file, so each
 * result has a physical location at a stable virtual path per account (line 1) plus the account
 * as a logical location, and partial fingerprints on the account id that keep an alert the same
 * alert from one run to the next.
 */
export function renderAuditSarif(report: AuditReport): string {
  const flagged = report.findings.filter((f) => levelFor(f) !== undefined);
  // Every rule the detector has, whether or not a result uses it, so code scanning can show the
  // help of each; a signal this list does not know yet is added after them.
  const ruleIds: string[] = [...ALL_RULE_IDS];
  const primary = new Map<Finding, string>();
  for (const f of flagged) {
    const id = primarySignal(f);
    primary.set(f, id);
    if (!ruleIds.includes(id)) ruleIds.push(id);
  }
  const rules = ruleIds.map(signalRule);
  const results = flagged.map((f) => {
    const id = primary.get(f)!;
    const uri = accountArtifactUri(report.org.id, f.accountId);
    return {
      ruleId: sarifRuleId(id),
      ruleIndex: ruleIds.indexOf(id),
      level: levelFor(f)!,
      message: { text: message(f) },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri }, region: { startLine: 1, startColumn: 1 } },
          logicalLocations: [{ name: f.accountId, fullyQualifiedName: `${report.org.id}/${f.accountId}`, kind: "resource" }],
        },
      ],
      partialFingerprints: {
        "bot2svc/accountId/v1": `${report.org.id}/${f.accountId}`,
        primaryLocationLineHash: createHash("sha256").update(`${report.org.id}/${f.accountId}`).digest("hex").slice(0, 16),
      },
      properties: {
        name: f.name,
        email: f.email,
        verdict: f.verdict,
        score: f.score,
        confidence: f.confidence,
        risk: f.risk,
        recommendation: f.recommendation,
        isAdmin: f.isAdmin,
        signals: rankedSignals(f),
        ...(f.listed ? { listed: f.listed } : {}),
      },
    };
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: "bot2svc",
            semanticVersion: packageVersion(),
            informationUri: "https://www.npmjs.com/package/bot2svc",
            rules,
          },
        },
        automationDetails: { id: `bot2svc/audit/${report.org.id}/` },
        columnKind: "unicodeCodePoints",
        results,
        properties: {
          org: report.org,
          generatedAt: report.generatedAt,
          referenceTime: report.referenceTime,
          summary: report.summary,
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function levelFor(f: Finding): SarifLevel | undefined {
  if (f.verdict === "bot") return "error";
  if (f.verdict === "likely-bot") return "warning";
  if (f.recommendation === "enable-2sv") return "note";
  return undefined;
}

/** The signal that best explains the finding: the rule its result is filed under. */
function primarySignal(f: Finding): string {
  if (f.listed?.list === "deny") return LISTED_RULE_ID;
  return rankedSignals(f)[0]?.id ?? LISTED_RULE_ID;
}

function message(f: Finding): string {
  const who = f.email ? `${f.name || f.accountId} (${f.email})` : f.name || f.accountId;
  const what =
    f.verdict === "bot"
      ? "is a user account used by automation"
      : f.verdict === "likely-bot"
        ? "is probably a user account used by automation"
        : `is a ${VERDICT_LABEL[f.verdict]} account`;
  // Evidence sentences end with a full stop of their own; drop it so they join into one sentence.
  const reasons = topReasons(f, 3).map((r) => r.trim().replace(/\.+$/, ""));
  const why = reasons.length > 0 ? ` Reasons: ${reasons.join("; ")}.` : "";
  return (
    `${who} ${what} (score ${f.score}, ${f.confidence} confidence, ${f.risk} risk).` +
    `${why} Recommendation: ${RECOMMENDATION_LABEL[f.recommendation]}.`
  );
}
