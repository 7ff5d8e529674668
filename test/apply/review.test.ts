import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readJournal } from "../../src/core/journal/journal.js";
import { migrationFingerprint } from "../../src/core/plan/fingerprint.js";
import type { Plan } from "../../src/core/plan/schema.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { PromptCancelledError } from "../../src/ui/prompts.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { envFor, fetchState, makePlan, savePlan, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const journalFile = (cwd: string) => join(cwd, ".bot2svc", "journal.jsonl");

describe("apply review: secrets", () => {
  it("keeps the org API key away from the secret command, its error output, the journal and stderr", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const command = `cat >/dev/null; echo "key=[$BOT2SVC_ATLASSIAN_API_KEY] scim=[$BOT2SVC_SCIM_TOKEN]" >&2; exit 1`;
    const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", command], {
      cwd,
      env: envFor(emu, { BOT2SVC_SCIM_TOKEN: "scim-secret-token-123" }),
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("key=[] scim=[]");
    const journal = await readFile(journalFile(cwd), "utf8");
    for (const secret of [emu.apiKey, "scim-secret-token-123"]) {
      expect(run.stderr.includes(secret)).toBe(false);
      expect(journal.includes(secret)).toBe(false);
    }
  });
});

describe("apply review: crash safety", () => {
  it("rollback restores an old account that a resumed run found already suspended by the crashed run", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"], oldAccount: "suspend" }));
    const env = envFor(emu);
    expect((await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env })).code).toBe(0);
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-jenkins")?.status).toBe("suspended");

    // The crash: the suspend call went through but its `done` record never reached the disk.
    const lines = (await readFile(journalFile(cwd), "utf8")).split("\n").filter((l) => l !== "");
    const last = JSON.parse(lines[lines.length - 1] as string) as { step: string; phase: string };
    expect(`${last.step}:${last.phase}`).toBe("decommission:done");
    await writeFile(journalFile(cwd), `${lines.slice(0, -1).join("\n")}\n`);

    const resumed = await runCli(["apply", "plan.json", "--resume", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(resumed.code).toBe(0);
    const rollback = await runCli(["rollback", "--yes"], { cwd, env });
    expect(rollback.code).toBe(0);
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-jenkins")?.status).toBe("active");
  });
});

describe("apply review: guardrails", () => {
  it("re-checks the source account for a stale plan when a soak ends, before decommissioning", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["deploy@acme.com"], soakDays: 7, oldAccount: "deactivate" }));
    const env = envFor(emu);
    const first = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env, now: "2026-11-01T12:00:00Z" });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/soak until 2026-11-08/);
    // During the soak the account became a member of another group (e.g. a person now uses it).
    emu.state.addGroupMember("g-staff", "a-deploy");
    const late = await runCli(["apply", "plan.json", "--resume", "--yes"], { cwd, env, now: "2026-11-09T12:00:00Z" });
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('Saved plan is stale: deploy@acme.com gained group "staff"');
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-deploy")?.accountStatus).toBe("active");
  });
});

describe("apply review: guardrails after a rollback", () => {
  it("checks for a stale plan when a plan is applied again after a rollback", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"], oldAccount: "suspend" }));
    const env = envFor(emu);
    expect((await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env })).code).toBe(0);
    expect((await runCli(["rollback", "--yes"], { cwd, env })).code).toBe(0);
    emu.state.addGroupMember("g-staff", "a-jenkins");
    emu.resetCounters();
    const again = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Saved plan is stale: jenkins@acme.com gained group "staff"');
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
  });
});

describe("apply review: concurrency", () => {
  it("Ctrl-C at a hidden token prompt stops the other migrations and releases the lock only after they stop", async () => {
    emu = await startOrg({ faults: { latencyMs: [15, 25] } });
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com", "wiki-sync@acme.com"] });
    // Jenkins waits for a token made by hand; Wiki Sync mints through the API.
    const tampered: Plan = {
      ...plan,
      migrations: plan.migrations.map((m) => {
        if (m.source.email !== "jenkins@acme.com") return m;
        // As the planner makes it when the token cannot be minted through the API.
        const manual = { ...m, credential: { ...m.credential, mint: "manual" as const } };
        return { ...manual, source: { ...manual.source, fingerprint: migrationFingerprint(manual) } };
      }),
    };
    await savePlan(cwd, tampered);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s", "--concurrency", "2"], {
      cwd,
      env: envFor(emu),
      stdinIsTTY: true,
      stderrIsTTY: true,
      prompts: [{ type: "password", message: /Paste the API token for Jenkins CI/, answer: new PromptCancelledError() }],
    });
    expect(run.code).toBe(130);
    const linesAtExit = (await readJournal(journalFile(cwd))).records.length;
    await expect(stat(join(cwd, ".bot2svc", "apply.lock"))).rejects.toThrow();
    // Nothing keeps running (and writing) after the command returned and released the lock.
    await new Promise((r) => setTimeout(r, 600));
    const { records } = await readJournal(journalFile(cwd));
    expect(records.length).toBe(linesAtExit);
    expect(records.some((r) => r.step === "decommission")).toBe(false);
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-wiki")?.status).toBe("active");
  });

  it("asks no further hidden prompt after the admin cancelled one, even with migrations waiting in line", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com", "wiki-sync@acme.com"], capabilities: { mintToken: false } }));
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s", "--concurrency", "2"], {
      cwd,
      env: envFor(emu),
      stdinIsTTY: true,
      stderrIsTTY: true,
      prompts: [
        {
          type: "password",
          message: /Paste the API token for/,
          // The admin takes a while before pressing Ctrl-C; the other migration queues its prompt meanwhile.
          answer: async () => {
            await new Promise((r) => setTimeout(r, 400));
            return new PromptCancelledError();
          },
        },
      ],
    });
    expect(run.code).toBe(130);
  });
});
