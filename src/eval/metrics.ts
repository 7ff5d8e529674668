import type { AuditReport, Finding } from "../core/detect/types.js";
import type { Snapshot } from "../core/snapshot/schema.js";
import type { EvalKind, EvalLabel } from "./labelled-org.js";

/** What an account was called: a verdict, or `migrated` when the report says the migration is done. */
export type Called = "bot" | "likely-bot" | "human" | "service-account" | "app" | "migrated";
export const CALLED: readonly Called[] = ["bot", "likely-bot", "human", "service-account", "app", "migrated"];
export const LABELS: readonly EvalLabel[] = ["bot", "shared", "human", "migrated", "service-account", "app"];

/** Counts that add up over orgs. */
export interface Tally {
  /** confusion[label][called] */
  confusion: Record<EvalLabel, Record<Called, number>>;
  /** byKind[kind][called] */
  byKind: Map<EvalKind, Record<Called, number>>;
  /** People who got an email OTP challenge without two-step verification, and how many were told to enable it. */
  twoSvExpected: number;
  twoSvFound: number;
  orgs: number;
}

export function emptyTally(): Tally {
  const row = () => Object.fromEntries(CALLED.map((c) => [c, 0])) as Record<Called, number>;
  return { confusion: Object.fromEntries(LABELS.map((l) => [l, row()])) as Tally["confusion"], byKind: new Map(), twoSvExpected: 0, twoSvFound: 0, orgs: 0 };
}

function calledOf(finding: Finding | undefined): Called {
  if (finding === undefined) return "human";
  if (finding.lifecycle?.state === "migrated") return "migrated";
  return finding.verdict;
}

/** Adds one audited org to a tally. `otpActions` are the keys the generator used for OTP challenges. */
export function tallyOrg(
  tally: Tally,
  snapshot: Snapshot,
  report: AuditReport,
  labels: ReadonlyMap<string, EvalLabel>,
  kinds: ReadonlyMap<string, EvalKind>,
  otpAction: (action: string) => boolean,
): void {
  const byId = new Map(report.findings.map((f) => [f.accountId, f]));
  const otpActors = new Set<string>();
  for (const e of snapshot.events) if (otpAction(e.action)) otpActors.add(e.actorId);
  for (const [id, label] of labels) {
    const finding = byId.get(id);
    const called = calledOf(finding);
    tally.confusion[label][called]++;
    const kind = kinds.get(id);
    if (kind !== undefined) {
      let row = tally.byKind.get(kind);
      if (row === undefined) {
        row = Object.fromEntries(CALLED.map((c) => [c, 0])) as Record<Called, number>;
        tally.byKind.set(kind, row);
      }
      row[called]++;
    }
  }
  for (const user of snapshot.users) {
    if (labels.get(user.accountId) !== "human" || user.mfaEnabled === true || !otpActors.has(user.accountId)) continue;
    if (user.status !== "active") continue;
    tally.twoSvExpected++;
    if (byId.get(user.accountId)?.recommendation === "enable-2sv") tally.twoSvFound++;
  }
  tally.orgs++;
}

export interface GoalMetrics {
  botPrecision: number;
  peopleCalledBot: number;
  botRecallAsBot: number;
  botRecallAtLeastLikely: number;
  peopleToReview: number;
  enable2svRecall: number;
  sharedRecall: number;
  migratedShown: number;
}

function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : a / b;
}

export function goalMetrics(t: Tally): GoalMetrics {
  const c = t.confusion;
  const calledBot = LABELS.reduce((s, l) => s + c[l].bot, 0);
  const bots = CALLED.reduce((s, k) => s + c.bot[k], 0);
  const people = CALLED.reduce((s, k) => s + c.human[k], 0);
  const shared = CALLED.reduce((s, k) => s + c.shared[k], 0);
  const migrated = CALLED.reduce((s, k) => s + c.migrated[k], 0);
  return {
    botPrecision: ratio(c.bot.bot, calledBot),
    peopleCalledBot: c.human.bot,
    botRecallAsBot: ratio(c.bot.bot, bots),
    botRecallAtLeastLikely: ratio(c.bot.bot + c.bot["likely-bot"], bots),
    peopleToReview: ratio(c.human["likely-bot"], people),
    enable2svRecall: ratio(t.twoSvFound, t.twoSvExpected),
    sharedRecall: ratio(c.shared.bot + c.shared["likely-bot"], shared),
    migratedShown: ratio(c.migrated.migrated, migrated),
  };
}

/** The goals a release must meet on orgs it has never seen. */
export const GOALS = {
  botPrecision: 0.98,
  peopleCalledBot: 0,
  botRecallAtLeastLikely: 0.98,
  peopleToReview: 0.05,
  enable2svRecall: 0.95,
} as const;

export function meetsGoals(m: GoalMetrics): boolean {
  return (
    !(m.botPrecision < GOALS.botPrecision) &&
    m.peopleCalledBot <= GOALS.peopleCalledBot &&
    !(m.botRecallAtLeastLikely < GOALS.botRecallAtLeastLikely) &&
    !(m.peopleToReview > GOALS.peopleToReview) &&
    !(m.enable2svRecall < GOALS.enable2svRecall)
  );
}
