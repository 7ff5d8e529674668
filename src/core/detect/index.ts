import type { Snapshot } from "../snapshot/schema.js";
import type { DetectionConfig, ListEntry } from "./config.js";
import { AUDIT_REPORT_KIND, AUDIT_REPORT_VERSION, type AuditReport } from "./types.js";

export interface AuditOptions {
  detection: DetectionConfig;
  allowlist: ListEntry[];
  denylist: ListEntry[];
  /** Reference time for every time-based rule; defaults to the snapshot's takenAt. */
  now?: Date;
  /** Keep every account in findings, not only non-humans and humans to enable 2SV for. */
  includeHumans?: boolean;
  /** Wall-clock stamp for `generatedAt`. */
  generatedAt: Date;
}

/** Classifies every account of a snapshot. Pure: same snapshot and options, same report. */
export function auditSnapshot(snapshot: Snapshot, options: AuditOptions): AuditReport {
  const referenceTime = options.now ?? new Date(snapshot.takenAt);
  return {
    kind: AUDIT_REPORT_KIND,
    version: AUDIT_REPORT_VERSION,
    org: { id: snapshot.org.id, name: snapshot.org.name },
    generatedAt: options.generatedAt.toISOString(),
    referenceTime: referenceTime.toISOString(),
    summary: { accounts: snapshot.users.length, bot: 0, likelyBot: 0, human: 0, serviceAccount: 0, app: 0, enable2sv: 0 },
    findings: [],
    warnings: [],
  };
}
