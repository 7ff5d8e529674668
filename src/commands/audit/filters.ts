import { RISK_ORDER, VERDICT_ORDER, type AuditReport, type Finding, type Risk, type Verdict } from "../../core/detect/types.js";

export const AUDIT_SORT_KEYS = ["verdict", "risk", "score", "name"] as const;
export type AuditSortKey = (typeof AUDIT_SORT_KEYS)[number];

export interface AuditFilters {
  /** Keep only these verdicts. */
  verdicts?: readonly Verdict[] | undefined;
  /** Keep only findings at or above this risk. */
  minRisk?: Risk | undefined;
  /** Order of the findings; the report's own order is by verdict, then score. */
  sort?: AuditSortKey | undefined;
}

/**
 * Applies `--verdict`, `--risk` and `--sort` to a report's findings. The summary still counts
 * the whole directory: the filters choose what is listed, not what was found.
 */
export function filterReport(report: AuditReport, filters: AuditFilters): AuditReport {
  let findings = report.findings;
  const { verdicts, minRisk, sort } = filters;
  if (verdicts !== undefined) findings = findings.filter((f) => verdicts.includes(f.verdict));
  if (minRisk !== undefined) {
    const limit = RISK_ORDER.indexOf(minRisk);
    findings = findings.filter((f) => RISK_ORDER.indexOf(f.risk) <= limit);
  }
  if (sort !== undefined) findings = [...findings].sort(COMPARE[sort]);
  return findings === report.findings ? report : { ...report, findings };
}

const byName = (a: Finding, b: Finding) => (a.name || a.accountId).localeCompare(b.name || b.accountId, "en") || a.accountId.localeCompare(b.accountId);
const byScore = (a: Finding, b: Finding) => b.score - a.score;
const byVerdict = (a: Finding, b: Finding) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict);
const byRisk = (a: Finding, b: Finding) => RISK_ORDER.indexOf(a.risk) - RISK_ORDER.indexOf(b.risk);

// Every order ends with the account name and id, so equal keys always list the same way.
const COMPARE: Record<AuditSortKey, (a: Finding, b: Finding) => number> = {
  verdict: (a, b) => byVerdict(a, b) || byScore(a, b) || byName(a, b),
  risk: (a, b) => byRisk(a, b) || byVerdict(a, b) || byScore(a, b) || byName(a, b),
  score: (a, b) => byScore(a, b) || byName(a, b),
  name: byName,
};
