import type { Context } from "../context.js";
import { auditSnapshot } from "../core/detect/index.js";
import type { AuditReport } from "../core/detect/types.js";
import type { Snapshot } from "../core/snapshot/schema.js";
import type { DirectoryProvider, ReadProgress } from "../providers/provider.js";

/**
 * Reads the whole directory through a provider with a spinner that counts what has been read
 * so far ("Reading the directory: 1200 users, 40 groups"). Used by every command that reads.
 */
export async function readDirectory(provider: DirectoryProvider, ctx: Context, options: { since?: Date; now?: Date } = {}): Promise<Snapshot> {
  const spinner = ctx.spinner();
  const counts = new Map<string, number>();
  spinner.start(`Reading the directory (${provider.name})…`);
  try {
    const snapshot = await provider.readSnapshot({
      ...(options.since ? { since: options.since } : {}),
      ...(options.now ? { now: options.now } : {}),
      onProgress: (p: ReadProgress) => {
        counts.set(p.resource, p.count);
        spinner.update(`Reading the directory: ${[...counts].map(([r, n]) => `${n} ${r}`).join(", ")}`);
      },
      ...(ctx.deps.signal ? { signal: ctx.deps.signal } : {}),
    });
    spinner.succeed(`Read ${snapshot.users.length} accounts from ${provider.name}`);
    return snapshot;
  } catch (error) {
    spinner.fail("Reading the directory failed");
    throw error;
  }
}

/** Audits a snapshot with the run's detection config and lists, logging list warnings. */
export function auditWithConfig(snapshot: Snapshot, ctx: Context, options: { now?: Date; includeHumans?: boolean } = {}): AuditReport {
  const report = auditSnapshot(snapshot, {
    detection: ctx.config.detection,
    allowlist: ctx.config.allowlist,
    denylist: ctx.config.denylist,
    ...(options.now ? { now: options.now } : {}),
    ...(options.includeHumans !== undefined ? { includeHumans: options.includeHumans } : {}),
    generatedAt: ctx.now(),
  });
  report.warnings.push(...sourceLimitations(snapshot));
  for (const warning of report.warnings) ctx.logger.warn(warning);
  return report;
}

/**
 * What the snapshot's source could not see (`source.limitations`, e.g. a SCIM directory has no
 * tokens or login events), as audit warnings, so a quiet report is not mistaken for a clean one.
 */
export function sourceLimitations(snapshot: Snapshot): string[] {
  const limitations = (snapshot.source as { limitations?: unknown } | undefined)?.limitations;
  if (!Array.isArray(limitations)) return [];
  const from = snapshot.source?.provider ?? "the directory";
  return limitations.filter((l): l is string => typeof l === "string" && l.trim() !== "").map((l) => `Not visible in ${from}: ${l}.`);
}
