import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { REPO_ROOT, makeTempDir, runCli } from "../helpers/run-cli.js";
import { allFileText, envFor, fetchState, makePlan, normalizeState, savePlan, startOrg } from "../apply/harness.js";

const BIN = join(REPO_ROOT, "bin", "bot2svc.js");

/** The built CLI must know `apply`; build it once when it does not (e.g. a fresh checkout). */
beforeAll(() => {
  const probe = existsSync(join(REPO_ROOT, "dist", "cli.js")) ? spawnSync(process.execPath, [BIN, "apply", "--help"], { encoding: "utf8" }) : undefined;
  if (probe?.status !== 0) {
    const build = spawnSync("npx", ["tsup"], { cwd: REPO_ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  }
}, 120_000);

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
    const child = spawn(process.execPath, [BIN, "apply", "plan.json", "--yes", "--secrets-dir", "s", "--concurrency", "2"], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdout.resume();
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
      resolve({ code, signal, lines: journalLines(cwd), stderr });
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
  }, 60_000);

  it("completes every migration with 20 % injected 5xx and connection resets", async () => {
    const emu = await startOrg({ faults: { rate5xx: 0.1, rateReset: 0.1, seed: 11 }, rateLimitPerMinute: 400, now: () => new Date() });
    try {
      const cwd = makeTempDir();
      await savePlan(cwd, PLAN);
      const run = await spawnApply(cwd, envFor(emu));
      expect(run.stderr).toMatch(/Apply: 3 migrated, 0 failed/);
      expect(run.code).toBe(0);
      const stats = emu.requests();
      const faults = (stats.byStatus["503"] ?? 0) + (stats.byStatus.reset ?? 0);
      expect(faults).toBeGreaterThan(3);
      const got = await finalState(emu, cwd);
      expect(got.verified).toEqual([true, true, true]);
      const state = await fetchState(emu);
      expect(state.serviceAccounts).toHaveLength(3);
      expect(state.serviceAccountTokens).toHaveLength(3);
    } finally {
      await emu.close();
    }
  }, 30_000);
});
