import type { Correlation } from "../correlate/correlate.js";

/** What detection concludes about one account. */
export type Verdict = "bot" | "likely-bot" | "human" | "service-account" | "app";
export type Recommendation = "migrate-to-service-account" | "review" | "enable-2sv" | "none";
export type Risk = "low" | "medium" | "high" | "critical";
export type Confidence = "low" | "medium" | "high";

/** Verdicts ordered from most to least actionable; used for sorting and `--fail-on`. */
export const VERDICT_ORDER: readonly Verdict[] = ["bot", "likely-bot", "human", "service-account", "app"];
export const RISK_ORDER: readonly Risk[] = ["critical", "high", "medium", "low"];

/** One piece of evidence: a rule fired with a weight and a sentence containing its numbers. */
export interface Signal {
  /** Stable rule id, e.g. `channel-divergence`. */
  id: string;
  /** Positive pushes towards bot, negative towards human. Amplifiers use weight 0. */
  weight: number;
  /** A sentence with the numbers that justify the signal. */
  evidence: string;
}

export interface Finding {
  accountId: string;
  name: string;
  email: string | null;
  verdict: Verdict;
  /** Sum of signal weights (rounded to one decimal). */
  score: number;
  confidence: Confidence;
  risk: Risk;
  recommendation: Recommendation;
  signals: Signal[];
  /** Set when an allowlist or denylist entry decided the verdict. */
  listed?: { list: "allow" | "deny"; owner: string; reason: string; expiresAt?: string | undefined };
  /** Org-admin or site-admin roles held; plans exclude these unless asked. */
  isAdmin: boolean;
  /**
   * Set for accounts that are no longer in ordinary use: suspended, deactivated or closed, or
   * already replaced by a service account (paired by the migration marker in its description).
   * Such an account is reported with its state, not as work to do.
   */
  lifecycle?: Lifecycle;
}

/** Where an account is in its life, when that is not plain "active". */
export interface Lifecycle {
  state: "migrated" | "suspended" | "deactivated" | "closed";
  /** Account id of the service account that replaced it (state `migrated`). */
  serviceAccountId?: string;
  evidence: string;
}

export interface AuditSummary {
  accounts: number;
  bot: number;
  likelyBot: number;
  human: number;
  serviceAccount: number;
  app: number;
  enable2sv: number;
  /** Accounts already replaced by a service account (counted under their verdict as well). */
  migrated?: number;
  /** Suspended, deactivated or closed accounts (counted under their verdict as well). */
  inactive?: number;
}

export const AUDIT_REPORT_KIND = "bot2svc.audit";
export const AUDIT_REPORT_VERSION = 1;

/** The versioned audit report; its JSON form is the contract for CI. */
export interface AuditReport {
  kind: typeof AUDIT_REPORT_KIND;
  version: typeof AUDIT_REPORT_VERSION;
  org: { id: string; name: string };
  generatedAt: string;
  /** The instant every time-based rule was judged against (snapshot takenAt or --now). */
  referenceTime: string;
  summary: AuditSummary;
  findings: Finding[];
  /** Non-fatal notes, e.g. an allowlist entry that has expired and no longer applies. */
  warnings: string[];
  /** With `--correlate FILE`: the flagged accounts that also exist in a second directory. */
  correlation?: Correlation;
}
