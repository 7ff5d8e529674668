import { resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps, type Context } from "../../context.js";
import type { Snapshot } from "../../core/snapshot/schema.js";
import { writeSnapshotFile } from "../../core/snapshot/writer.js";
import { checkOutputFile } from "../../core/fs/output-file.js";
import { createProvider } from "../../providers/registry.js";
import { readDirectory } from "../directory.js";
import { parseInstant, parseOptions } from "../shared.js";
import { jsonDocumentLine } from "../../contracts/json-document.js";
import type { SnapshotResultOutput } from "../../contracts/output-schemas.js";

export const snapshotOptionsSchema = z.object({
  out: z.string().min(1),
  since: z.string().optional(),
  snapshot: z.string().min(1).optional(),
  concurrency: z.coerce.number().int().min(1).max(32).optional(),
});
export type SnapshotOptions = z.infer<typeof snapshotOptionsSchema>;

/** The `bot2svc snapshot` handler, loaded only when the command runs. */
export async function snapshotAction(raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const options = parseOptions(snapshotOptionsSchema, raw);
  await checkOutputFile(resolve(ctx.cwd, options.out), options.out);
  const snapshot = await runSnapshot(options, ctx);
  const summary = summarize(snapshot);
  if (ctx.global.json) ctx.print(jsonDocumentLine("bot2svc.snapshot-result", { file: options.out, takenAt: snapshot.takenAt, counts: summary.counts } satisfies Omit<SnapshotResultOutput, "kind" | "version">));
  else ctx.logger.success(`Wrote ${options.out}: ${summary.text}`);
}

/** Reads the directory through any provider and writes it to `options.out`; returns the snapshot. */
export async function runSnapshot(options: SnapshotOptions, ctx: Context): Promise<Snapshot> {
  const since = options.since === undefined ? undefined : parseInstant(options.since, "--since");
  const provider = await createProvider(ctx, {
    ...(options.snapshot !== undefined ? { snapshot: options.snapshot } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
  try {
    const snapshot = await readDirectory(provider, ctx, { now: ctx.now(), ...(since ? { since } : {}) });
    await writeSnapshotFile(resolve(ctx.cwd, options.out), snapshot);
    return snapshot;
  } finally {
    await provider.close?.();
  }
}

function summarize(s: Snapshot): { counts: SnapshotResultOutput["counts"]; text: string } {
  const counts = {
    users: s.users.length,
    groups: s.groups.length,
    apiTokens: s.apiTokens.length,
    events: s.events.length,
    serviceAccounts: s.serviceAccounts.length,
    serviceAccountTokens: s.serviceAccountTokens.length,
    sites: s.org.sites.length,
  };
  const text = `${counts.users} users, ${counts.groups} groups, ${counts.apiTokens} API tokens, ${counts.events} events, ${counts.serviceAccounts} service accounts, ${counts.serviceAccountTokens} service-account tokens, ${counts.sites} sites.`;
  return { counts, text };
}
