// How often each rule fires per kind, over the training seeds: `npx tsx scripts/eval-rules.ts [perturbation]`.
import { detectionConfigSchema } from "../src/core/detect/config.js";
import { auditSnapshot } from "../src/core/detect/index.js";
import { generateLabelledOrg } from "../src/eval/labelled-org.js";
import { PERTURBATIONS } from "../src/eval/perturb.js";
import { TRAINING_SEEDS } from "../src/eval/run.js";

const perturbation = PERTURBATIONS.find((p) => p.name === (process.argv[2] ?? "none"))!;
const counts = new Map<string, Map<string, number>>();
const totals = new Map<string, number>();
for (const seed of TRAINING_SEEDS) {
  const { snapshot, kinds } = generateLabelledOrg({ seed });
  const perturbed = perturbation.apply(snapshot, seed);
  const report = auditSnapshot(perturbed, { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(perturbed.takenAt) });
  for (const f of report.findings) {
    const kind = kinds.get(f.accountId) ?? "?";
    totals.set(kind, (totals.get(kind) ?? 0) + 1);
    const row = counts.get(kind) ?? new Map<string, number>();
    counts.set(kind, row);
    for (const s of f.signals) if (s.weight !== 0 || s.id === "not-bot") row.set(s.id, (row.get(s.id) ?? 0) + 1);
  }
}
for (const [kind, row] of [...counts].sort()) {
  const total = totals.get(kind)!;
  process.stdout.write(`${kind} (${total}): ${[...row].sort((a, b) => b[1] - a[1]).map(([id, c]) => `${id} ${Math.round((100 * c) / total)}%`).join(", ")}\n`);
}
