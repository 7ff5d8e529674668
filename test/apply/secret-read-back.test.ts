import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readJournal } from "../../src/core/journal/journal.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { envFor, fetchState, makePlan, savePlan, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const statusOf = async (e: RunningEmulator, accountId: string) => (await fetchState(e)).users.find((u) => u.accountId === accountId)?.status;
/** The store from the review: the file name comes from a command substitution that reads stdin first. */
const SWALLOWING = `cat > "store/$(cat >/dev/null; printf %s "$BOT2SVC_MIGRATION_ID")"`;
const STORING = `cat > "store/$BOT2SVC_MIGRATION_ID"`;
/** Prints the token field of the stored JSON payload. */
const READ = `sed -n 's/.*"token":"\\([^"]*\\)".*/\\1/p' "store/$BOT2SVC_MIGRATION_ID"`;

async function setUp(): Promise<{ cwd: string; id: string; env: Record<string, string> }> {
  emu = await startOrg();
  const cwd = makeTempDir();
  await mkdir(join(cwd, "store"));
  const plan = makePlan({ select: ["jenkins@acme.com"], oldAccount: "suspend" });
  await savePlan(cwd, plan);
  return { cwd, id: plan.migrations[0]?.id ?? "", env: envFor(emu) };
}

describe("a secret command is not trusted to have stored the token", () => {
  it("with a read-back command, an empty store fails the delivery and the old account stays active", async () => {
    const { cwd, env } = await setUp();
    const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", SWALLOWING, "--secret-read-command", READ], { cwd, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/deliver failed/);
    expect(run.stderr).toMatch(/Nothing was read back/);
    expect(run.stderr).not.toMatch(/old account suspended/);
    expect(await statusOf(emu as RunningEmulator, "a-jenkins")).toBe("active");
  });

  it("with a read-back command that matches, verifies the stored token and decommissions; the token is never shown", async () => {
    const { cwd, id, env } = await setUp();
    const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", STORING, "--secret-read-command", READ], { cwd, env });
    expect(run.stderr).toMatch(/read back: matches/);
    expect(run.code).toBe(0);
    expect(await statusOf(emu as RunningEmulator, "a-jenkins")).toBe("suspended");
    const token = (JSON.parse(await readFile(join(cwd, "store", id), "utf8")) as { token: string }).token;
    expect(run.stderr.includes(token)).toBe(false);
    expect(JSON.stringify((await readJournal(join(cwd, ".bot2svc", "journal.jsonl"))).records).includes(token)).toBe(false);
  });

  it("a read-back that prints another token fails the delivery", async () => {
    const { cwd, env } = await setUp();
    const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", STORING, "--secret-read-command", "echo some-other-token-123"], { cwd, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/does not match the one delivered/);
    expect(run.stderr).not.toContain("some-other-token-123");
    expect(await statusOf(emu as RunningEmulator, "a-jenkins")).toBe("active");
  });

  it("the read-back command may come from the real environment, not from .env", async () => {
    const { cwd, env } = await setUp();
    // A .env file in the working directory cannot choose a command to run: it is ignored.
    await writeFile(join(cwd, ".env"), `BOT2SVC_SECRET_READ_COMMAND=touch pwned\n`);
    const ignored = await runCli(["apply", "plan.json", "--yes", "--secret-command", SWALLOWING], { cwd, env });
    expect(ignored.code).toBe(4);
    await expect(stat(join(cwd, "pwned"))).rejects.toThrow();
    await runCli(["rollback", "--yes"], { cwd, env });
    const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", SWALLOWING], { cwd, env: { ...env, BOT2SVC_SECRET_READ_COMMAND: READ } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Nothing was read back/);
    expect(await statusOf(emu as RunningEmulator, "a-jenkins")).toBe("active");
  });

  it("without a read-back command, stops at 'delivered, not confirmed' until the admin confirms the store", async () => {
    const { cwd, id, env } = await setUp();
    const first = await runCli(["apply", "plan.json", "--yes", "--secret-command", SWALLOWING], { cwd, env });
    expect(first.code).toBe(4);
    expect(first.stderr).toMatch(/not read back/);
    expect(first.stderr).toContain(`--confirm-stored ${id}`);
    expect(first.stderr).not.toMatch(/old account suspended/);
    expect(await statusOf(emu as RunningEmulator, "a-jenkins")).toBe("active");

    // Running it again without confirming changes nothing.
    const again = await runCli(["apply", "plan.json", "--yes", "--resume"], { cwd, env });
    expect(again.code).toBe(4);
    expect(await statusOf(emu as RunningEmulator, "a-jenkins")).toBe("active");
    const status = await runCli(["status", "--json"], { cwd, env });
    expect(JSON.parse(status.stdout).migrations[0]).toMatchObject({ outcome: "waiting", waiting: { step: "decommission", reason: "unconfirmed-delivery" } });

    const unknown = await runCli(["apply", "plan.json", "--yes", "--resume", "--confirm-stored", "m-nope"], { cwd, env });
    expect(unknown.code).toBe(1);
    expect(await statusOf(emu as RunningEmulator, "a-jenkins")).toBe("active");

    const confirmed = await runCli(["apply", "plan.json", "--yes", "--resume", "--confirm-stored", id], { cwd, env });
    expect(confirmed.code).toBe(0);
    expect(await statusOf(emu as RunningEmulator, "a-jenkins")).toBe("suspended");
    const { records } = await readJournal(join(cwd, ".bot2svc", "journal.jsonl"));
    expect(records.some((r) => r.step === "decommission" && r.data?.storedConfirmedBy === "admin")).toBe(true);
  });

  it("a resumed run with a read-back command confirms a delivery the first run could not", async () => {
    const { cwd, env } = await setUp();
    expect((await runCli(["apply", "plan.json", "--yes", "--secret-command", STORING], { cwd, env })).code).toBe(4);
    const resumed = await runCli(["apply", "plan.json", "--yes", "--resume", "--secret-command", STORING, "--secret-read-command", READ], { cwd, env });
    expect(resumed.code).toBe(0);
    expect(await statusOf(emu as RunningEmulator, "a-jenkins")).toBe("suspended");
  });
});

describe("encoded tokens in a failing secret command's output", () => {
  it("are blanked on the terminal and in the journal's error field", async () => {
    const { cwd, env } = await setUp();
    const command = [
      `payload=$(cat); token=$(printf '%s' "$payload" | sed -n 's/.*"token":"\\([^"]*\\)".*/\\1/p')`,
      `printf '%s' "$token" > store/raw`,
      `printf 'b64 %s\\n' "$(printf '%s' "$token" | base64 -w0)" >&2`,
      `printf 'hex %s\\n' "$(printf '%s' "$token" | od -An -tx1 | tr -d ' \\n')" >&2`,
      "exit 1",
    ].join("; ");
    const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", command], { cwd, env });
    expect(run.code).toBe(3);
    const token = await readFile(join(cwd, "store", "raw"), "utf8");
    expect(token.length).toBeGreaterThan(10);
    const journal = await readFile(join(cwd, ".bot2svc", "journal.jsonl"), "utf8");
    expect(run.stderr).toMatch(/b64 \[REDACTED\]/);
    for (const form of [token, Buffer.from(token).toString("base64").replace(/=+$/, ""), Buffer.from(token).toString("hex")]) {
      expect(run.stderr.includes(form)).toBe(false);
      expect(journal.includes(form)).toBe(false);
    }
    expect(journal).toContain("[REDACTED]");
  });
});
