import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serializePlan } from "../../src/core/plan/io.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { envFor, fetchState, makePlan, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe("preflight checks the plan's sites against the live org", () => {
  it("refuses a hand-added site with a foreign cloud id before anything is created or minted", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const foreign = "c-foreign-0000";
    const edited = {
      ...plan,
      org: { ...plan.org, sites: [{ cloudId: foreign, url: "https://other.atlassian.net", products: ["jira-software"] }, ...(plan.org.sites ?? [])] },
    };
    await writeFile(join(cwd, "plan.json"), serializePlan(edited));
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(foreign);
    expect(run.stderr).toMatch(/does not have/);
    const state = await fetchState(emu);
    expect(state.serviceAccounts).toHaveLength(0);
  });

  it("accepts the plan's own sites", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await writeFile(join(cwd, "plan.json"), serializePlan(makePlan({ select: ["jenkins@acme.com"] })));
    const run = await runCli(["apply", "plan.json", "--dry-run", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(0);
  });
});
