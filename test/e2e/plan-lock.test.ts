import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir } from "../helpers/run-cli.js";
import { ensureBuiltCli, spawnCli } from "../helpers/built-cli.js";
import { envFor, fetchState, makePlan, savePlan, startOrg } from "../apply/harness.js";

beforeAll(() => ensureBuiltCli("BOT2SVC_STATE_DIR"), 120_000);

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

interface Run {
  pid: number;
  done: Promise<{ code: number | null; stderr: string }>;
}

function spawnApply(cwd: string, env: Record<string, string>, args: string[]): Run {
  const { child, stderr } = spawnCli(["apply", "plan.json", "--yes", ...args], cwd, env);
  return { pid: child.pid ?? -1, done: new Promise((resolve) => child.on("exit", (code) => resolve({ code, stderr: stderr() }))) };
}

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("one apply per plan, whatever its journal", () => {
  it("makes a second process with another --journal exit 1 naming the first, and leaves one service account", async () => {
    // The spawned runs use the wall clock, so the emulator does too.
    emu = await startOrg({ now: () => new Date() });
    const cwd = makeTempDir();
    const stateDir = join(cwd, "state");
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const env = envFor(emu, { BOT2SVC_STATE_DIR: stateDir });
    // The first run holds its locks while its secret command waits for the file `go`.
    const hold = "cat > delivered.json; while [ ! -e go ]; do sleep 0.05; done";
    const read = `sed -n 's/.*"token":"\\([^"]*\\)".*/\\1/p' delivered.json`;
    const first = spawnApply(cwd, env, ["--journal", "one/journal.jsonl", "--secret-command", hold, "--secret-read-command", read]);
    let early: { code: number | null; stderr: string } | undefined;
    void first.done.then((r) => (early = r));
    await waitFor(async () => {
      if (early !== undefined) throw new Error(`the first run ended early (${early.code}): ${early.stderr}`);
      return existsSync(join(cwd, "delivered.json"));
    });

    const second = spawnApply(cwd, env, ["--journal", "two/journal.jsonl", "--secret-command", "cat > other.json"]);
    const refused = await second.done;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Another bot2svc run holds the lock .*\(plan p-test\d+ of org org-apply\)/);
    expect(refused.stderr).toContain(`pid ${first.pid} on ${hostname()}, started 20`);
    expect(existsSync(join(cwd, "two", "journal.jsonl"))).toBe(false);

    await writeFile(join(cwd, "go"), "");
    const finished = await first.done;
    expect(finished.stderr).not.toMatch(/✖/);
    expect(finished.code).toBe(0);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(1);
    expect(existsSync(join(cwd, "other.json"))).toBe(false);
    // Released by its owner: the lock directory is empty again.
    expect(await readdir(join(stateDir, "locks"))).toEqual([]);
  }, 60_000);
});
