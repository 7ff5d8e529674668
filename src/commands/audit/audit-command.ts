import { resolve } from "node:path";
import { Command, Option } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps, type Context } from "../../context.js";
import { VERDICT_ORDER, type AuditReport } from "../../core/detect/types.js";
import { ExitSignal } from "../../core/errors.js";
import { correlate, describeMatch } from "../../core/correlate/correlate.js";
import { writeFileAtomic } from "../../core/fs/atomic-write.js";
import { checkOutputFile } from "../../core/fs/output-file.js";
import { readSnapshotFile } from "../../core/snapshot/reader.js";
import { demoSnapshotPath } from "../../paths.js";
import { createProvider } from "../../providers/registry.js";
import { makeColors } from "../../ui/colors.js";
import { auditWithConfig, readDirectory } from "../directory.js";
import { parseInstant, parseOptions } from "../shared.js";
import { AUDIT_FORMATS, renderAudit } from "./render.js";
import { renderCorrelation } from "./render-correlation.js";

export const auditOptionsSchema = z.object({
  format: z.enum(AUDIT_FORMATS).optional(),
  output: z.string().min(1).optional(),
  failOn: z.enum(["bot", "likely-bot"]).optional(),
  includeHumans: z.boolean().default(false),
  demo: z.boolean().default(false),
  snapshot: z.string().min(1).optional(),
  now: z.string().optional(),
  since: z.string().optional(),
  correlate: z.string().min(1).optional(),
});
export type AuditOptions = z.infer<typeof auditOptionsSchema>;

export function auditCommand(deps: CliDeps): Command {
  return new Command("audit")
    .description("find accounts that automation uses as if they were people, and explain every verdict.")
    .addOption(new Option("--format <format>", "output format").choices([...AUDIT_FORMATS]))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "exit 2 when findings reach this verdict").choices(["bot", "likely-bot"]))
    .option("--include-humans", "list every account, not only bots and humans who should enable 2SV")
    .option("--demo", "audit the bundled demo organization")
    .option("--snapshot <file>", "audit a snapshot file instead of the live provider")
    .option("--now <time>", "judge activity as of this instant (default: the snapshot's takenAt)")
    .option("--since <time>", "start of the event lookback window for live reads (default: 30 days ago)")
    .option("--correlate <file>", "a snapshot of a second directory (e.g. the IdP): show which flagged accounts also exist there")
    .addHelpText(
      "after",
      `
Formats: table (default on a terminal), json (default otherwise), csv, markdown, sarif, html.

Examples:
  $ bot2svc audit --demo
  $ bot2svc audit --snapshot fixtures/demo-org.json --format json | jq .summary
  $ bot2svc audit --snapshot org.json --format markdown --fail-on bot   # exit 2 if any bot
  $ bot2svc audit --snapshot org.json --format csv --output findings.csv
  $ BOT2SVC_PROVIDER=atlassian bot2svc audit --since 2026-10-01
  $ bot2svc audit --snapshot atlassian.json --correlate idp.json        # the same bot in two directories
  $ bot2svc audit --provider ./my-directory.js                          # a provider module you wrote`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const ctx = await makeContext(cmd, deps);
      const options = parseOptions(auditOptionsSchema, raw);
      if (options.output) await checkOutputFile(resolve(ctx.cwd, options.output), options.output);
      const report = await runAudit(options, ctx);
      const format = options.format ?? (ctx.global.json ? "json" : ctx.deps.stdout.isTTY && !options.output ? "table" : "json");
      // A file never gets colour codes, whatever the terminal can show.
      const colors = options.output ? makeColors(false) : ctx.colors;
      const width = options.output ? undefined : (ctx.deps.stdout as { columns?: number }).columns;
      let text = renderAudit(report, format, { colors, includeHumans: options.includeHumans, width });
      if (report.correlation !== undefined && (format === "table" || format === "markdown")) {
        text = `${text}\n${renderCorrelation(report.correlation, format, colors)}`;
      }
      if (options.output) {
        await writeFileAtomic(resolve(ctx.cwd, options.output), text);
        ctx.logger.success(`Wrote ${format} report to ${options.output}`);
      } else {
        ctx.print(text);
      }
      if (options.failOn && reaches(report, options.failOn)) {
        throw new ExitSignal(2, ctx.global.quiet ? "" : `Findings at or above "${options.failOn}": exit 2.`);
      }
    });
}

/** Reads the directory and classifies every account. Returns data; prints only progress. */
export async function runAudit(options: AuditOptions, ctx: Context): Promise<AuditReport> {
  const now = options.now === undefined ? undefined : parseInstant(options.now, "--now");
  const since = options.since === undefined ? undefined : parseInstant(options.since, "--since");
  const snapshotFile = options.demo ? demoSnapshotPath() : options.snapshot;
  // The second directory is read first, so a bad file fails before any directory call.
  const other = options.correlate === undefined ? undefined : await readSnapshotFile(resolve(ctx.cwd, options.correlate));
  const provider = await createProvider(ctx, snapshotFile === undefined ? {} : { snapshot: snapshotFile });
  try {
    const snapshot = await readDirectory(provider, ctx, since ? { since } : {});
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

/** True when some finding is at or above the `--fail-on` verdict. */
export function reaches(report: AuditReport, level: "bot" | "likely-bot"): boolean {
  const limit = VERDICT_ORDER.indexOf(level);
  return report.findings.some((f) => {
    const rank = VERDICT_ORDER.indexOf(f.verdict);
    return rank <= limit && (f.verdict === "bot" || f.verdict === "likely-bot");
  });
}
