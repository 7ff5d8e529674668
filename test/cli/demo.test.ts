import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPlanFile } from "../../src/core/plan/io.js";
import { parseSnapshot } from "../../src/core/snapshot/reader.js";
import { allFileText } from "../apply/harness.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";

describe("bot2svc demo", () => {
  it("runs audit, plan, show, apply and status against an in-process emulator and leaves the migrated org behind", async () => {
    const dir = join(makeTempDir("bot2svc-demo-test-"), "rehearsal");
    // A real-looking configuration in the environment must not reach the rehearsal.
    const env = { BOT2SVC_PROVIDER: "atlassian", BOT2SVC_ATLASSIAN_ORG_ID: "real-org", BOT2SVC_ATLASSIAN_API_KEY: "real-key-must-not-be-used", NO_COLOR: "1" };
    // Years after the demo org's snapshot was taken: the rehearsal must not depend on the date.
    // --verbose prints every step in full.
    const run = await runCli(["demo", "--dir", dir, "--verbose"], { env, now: new Date("2031-07-15T16:20:00.000Z") });
    expect(run.code, run.stderr).toBe(0);

    // Each step announced itself, in order, and printed its own output.
    const headers = [...run.stdout.matchAll(/^Step (\d)\/5: (\w+) — /gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headers).toEqual(["1 audit", "2 plan", "3 show", "4 apply", "5 status"]);
    const section = (n: number) => run.stdout.split(/^Step \d\/5: /m)[n] ?? "";
    expect(section(1)).toMatch(/jenkins@acme\.com/);
    expect(run.stderr).toMatch(/Wrote plan to plan\.json/);
    expect(run.stderr).toMatch(/Apply: \d+ migrated, 0 failed/);
    expect(section(5)).toMatch(/Status: \d+ done, 0 pending, 0 failed/);
    expect(run.stdout.replace(/\s+/g, " ")).toMatch(/Nothing real was touched: every call went to the emulator at http:\/\/127\.0\.0\.1:\d+, which has now stopped\./);
    expect(`${run.stdout}${run.stderr}`).not.toContain("real-key-must-not-be-used");

    // The org the emulator held after the apply has one service account, with its token, per
    // planned migration, and every old account is suspended.
    const plan = await readPlanFile(join(dir, "plan.json"));
    expect(plan.migrations.length).toBeGreaterThan(10);
    // The live plan migrates exactly the accounts an offline plan of the bundled file does.
    const offline = await runCli(["plan", "--demo", "--yes", "--out", "offline.json"], { cwd: makeTempDir("bot2svc-demo-offline-") });
    expect(offline.code, offline.stderr).toBe(0);
    const offlinePlan = await readPlanFile(join(offline.cwd, "offline.json"));
    expect(plan.migrations.map((m) => m.source.accountId).sort()).toEqual(offlinePlan.migrations.map((m) => m.source.accountId).sort());
    expect(plan.org.id).not.toBe("real-org");
    expect(section(3).match(/^\+ service account "/gm)).toHaveLength(plan.migrations.length);
    const after = parseSnapshot(readFileSync(join(dir, "org-after.json"), "utf8"), "org-after.json");
    for (const m of plan.migrations) {
      const sa = after.serviceAccounts.find((s) => s.description?.includes(m.serviceAccount.marker));
      expect(sa, m.serviceAccount.displayName).toBeDefined();
      expect(after.serviceAccountTokens.filter((t) => t.serviceAccountId === sa?.id).map((t) => t.label)).toEqual([m.credential.label]);
      expect(after.users.find((u) => u.accountId === m.source.accountId)?.status).toBe("suspended");
    }
    expect(run.stdout).toContain(`${plan.migrations.length} service accounts created in the emulated org`);
    // One private secret file per migration, each naming its new service account.
    const secrets = allFileText(join(dir, "secrets"));
    expect(secrets).toHaveLength(plan.migrations.length);
    expect(statSync(join(dir, "secrets")).mode & 0o777).toBe(0o700);
    expect(secrets.every((f) => /ATLASSIAN_EMAIL=.+@serviceaccount\.atlassian\.com/.test(f.text))).toBe(true);
  }, 90_000);

  it("tells its story in about a screen per step without --verbose", async () => {
    const run = await runCli(["demo"], { env: { NO_COLOR: "1", COLUMNS: "80" }, now: new Date() });
    expect(run.code, run.stderr).toBe(0);
    const lines = `${run.stdout}${run.stderr}`.trimEnd().split("\n");
    expect(lines.length).toBeLessThan(150);
    const headers = [...run.stdout.matchAll(/^Step (\d)\/5: (\w+) — /gm)].map((m) => m[2]);
    expect(headers).toEqual(["audit", "plan", "show", "apply", "status"]);
    // Each step keeps its opening and its counted summary, and says what was left out.
    expect(run.stdout).toContain("│ Verdict");
    expect(run.stdout).toMatch(/Found \d+ bots/);
    expect(run.stdout).toMatch(/^Plan: \d+ service accounts to create/m);
    expect(run.stderr).toMatch(/Apply: \d+ migrated, 0 failed/);
    expect(run.stdout).toMatch(/Status: \d+ done, 0 pending, 0 failed/);
    expect(run.stdout).toMatch(/⋮ \d+ more lines \(bot2svc demo --verbose shows everything\)/);
  }, 20_000);

  // Lines that may be wider: a lone URL or path that must stay whole to be copied (the
  // emulator's gateway URLs at 60 columns, the temporary directory's paths).
  const LONE_URL_OR_PATH = /^\s*(?:[\w ]+:\s+)?\S*(?:https?:\/\/|\/)\S+$/;

  it.each([60, 80, 120])("fits %i columns, stdout and stderr, apart from lone URLs and paths", async (columns) => {
    const run = await runCli(["demo"], { env: { NO_COLOR: "1", COLUMNS: String(columns) }, now: new Date() });
    expect(run.code, run.stderr).toBe(0);
    const lines = `${run.stdout}${run.stderr}`.split("\n");
    const wide = lines.filter((line) => [...line].length > columns);
    expect(wide.filter((line) => !LONE_URL_OR_PATH.test(line))).toEqual([]);
    // From 80 columns on, the emulator's URLs fit too (only a long temporary directory may not).
    if (columns >= 80) expect(wide.filter((line) => line.includes("http"))).toEqual([]);
    // Commands are broken with shell continuations, not cut.
    expect(run.stdout.replace(/ \\\n\s+/g, " ")).toContain("$ bot2svc apply plan.json --yes --secrets-dir secrets --concurrency 4");
  }, 30_000);

  it("refuses a non-empty --dir and --json before starting anything", async () => {
    const dir = makeTempDir("bot2svc-demo-test-");
    await runCli(["plan", "--demo", "--yes", "--out", "x.json"], { cwd: dir });
    const busy = await runCli(["demo", "--dir", dir]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/--dir .* is not empty/);
    const json = await runCli(["demo", "--json"]);
    expect(json.code).toBe(1);
    expect(json.stdout).toMatch(/no --json output/);
  });
});
