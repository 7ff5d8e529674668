import { resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps, type Context } from "../../context.js";
import { RISK_ORDER, VERDICT_ORDER, type AuditReport } from "../../core/detect/types.js";
import { ExitSignal, InputError } from "../../core/errors.js";
import { correlate, describeMatch } from "../../core/correlate/correlate.js";
import { writeFileAtomic } from "../../core/fs/atomic-write.js";
import { checkOutputFile } from "../../core/fs/output-file.js";
import { readSnapshotFile } from "../../core/snapshot/reader.js";
import { readAuditReportFile } from "../../core/plan/audit-report.js";
import { demoSnapshotPath } from "../../paths.js";
import { createProvider } from "../../providers/registry.js";
import { makeColors } from "../../ui/colors.js";
import { knownTerminalWidth, terminalWidth } from "../../ui/table.js";
import { auditWithConfig, readDirectory } from "../directory.js";
import { parseInstant, parseOptions } from "../shared.js";
import { diffBaseline, hasNewBots, type BaselineDiff } from "./baseline.js";
import { AUDIT_SORT_KEYS, filterReport } from "./filters.js";
import { AUDIT_FORMATS, renderAudit } from "./render.js";
import { AUDIT_TABLE_COLUMNS } from "./render-table.js";
import { renderCorrelation } from "./render-correlation.js";

/** A comma-separated flag value whose items must each be one of `values`. */
function listOf<T extends string>(values: readonly T[], what: string) {
  return z.string().transform((value, ctx): T[] => {
    const parts = value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (parts.length === 0) ctx.addIssue({ code: "custom", message: `expected at least one ${what}` });
    for (const part of parts) {
      if (!values.includes(part as T)) ctx.addIssue({ code: "custom", message: `"${part}" is not ${what} (${values.join(", ")})` });
    }
    return parts as T[];
  });
}

export const auditOptionsSchema = z
  .object({
    format: z.enum(AUDIT_FORMATS).optional(),
    output: z.string().min(1).optional(),
    failOn: z.enum(["bot", "likely-bot", "new"]).optional(),
    includeHumans: z.boolean().default(false),
    demo: z.boolean().default(false),
    snapshot: z.string().min(1).optional(),
    now: z.string().optional(),
    since: z.string().optional(),
    baseline: z.string().min(1).optional(),
    verdict: listOf(VERDICT_ORDER, "a verdict").optional(),
    risk: z.enum(RISK_ORDER).optional(),
    sort: z.enum(AUDIT_SORT_KEYS).optional(),
    wide: z.boolean().default(false),
    columns: listOf(AUDIT_TABLE_COLUMNS, "a table column").optional(),
    correlate: z.string().min(1).optional(),
  })
  .refine((o) => o.failOn !== "new" || o.baseline !== undefined, {
    path: ["failOn"],
    message: '"new" needs --baseline FILE, the report to compare with',
    when: () => true,
  });
export type AuditOptions = z.infer<typeof auditOptionsSchema>;

/** Reads the directory and classifies every account. Returns data; prints only progress. */
export async function runAudit(options: AuditOptions, ctx: Context): Promise<AuditReport> {
  const now = options.now === undefined ? undefined : parseInstant(options.now, "--now");
  const since = options.since === undefined ? undefined : parseInstant(options.since, "--since");
  const snapshotFile = options.demo ? demoSnapshotPath() : options.snapshot;
  // The second directory is read first, so a bad file fails before any directory call.
  const other = options.correlate === undefined ? undefined : await readSnapshotFile(resolve(ctx.cwd, options.correlate));
  const provider = await createProvider(ctx, snapshotFile === undefined ? {} : { snapshot: snapshotFile });
  try {
    // A live read ends at --now and looks back from it, so `--now` alone gives the same window
    // on any day; without it the read moment is the reference.
    const snapshot = await readDirectory(provider, ctx, { ...(since ? { since } : {}), ...(now ? { now } : {}) });
    const report = auditWithConfig(snapshot, ctx, { ...(now ? { now } : {}), includeHumans: options.includeHumans });
    if (other !== undefined && options.correlate !== undefined) {
      const correlation = correlate(report, snapshot, other, options.correlate);
      const notes = [...correlation.matches.filter((m) => m.other.active).map((m) => describeMatch(m, correlation.directory)), ...correlation.ambiguous.map((a) => `Not matched across directories: ${a}.`)];
      for (const note of notes) ctx.logger.warn(note);
      report.warnings.push(...notes);
      report.correlation = correlation;
    }
    return report;
  } finally {
    await provider.close?.();
  }
}

/** The message for exit 2 when `--fail-on` is reached (on the whole report, before filters), or undefined. */
function failureOf(report: AuditReport, failOn: AuditOptions["failOn"], baseline: BaselineDiff | undefined): string | undefined {
  if (failOn === undefined) return undefined;
  if (failOn === "new") {
    if (baseline === undefined) throw new InputError("--fail-on new needs --baseline FILE", { code: "FLAG_INVALID" });
    return hasNewBots(baseline) ? `New bot accounts since the baseline ${baseline.file}: exit 2.` : undefined;
  }
  return reaches(report, failOn) ? `Findings at or above "${failOn}": exit 2.` : undefined;
}

/**
 * True when some finding that is still work is at or above the `--fail-on` verdict. An account a
 * migration already replaced, or an inactive one no script runs on (a lifecycle state and nothing
 * to do), fails no CI job: it is the migration's progress, not a bot left to migrate.
 */
export function reaches(report: AuditReport, level: "bot" | "likely-bot"): boolean {
  const limit = VERDICT_ORDER.indexOf(level);
  return report.findings.some((f) => {
    if (f.lifecycle !== undefined && f.recommendation === "none") return false;
    const rank = VERDICT_ORDER.indexOf(f.verdict);
    return rank <= limit && (f.verdict === "bot" || f.verdict === "likely-bot");
  });
}

/** Runs `bot2svc audit`: validates the options, audits, renders, and exits 2 when --fail-on is reached. */
export async function auditAction(raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const options = parseOptions(auditOptionsSchema, raw);
  if (options.output) await checkOutputFile(resolve(ctx.cwd, options.output), options.output);
  // A bad baseline fails before any directory read.
  const baselineReport = options.baseline === undefined ? undefined : await readAuditReportFile(resolve(ctx.cwd, options.baseline));
  const full = await runAudit(options, ctx);
  const baseline = baselineReport && options.baseline ? diffBaseline(full, baselineReport, options.baseline) : undefined;
  const report = filterReport(full, { verdicts: options.verdict, minRisk: options.risk, sort: options.sort });
  const format = options.format ?? (ctx.global.json ? "json" : ctx.deps.stdout.isTTY && !options.output ? "table" : "json");
  // A file never gets colour codes, whatever the terminal can show, and is not cut to a width.
  const colors = options.output ? makeColors(false) : ctx.colors;
  const width = options.output ? undefined : terminalWidth(ctx.deps.stdout, ctx.env);
  let text = renderAudit(report, format, {
    colors,
    includeHumans: options.includeHumans,
    width,
    wide: options.wide,
    columns: options.columns,
    baseline,
  });
  if (report.correlation !== undefined && (format === "table" || format === "markdown")) {
    // Like log lines, these wrap only on a terminal or with COLUMNS, so that piped they stay one line per account.
    const lineWidth = format === "table" && !options.output ? knownTerminalWidth(ctx.deps.stdout, ctx.env) : undefined;
    text = `${text}\n${renderCorrelation(report.correlation, format, colors, lineWidth)}`;
  }
  if (options.output) {
    await writeFileAtomic(resolve(ctx.cwd, options.output), text);
    ctx.logger.success(`Wrote ${format} report to ${options.output}`);
  } else {
    ctx.print(text);
  }
  const failure = failureOf(full, options.failOn, baseline);
  if (failure !== undefined) throw new ExitSignal(2, ctx.global.quiet ? "" : failure);
}
