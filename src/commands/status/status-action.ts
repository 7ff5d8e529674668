import { singleLine } from "../../core/text/sanitize.js";
import { resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps } from "../../context.js";
import { DEFAULT_JOURNAL_FILE, readJournal, type JournalRecord } from "../../core/journal/journal.js";
import { isOptionalStep, journalState, type MigrationJournalState, type MigrationOutcome } from "../../core/journal/state.js";
import { OPTIONAL_STEPS, STEP_NAMES } from "../../core/plan/schema.js";
import { parseOptions } from "../shared.js";
import { squeezeColumns, renderTable, terminalSafe, terminalWidth, visibleWidth, wrapText } from "../../ui/table.js";
import type { ChalkInstance } from "chalk";
import { jsonDocumentText } from "../../contracts/json-document.js";

export const STATUS_REPORT_KIND = "bot2svc.status";

/** The `--json` form: camelCase keys throughout, and the service account named by what it is. */
export function statusJson(report: StatusReport): object {
  const { "rolled-back": rolledBack, ...summary } = report.summary;
  return {
    journal: report.journal,
    exists: report.exists,
    migrations: report.migrations.map(({ serviceAccount, ...m }) => ({ ...m, serviceAccountEmail: serviceAccount })),
    summary: { ...summary, rolledBack },
  };
}

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
      // A step only some migrations have counts once the journal mentions it.
      stepsPending: STEP_NAMES.filter((n) => (s.steps[n].status === "pending" && !isOptionalStep(s, n)) || s.steps[n].status === "in-progress"),
      ...(s.failed ? { failed: s.failed } : {}),
      ...(s.waiting ? { waiting: s.waiting } : {}),
    };
  });
  return { journal: journalFile, exists, migrations, summary };
}

/** The status table: one row per migration, fitted to `width` (detail and account are cut first). */
export function renderStatus(report: StatusReport, colors: ChalkInstance, width: number | undefined): string {
  if (!report.exists || report.migrations.length === 0) return `No journal entries in ${report.journal}: nothing has been applied.\n`;
  const c = colors;
  const rows = report.migrations.map((m) => {
    const who = terminalSafe(singleLine(m.source ?? m.migrationId));
    return [outcomeCell(m.outcome, c), who, `${m.stepsDone.length}/${stepCount(m)}`, terminalSafe(singleLine(statusDetail(m)))];
  });
  const head = ["Outcome", "Account", "Steps", "Detail"];
  const natural = head.map((h, i) => Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r[i] ?? ""))));
  const widths =
    width === undefined
      ? undefined
      : squeezeColumns(
          natural.map((n, i) => ({ natural: n, min: Math.min(n, i === 1 ? 16 : i === 3 ? 28 : n), flexible: i === 1 || i === 3 })),
          width,
        );
  const s = report.summary;
  const summary = `Status: ${s.done} done, ${s.pending} pending, ${s.failed} failed, ${s.waiting} waiting, ${s.blocked} blocked, ${s["rolled-back"]} rolled back.`;
  // The detail (an error, what to run next) wraps onto a few lines rather than losing its end.
  const detailWidth = widths?.[3];
  const wrapped = detailWidth === undefined ? rows : rows.map((r) => [...r.slice(0, 3), wrapText(r[3] ?? "", detailWidth, 4).join("\n")]);
  const table = renderTable({ head, rows: wrapped, colors: c, align: ["left", "left", "right", "left"], ...(widths ? { widths } : {}) });
  const summaryLines = width === undefined ? [summary] : wrapText(summary, width, Number.POSITIVE_INFINITY);
  return `${[table, "", ...summaryLines.map((line) => c.bold(line))].join("\n")}\n`;
}

/** The steps of a migration: every step, less the optional ones its journal never mentions. */
function stepCount(m: StatusEntry): number {
  const unused = OPTIONAL_STEPS.filter((n) => !m.stepsDone.includes(n) && !m.stepsPending.includes(n) && m.waiting?.step !== n && m.failed?.step !== n);
  return STEP_NAMES.length - unused.length;
}

function statusDetail(m: StatusEntry): string {
  if (m.outcome === "failed" && m.failed) return `${m.failed.step} failed: ${m.failed.error}`;
  if (m.outcome === "waiting" && m.waiting) {
    return m.waiting.reason === "soak"
      ? `soak until ${m.waiting.until?.slice(0, 10) ?? "?"}, then \`bot2svc apply PLAN --resume\``
      : m.waiting.reason === "unconfirmed-delivery"
        ? `${m.waiting.step}: token delivered but not read back; check the store, then \`bot2svc apply PLAN --resume --confirm-stored ${m.migrationId}\``
        : m.waiting.reason === "manual-idp"
          ? `${m.waiting.step}: deactivate the bot in the identity provider by hand, then \`bot2svc apply PLAN --resume --confirm-idp ${m.migrationId}\`; or set BOT2SVC_SCIM_BASE_URL and BOT2SVC_SCIM_TOKEN and run \`bot2svc apply PLAN --resume\``
        : m.waiting.reason === "manual-access"
          ? `${m.waiting.step}: waiting for access given by hand in admin.atlassian.com, then \`bot2svc apply PLAN --resume\``
          : `${m.waiting.step}: waiting for a token created by hand (\`bot2svc apply PLAN --resume --token-file FILE\`)`;
  }
  if (m.outcome === "pending") return `next: ${m.stepsPending[0] ?? "?"}`;
  if (m.outcome === "done") return m.serviceAccount ?? "";
  return "";
}

function outcomeCell(outcome: MigrationOutcome, c: ChalkInstance): string {
  switch (outcome) {
    case "done":
      return c.green(outcome);
    case "failed":
      return c.red.bold(outcome);
    case "waiting":
    case "pending":
      return c.yellow(outcome);
    default:
      return c.dim(outcome);
  }
}

/** The `bot2svc status` handler, loaded only when the command runs. */
export async function statusAction(raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const options = parseOptions(statusOptionsSchema, raw);
  const file = resolve(ctx.cwd, options.journal ?? DEFAULT_JOURNAL_FILE);
  const { records } = await readJournal(file, (m) => ctx.logger.debug(m));
  const report = statusReport(records, file, records.length > 0);
  ctx.print(
    ctx.global.json
      ? jsonDocumentText(STATUS_REPORT_KIND, statusJson(report))
      : renderStatus(report, ctx.colors, terminalWidth(ctx.deps.stdout, ctx.env)),
  );
}
