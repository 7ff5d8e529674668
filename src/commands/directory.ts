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
  report.warnings = withSourceLimitations(report.warnings, snapshot);
  for (const warning of report.warnings) ctx.logger.warn(warning);
  return report;
}

const UNAVAILABLE = "Unavailable signal: ";
// The detector's note for a snapshot with no events at all.
const NO_EVENTS = `${UNAVAILABLE}the snapshot has no audit events`;
// The detector's notes for profile fields that no account records.
const NO_PROFILE_FIELD = `${UNAVAILABLE}no account records`;

/**
 * The audit's warnings with what the snapshot's source could not see (`source.limitations`,
 * e.g. a SCIM directory has no tokens or login events), so a quiet report is not mistaken for a
 * clean one. The source's limitations and the detector's notes on unavailable signals say the
 * same thing from two sides, so they become one warning listing every signal that is missing;
 * the detector's other warnings stay as they are.
 */
export function withSourceLimitations(warnings: readonly string[], snapshot: Snapshot): string[] {
  const limitations = sourceLimitations(snapshot);
  if (limitations.length === 0) return [...warnings];
  const from = snapshot.source?.provider ?? "the directory";
  const unavailable = warnings.filter((w) => w.startsWith(UNAVAILABLE));
  const others = warnings.filter((w) => !w.startsWith(UNAVAILABLE));
  const parts = [`Not visible in ${from}, so these signals are unavailable: ${limitations.map((l) => l.replace(/[.;\s]+$/, "")).join("; ")}.`];
  if (unavailable.some((w) => w.startsWith(NO_EVENTS))) {
    parts.push("With no audit events, no timing, address, user-agent or email-OTP rule could judge any account, and without machine evidence none is `bot`.");
  }
  // A source that lists what it cannot see has named its missing profile fields too.
  const rest = unavailable
    .filter((w) => !w.startsWith(NO_EVENTS) && !w.startsWith(NO_PROFILE_FIELD))
    .map((w) => w.slice(UNAVAILABLE.length).replace(/[.\s]+$/, ""));
  if (rest.length > 0) parts.push(`Also unavailable: ${rest.join("; ")}.`);
  return [parts.join(" "), ...others];
}

/** The snapshot's `source.limitations`: sentences naming what its directory cannot show. */
export function sourceLimitations(snapshot: Snapshot): string[] {
  return (snapshot.source?.limitations ?? []).map((l) => l.trim()).filter((l) => l !== "");
}
