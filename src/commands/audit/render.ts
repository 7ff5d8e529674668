import type { AuditReport } from "../../core/detect/types.js";
import type { RenderOptions } from "./render-common.js";
import { renderAuditCsv } from "./render-csv.js";
import { renderAuditHtml } from "./render-html.js";
import { renderAuditMarkdown } from "./render-markdown.js";
import { renderAuditSarif } from "./render-sarif.js";
import { renderAuditTable } from "./render-table.js";

export type { RenderOptions } from "./render-common.js";

export const AUDIT_FORMATS = ["table", "json", "csv", "markdown", "sarif", "html"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/**
 * Renders an audit report in one of the output formats. The result ends with a newline and is
 * written as is to stdout or to `--output`.
 *
 * - `table`: for a terminal; only findings that need attention unless `includeHumans`.
 * - `json`: the report itself, the versioned contract (`kind: "bot2svc.audit"`, `version: 1`),
 *   with the `baseline` comparison when there is one.
 * - `csv`: one row per finding in the report, RFC 4180, formula cells defused.
 * - `markdown`: for a GitHub Actions job summary or a pull-request comment.
 * - `sarif`: SARIF 2.1.0 for code-scanning dashboards.
 * - `html`: one self-contained page.
 */
export function renderAudit(report: AuditReport, format: AuditFormat, options: RenderOptions): string {
  switch (format) {
    case "table":
      return renderAuditTable(report, options);
    case "json":
      return `${JSON.stringify(options.baseline ? { ...report, baseline: options.baseline } : report, null, 2)}\n`;
    case "csv":
      return renderAuditCsv(report);
    case "markdown":
      return renderAuditMarkdown(report, options);
    case "sarif":
      return renderAuditSarif(report);
    case "html":
      return renderAuditHtml(report, options);
  }
}
