import type { ChalkInstance } from "chalk";
import type { AuditReport, AuditSummary, Finding, Recommendation, Signal, Verdict } from "../../core/detect/types.js";
import type { AuditTableColumn } from "./render-table.js";
import type { BaselineDiff } from "./baseline.js";

/** What every renderer is told besides the report. */
export interface RenderOptions {
  /** The run's chalk instance; level 0 when colour is off, so no escape codes are written. */
  colors: ChalkInstance;
  /** List every account in the human-readable formats, not only those that need attention. */
  includeHumans: boolean;
  /** Terminal width in columns, when stdout is a terminal; the table fits its reasons to it. */
  width?: number | undefined;
  /** Show every column and every reason, uncut, whatever the width. */
  wide?: boolean;
  /** The table's columns (`--columns`); default `DEFAULT_AUDIT_TABLE_COLUMNS`. */
  columns?: readonly AuditTableColumn[] | undefined;
  /** The comparison with a saved report (`--baseline`), shown by the human-readable formats. */
  baseline?: BaselineDiff | undefined;
}

/** How each verdict reads in prose and table cells. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  bot: "bot",
  "likely-bot": "likely bot",
  human: "human",
  "service-account": "service account",
  app: "app",
};

/** How each recommendation reads in prose and table cells. */
export const RECOMMENDATION_LABEL: Record<Recommendation, string> = {
  "migrate-to-service-account": "migrate to a service account",
  review: "review",
  "enable-2sv": "enable two-step verification",
  none: "none",
};

/** The sentence every human-readable format shows when there is nothing to migrate. */
export const EMPTY_STATE = "No bot accounts found.";

/** True for findings someone should act on: bots, likely bots and humans who should enable 2SV. */
export function isActionable(finding: Finding): boolean {
  return finding.verdict === "bot" || finding.verdict === "likely-bot" || finding.recommendation !== "none";
}

/**
 * The findings the human-readable formats list. Accounts that are already non-human, and
 * humans with nothing to do, are only counted in the summary unless `--include-humans` asks
 * for every account. The report's order (verdict, then score) is kept.
 */
export function visibleFindings(report: AuditReport, includeHumans: boolean): Finding[] {
  return includeHumans ? report.findings : report.findings.filter(isActionable);
}

/** `1 bot`, `2 bots`: a count with its noun in the right number. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * The counted, Terraform-style summary, e.g. "Found 12 bots, 5 likely bots among 230 accounts;
 * 8 people should enable two-step verification. 2 accounts already migrated to service accounts
 * need nothing. 3 service accounts and 4 apps are already non-human." With no bots it starts with
 * the distinct empty state instead.
 */
export function summarySentence(summary: AuditSummary): string {
  const parts: string[] = [];
  const accounts = count(summary.accounts, "account");
  let first =
    summary.bot + summary.likelyBot === 0
      ? `${EMPTY_STATE} Checked ${accounts}`
      : `Found ${count(summary.bot, "bot")}, ${count(summary.likelyBot, "likely bot")} among ${accounts}`;
  if (summary.enable2sv > 0) {
    first += `; ${count(summary.enable2sv, "person", "people")} should enable two-step verification`;
  }
  parts.push(`${first}.`);
  // Counted under their verdicts too: say they are not work, so the counts above do not read as a to-do list.
  const migrated = summary.migrated ?? 0;
  const inactive = summary.inactive ?? 0;
  if (migrated + inactive > 0) {
    const done = [migrated > 0 ? `${count(migrated, "account")} already migrated to service accounts` : "", inactive > 0 ? count(inactive, "inactive account") : ""].filter((p) => p !== "");
    parts.push(`${done.join(" and ")} need${migrated + inactive === 1 ? "s" : ""} nothing.`);
  }
  const nonHuman = summary.serviceAccount + summary.app;
  if (nonHuman > 0) {
    parts.push(
      `${count(summary.serviceAccount, "service account")} and ${count(summary.app, "app")} ${nonHuman === 1 ? "is" : "are"} already non-human.`,
    );
  }
  return parts.join(" ");
}

// Signals that explain a recommendation rather than the verdict: a person told to enable 2SV
// should first read that they get email passcodes without it, not that they use the UI; a
// service account to review should first read which token expires, not what its name looks like.
const ADVICE_SIGNALS: Partial<Record<Recommendation, readonly string[]>> = {
  "enable-2sv": ["email-otp", "no-2sv"],
  review: ["sa-credential-expiring"],
};

/**
 * The signals that best explain a verdict (and, first, the recommendation), strongest first: for bots the ones pushing towards
 * bot, for humans the ones pushing towards human; the rest follow, amplifiers last.
 */
export function rankedSignals(finding: Finding): Signal[] {
  const towardsBot = finding.verdict === "bot" || finding.verdict === "likely-bot";
  const agrees = (s: Signal) => (towardsBot ? s.weight > 0 : s.weight < 0);
  const advice = ADVICE_SIGNALS[finding.recommendation] ?? [];
  const explainsAdvice = (s: Signal) => advice.includes(s.id);
  const indexed = finding.signals.map((signal, index) => ({ signal, index }));
  indexed.sort((a, b) => {
    const byAdvice = Number(explainsAdvice(b.signal)) - Number(explainsAdvice(a.signal));
    if (byAdvice !== 0) return byAdvice;
    const byAgreement = Number(agrees(b.signal)) - Number(agrees(a.signal));
    if (byAgreement !== 0) return byAgreement;
    const byWeight = Math.abs(b.signal.weight) - Math.abs(a.signal.weight);
    return byWeight !== 0 ? byWeight : a.index - b.index;
  });
  return indexed.map((x) => x.signal);
}

/**
 * The top `n` reasons for a finding as sentences. An allow- or denylist entry that decided the
 * verdict is always the first reason, since it overrides every signal.
 */
export function topReasons(finding: Finding, n: number): string[] {
  const reasons: string[] = [];
  if (finding.listed) reasons.push(listedReason(finding.listed));
  for (const signal of rankedSignals(finding)) reasons.push(signal.evidence);
  return reasons.slice(0, n);
}

/** Every reason for a finding, strongest first (the listing entry, if any, then each signal). */
export function rankedReasons(finding: Finding): string[] {
  return topReasons(finding, Number.POSITIVE_INFINITY);
}

/** One sentence on the comparison with a baseline, e.g. "Since the baseline of 2026-10-01 00:00 UTC: 2 new, 5 unchanged, 1 resolved." */
export function baselineNote(diff: BaselineDiff): string {
  return `Compared with ${diff.file} (${displayTime(diff.generatedAt)}): ${diff.new} new, ${diff.unchanged} unchanged, ${diff.resolved} resolved.`;
}

export function listedReason(listed: NonNullable<Finding["listed"]>): string {
  const list = listed.list === "allow" ? "Allowlisted" : "Denylisted";
  return `${list} by ${listed.owner}: ${listed.reason}`;
}

/** `2026-11-01 00:00 UTC` for headers; the machine formats keep the full ISO string. */
export function displayTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A signed weight, e.g. `+3`, `-1.5`, `0`. */
export function formatWeight(weight: number): string {
  return weight > 0 ? `+${weight}` : String(weight);
}

/** The account as one line of text: name, then email or account id. */
export function accountLabel(finding: Finding): string {
  return `${finding.name || finding.accountId} <${finding.email ?? finding.accountId}>`;
}
