import type { AuditReport, Finding, Verdict } from "../../core/detect/types.js";
import { isActionable } from "./render-common.js";

/** How a finding compares with the same account in the baseline report. */
export type BaselineStatus = "new" | "unchanged" | "resolved";

export interface BaselineChange {
  accountId: string;
  name: string;
  email: string | null;
  status: BaselineStatus;
  /** The verdict now; for a resolved finding, the verdict the account has now if it is still in the directory. */
  verdict: Verdict | null;
  /** The verdict in the baseline; null for a new finding. */
  previousVerdict: Verdict | null;
}

/** The difference between this audit and a saved one (`--baseline FILE`). */
export interface BaselineDiff {
  /** The baseline file as given on the command line. */
  file: string;
  /** When the baseline audit was made, from the file. */
  generatedAt: string;
  new: number;
  unchanged: number;
  resolved: number;
  /** One entry per account that needs attention now or needed it in the baseline. */
  changes: BaselineChange[];
}

/**
 * Compares the findings that need attention (bots, likely bots, people who should enable 2SV)
 * with those of a baseline report, by account id. A finding is `new` when the account needed no
 * attention (or did not exist) in the baseline, `unchanged` when it needed attention in both, and
 * `resolved` when it needed attention in the baseline and no longer does.
 */
export function diffBaseline(report: AuditReport, baseline: AuditReport, file: string): BaselineDiff {
  const before = new Map(baseline.findings.filter(isActionable).map((f) => [f.accountId, f]));
  const nowAll = new Map(report.findings.map((f) => [f.accountId, f]));
  const changes: BaselineChange[] = [];
  for (const f of report.findings.filter(isActionable)) {
    const old = before.get(f.accountId);
    changes.push(change(f, old === undefined ? "new" : "unchanged", f.verdict, old?.verdict ?? null));
  }
  for (const old of before.values()) {
    const now = nowAll.get(old.accountId);
    if (now !== undefined && isActionable(now)) continue;
    changes.push(change(old, "resolved", now?.verdict ?? null, old.verdict));
  }
  const countOf = (status: BaselineStatus) => changes.filter((c) => c.status === status).length;
  return { file, generatedAt: baseline.generatedAt, new: countOf("new"), unchanged: countOf("unchanged"), resolved: countOf("resolved"), changes };
}

function change(f: Finding, status: BaselineStatus, verdict: Verdict | null, previousVerdict: Verdict | null): BaselineChange {
  return { accountId: f.accountId, name: f.name, email: f.email, status, verdict, previousVerdict };
}

/** True when the diff has a new bot or likely bot: what `--fail-on new` fails on. */
export function hasNewBots(diff: BaselineDiff): boolean {
  return diff.changes.some((c) => c.status === "new" && (c.verdict === "bot" || c.verdict === "likely-bot"));
}
