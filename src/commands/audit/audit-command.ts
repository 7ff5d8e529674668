import { resolve } from "node:path";
import { Command, Option } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps, type Context } from "../../context.js";
import { VERDICT_ORDER, type AuditReport } from "../../core/detect/types.js";
import { ExitSignal } from "../../core/errors.js";
import { writeFileAtomic } from "../../core/fs/atomic-write.js";
import { demoSnapshotPath } from "../../paths.js";
import { createProvider } from "../../providers/registry.js";
import { makeColors } from "../../ui/colors.js";
import { auditWithConfig, readDirectory } from "../directory.js";
import { parseInstant, parseOptions } from "../shared.js";
import { AUDIT_FORMATS, renderAudit } from "./render.js";

export const auditOptionsSchema = z.object({
  format: z.enum(AUDIT_FORMATS).optional(),
  output: z.string().min(1).optional(),
  failOn: z.enum(["bot", "likely-bot"]).optional(),
  includeHumans: z.boolean().default(false),
  demo: z.boolean().default(false),
  snapshot: z.string().min(1).optional(),
  now: z.string().optional(),
  since: z.string().optional(),
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
    .option("--since <time>", "start of the event lookback window for live reads (default: 30 days before --now, or before the read)")
    .addHelpText(
      "after",
      `
Formats: table (default on a terminal), json (default otherwise), csv, markdown, sarif, html.

Examples:
  $ bot2svc audit --demo
  $ bot2svc audit --snapshot fixtures/demo-org.json --format json | jq .summary
  $ bot2svc audit --snapshot org.json --format markdown --fail-on bot   # exit 2 if any bot
  $ bot2svc audit --snapshot org.json --format csv --output findings.csv
  $ BOT2SVC_PROVIDER=atlassian bot2svc audit --since 2026-10-01`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const ctx = await makeContext(cmd, deps);
      const options = parseOptions(auditOptionsSchema, raw);
      const report = await runAudit(options, ctx);
      const format = options.format ?? (ctx.global.json ? "json" : ctx.deps.stdout.isTTY && !options.output ? "table" : "json");
      // A file never gets colour codes, whatever the terminal can show.
      const colors = options.output ? makeColors(false) : ctx.colors;
      const width = options.output ? undefined : (ctx.deps.stdout as { columns?: number }).columns;
      const text = renderAudit(report, format, { colors, includeHumans: options.includeHumans, width });
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
  const provider = await createProvider(ctx, snapshotFile === undefined ? {} : { snapshot: snapshotFile });
  try {
    // A live read ends at --now and looks back from it, so `--now` alone gives the same window
    // on any day; without it the read moment is the reference.
    const snapshot = await readDirectory(provider, ctx, { ...(since ? { since } : {}), ...(now ? { now } : {}) });
    return auditWithConfig(snapshot, ctx, { ...(now ? { now } : {}), includeHumans: options.includeHumans });
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
