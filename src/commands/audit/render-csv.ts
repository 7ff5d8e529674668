import type { AuditReport } from "../../core/detect/types.js";
import { listedReason, rankedSignals } from "./render-common.js";

/** The CSV columns, in order; part of the output contract. */
export const CSV_COLUMNS = [
  "accountId",
  "name",
  "email",
  "verdict",
  "score",
  "confidence",
  "risk",
  "recommendation",
  "reasons",
] as const;

/** Separates the evidence sentences in the `reasons` column. */
export const CSV_REASON_SEPARATOR = " | ";

/**
 * One row per finding (every finding in the report: CSV is data, so nothing is filtered),
 * RFC 4180: CRLF line ends, fields with a quote, comma or line break are quoted and quotes
 * doubled. Text cells that a spreadsheet would run as a formula are defused.
 */
export function renderAuditCsv(report: AuditReport): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const f of report.findings) {
    const reasons = [...(f.listed ? [listedReason(f.listed)] : []), ...rankedSignals(f).map((s) => s.evidence)];
    const cells = [
      textCell(f.accountId),
      textCell(f.name),
      textCell(f.email ?? ""),
      textCell(f.verdict),
      String(f.score),
      textCell(f.confidence),
      textCell(f.risk),
      textCell(f.recommendation),
      textCell(reasons.join(CSV_REASON_SEPARATOR)),
    ];
    lines.push(cells.join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

// Spreadsheets treat a cell that starts with one of these as a formula (CSV injection, OWASP);
// tab and carriage return are on the list because some importers strip them first.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes one text cell for CSV, neutralising formula triggers with a leading single quote. */
export function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
