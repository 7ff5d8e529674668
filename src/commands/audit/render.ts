import type { ChalkInstance } from "chalk";
import type { AuditReport } from "../../core/detect/types.js";

export const AUDIT_FORMATS = ["table", "json", "csv", "markdown", "sarif", "html"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface RenderOptions {
  colors: ChalkInstance;
  includeHumans: boolean;
}

/** Renders an audit report in one of the output formats. */
export function renderAudit(report: AuditReport, format: AuditFormat, options: RenderOptions): string {
  void options;
  switch (format) {
    default:
      return `${JSON.stringify(report, null, 2)}\n`;
  }
}
