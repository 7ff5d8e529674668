import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { envFor, fetchState, makePlan, savePlan, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe("apply with group grants against the emulator", () => {
  it("checks the groups with the groups search alone: no token inventory, no audit events", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    expect(plan.migrations[0]?.groups.filter((g) => !g.synced).map((g) => g.id)).toEqual(["g-automation"]);
    await savePlan(cwd, plan);
    emu.resetCounters();
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    const sa = (await fetchState(emu)).serviceAccounts.find((s) => s.description?.includes(plan.migrations[0]?.serviceAccount.marker ?? "?"));
    expect(sa?.groupIds).toContain("g-automation");
    const routes = Object.keys(emu.requests().byRoute);
    expect(routes.some((r) => r.endsWith("/groups/search"))).toBe(true);
    // What only a whole-directory read asks for: the org-wide token inventory and the audit events.
    expect(routes.filter((r) => /^GET \/admin\/api-access\/v1\/orgs\/\{orgId\}\/api-tokens$|\/events-stream$/.test(r))).toEqual([]);
  });
});
