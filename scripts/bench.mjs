// Benchmark runner: `npm run bench [-- [section...] [--accounts N] [--runs N] [--quick] [--keep]]`.
//
// Every `scripts/bench/*.mjs` file is a section that exports `name`, `description` and
// `run(env)`, which returns `{ rows: [{ metric, value, unit?, target?, ok? }] }`. Sections measure
// the built code in dist/ in fresh child processes (see `env.child`), so one measurement's heap
// and JIT state never leaks into another's. A row with `ok === false` fails the run (exit 1).
//
// To add a section (emulator read, apply, ...), drop a file beside audit.mjs; shared pieces live
// in scripts/bench/lib/.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createEnv } from "./bench/lib/env.mjs";
import { formatTable } from "./bench/lib/table.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sectionDir = join(root, "scripts", "bench");

function parseArgs(argv) {
  const args = { sections: [], accounts: 100_000, runs: 3, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--accounts") args.accounts = Number(argv[++i]);
    else if (arg === "--runs") args.runs = Number(argv[++i]);
    else if (arg === "--keep") args.keep = true;
    else if (arg === "--quick") args.quick = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
    else args.sections.push(arg);
  }
  if (!Number.isInteger(args.accounts) || args.accounts < 20) throw new Error("--accounts needs an integer of at least 20");
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error("--runs needs a positive integer");
  return args;
}

async function loadSections() {
  const files = (await readdir(sectionDir)).filter((f) => f.endsWith(".mjs")).sort();
  const sections = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(join(sectionDir, file)).href);
    if (typeof mod.name !== "string" || typeof mod.run !== "function") throw new Error(`${file} must export name and run(env)`);
    sections.push({ file, name: mod.name, description: mod.description ?? "", run: mod.run });
  }
  return sections;
}

const args = parseArgs(process.argv.slice(2));
const all = await loadSections();
if (args.help) {
  process.stdout.write(`usage: node scripts/bench.mjs [section...] [--accounts N] [--runs N] [--quick] [--keep]\n\nsections:\n`);
  for (const s of all) process.stdout.write(`  ${s.name.padEnd(12)} ${s.description}\n`);
  process.exit(0);
}
const unknown = args.sections.filter((name) => !all.some((s) => s.name === name));
if (unknown.length > 0) throw new Error(`unknown section(s): ${unknown.join(", ")}; have ${all.map((s) => s.name).join(", ")}`);
const selected = args.sections.length === 0 ? all : all.filter((s) => args.sections.includes(s.name));

const dir = await mkdtemp(join(tmpdir(), "bot2svc-bench-"));
const env = { ...createEnv({ root, dir, accounts: args.accounts, runs: args.runs, log: (line) => process.stderr.write(`${line}\n`) }), quick: args.quick === true };
let failed = false;
try {
  const load = loadavg()[0];
  const cores = availableParallelism();
  process.stdout.write(`bot2svc benchmarks — node ${process.version}, ${args.accounts} accounts, median of ${args.runs} run(s)\n`);
  process.stdout.write(`load average ${load.toFixed(1)} on ${cores} core(s)${load > cores ? " — the machine is busy; wall times will be noisy" : ""}\n`);
  for (const section of selected) {
    process.stdout.write(`\n== ${section.name}: ${section.description}\n`);
    const { rows } = await section.run(env);
    process.stdout.write(`${formatTable(rows)}\n`);
    if (rows.some((r) => r.ok === false)) failed = true;
  }
  process.stdout.write(`\n${failed ? "Some targets were missed." : "All targets met."}\n`);
} finally {
  if (args.keep) process.stderr.write(`kept ${dir}\n`);
  else await rm(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
