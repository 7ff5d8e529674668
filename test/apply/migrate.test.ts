import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { envFor, fetchState, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe("bot2svc migrate", () => {
  it("refuses off a terminal and points to plan + apply", async () => {
    const run = await runCli(["migrate"], { env: {} });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/migrate is interactive/);
    expect(run.stderr).toMatch(/bot2svc apply plan.json --yes/);
  });

  it("audits, lets the admin pick, shows the plan, confirms and applies against the emulator", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    let offered: string[] = [];
    const run = await runCli(["migrate", "--old-account", "suspend"], {
      cwd,
      env: envFor(emu),
      stdinIsTTY: true,
      stderrIsTTY: true,
      prompts: [
        {
          type: "checkbox",
          message: /Which accounts/,
          answer: (_m: string, choices: { value: string; name: string }[]) => {
            offered = choices.map((c) => c.value);
            return choices.filter((c) => c.value === "a-jenkins").map((c) => c.value);
          },
        },
        { type: "confirm", message: /Apply this plan/, answer: true },
      ],
    });
    expect(offered).toContain("a-jenkins");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Apply: 1 migrated/);
    const state = await fetchState(emu);
    expect(state.serviceAccounts).toHaveLength(1);
    expect(state.users.find((u) => u.accountId === "a-jenkins")?.status).toBe("suspended");
    expect(await readdir(join(cwd, ".bot2svc", "secrets"))).toHaveLength(1);
    expect((await readdir(join(cwd, ".bot2svc", "plans"))).length).toBe(1);
  });

  it("runs the secret command it was given, reads the token back and then decommissions", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await mkdir(join(cwd, "store"));
    const run = await runCli(
      [
        "migrate",
        "--old-account",
        "suspend",
        "--secret-command",
        `cat > "store/$BOT2SVC_MIGRATION_ID"`,
        "--secret-read-command",
        `sed -n 's/.*"token":"\\([^"]*\\)".*/\\1/p' "store/$BOT2SVC_MIGRATION_ID"`,
      ],
      {
        cwd,
        env: envFor(emu),
        stdinIsTTY: true,
        stderrIsTTY: true,
        prompts: [
          { type: "checkbox", message: /Which accounts/, answer: (_m: string, choices: { value: string }[]) => choices.filter((c) => c.value === "a-jenkins").map((c) => c.value) },
          { type: "confirm", message: /Apply this plan/, answer: true },
        ],
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/read back: matches/);
    expect(await readdir(join(cwd, "store"))).toHaveLength(1);
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-jenkins")?.status).toBe("suspended");
  });
});
