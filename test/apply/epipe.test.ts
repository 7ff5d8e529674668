import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { readJournal } from "../../src/core/journal/journal.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir } from "../helpers/run-cli.js";
import { BIN, ensureBuiltCli } from "../helpers/built-cli.js";
import { envFor, fetchState, makePlan, savePlan, startOrg } from "./harness.js";

beforeAll(() => ensureBuiltCli(), 120_000);

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

/** Runs a shell pipeline with bash and `pipefail`; resolves with its exit code and output. */
function pipeline(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", `set -o pipefail; ${script}`], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

describe("apply whose output pipe closes early", () => {
  it("finishes every migration, releases its lock and exits with its real code", async () => {
    emu = await startOrg({ now: () => new Date() });
    const cwd = makeTempDir();
    const plan = makePlan();
    await savePlan(cwd, plan);
    const run = await pipeline(`"${process.execPath}" "${BIN}" apply plan.json --yes --secrets-dir s 2>&1 | head -n 3`, cwd, envFor(emu));
    expect(run.stdout.split("\n").filter((l) => l !== "")).toHaveLength(3);
    const state = await fetchState(emu);
    for (const m of plan.migrations) expect(state.users.find((u) => u.accountId === m.source.accountId)?.status, m.source.email ?? "").toBe("suspended");
    const { records } = await readJournal(join(cwd, ".bot2svc", "journal.jsonl"));
    expect(records.filter((r) => r.step === "decommission" && r.phase === "done")).toHaveLength(plan.migrations.length);
    expect(existsSync(join(cwd, ".bot2svc", "apply.lock"))).toBe(false);
    expect(run.code).toBe(0);
  });

  it("never exits 0 when the apply behind a closed pipe did not succeed", async () => {
    emu = await startOrg({ now: () => new Date() });
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com", "wiki-sync@acme.com"] }));
    const run = await pipeline(`"${process.execPath}" "${BIN}" apply plan.json --yes --secret-command 'exit 5' 2>&1 | head -n 1`, cwd, envFor(emu));
    expect(run.code).toBe(3);
    expect(existsSync(join(cwd, ".bot2svc", "apply.lock"))).toBe(false);
  });
});
