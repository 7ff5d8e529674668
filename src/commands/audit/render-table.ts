import type { ChalkInstance } from "chalk";
import type { AuditReport, Finding, Recommendation, Risk, Verdict } from "../../core/detect/types.js";
import { renderTable, terminalSafe, truncateText, wrapText } from "../../ui/table.js";
import {
  EMPTY_STATE,
  VERDICT_LABEL,
  displayTime,
  summarySentence,
  topReasons,
  visibleFindings,
  type RenderOptions,
} from "./render-common.js";

/** Widest reason line; narrower when the terminal is narrow, but never below `MIN_REASON_WIDTH`. */
export const REASON_WIDTH = 60;
const MIN_REASON_WIDTH = 30;
const NAME_WIDTH = 36;
const REASONS_PER_ROW = 2;
const LINES_PER_REASON = 2;
// Verdict, score, risk and recommendation columns plus borders and padding, in characters.
const FIXED_COLUMNS_WIDTH = 12 + 7 + 10 + 14 + 19;

// Short forms keep the table within a common terminal width; the other formats spell them out.
const RECOMMENDATION_SHORT: Record<Recommendation, string> = {
  "migrate-to-service-account": "migrate",
  review: "review",
  "enable-2sv": "enable 2SV",
  none: "none",
};

/**
 * The terminal view: a header naming the org and reference time, one row per finding that needs
 * attention, and a counted summary (or the empty state). Warnings are not part of it; the
 * command logs them on stderr.
 */
export function renderAuditTable(report: AuditReport, options: RenderOptions): string {
  const c = options.colors;
  const lines: string[] = [];
  lines.push(
    `${c.bold(`Audit of ${terminalSafe(report.org.name || report.org.id)}`)} ${c.dim(`(org ${terminalSafe(report.org.id)}, as of ${displayTime(report.referenceTime)})`)}`,
  );
  lines.push("");
  const findings = visibleFindings(report, options.includeHumans);
  if (findings.length > 0) {
    const width = reasonWidth(findings, options.width);
    lines.push(
      renderTable({
        head: ["Verdict", "Score", "Risk", "Account", "Recommendation", "Top reasons"],
        rows: findings.map((f) => row(f, c, width)),
        colors: c,
        align: ["left", "right"],
      }),
    );
    lines.push("");
  }
  const summary = summarySentence(report.summary);
  const noBots = report.summary.bot + report.summary.likelyBot === 0;
  lines.push(noBots ? summary.replace(EMPTY_STATE, c.green(EMPTY_STATE)) : c.bold(summary));
  return `${lines.join("\n")}\n`;
}

/** Fits the reasons column into the terminal width when it is known. */
function reasonWidth(findings: Finding[], terminalWidth: number | undefined): number {
  if (terminalWidth === undefined) return REASON_WIDTH;
  const account = Math.max(...findings.map((f) => Math.max((f.name || f.accountId).length + 8, (f.email ?? f.accountId).length)));
  const available = terminalWidth - FIXED_COLUMNS_WIDTH - Math.min(account, NAME_WIDTH + 8);
  return Math.max(MIN_REASON_WIDTH, Math.min(REASON_WIDTH, available));
}

function row(f: Finding, c: ChalkInstance, reasonWidth: number): string[] {
  const name = truncateText(terminalSafe(f.name || f.accountId), NAME_WIDTH) + (f.isAdmin ? ` ${c.magenta("(admin)")}` : "");
  const contact = truncateText(terminalSafe(f.email ?? f.accountId), NAME_WIDTH);
  const reasons = topReasons(f, REASONS_PER_ROW).map((r) =>
    wrapText(terminalSafe(r), reasonWidth, LINES_PER_REASON)
      .map((line, i) => `${i === 0 ? "•" : " "} ${line}`)
      .join("\n"),
  );
  return [
    verdictCell(f.verdict, c),
    f.score.toFixed(1),
    riskCell(f.risk, c),
    `${name}\n${c.dim(contact)}`,
    f.recommendation === "none" ? c.dim("none") : RECOMMENDATION_SHORT[f.recommendation],
    reasons.length > 0 ? reasons.join("\n") : c.dim("no signals"),
  ];
}

function verdictCell(verdict: Verdict, c: ChalkInstance): string {
  const label = VERDICT_LABEL[verdict];
  switch (verdict) {
    case "bot":
      return c.red.bold(label);
    case "likely-bot":
      return c.yellow(label);
    case "human":
      return c.cyan(label);
    default:
      return c.green(label);
  }
}

function riskCell(risk: Risk, c: ChalkInstance): string {
  switch (risk) {
    case "critical":
      return c.red.bold(risk);
    case "high":
      return c.red(risk);
    case "medium":
      return c.yellow(risk);
    default:
      return c.dim(risk);
  }
}
