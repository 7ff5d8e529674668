import type { ChalkInstance } from "chalk";
import type { Correlation } from "../../core/correlate/correlate.js";
import { wrapParagraph } from "../../ui/wrap.js";

/**
 * The "also in the other directory" section under a table or Markdown report: each flagged
 * account found there, how it was matched, and whether it is still active there. With a `width`
 * (the terminal's, or COLUMNS) the text lines wrap with a hanging indent; without one each
 * account stays on one line for grep.
 */
export function renderCorrelation(correlation: Correlation, format: "table" | "markdown", colors: ChalkInstance, width?: number): string {
  const d = correlation.directory;
  const active = correlation.matches.filter((m) => m.other.active).length;
  const flagged = correlation.matches.length + correlation.unmatched;
  const title = `Also in ${d.name} (${d.provider}, ${d.file})`;
  const summary = `${correlation.matches.length} of ${flagged} flagged account${flagged === 1 ? "" : "s"} exist there; ${active} still active.`;
  const lines: string[] = [];
  if (format === "markdown") {
    lines.push(`## ${title}`, "", summary, "");
    if (correlation.matches.length > 0) {
      lines.push("| Account | There | Matched by | Status there |", "| --- | --- | --- | --- |");
      for (const m of correlation.matches) {
        const cell = (s: string) => s.replace(/\|/g, "\\|");
        lines.push(
          `| ${cell(m.email ?? m.name)} | ${cell(m.other.email ?? m.other.name)} (${cell(m.other.accountId)}) | ${m.other.by} | ${m.other.active ? "**active: retire it there too**" : m.other.status} |`,
        );
      }
      lines.push("");
    }
    for (const a of correlation.ambiguous) lines.push(`- not matched: ${a}`);
    return `${lines.join("\n").trimEnd()}\n`;
  }
  const wrap = (text: string, first = "") => wrapParagraph(text, width, { first, rest: `${first}    ` });
  lines.push(...wrap(colors.bold(title)), ...wrap(summary));
  for (const m of correlation.matches) {
    const status = m.other.active ? colors.red("ACTIVE there: retire it there too") : `${m.other.status} there`;
    lines.push(...wrap(`${m.email ?? m.name} → ${m.other.email ?? m.other.name} [${m.other.accountId}] (by ${m.other.by}): ${status}`, "  "));
  }
  for (const a of correlation.ambiguous) lines.push(...wrap(`not matched: ${a}`, "  "));
  return `${lines.join("\n")}\n`;
}
