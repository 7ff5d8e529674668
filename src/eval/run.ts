import { detectionConfigSchema, type DetectionConfig } from "../core/detect/config.js";
import { auditSnapshot } from "../core/detect/index.js";
import { generateLabelledOrg, type LabelledOrgOptions } from "./labelled-org.js";
import { CALLED, emptyTally, goalMetrics, LABELS, meetsGoals, tallyOrg, type GoalMetrics, type Tally } from "./metrics.js";
import { otpActionOf, PERTURBATIONS, type Perturbation } from "./perturb.js";

/** Seeds the thresholds were chosen on. */
export const TRAINING_SEEDS: readonly number[] = [1, 2, 3, 4, 5];
/** Seeds nothing was tuned on; the numbers reported and pinned by tests come from these. */
export const HELD_OUT_SEEDS: readonly number[] = [1001, 1002, 1003, 1004, 1005];


export interface EvalResult {
  perturbation: string;
  tally: Tally;
  metrics: GoalMetrics;
  warnings: Set<string>;
}

/** Audits the orgs of `seeds` under each perturbation and tallies the verdicts against the labels. */
export function evaluate(
  seeds: readonly number[],
  perturbations: readonly Perturbation[] = PERTURBATIONS,
  org: Omit<LabelledOrgOptions, "seed"> = {},
  detection: DetectionConfig = detectionConfigSchema.parse({}),
): EvalResult[] {
  const results = perturbations.map((p) => ({ perturbation: p.name, tally: emptyTally(), warnings: new Set<string>() }));
  for (const seed of seeds) {
    const { snapshot, labels, kinds } = generateLabelledOrg({ ...org, seed });
    perturbations.forEach((p, i) => {
      const perturbed = p.apply(snapshot, seed);
      const report = auditSnapshot(perturbed, { detection, allowlist: [], denylist: [], generatedAt: new Date(perturbed.takenAt) });
      const result = results[i]!;
      tallyOrg(result.tally, perturbed, report, labels, kinds, otpActionOf(p));
      for (const w of report.warnings) result.warnings.add(w.replace(/\d+/g, "N"));
    });
  }
  return results.map((r) => ({ ...r, metrics: goalMetrics(r.tally) }));
}

function pct(x: number): string {
  return Number.isNaN(x) ? "  n/a" : `${(x * 100).toFixed(1)}%`.padStart(6);
}

/** The goal metrics of each perturbation as one table. */
export function formatGoalTable(results: readonly EvalResult[]): string {
  const head = ["perturbation", "bot prec", "ppl→bot", "bot→bot", "bot→≥likely", "ppl→review", "2sv recall", "shared", "migrated", "goals"];
  const rows = results.map(({ perturbation, metrics: m }) => [
    perturbation,
    pct(m.botPrecision),
    String(m.peopleCalledBot),
    pct(m.botRecallAsBot),
    pct(m.botRecallAtLeastLikely),
    pct(m.peopleToReview),
    pct(m.enable2svRecall),
    pct(m.sharedRecall),
    pct(m.migratedShown),
    meetsGoals(m) ? "met" : "MISSED",
  ]);
  return table([head, ...rows]);
}

/** Confusion matrix (label × what it was called) and the same per kind. */
export function formatConfusion(tally: Tally): string {
  const head = ["label \\ called", ...CALLED];
  const rows = LABELS.map((l) => [l, ...CALLED.map((c) => String(tally.confusion[l][c]))]);
  const kinds = [...tally.byKind.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, row]) => [`  ${k}`, ...CALLED.map((c) => String(row[c]))]);
  return table([head, ...rows, ["per kind:", ...CALLED.map(() => "")], ...kinds]);
}

/** Precision and recall of each verdict against the label it should get. */
export function formatPerKind(tally: Tally): string {
  const want: Record<string, string> = { bot: "bot", "likely-bot": "shared", human: "human", "service-account": "service-account", app: "app", migrated: "migrated" };
  const rows = CALLED.map((called) => {
    const label = want[called] as (typeof LABELS)[number];
    const calledTotal = LABELS.reduce((s, l) => s + tally.confusion[l][called], 0);
    const labelTotal = CALLED.reduce((s, c) => s + tally.confusion[label][c], 0);
    const tp = tally.confusion[label][called];
    return [called, label, String(calledTotal), pct(calledTotal === 0 ? Number.NaN : tp / calledTotal), pct(labelTotal === 0 ? Number.NaN : tp / labelTotal)];
  });
  return table([["verdict", "expected label", "called", "precision", "recall"], ...rows]);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n");
}
