import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { fixturePath, makeTempDir, runCli } from "../helpers/run-cli.js";
import { envFor, fetchState, makePlan, savePlan, startOrg } from "./harness.js";

// Files that apply, status and rollback read are decoded strictly: a bad one stops the command
// with exit 1 and a message naming it, before anything is written anywhere.

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

/** Every file and directory under `dir` with a hash of its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        out[relative(dir, p)] = "dir";
        walk(p);
      } else out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

const NO_TRACE = /This is a bug|\n\s+at .+:\d+:\d+|TypeError|RangeError/;

describe("journal with bytes that are not UTF-8", () => {
  it("status and rollback refuse it, naming line and byte offset, and rollback appends nothing", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const env = envFor(emu);
    expect((await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env })).code).toBe(0);
    const file = join(cwd, ".bot2svc", "journal.jsonl");
    const good = await readFile(file);
    const at = good.indexOf("jenkins@acme.com");
    expect(at).toBeGreaterThan(0);
    const line = good.subarray(0, at).toString("utf8").split("\n").length;
    const damaged = Buffer.concat([good.subarray(0, at), Buffer.from([0xff, 0xff, 0xff]), good.subarray(at), Buffer.from('{"seq":14,"time":"2026-11-01T')]);
    await writeFile(file, damaged);
    const stateBefore = JSON.stringify(await fetchState(emu));

    const status = await runCli(["status"], { cwd, env });
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/^Error: Journal .*journal\.jsonl is damaged/m);
    expect(status.stderr).toContain(`line ${line}: not valid UTF-8 (byte offset ${at})`);
    expect(status.stderr).not.toMatch(NO_TRACE);

    const before = tree(cwd);
    const rollback = await runCli(["rollback", "--yes"], { cwd, env });
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toContain(`byte offset ${at}`);
    expect(tree(cwd)).toEqual(before);
    expect(await readFile(file)).toEqual(damaged);
    expect(JSON.stringify(await fetchState(emu))).toBe(stateBefore);
  });
});

describe("apply --resume --token-file", () => {
  const SECRET = "not-a-real-token-SECRETVALUE";
  const BAD: Array<[string, Buffer | string, RegExp]> = [
    ["bytes that are not UTF-8", Buffer.concat([Buffer.from(SECRET), Buffer.from([0xc3, 0x28, 0xff])]), /not valid UTF-8 \(byte offset \d+\)/],
    ["a NUL byte", `${SECRET}\u0000\n`, /control character/],
    ["a control character", `${SECRET}\u0007x\n`, /control character/],
    ["a line broken by a lone carriage return", `${SECRET}\r${SECRET}\n`, /control character/],
    ["an empty file", "", /no token/],
    ["only comments and blank lines", "# tokens\n\n", /no token/],
    ["two bare lines", `${SECRET}\n${SECRET}2\n`, /expected <migration id>=<token>/],
    ["a token with a space inside", `${SECRET} ${SECRET}\n`, /space/],
  ];

  it("refuses a file that holds no usable token, naming it without its content, before any write", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"], capabilities: { mintToken: false } });
    await savePlan(cwd, plan);
    const env = envFor(emu);
    expect((await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env })).code).toBe(4);
    const stateBefore = JSON.stringify(await fetchState(emu));
    for (const [what, content, message] of BAD) {
      await writeFile(join(cwd, "tokens.txt"), content, { mode: 0o600 });
      const before = tree(cwd);
      const run = await runCli(["apply", "plan.json", "--resume", "--token-file", "tokens.txt", "--yes", "--secrets-dir", "s"], { cwd, env });
      const context = `${what}\n${run.stderr}`;
      expect(run.code, context).toBe(1);
      expect(run.stderr, context).toMatch(/^Error: .*tokens\.txt/m);
      expect(run.stderr, context).toMatch(message);
      expect(run.stderr + run.stdout, context).not.toContain(SECRET);
      expect(run.stderr, context).not.toMatch(NO_TRACE);
      expect(tree(cwd), context).toEqual(before);
      expect(JSON.stringify(await fetchState(emu)), context).toBe(stateBefore);
    }
    // The same paused run takes a good token file.
    const state = await fetchState(emu);
    const m = plan.migrations[0]!;
    const sa = state.serviceAccounts.find((s) => s.description?.includes(m.serviceAccount.marker));
    const minted = emu.state.mintToken(sa?.accountId ?? "", { label: m.credential.label, scopes: m.credential.scopes, expiry: new Date("2027-06-01T00:00:00Z") });
    await writeFile(join(cwd, "tokens.txt"), `${minted.token}\n`, { mode: 0o600 });
    const resumed = await runCli(["apply", "plan.json", "--resume", "--token-file", "tokens.txt", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(resumed.code, resumed.stderr).toBe(0);
  });
});

describe("a failed start writes nothing", () => {
  it("apply --resume with no journal record creates no state directory", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const before = tree(cwd);
    const run = await runCli(["apply", "plan.json", "--resume", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: Nothing to resume: the journal .*journal\.jsonl has no record of plan p-test\d+/m);
    expect(tree(cwd)).toEqual(before);
  });

  it("apply that stops before its first step (a stale plan) leaves no state directory", async () => {
    emu = await startOrg();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const first = makeTempDir();
    await savePlan(first, plan);
    expect((await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd: first, env: envFor(emu) })).code).toBe(0);
    // The directory changed since the plan was made: the same plan elsewhere is refused.
    const cwd = makeTempDir();
    await savePlan(cwd, plan);
    const before = tree(cwd);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: Saved plan is stale/m);
    expect(tree(cwd)).toEqual(before);
  });

  it("rollback --plan reads and checks the plan even when the journal is empty", async () => {
    const cwd = makeTempDir();
    await writeFile(join(cwd, "garbage.json"), "{ not a plan");
    const bad = await runCli(["rollback", "--yes", "--plan", "garbage.json"], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Error: .*garbage\.json/m);
    expect(bad.stderr).not.toMatch(NO_TRACE);
    const missing = await runCli(["rollback", "--yes", "--plan", "nope.json"], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Error: .*nope\.json/m);
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const good = await runCli(["rollback", "--yes", "--plan", "plan.json"], { cwd });
    expect(good.code, good.stderr).toBe(0);
    expect(good.stderr).toMatch(/nothing to roll back/);
    expect(tree(cwd)).toEqual({ "garbage.json": expect.any(String), "plan.json": expect.any(String) });
  });
});

describe(".env in the working directory", () => {
  it("is decoded strictly: bytes that are not UTF-8 or a NUL in a value are refused without showing values", async () => {
    const cwd = makeTempDir();
    await writeFile(join(cwd, "org.json"), readFileSync(fixturePath("audit-bot.json")));
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.concat([Buffer.from("BOT2SVC_ATLASSIAN_API_KEY=SECRETKEY"), Buffer.from([0xff, 0x0a])]), /^Error: \.env is not valid UTF-8 \(byte offset 35\)/m],
      [Buffer.from("BOT2SVC_ATLASSIAN_API_KEY=SECRET\u0000KEY\n"), /^Error: \.env: BOT2SVC_ATLASSIAN_API_KEY holds a NUL character/m],
    ];
    for (const [content, message] of cases) {
      await writeFile(join(cwd, ".env"), content);
      const run = await runCli(["audit", "--snapshot", "org.json", "--format", "json"], { cwd });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr + run.stdout).not.toContain("SECRET");
      expect(run.stderr).not.toMatch(NO_TRACE);
    }
  });
});
