// Detection evaluation: `npm run eval [-- --people N --bots N --train-only | --held-out-only --verbose]`.
//
// Generates labelled orgs (src/eval/labelled-org.ts) for the training seeds and the held-out
// seeds, audits each clean and under every perturbation, and prints the goal metrics, per-verdict
// precision and recall, and confusion matrices. Tune on the training seeds; report held-out.
import { evaluate, formatConfusion, formatGoalTable, formatPerKind, HELD_OUT_SEEDS, TRAINING_SEEDS } from "../src/eval/run.js";

const argv = process.argv.slice(2);
const num = (flag: string, fallback: number): number => {
  const i = argv.indexOf(flag);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const people = num("--people", 500);
const bots = num("--bots", 40);
const verbose = argv.includes("--verbose");
const sets: [string, readonly number[]][] = [];
if (!argv.includes("--held-out-only")) sets.push(["training", TRAINING_SEEDS]);
if (!argv.includes("--train-only")) sets.push(["held-out", HELD_OUT_SEEDS]);

let missed = false;
for (const [name, seeds] of sets) {
  const started = Date.now();
  const results = evaluate(seeds, undefined, { people, bots });
  process.stdout.write(`\n== ${name} seeds ${seeds.join(", ")} (${people} people + ${bots} bots each, ${((Date.now() - started) / 1000).toFixed(1)} s)\n\n`);
  process.stdout.write(`${formatGoalTable(results)}\n`);
  const clean = results[0]!;
  process.stdout.write(`\nper verdict (clean orgs):\n${formatPerKind(clean.tally)}\n`);
  process.stdout.write(`\nconfusion matrix (clean orgs):\n${formatConfusion(clean.tally)}\n`);
  if (verbose) {
    for (const r of results.slice(1)) process.stdout.write(`\nconfusion matrix (${r.perturbation}):\n${formatConfusion(r.tally)}\n`);
    for (const r of results) process.stdout.write(`\nwarnings (${r.perturbation}):\n${[...r.warnings].map((w) => `  ${w}`).join("\n")}\n`);
  }
  if (name === "held-out" && results.some((r) => r.perturbation === "none" && r.metrics.peopleCalledBot > 0)) missed = true;
}
process.exitCode = missed ? 1 : 0;
