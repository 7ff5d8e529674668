// Section "apply": how close a bulk apply comes to the rate limit's floor. 200 bots (20 with
// --quick) are planned, then migrated by the built CLI (`bot2svc apply --yes`, minting enabled)
// against the emulator at 300 requests per one-minute window, the documented admin-API budget.
// The floor is (requests the server admitted) ÷ (requests per minute); a client that paces itself
// on X-RateLimit-Remaining/Reset lands close to it, one that bursts into 429s and backs off
// with jitter does not.
//
// Also runnable on its own: `node scripts/bench/apply.mjs [--quick] [--bots N]` (after a build).
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { botOrg } from "./lib/bot-org.mjs";

export const name = "apply";
export const description = "migrate 200 bots at 300 requests/min (--quick: 20 bots at 50 per 10 s): wall time vs the rate-limit floor";

const RATE_LIMIT_PER_MINUTE = 300;
// --quick keeps the same average rate in 10 s windows, so twenty migrations still outrun several
// windows and exercise the pacing in under a minute.
const QUICK_WINDOW_MS = 10_000;
const CONCURRENCY = 8;
const MAX_RATIO = 1.2;

/**
 * Runs one `bot2svc` command as a child process with `env` as its whole environment (plus PATH).
 * Resolves with the exit code, stdout, stderr and the wall time in ms.
 */
function cli(root, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, [join(root, "bin", "bot2svc.js"), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (c) => (stdout += c));
    proc.stderr.on("data", (c) => (stderr += c));
    proc.on("error", reject);
    proc.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

function envFor(emu) {
  return {
    BOT2SVC_PROVIDER: "atlassian",
    BOT2SVC_ATLASSIAN_BASE_URL: emu.url,
    BOT2SVC_ATLASSIAN_ORG_ID: emu.orgId,
    BOT2SVC_ATLASSIAN_API_KEY: emu.apiKey,
    BOT2SVC_ATLASSIAN_UNOFFICIAL: "1",
    NO_COLOR: "1",
  };
}

/** @param {{ root: string, dir: string, distIndex: string, quick?: boolean, bots?: number, log: (line: string) => void }} env */
export async function run(env) {
  const quick = env.quick === true || process.env.BENCH_QUICK === "1";
  const bots = env.bots ?? (quick ? 20 : 200);
  const windowMs = quick ? QUICK_WINDOW_MS : 60_000;
  const perWindow = Math.round((RATE_LIMIT_PER_MINUTE * windowMs) / 60_000);
  const rateText = windowMs === 60_000 ? `${perWindow}/min` : `${perWindow} per ${windowMs / 1000} s`;
  const { startEmulator, parseSnapshot } = await import(pathToFileURL(env.distIndex).href);
  const snapshot = parseSnapshot(JSON.stringify(botOrg({ bots })), "bench-org.json");
  const work = join(env.dir, `apply-${bots}`);
  await mkdir(work, { recursive: true });

  // The plan is made against an unthrottled copy of the same org (same snapshot, same key), so
  // its directory reads do not spend the measured run's first window.
  const apiKey = `bench-${Math.random().toString(36).slice(2)}-key`;
  const planner = await startEmulator({ snapshot, apiKey, rateLimitPerMinute: 1_000_000 });
  let plan;
  try {
    env.log(`apply: planning ${bots} migrations ...`);
    plan = await cli(env.root, ["plan", "--yes", "--out", "plan.json"], { cwd: work, env: envFor(planner) });
  } finally {
    await planner.close();
  }
  if (plan.code !== 0) throw new Error(`bot2svc plan exited ${plan.code}: ${plan.stderr.slice(-2000)}`);

  const emu = await startEmulator({ snapshot, apiKey, rateLimitPerMinute: perWindow, rateLimitWindowMs: windowMs });
  let apply;
  let stats;
  try {
    env.log(`apply: migrating ${bots} bots at ${rateText}, --concurrency ${CONCURRENCY}; about ${Math.ceil((bots * 15) / RATE_LIMIT_PER_MINUTE)} min ...`);
    apply = await cli(env.root, ["apply", "plan.json", "--yes", "--json", "--secrets-dir", "secrets", "--concurrency", String(CONCURRENCY)], {
      cwd: work,
      env: envFor(emu),
    });
    stats = emu.requests();
  } finally {
    await emu.close();
  }
  let report;
  try {
    report = JSON.parse(apply.stdout);
  } catch {
    throw new Error(`bot2svc apply exited ${apply.code} without a JSON report: ${apply.stderr.slice(-2000)}`);
  }
  const done = report.counts?.done ?? 0;
  const failed = bots - done;
  const tooMany = stats.byStatus["429"] ?? 0;
  // The floor counts the requests the limit admitted: not the 429s (refused before they spend
  // the budget), nor the token checks on the product gateway (/ex/...), which the admin API's
  // limit does not cover.
  const gateway = Object.entries(stats.byRoute)
    .filter(([route]) => / \/ex\//.test(route))
    .reduce((sum, [, n]) => sum + n, 0);
  const admitted = stats.total - tooMany - gateway;
  const idealMin = admitted / RATE_LIMIT_PER_MINUTE;
  // The hard floor: the last request can go out at the start of the window that admits it.
  const floorMin = ((Math.ceil(admitted / perWindow) - 1) * windowMs) / 60_000;
  const wallMin = apply.ms / 60_000;
  const ratio = wallMin / idealMin;
  const serviceAccounts = emu.state.serviceAccounts.length;
  return {
    rows: [
      { metric: "migrations planned", value: bots },
      { metric: "rate limit", value: rateText },
      { metric: "apply wall time", value: wallMin, unit: "min" },
      { metric: "requests (emulator total)", value: stats.total },
      { metric: "requests per migration", value: stats.total / bots },
      { metric: "  admitted under the limit", value: admitted },
      { metric: `ideal: admitted ÷ ${RATE_LIMIT_PER_MINUTE}/min`, value: idealMin, unit: "min" },
      { metric: "  floor: windows before the last", value: floorMin, unit: "min" },
      { metric: "wall / ideal", value: ratio, unit: "x", target: `<= ${MAX_RATIO}`, ok: ratio <= MAX_RATIO },
      { metric: "429 answers", value: tooMany },
      { metric: "failed migrations", value: failed, target: "0", ok: failed === 0 && apply.code === 0 },
      { metric: "service accounts created", value: serviceAccounts, target: String(bots), ok: serviceAccounts === bots },
    ],
  };
}

// Standalone: `node scripts/bench/apply.mjs [--quick] [--bots N]`.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const args = process.argv.slice(2);
  const botsAt = args.indexOf("--bots");
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const dir = await mkdtemp(join(tmpdir(), "bot2svc-bench-apply-"));
  try {
    const { formatTable } = await import("./lib/table.mjs");
    const { rows } = await run({
      root,
      dir,
      distIndex: join(root, "dist", "index.js"),
      quick: args.includes("--quick"),
      ...(botsAt >= 0 ? { bots: Number(args[botsAt + 1]) } : {}),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${formatTable(rows)}\n`);
    process.exitCode = rows.some((r) => r.ok === false) ? 1 : 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
