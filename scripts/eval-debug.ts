// Prints the misjudged accounts of one labelled org: `npx tsx scripts/eval-debug.ts SEED [perturbation]`.
import { detectionConfigSchema } from "../src/core/detect/config.js";
import { auditSnapshot } from "../src/core/detect/index.js";
import { generateLabelledOrg } from "../src/eval/labelled-org.js";
import { PERTURBATIONS } from "../src/eval/perturb.js";

const seed = Number(process.argv[2] ?? 1);
const perturbation = PERTURBATIONS.find((p) => p.name === (process.argv[3] ?? "none"))!;
const { snapshot, labels, kinds } = generateLabelledOrg({ seed });
const perturbed = perturbation.apply(snapshot, seed);
const report = auditSnapshot(perturbed, { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(perturbed.takenAt) });
for (const f of report.findings) {
  const label = labels.get(f.accountId);
  const called = f.lifecycle?.state === "migrated" ? "migrated" : f.verdict;
  const ok =
    (label === "human" && called === "human") ||
    (label === "bot" && (called === "bot")) ||
    (label === "shared" && called === "likely-bot") ||
    label === called;
  if (ok) continue;
  process.stdout.write(`\n${kinds.get(f.accountId)} (${label}) → ${called} score ${f.score} ${f.email}\n`);
  for (const s of f.signals) process.stdout.write(`   ${String(s.weight).padStart(5)} ${s.id}: ${s.evidence.slice(0, 220)}\n`);
}
