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
  help: { text: string };
  defaultConfiguration: { level: SarifLevel };
}

/**
 * One rule per kind of finding, so that code-scanning tools can group and filter alerts by what
 * has to be done. The ids are part of the output contract.
 */
export const SARIF_RULES: readonly SarifRule[] = [
  {
    id: "bot2svc/bot-account",
    name: "BotAccount",
    shortDescription: { text: "A user account is used by automation" },
    fullDescription: {
      text: "A human-style user account shows the activity of automation (API tokens in use without UI activity, machine-like logins). Email one-time passcodes will break it.",
    },
    help: { text: "Migrate the account to an Atlassian service account with a scoped API token: `bot2svc plan` then `bot2svc apply`." },
    defaultConfiguration: { level: "error" },
  },
  {
    id: "bot2svc/likely-bot-account",
    name: "LikelyBotAccount",
    shortDescription: { text: "A user account is probably used by automation" },
    fullDescription: { text: "Some signals point to automation using this account, but not enough to be sure." },
    help: { text: "Ask the account's owner how it is used; migrate it if automation logs in with it, or allowlist it in bot2svc.config.json." },
    defaultConfiguration: { level: "warning" },
  },
  {
    id: "bot2svc/enable-2sv",
    name: "EnableTwoStepVerification",
    shortDescription: { text: "A person gets email one-time passcodes and has no two-step verification" },
    fullDescription: { text: "This person is challenged with email one-time passcodes at login; two-step verification replaces them." },
    help: { text: "Ask the person to enrol in two-step verification (passkey, authenticator app or SMS), or enforce it with an authentication policy." },
    defaultConfiguration: { level: "note" },
  },
];

/**
 * SARIF 2.1.0 for code-scanning dashboards. Bots are errors, likely bots warnings, people who
 * should enable 2SV notes; accounts that need nothing are not results. An account has no source
 * file, so each result carries a logical location (the account) and a fingerprint on the
 * account id that keeps an alert stable from one run to the next.
 */
export function renderAuditSarif(report: AuditReport): string {
  const results = report.findings.flatMap((f) => {
    const rule = ruleFor(f);
    if (rule === undefined) return [];
    const ruleIndex = SARIF_RULES.indexOf(rule);
    return [
      {
        ruleId: rule.id,
        ruleIndex,
        level: rule.defaultConfiguration.level,
        message: { text: message(f) },
        locations: [
          {
            logicalLocations: [
              {
                name: f.accountId,
                fullyQualifiedName: `${report.org.id}/${f.accountId}`,
                kind: "resource",
              },
            ],
          },
        ],
        partialFingerprints: { "bot2svc/accountId/v1": f.accountId },
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
      },
    ];
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
            rules: SARIF_RULES,
          },
        },
        automationDetails: { id: `bot2svc/audit/${report.org.id}/` },
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

function ruleFor(f: Finding): SarifRule | undefined {
  if (f.verdict === "bot") return SARIF_RULES[0];
  if (f.verdict === "likely-bot") return SARIF_RULES[1];
  if (f.recommendation === "enable-2sv") return SARIF_RULES[2];
  return undefined;
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
