import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { ensureBuiltCli, spawnCli } from "../helpers/built-cli.js";
import { allFileText, envFor, fetchState, makePlan, normalizeState, savePlan, startOrg } from "../apply/harness.js";

beforeAll(() => ensureBuiltCli(), 120_000);

const PLAN = makePlan({ oldAccount: "suspend" });

function journalLines(cwd: string): number {
  try {
    return readFileSync(join(cwd, ".bot2svc", "journal.jsonl"), "utf8").split("\n").length - 1;
  } catch {
    return 0;
  }
}

/**
 * Spawns `bot2svc apply` and SIGKILLs it as soon as the journal holds `killAt` lines (or lets
 * it finish when `killAt` is undefined). Returns the exit code or the signal.
 */
function spawnApply(cwd: string, env: Record<string, string>, killAt?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: number; stderr: string }> {
  return new Promise((resolve) => {
    const { child, stderr } = spawnCli(["apply", "plan.json", "--yes", "--secrets-dir", "s", "--concurrency", "2"], cwd, env);
    let timer: NodeJS.Timeout | undefined;
    if (killAt !== undefined) {
      timer = setInterval(() => {
        if (journalLines(cwd) >= killAt) {
          child.kill("SIGKILL");
          clearInterval(timer);
        }
      }, 1);
    }
    child.on("exit", (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, lines: journalLines(cwd), stderr: stderr() });
    });
  });
}

async function finalState(emu: RunningEmulator, cwd: string) {
  const state = await fetchState(emu);
  // Every delivered secret works for its service account.
  const files = allFileText(join(cwd, "s"));
  const verified = files.map((f) => {
    const email = /ATLASSIAN_EMAIL=(.+)/.exec(f.text)?.[1] ?? "";
    const token = /ATLASSIAN_API_TOKEN=(.+)/.exec(f.text)?.[1] ?? "";
    return emu.state.authenticate(email, token)?.emailAddress === email;
  });
  return { normalized: normalizeState(state), verified };
}

/**
 * Another client of the same org API key: every 1.3 s (out of step with the 2 s window) it asks
 * once and then spends whatever the window has left, all at once. Whatever budget the apply last
 * read is then stale, so the apply's own requests meet 429s.
 */
function startNeighbour(emu: RunningEmulator): { stop(): Promise<void> } {
  let running = true;
  const one = async (): Promise<number | undefined> => {
    try {
      const r = await fetch(`${emu.url}/admin/v1/orgs/${emu.orgId}`, { headers: { authorization: `Bearer ${emu.apiKey}` } });
      await r.arrayBuffer();
      const remaining = r.headers.get("x-ratelimit-remaining");
      return remaining === null ? undefined : Number(remaining);
    } catch {
      return undefined;
    }
  };
  const loop = (async () => {
    while (running) {
      const remaining = await one();
      if (remaining !== undefined && remaining > 0) await Promise.all(Array.from({ length: remaining }, one));
      await new Promise((r) => setTimeout(r, 1300));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

describe("apply survives SIGKILL at any journal line", () => {
  it("resumes after a kill at 20+ different points and ends in the same state as an uninterrupted run", async () => {
    // The uninterrupted reference run (in-process: the end state does not depend on how it ran).
    const refEmu = await startOrg({ faults: { latencyMs: [2, 6] }, now: () => new Date() });
    const refCwd = makeTempDir();
    await savePlan(refCwd, PLAN);
    const ref = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s", "--concurrency", "2"], { cwd: refCwd, env: envFor(refEmu), now: new Date() });
    expect(ref.stderr).toMatch(/Apply: 3 migrated/);
    expect(ref.code).toBe(0);
    const expected = await finalState(refEmu, refCwd);
    expect(expected.verified).toEqual([true, true, true]);
    await refEmu.close();
    const total = journalLines(refCwd);
    expect(total).toBeGreaterThan(30);

    // Kill points spread over the whole journal, at least 20 of them.
    const points = Array.from(new Set(Array.from({ length: 21 }, (_, i) => 1 + Math.floor((i * (total - 1)) / 21))));
    expect(points.length).toBeGreaterThanOrEqual(20);
    const killedAt: number[] = [];
    const runPoint = async (k: number) => {
      const emu = await startOrg({ faults: { latencyMs: [2, 6] }, now: () => new Date() });
      try {
        const cwd = makeTempDir();
        await savePlan(cwd, PLAN);
        const env = envFor(emu);
        const killed = await spawnApply(cwd, env, k);
        if (killed.signal === "SIGKILL") killedAt.push(killed.lines);
        // Resume (in-process, to keep the test fast) until the journal says everything is done.
        const resumed = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env, now: new Date() });
        expect(resumed.stderr, `kill at ${k}`).not.toMatch(/✖/);
        expect(resumed.code, `kill at ${k}: ${resumed.stderr}`).toBe(0);
        const got = await finalState(emu, cwd);
        expect(got.normalized, `kill at journal line ${k}`).toEqual(expected.normalized);
        expect(got.verified).toEqual([true, true, true]);
      } finally {
        await emu.close();
      }
    };
    for (let i = 0; i < points.length; i += 4) await Promise.all(points.slice(i, i + 4).map(runPoint));
    // Most runs were really killed mid-way (a few may finish before the kill lands).
    expect(new Set(killedAt).size).toBeGreaterThanOrEqual(15);
  }, 180_000);

  it("completes every migration with 20 % injected 5xx and connection resets under a tight rate limit", async () => {
    // 20 requests per 2 s window, far below what three migrations at concurrency 2 ask for. A
    // neighbour shares the org API key (as other automation does), so the budget the apply
    // counts for itself is often stale: it meets 429s as well as the injected faults.
    // Injected 429s as well, so the apply meets rate limiting however slow the machine runs.
    const emu = await startOrg({ faults: { rate5xx: 0.1, rate429: 0.05, rateReset: 0.1, seed: 11 }, rateLimitPerMinute: 20, rateLimitWindowMs: 2000, now: () => new Date() });
    const neighbour = startNeighbour(emu);
    try {
      const cwd = makeTempDir();
      await savePlan(cwd, PLAN);
      // Debug logs name every retry, so the test can tell what the apply itself ran into.
      // At 20 % faults, five retries fail about one request in 16,000 (0.2^6); a run of a few hundred
      // requests would then fail now and then. Eight make that about one in two million (0.2^9).
      const env = envFor(emu, { BOT2SVC_LOG: "debug", BOT2SVC_ATLASSIAN_MAX_RETRIES: "8" });
      const run = await spawnApply(cwd, env);
      await neighbour.stop();
      let lines = run.stderr.split("\n");
      if (run.code === 3) {
        // A create or a token mint that fails ambiguously (neither is retried: the request may
        // have taken effect) is left for a re-run, as the apply says; nothing else may fail, and
        // one re-run must finish the job.
        const failures = lines.filter((l) => l.startsWith("✖"));
        expect(failures.length, run.stderr).toBe(1);
        expect(failures[0]).toMatch(/create failed .*not retried: the request may have taken effect|mint failed — Minting token "[^"]+" failed and may have created it/);
        const again = await spawnApply(cwd, env);
        expect(again.stderr).toMatch(/Apply: 3 migrated, 0 failed/);
        expect(again.code).toBe(0);
        lines = [...lines, ...again.stderr.split("\n")];
      } else {
        expect(run.stderr).toMatch(/Apply: 3 migrated, 0 failed/);
        expect(run.code).toBe(0);
      }
      const stats = emu.requests();
      const faults = (stats.byStatus["503"] ?? 0) + (stats.byStatus.reset ?? 0);
      expect(faults).toBeGreaterThan(3);
      expect(stats.byStatus["429"] ?? 0, JSON.stringify(stats.byStatus)).toBeGreaterThan(0);
      // The apply's own requests met each kind of trouble and retried through it.
      expect(lines.filter((l) => / → 429 /.test(l)).length, "429s answered to the apply").toBeGreaterThan(0);
      expect(lines.filter((l) => /retrying .* after (503|ECONNRESET)/.test(l)).length, "injected faults met by the apply").toBeGreaterThan(2);
      const got = await finalState(emu, cwd);
      expect(got.verified).toEqual([true, true, true]);
      // The same end state as the fault-free reference: every account, role, group and token.
      const refEmu = await startOrg({ now: () => new Date() });
      try {
        const refCwd = makeTempDir();
        await savePlan(refCwd, PLAN);
        const ref = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s", "--concurrency", "2"], { cwd: refCwd, env: envFor(refEmu), now: new Date() });
        expect(ref.code).toBe(0);
        expect(got.normalized).toEqual((await finalState(refEmu, refCwd)).normalized);
      } finally {
        await refEmu.close();
      }
      const state = await fetchState(emu);
      expect(state.serviceAccounts).toHaveLength(3);
      expect(state.serviceAccountTokens).toHaveLength(3);
    } finally {
      await neighbour.stop();
      await emu.close();
    }
    // Bound by the rate limit, not the CPU: about 15 s alone, twice that beside the rest of the
    // suite on 2 cores, and a second apply when the first leaves a create for a re-run.
  }, 120_000);
});
