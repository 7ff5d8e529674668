import { resolve } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps } from "../../context.js";
import { DEFAULT_JOURNAL_FILE, readJournal, type JournalRecord } from "../../core/journal/journal.js";
import { journalState, type MigrationJournalState, type MigrationOutcome } from "../../core/journal/state.js";
import { STEP_NAMES } from "../../core/plan/schema.js";
import { parseOptions } from "../shared.js";

export const statusOptionsSchema = z.object({
  journal: z.string().min(1).optional(),
});

/** One migration as `status` reports it. */
export interface StatusEntry {
  planId: string;
  migrationId: string;
  source: string | null;
  serviceAccount: string | null;
  outcome: MigrationOutcome;
  stepsDone: string[];
  stepsPending: string[];
  failed?: { step: string; error: string };
  waiting?: { step: string; reason: string; until?: string };
}

export interface StatusReport {
  journal: string;
  exists: boolean;
  migrations: StatusEntry[];
  summary: Record<MigrationOutcome, number>;
}

/** Builds the status report from journal records. */
export function statusReport(records: readonly JournalRecord[], journalFile: string, exists: boolean): StatusReport {
  const planIds = [...new Set(records.map((r) => r.planId))];
  const states: MigrationJournalState[] = [];
  for (const planId of planIds) states.push(...journalState(records, planId).values());
  const summary: Record<MigrationOutcome, number> = { done: 0, pending: 0, failed: 0, waiting: 0, blocked: 0, "rolled-back": 0 };
  const migrations = states.map((s): StatusEntry => {
    summary[s.outcome] += 1;
    return {
      planId: s.planId,
      migrationId: s.migrationId,
      source: s.created.sourceEmail ?? s.created.sourceAccountId ?? null,
      serviceAccount: s.created.email ?? null,
      outcome: s.outcome,
      stepsDone: STEP_NAMES.filter((n) => ["done", "skipped"].includes(s.steps[n].status) && !s.steps[n].rolledBack),
      stepsPending: STEP_NAMES.filter((n) => ["pending", "in-progress"].includes(s.steps[n].status)),
      ...(s.failed ? { failed: s.failed } : {}),
      ...(s.waiting ? { waiting: s.waiting } : {}),
    };
  });
  return { journal: journalFile, exists, migrations, summary };
}

function renderStatus(report: StatusReport): string {
  if (!report.exists || report.migrations.length === 0) return `No journal entries in ${report.journal}: nothing has been applied.\n`;
  const lines: string[] = [];
  for (const m of report.migrations) {
    const who = m.source ?? m.migrationId;
    let detail = "";
    if (m.outcome === "failed" && m.failed) detail = `${m.failed.step} failed: ${m.failed.error}`;
    else if (m.outcome === "waiting" && m.waiting) {
      detail =
        m.waiting.reason === "soak"
          ? `soak until ${m.waiting.until?.slice(0, 10) ?? "?"}, then \`bot2svc apply PLAN --resume\``
          : m.waiting.reason === "manual-access"
            ? `${m.waiting.step}: waiting for access given by hand in admin.atlassian.com, then \`bot2svc apply PLAN --resume\``
            : `${m.waiting.step}: waiting for a token created by hand (\`bot2svc apply PLAN --resume --token-file FILE\`)`;
    } else if (m.outcome === "pending") detail = `next: ${m.stepsPending[0] ?? "?"} (${m.stepsDone.length}/${STEP_NAMES.length} steps done)`;
    else if (m.outcome === "done") detail = m.serviceAccount ?? "";
    lines.push(`${m.outcome.padEnd(12)} ${who}  ${m.migrationId}${detail === "" ? "" : `  ${detail}`}`);
  }
  const s = report.summary;
  lines.push(
    "",
    `Status: ${s.done} done, ${s.pending} pending, ${s.failed} failed, ${s.waiting} waiting, ${s.blocked} blocked, ${s["rolled-back"]} rolled back.`,
  );
  return `${lines.join("\n")}\n`;
}

/** `bot2svc status`: what the journal says about each migration. Always exits 0. */
export function statusCommand(deps: CliDeps): Command {
  return new Command("status")
    .description("show what the journal says: done, pending, failed, waiting for a manual step or a soak.")
    .option("--journal <file>", "journal file (default .bot2svc/journal.jsonl)")
    .addHelpText(
      "after",
      `
Examples:
  $ bot2svc status
  $ bot2svc status --json | jq '.migrations[] | select(.outcome == "failed")'`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const ctx = await makeContext(cmd, deps);
      const options = parseOptions(statusOptionsSchema, raw);
      const file = resolve(ctx.cwd, options.journal ?? DEFAULT_JOURNAL_FILE);
      const { records } = await readJournal(file, (m) => ctx.logger.debug(m));
      const report = statusReport(records, file, records.length > 0);
      ctx.print(ctx.global.json ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report));
    });
}
