import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/core/detect/types.js";
import { validateSnapshot } from "../../src/core/snapshot/reader.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, REPO_ROOT, runCli } from "../helpers/run-cli.js";

// Serving a snapshot as of a later moment moves every timestamp by the same amount, so the org
// the emulator serves is the same org, seen later: the audit of its state at the emulator's start
// gives every account the verdict the audit of the original file gives at takenAt.

const DEMO_FILE = join(REPO_ROOT, "fixtures", "demo-org.json");
const DAY = 86_400_000;

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** Each account's verdict, recommendation and score. */
async function verdicts(file: string, now: string): Promise<Map<string, string>> {
  const run = await runCli(["audit", "--snapshot", file, "--format", "json", "--include-humans", "--now", now]);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as AuditReport;
  return new Map(report.findings.map((f) => [f.accountId, `${f.verdict}/${f.recommendation}/${f.score}`]));
}

describe("the demo org served six weeks after it was taken", () => {
  it("audits to the same verdicts and scores as the file at takenAt", async () => {
    const demo = validateSnapshot(JSON.parse(readFileSync(DEMO_FILE, "utf8")) as unknown, DEMO_FILE);
    // Whole weeks, so every event keeps its weekday: working hours and weekends are judged alike.
    const start = Date.parse(demo.takenAt) + 42 * DAY;
    emulator = await startEmulator({ snapshot: demo, now: () => new Date(start) });
    const state = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as { takenAt: string };
    expect(state.takenAt).toBe(new Date(start).toISOString());
    const file = join(makeTempDir("bot2svc-emu-asof-"), "served.json");
    writeFileSync(file, JSON.stringify(state));

    const original = await verdicts(DEMO_FILE, demo.takenAt);
    const served = await verdicts(file, state.takenAt);
    expect(original.size).toBe(demo.users.length);
    expect([...original.values()].filter((v) => v.startsWith("bot")).length).toBeGreaterThan(0);
    expect(served).toEqual(original);
    // Read against the original times instead, the same moment finds a different org.
    const stale = await verdicts(DEMO_FILE, state.takenAt);
    expect(stale).not.toEqual(original);
  });
});
