// Section "emulator-read": reading a 10,000-account org through the Atlassian API must cost one
// request per page of each bulk list and never one per user.
//
// The emulator serves the generated org from one child process and the Atlassian provider reads
// it over loopback HTTP from another, so neither side's CPU or heap counts towards the other.
// This file is also the script of both children: `node emulator-read.mjs serve FILE` and
// `node emulator-read.mjs read URL ORG_ID SINCE NOW`; the API key travels in the environment.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { orgOptions } from "./audit.mjs";
import { median } from "./lib/env.mjs";

export const name = "emulator-read";
export const description = "AtlassianProvider.readSnapshot of a 10,000-account org from the emulator: requests vs the minimum page count";

const ACCOUNTS = 10_000;
const MAX_RATIO = 1.05;
const KEY_ENV = "BENCH_EMULATOR_API_KEY";

// The page size each list is read with: the documented maximum where there is one, and for
// the API-token inventory the provider's 100 (its maximum is unconfirmed; a third party uses
// 1000, shown below for information only).
const PAGE_SIZES = { workspaces: 100, users: 100, groups: 100, apiTokens: 100, events: 500, serviceAccounts: 100, serviceAccountTokens: 100 };
const UNCONFIRMED_API_TOKEN_PAGE = 1000;

/** The fewest requests that can read an org with these list sizes: one per page, at least one per list, plus the org itself. */
function minimumRequests(counts, pageSizes) {
  const pages = (items, size) => Math.max(1, Math.ceil(items / size));
  return 1 + Object.entries(pageSizes).reduce((sum, [list, size]) => sum + pages(counts[list], size), 0);
}

export async function run(env) {
  const org = await env.snapshot(orgOptions(ACCOUNTS));
  const apiKey = `bench_${randomBytes(18).toString("base64url")}`;
  const self = fileURLToPath(import.meta.url);
  const server = startServer(self, org.file, env.distIndex, apiKey);
  try {
    const served = await server.ready;
    const reads = [];
    const emulatorCpu = [];
    for (let i = 0; i < env.runs; i++) {
      const before = await server.cpuMs();
      reads.push(await runChild(self, ["read", served.url, served.orgId, served.since, served.now], env.distIndex, apiKey));
      emulatorCpu.push((await server.cpuMs()) - before);
    }
    const last = reads[reads.length - 1];
    const requests = last.requests;
    const minimum = minimumRequests(served.counts, PAGE_SIZES);
    const ratio = requests.total / minimum;
    const perUser = Object.entries(requests.byRoute)
      .filter(([route]) => route.includes("{accountId}"))
      .reduce((sum, [, n]) => sum + n, 0);
    const sameEveryRun = reads.every((r) => r.requests.total === requests.total);
    const complete = Object.keys(PAGE_SIZES).every((list) => last.counts[list] === served.counts[list]);
    const routeRows = Object.entries(requests.byRoute)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, n]) => ({ metric: `  ${route}`, value: n }));
    const c = served.counts;
    return {
      rows: [
        { metric: "users / groups / API tokens / events", value: `${c.users} / ${c.groups} / ${c.apiTokens} / ${c.events}` },
        { metric: "service accounts / their tokens / workspaces", value: `${c.serviceAccounts} / ${c.serviceAccountTokens} / ${c.workspaces}` },
        { metric: "read everything the emulator serves", value: complete ? "yes" : `no: read ${JSON.stringify(last.counts)}`, target: "yes", ok: complete },
        { metric: "requests (emulator count)", value: requests.total },
        ...routeRows,
        { metric: "  by status", value: Object.entries(requests.byStatus).map(([s, n]) => `${s}: ${n}`).join(", ") },
        { metric: "requests (client count)", value: last.http.requests },
        { metric: "minimum page count", value: minimum },
        { metric: "requests / minimum", value: ratio, unit: "x", target: `<= ${MAX_RATIO}`, ok: ratio <= MAX_RATIO },
        { metric: "per-user calls", value: perUser, target: "0", ok: perUser === 0 },
        { metric: "same request count every run", value: sameEveryRun ? "yes" : reads.map((r) => r.requests.total).join(", "), target: "yes", ok: sameEveryRun },
        { metric: "read wall time", value: median(reads.map((r) => r.wallMs)), unit: "ms" },
        { metric: "reader CPU time", value: median(reads.map((r) => r.cpuMs)), unit: "ms" },
        // The emulator's own CPU time during a read: on two cores it, not the client, bounds the wall time.
        { metric: "emulator CPU time", value: median(emulatorCpu), unit: "ms" },
        { metric: "peak RSS, reader", value: Math.max(...reads.map((r) => r.maxRssBytes)) / 1024 ** 2, unit: "MiB" },
        {
          metric: `minimum with ${UNCONFIRMED_API_TOKEN_PAGE}-token pages (unconfirmed)`,
          value: minimumRequests(served.counts, { ...PAGE_SIZES, apiTokens: UNCONFIRMED_API_TOKEN_PAGE }),
        },
      ],
    };
  } finally {
    await server.stop();
  }
}

// ---- the parent's side of the children -----------------------------------------------------------

/** Starts the emulator child; `ready` resolves with its first stdout line, `stop()` closes its stdin and waits. */
function startServer(script, file, distIndex, apiKey) {
  const proc = spawn(process.execPath, [script, "serve", file], {
    env: { ...process.env, BENCH_DIST: distIndex, [KEY_ENV]: apiKey },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => proc.once("close", resolve));
  // Every line the child prints answers the oldest waiting request: first "ready", then each cpu().
  const waiting = [];
  let out = "";
  proc.stdout.setEncoding("utf8");
  proc.stdout.on("data", (chunk) => {
    out += chunk;
    for (let i = out.indexOf("\n"); i >= 0; i = out.indexOf("\n")) {
      const line = out.slice(0, i);
      out = out.slice(i + 1);
      waiting.shift()?.resolve(JSON.parse(line));
    }
  });
  const ask = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  const ready = ask();
  proc.once("error", (error) => waiting.forEach((w) => w.reject(error)));
  exited.then((code) => waiting.forEach((w) => w.reject(new Error(`the emulator child exited with ${code}`))));
  return {
    ready,
    /** The emulator process's CPU time so far, in milliseconds. */
    cpuMs: async () => {
      const answer = ask();
      proc.stdin.write("\n");
      return (await answer).cpuMs;
    },
    stop: async () => {
      proc.stdin.end();
      await exited;
    },
  };
}

/** Runs a reader child to the end and returns the JSON object it prints last. */
function runChild(script, args, distIndex, apiKey) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--expose-gc", script, ...args], {
      env: { ...process.env, BENCH_DIST: distIndex, [KEY_ENV]: apiKey },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    proc.stdout.on("data", (chunk) => (out += chunk));
    proc.once("error", reject);
    proc.once("close", (code) => {
      if (code !== 0) return reject(new Error(`the reader child exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch {
        reject(new Error(`the reader child did not print a JSON result: ${out.slice(-200)}`));
      }
    });
  });
}

// ---- the children --------------------------------------------------------------------------------

/** Serves FILE until stdin closes; prints `{url, orgId, since, now, counts}` once listening. */
async function serve(file) {
  const { readSnapshotFile, startEmulator } = await import(process.env.BENCH_DIST);
  const snapshot = await readSnapshotFile(file);
  // The bench measures the client, not the emulator's rate limiter.
  const emulator = await startEmulator({ snapshot, port: 0, apiKey: process.env[KEY_ENV], rateLimitPerMinute: 1_000_000 });
  const times = snapshot.events.map((e) => Date.parse(e.time));
  const first = times.reduce((a, b) => Math.min(a, b), Date.parse(snapshot.takenAt));
  const last = times.reduce((a, b) => Math.max(a, b), Date.parse(snapshot.takenAt));
  const counts = {
    workspaces: snapshot.org.sites.reduce((n, site) => n + site.products.length, 0),
    users: snapshot.users.length,
    groups: snapshot.groups.length,
    apiTokens: snapshot.apiTokens.length,
    events: snapshot.events.length,
    serviceAccounts: snapshot.serviceAccounts.length,
    serviceAccountTokens: snapshot.serviceAccountTokens.length,
  };
  const since = new Date(first).toISOString();
  const now = new Date(last).toISOString();
  process.stdout.write(`${JSON.stringify({ url: emulator.url, orgId: emulator.orgId, since, now, counts })}\n`);
  process.stdin.resume();
  // Each line the parent sends asks for the CPU time spent so far; the end of stdin stops it.
  let buffered = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => {
    buffered += chunk;
    for (let i = buffered.indexOf("\n"); i >= 0; i = buffered.indexOf("\n")) {
      buffered = buffered.slice(i + 1);
      const { user, system } = process.cpuUsage();
      process.stdout.write(`${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`);
    }
  });
  process.stdin.once("end", () => void emulator.close());
}

/** Reads the whole org once with the provider as the CLI configures it; prints timings and counts. */
async function read(url, orgId, since, now) {
  const { AtlassianProvider, resolveAtlassianSettings } = await import(process.env.BENCH_DIST);
  const settings = resolveAtlassianSettings({
    env: { BOT2SVC_ATLASSIAN_BASE_URL: url, BOT2SVC_ATLASSIAN_ORG_ID: orgId, BOT2SVC_ATLASSIAN_API_KEY: process.env[KEY_ENV] },
  });
  const provider = new AtlassianProvider(settings);
  const reset = await fetch(`${url}/__emulator/reset-counters`, { method: "POST" });
  if (!reset.ok) throw new Error(`reset-counters answered ${reset.status}`);
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const snapshot = await provider.readSnapshot({ since: new Date(since), now: new Date(now) });
  const wallMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const requests = await (await fetch(`${url}/__emulator/requests`)).json();
  const counts = {
    workspaces: snapshot.org.sites.reduce((n, site) => n + site.products.length, 0),
    users: snapshot.users.length,
    groups: snapshot.groups.length,
    apiTokens: snapshot.apiTokens.length,
    events: snapshot.events.length,
    serviceAccounts: snapshot.serviceAccounts.length,
    serviceAccountTokens: snapshot.serviceAccountTokens.length,
  };
  const http = provider.http.stats();
  process.stdout.write(
    `${JSON.stringify({ wallMs, cpuMs: (user + system) / 1000, requests, http: { requests: http.requests, retries: http.retries }, counts, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [role, ...args] = process.argv.slice(2);
  if (role === "serve") await serve(args[0]);
  else if (role === "read") await read(args[0], args[1], args[2], args[3]);
  else throw new Error(`unknown role ${role}; this file is a benchmark section run by scripts/bench.mjs`);
}
