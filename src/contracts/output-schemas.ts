import { z } from "zod";
import { configFileSchema } from "../config/config-file.js";
import { auditReportSchema } from "../core/plan/audit-report.js";
import { planSchema, stepNameSchema } from "../core/plan/schema.js";
import { OUTPUT_VERSION } from "./json-document.js";

/**
 * The machine-readable outputs of every command (`--json`, `audit --format json`), as zod
 * schemas. Each document carries `kind` and `version`; keys are camelCase, enum values
 * kebab-case. `npm run schemas` writes them as JSON Schema under `schemas/`, and the tests check
 * real outputs against those files.
 */

const document = <K extends string, S extends z.core.$ZodLooseShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), version: z.literal(OUTPUT_VERSION), ...shape });

const baselineSchema = z.object({
  file: z.string(),
  generatedAt: z.string(),
  new: z.number().int(),
  unchanged: z.number().int(),
  resolved: z.number().int(),
  changes: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      status: z.enum(["new", "unchanged", "resolved"]),
      verdict: z.string().nullable(),
      previousVerdict: z.string().nullable(),
    }),
  ),
});

/** `bot2svc audit --format json`. */
export const auditOutputSchema = auditReportSchema.extend({ baseline: baselineSchema.optional() });

const countsSchema = z.record(z.string(), z.number().int());

/** `bot2svc show PLAN --json`. */
export const showOutputSchema = document("bot2svc.show", { plan: planSchema, counts: countsSchema });

const migrationOutcome = z.enum(["done", "failed", "waiting", "pending", "blocked", "rolled-back", "cancelled"]);
const failedSchema = z.object({ step: z.string(), error: z.string() });
const waitingSchema = z.object({ step: z.string(), reason: z.string(), until: z.string().optional() });

/** `bot2svc status --json`. */
export const statusOutputSchema = document("bot2svc.status", {
  journal: z.string(),
  exists: z.boolean(),
  migrations: z.array(
    z.object({
      planId: z.string(),
      migrationId: z.string(),
      source: z.string().nullable(),
      serviceAccountEmail: z.string().nullable(),
      outcome: migrationOutcome,
      stepsDone: z.array(z.string()),
      stepsPending: z.array(z.string()),
      failed: failedSchema.optional(),
      waiting: waitingSchema.optional(),
    }),
  ),
  summary: z.object({
    done: z.number().int(),
    pending: z.number().int(),
    failed: z.number().int(),
    waiting: z.number().int(),
    blocked: z.number().int(),
    rolledBack: z.number().int(),
  }),
});

const applyFailedSchema = z.object({ step: stepNameSchema, error: z.string() });
const applyWaitingSchema = z.object({
  step: stepNameSchema,
  /**
   * A token or access an admin gives by hand in admin.atlassian.com, the soak before
   * decommissioning, or a token delivered to a secret command that could not be read back
   * (`unconfirmed-delivery`: the old account is kept until `--confirm-stored` or a read-back),
   * or the same bot to deactivate in the identity provider without SCIM access (`manual-idp`).
   */
  reason: z.enum(["manual-token", "manual-access", "soak", "unconfirmed-delivery", "manual-idp"]),
  /** End of the soak (ISO 8601), for `soak`. */
  until: z.string().optional(),
});

/** One migration of a real `apply` run. */
const applyMigrationSchema = z.object({
  id: z.string(),
  /** The old account's email, or its account id when it has none. */
  source: z.string(),
  serviceAccountName: z.string(),
  outcome: z.enum(["done", "failed", "waiting", "blocked", "cancelled"]),
  failed: applyFailedSchema.optional(),
  waiting: applyWaitingSchema.optional(),
  /** For a cancelled migration: true when some of its steps had run. */
  partial: z.boolean().optional(),
  warnings: z.array(z.string()),
});

/** `bot2svc apply PLAN --json` after a real run (exit 0, 3 with failed steps, 4 paused at a manual step). */
export const applyRunOutputSchema = document("bot2svc.apply", {
  planId: z.string(),
  journal: z.string(),
  dryRun: z.literal(false),
  migrations: z.array(applyMigrationSchema),
  /** Migrations by outcome. */
  counts: z.object({
    done: z.number().int(),
    failed: z.number().int(),
    waiting: z.number().int(),
    blocked: z.number().int(),
    cancelled: z.number().int(),
  }),
});
export type ApplyRunOutput = z.infer<typeof applyRunOutputSchema>;

/** `bot2svc apply PLAN --dry-run --json`: what each step would do; nothing is changed. */
export const applyDryRunOutputSchema = document("bot2svc.apply", {
  planId: z.string(),
  dryRun: z.literal(true),
  /** Writes the run would make. */
  writes: z.number().int(),
  migrations: z.array(
    z.object({
      id: z.string(),
      steps: z.array(
        z.object({
          step: stepNameSchema,
          text: z.string(),
          /** `done` when the journal says it already happened; `blocked` for a blocked migration. */
          state: z.enum(["pending", "done", "blocked"]),
        }),
      ),
    }),
  ),
});
export type ApplyDryRunOutput = z.infer<typeof applyDryRunOutputSchema>;

/** `bot2svc apply PLAN --json`: a real run or a dry run, told apart by `dryRun`. */
export const applyOutputSchema = z.discriminatedUnion("dryRun", [applyRunOutputSchema, applyDryRunOutputSchema]);

/** `bot2svc rollback --json`. */
export const rollbackOutputSchema = document("bot2svc.rollback", {
  journal: z.string(),
  /** What rollback did, newest migration first and last step first. */
  actions: z.array(
    z.object({
      planId: z.string(),
      migrationId: z.string(),
      /** The old account's email (or account id, or the migration id). */
      who: z.string(),
      step: stepNameSchema,
      status: z.enum(["undone", "nothing-to-do", "cannot-undo", "failed"]),
      detail: z.string(),
    }),
  ),
  /** Steps an earlier rollback had already undone. */
  alreadyRolledBack: z.number().int(),
  /** True when Ctrl-C stopped the run; `bot2svc rollback` again finishes it. */
  cancelled: z.boolean(),
});
export type RollbackOutput = z.infer<typeof rollbackOutputSchema>;

/** `bot2svc doctor --json`. */
export const doctorOutputSchema = document("bot2svc.doctor", {
  checks: z.array(z.object({ id: z.string(), ok: z.boolean(), detail: z.string(), hint: z.string().nullable() })),
});

/** `bot2svc snapshot --out FILE --json`: the file written and what it holds. */
export const snapshotResultOutputSchema = document("bot2svc.snapshot-result", {
  file: z.string(),
  takenAt: z.string(),
  counts: z.object({
    users: z.number().int(),
    groups: z.number().int(),
    apiTokens: z.number().int(),
    events: z.number().int(),
    serviceAccounts: z.number().int(),
    serviceAccountTokens: z.number().int(),
    sites: z.number().int(),
  }),
});
export type SnapshotResultOutput = z.infer<typeof snapshotResultOutputSchema>;

/** `bot2svc emulator --json`: where the emulator listens and the environment that points bot2svc at it. */
export const emulatorOutputSchema = document("bot2svc.emulator", {
  url: z.string(),
  orgId: z.string(),
  takenAt: z.string(),
  /** The moment the emulated org is served as of (the snapshot's times moved by `--as-of`). */
  servedAsOf: z.string(),
  env: z.record(z.string(), z.string()),
});
export type EmulatorOutput = z.infer<typeof emulatorOutputSchema>;

/** `bot2svc emulator --routes --json`: the routes the emulator serves. */
export const emulatorRoutesOutputSchema = document("bot2svc.emulator-routes", {
  routes: z.array(
    z.object({
      method: z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]),
      path: z.string(),
      auth: z.enum(["bearer-api-key", "basic-token"]),
      status: z.enum(["documented", "experimental", "unofficial", "console"]),
      /** The section of the project's API notes that describes the route. */
      source: z.string(),
    }),
  ),
});
export type EmulatorRoutesOutput = z.infer<typeof emulatorRoutesOutputSchema>;

/** What any command prints on stdout with `--json` when it fails. */
export const errorOutputSchema = document("bot2svc.error", {
  error: z.object({ code: z.string(), message: z.string(), hint: z.string().nullable(), details: z.array(z.string()).optional() }),
});

/** Every schema written to `schemas/`, by file name. */
export const OUTPUT_SCHEMAS: Record<string, { schema: z.ZodType; title: string }> = {
  "audit.schema.json": { schema: auditOutputSchema, title: "bot2svc audit report (audit --format json)" },
  "plan.schema.json": { schema: planSchema, title: "bot2svc plan file (plan --out, plan --json)" },
  "show.schema.json": { schema: showOutputSchema, title: "bot2svc show --json" },
  "status.schema.json": { schema: statusOutputSchema, title: "bot2svc status --json" },
  "apply.schema.json": { schema: applyOutputSchema, title: "bot2svc apply --json" },
  "rollback.schema.json": { schema: rollbackOutputSchema, title: "bot2svc rollback --json" },
  "doctor.schema.json": { schema: doctorOutputSchema, title: "bot2svc doctor --json" },
  "snapshot-result.schema.json": { schema: snapshotResultOutputSchema, title: "bot2svc snapshot --json" },
  "emulator.schema.json": { schema: emulatorOutputSchema, title: "bot2svc emulator --json" },
  "emulator-routes.schema.json": { schema: emulatorRoutesOutputSchema, title: "bot2svc emulator --routes --json" },
  "error.schema.json": { schema: errorOutputSchema, title: "bot2svc error output (--json)" },
  "config.schema.json": { schema: configFileSchema, title: "bot2svc.config.json" },
};

/** The JSON Schema (draft 2020-12) text of one entry of `OUTPUT_SCHEMAS`, as checked in. */
export function jsonSchemaText(file: string): string {
  const entry = OUTPUT_SCHEMAS[file];
  if (entry === undefined) throw new Error(`no schema named ${file}`);
  // The config is read with defaults applied, so its schema describes the input a person writes.
  const io = file === "config.schema.json" ? "input" : "output";
  const schema = z.toJSONSchema(entry.schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return `${JSON.stringify({ $schema, title: entry.title, ...rest }, null, 2)}\n`;
}
