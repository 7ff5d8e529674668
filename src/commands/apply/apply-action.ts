import { resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps } from "../../context.js";
import { readPlanFile } from "../../core/plan/io.js";
import { parseOptions } from "../shared.js";
import { executeApply } from "./execute.js";

function positiveInt(max: number) {
  return z
    .string()
    .regex(/^\d+$/, "expected a whole number")
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `expected a whole number from 1 to ${max}`);
}

export const applyOptionsSchema = z
  .object({
    yes: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    concurrency: positiveInt(32).optional(),
    maxChanges: z
      .string()
      .regex(/^\d+$/, "expected a whole number")
      .transform(Number)
      .optional(),
    resume: z.boolean().default(false),
    tokenFile: z.string().min(1).optional(),
    secretsDir: z.string().min(1).optional(),
    secretCommand: z.string().min(1).optional(),
    secretReadCommand: z.string().min(1).optional(),
    confirmStored: z
      .string()
      .transform((v) => v.split(",").map((id) => id.trim()).filter((id) => id !== ""))
      .refine((ids) => ids.length > 0, "expected migration ids separated by commas")
      .optional(),
    confirmIdp: z
      .string()
      .transform((v) => v.split(",").map((id) => id.trim()).filter((id) => id !== ""))
      .refine((ids) => ids.length > 0, "expected migration ids separated by commas")
      .optional(),
    journal: z.string().min(1).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.secretsDir !== undefined && o.secretCommand !== undefined) {
      ctx.addIssue({ code: "custom", path: ["secretsDir"], message: "cannot be combined with --secret-command; choose one secret sink" });
    }
    if (o.tokenFile !== undefined && !o.resume) {
      ctx.addIssue({ code: "custom", path: ["tokenFile"], message: "continues a paused apply; use it with --resume" });
    }
    if (o.confirmStored !== undefined && !o.resume) {
      ctx.addIssue({ code: "custom", path: ["confirmStored"], message: "continues a paused apply; use it with --resume" });
    }
    if (o.confirmIdp !== undefined && !o.resume) {
      ctx.addIssue({ code: "custom", path: ["confirmIdp"], message: "continues a paused apply; use it with --resume" });
    }
    if (o.secretReadCommand !== undefined && o.secretsDir !== undefined) {
      ctx.addIssue({ code: "custom", path: ["secretReadCommand"], message: "goes with a secret command, not --secrets-dir (an env file is read back by itself)" });
    }
  });
export type ApplyOptions = z.infer<typeof applyOptionsSchema>;

/** The `bot2svc apply` handler, loaded only when the command runs. */
export async function applyAction(file: string, raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const options = parseOptions(applyOptionsSchema, raw);
  const plan = await readPlanFile(resolve(ctx.cwd, file), { displayName: file });
  await executeApply(
    {
      plan,
      planFile: file,
      yes: options.yes,
      dryRun: options.dryRun,
      concurrency: options.concurrency ?? 1,
      ...(options.maxChanges !== undefined ? { maxChanges: options.maxChanges } : {}),
      resume: options.resume,
      ...(options.tokenFile !== undefined ? { tokenFile: options.tokenFile } : {}),
      ...(options.secretsDir !== undefined ? { secretsDir: options.secretsDir } : {}),
      ...(options.secretCommand !== undefined ? { secretCommand: options.secretCommand } : {}),
      ...(options.secretReadCommand !== undefined ? { secretReadCommand: options.secretReadCommand } : {}),
      ...(options.confirmStored !== undefined ? { confirmStored: options.confirmStored } : {}),
      ...(options.confirmIdp !== undefined ? { confirmIdp: options.confirmIdp } : {}),
      ...(options.journal !== undefined ? { journal: options.journal } : {}),
      command: `bot2svc apply ${file}`,
    },
    ctx,
  );
}
