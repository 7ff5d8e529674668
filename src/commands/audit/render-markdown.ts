import type { AuditReport, Finding } from "../../core/detect/types.js";
import {
  baselineNote,
  RECOMMENDATION_LABEL,
  VERDICT_LABEL,
  count,
  displayTime,
  formatWeight,
  listedReason,
  rankedSignals,
  summarySentence,
  topReasons,
  visibleFindings,
  type RenderOptions,
} from "./render-common.js";

/** Above this many findings the per-signal detail is folded into a `<details>` block. */
export const MARKDOWN_COLLAPSE_AFTER = 10;
/**
 * GitHub caps a job summary at 1 MiB; past this many rows the report points to the JSON output
 * instead of risking a summary that GitHub refuses.
 */
export const MARKDOWN_MAX_ROWS = 500;
const REASONS_PER_ROW = 2;

/**
 * GitHub-flavoured Markdown for a job summary (`>> $GITHUB_STEP_SUMMARY`) or a pull-request
 * comment: heading, counts table, findings table with the top reasons, then every signal.
 */
export function renderAuditMarkdown(report: AuditReport, options: RenderOptions): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(`## bot2svc audit: ${md(report.org.name || report.org.id)}`, "");
  out.push(`Organization \`${code(report.org.id)}\`, activity judged as of ${displayTime(report.referenceTime)}.`, "");
  out.push(`**${md(summarySentence(s))}**`, "");
  const baseline = options.baseline;
  if (baseline) out.push(md(baselineNote(baseline)), "");
  out.push(
    "| Verdict | Accounts |",
    "|---|---:|",
    `| Bots | ${s.bot} |`,
    `| Likely bots | ${s.likelyBot} |`,
    `| People who should enable two-step verification | ${s.enable2sv} |`,
    `| Humans | ${s.human} |`,
    `| Service accounts | ${s.serviceAccount} |`,
    `| Apps | ${s.app} |`,
    `| **Accounts checked** | **${s.accounts}** |`,
    "",
  );

  const findings = visibleFindings(report, options.includeHumans);
  const resolved = baseline?.changes.filter((c) => c.status === "resolved") ?? [];
  const resolvedSection = resolved.length === 0 ? [] : [
    "### Resolved since the baseline",
    "",
    ...resolved.map((c) => `- ${md(c.name || c.accountId)} (${md(c.email ?? c.accountId)}): was ${c.previousVerdict ? VERDICT_LABEL[c.previousVerdict] : "?"}, now ${c.verdict ? VERDICT_LABEL[c.verdict] : "gone from the directory"}`),
    "",
  ];
  if (findings.length === 0) return `${[...out, ...resolvedSection].join("\n")}\n`;
  const change = new Map((baseline?.changes ?? []).map((c) => [c.accountId, c.status]));

  const shown = findings.slice(0, MARKDOWN_MAX_ROWS);
  out.push("### Findings", "");
  out.push(
    `| ${baseline ? "Change | " : ""}Verdict | Score | Risk | Account | Recommendation | Top reasons |`,
    `|${baseline ? "---|" : ""}---|---:|---|---|---|---|`,
  );
  for (const f of shown) {
    const account = `${md(f.name || f.accountId)}${f.isAdmin ? " (admin)" : ""}<br>${md(f.email ?? f.accountId)}`;
    const reasons = topReasons(f, REASONS_PER_ROW).map(md).join("<br>") || "–";
    out.push(
      `| ${baseline ? `${change.get(f.accountId) === "new" ? "**new**" : (change.get(f.accountId) ?? "")} | ` : ""}${verdictCell(f)} | ${f.score.toFixed(1)} | ${f.risk} | ${account} | ${RECOMMENDATION_LABEL[f.recommendation]} | ${reasons} |`,
    );
  }
  if (findings.length > shown.length) {
    out.push("", `_${count(findings.length - shown.length, "more finding")} not shown; see the JSON report (\`--format json\`)._`);
  }
  out.push("", ...resolvedSection);

  const details = shown.map(signalsSection);
  if (shown.length > MARKDOWN_COLLAPSE_AFTER) {
    out.push(`<details><summary>All signals (${count(shown.length, "finding")})</summary>`, "", ...details, "</details>", "");
  } else {
    out.push("### Signals", "", ...details);
  }
  return `${out.join("\n")}\n`;
}

function verdictCell(f: Finding): string {
  const label = VERDICT_LABEL[f.verdict];
  return f.verdict === "bot" ? `**${label}**` : label;
}

function signalsSection(f: Finding): string {
  const lines = [`#### ${md(f.name || f.accountId)} (\`${code(f.accountId)}\`): ${VERDICT_LABEL[f.verdict]}, score ${f.score.toFixed(1)}`, ""];
  if (f.listed) lines.push(`- ${md(listedReason(f.listed))}`);
  for (const signal of rankedSignals(f)) {
    lines.push(`- \`${code(signal.id)}\` (${formatWeight(signal.weight)}): ${md(signal.evidence)}`);
  }
  if (!f.listed && f.signals.length === 0) lines.push("- no signals");
  lines.push("");
  return lines.join("\n");
}

/**
 * Escapes text from the directory for a GFM table cell: pipes would split the cell, line
 * breaks end the row, and Markdown or HTML syntax in a display name must render as text.
 */
export function md(text: string): string {
  return neutraliseLinks(
    text
      .replace(/\r\n|\r|\n/g, " ")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/[\\`*_[\]|~#!]/g, (ch) => `\\${ch}`),
  );
}

// A zero-width space, written as an entity so it survives copy and paste of the Markdown source.
const ZWSP = "&#8203;";

/**
 * Keeps directory data from acting on GitHub: `@name` would notify a user or team, and a bare
 * URL, `www.` host or email address would become a link. A zero-width space after `@`, inside
 * `://` and after `www` breaks the autolink and mention syntax while the text reads the same.
 */
export function neutraliseLinks(text: string): string {
  return text
    .replace(/@/g, `@${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}

// Inside a code span only the backtick and the table pipe matter.
function code(text: string): string {
  return text.replace(/[`\r\n]/g, "").replace(/\|/g, "\\|");
}
