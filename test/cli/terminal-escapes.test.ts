import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Snapshot } from "../../src/core/snapshot/schema.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { fixturePath, makeTempDir, runCli } from "../helpers/run-cli.js";
import { applyOrg, envFor, makePlan, savePlan, startOrg } from "../apply/harness.js";

// What an attacker who can rename an account (or a token) would put in it: a title change, a
// screen clear, an 8-bit CSI and a right-to-left override.
const TITLE = "\u001b]0;owned\u0007";
const CLEAR = "\u001b[2J\u001b[H";
const hostileName = `Jenkins${TITLE} CI${CLEAR}\u202egpj.exe\u009b31m`;
const hostileOrg = `Acme${CLEAR}\u2066Apply`;
// Raw control characters other than tab/newline, C1 controls and bidi overrides/isolates.
const UNSAFE = /[\u0000-\u0008\u000b-\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\u001b(?!\[(?:0|1|2|22|3[1-7]|39|90)m)/;

/** None of the hostile sequences got through raw (a spinner on a fake TTY adds escapes of its own). */
function expectNoHostile(text: string): void {
  for (const raw of ["\u001b]0;", "\u001b[2J", "\u001b[H", "\u202e", "\u2066", "\u009b", "\u0007"]) expect(text).not.toContain(raw);
}

function hostileSnapshot(): Snapshot {
  const org = applyOrg();
  org.org.name = hostileOrg;
  const jenkins = org.users.find((u) => u.accountId === "a-jenkins")!;
  jenkins.name = hostileName;
  jenkins.email = `jenkins${TITLE}@acme.com`;
  for (const t of org.apiTokens) if (t.accountId === "a-jenkins") t.label = `=HYPERLINK("http://x")${CLEAR}`;
  return org;
}

/** The audit fixture, whose bot "jenkins" gets a hostile name, email and token label. */
function hostileAuditSnapshot(): Snapshot {
  const snap = JSON.parse(readFileSync(fixturePath("audit-bot.json"), "utf8")) as Snapshot;
  snap.org.name = hostileOrg;
  const bot = snap.users.find((u) => u.accountId === "acc-jenkins")!;
  bot.name = `=cmd|' /C calc'!A0 ${hostileName}`;
  for (const t of snap.apiTokens) t.label = `jenkins${TITLE}`;
  return snap;
}

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe("terminal escapes from directory data", () => {
  it("show prints no escape sequence or bidi override from names, emails or the org name", async () => {
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ snapshot: hostileSnapshot(), select: ["a-jenkins"] }));
    for (const tty of [false, true]) {
      const run = await runCli(["show", "plan.json"], { cwd, stdoutIsTTY: tty, env: tty ? { FORCE_COLOR: "1" } : {} });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Jenkins");
      expect(run.stdout).not.toMatch(UNSAFE);
      expect(run.stderr).not.toMatch(UNSAFE);
      // Shown, not dropped: the reader can see something is odd about the org name (the plan
      // itself already cleaned the service account's display name when it was made).
      expect(run.stdout).toMatch(/\\u(202[a-e]|206[6-9])/);
    }
  });

  it("plan's summary and messages print no escape sequence", async () => {
    const cwd = makeTempDir();
    await writeFile(join(cwd, "org.json"), JSON.stringify(hostileAuditSnapshot()));
    const run = await runCli(["plan", "--snapshot", "org.json", "--out", "plan.json"], { cwd, stderrIsTTY: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("jenkins");
    expectNoHostile(run.stderr);
    expect(run.stdout).not.toMatch(UNSAFE);
  });

  it("audit --format csv to stdout is free of escapes and defuses spreadsheet formulas", async () => {
    const cwd = makeTempDir();
    await writeFile(join(cwd, "org.json"), JSON.stringify(hostileAuditSnapshot()));
    const run = await runCli(["audit", "--snapshot", "org.json", "--format", "csv"], { cwd });
    expect(run.stdout).toContain("Jenkins");
    expect(run.stdout).not.toMatch(UNSAFE);
    expect(run.stdout).toContain("'=cmd|");
    expect(run.stdout).not.toMatch(/(^|,)"?=cmd/m);
  });

  it("apply's confirmation, progress and summary print no escape sequence", async () => {
    emu = await startOrg({ snapshot: hostileSnapshot() });
    const cwd = makeTempDir();
    const plan = makePlan({ snapshot: hostileSnapshot(), select: ["a-jenkins"] });
    await savePlan(cwd, plan);
    const run = await runCli(["apply", "plan.json", "--secrets-dir", "s"], {
      cwd,
      env: envFor(emu),
      stdinIsTTY: true,
      stderrIsTTY: true,
      prompts: [{ type: "confirm", message: "Apply this plan", answer: true }],
    });
    expect(run.code).toBe(0);
    expect(run.prompts.asked[0]!.message).toContain("Acme");
    expect(run.prompts.asked[0]!.message).not.toMatch(UNSAFE);
    expect(run.stderr).toContain("Jenkins");
    expectNoHostile(run.stderr);
  });

  it("a failure message quoting a name carries no escape sequence", async () => {
    const cwd = makeTempDir();
    const run = await runCli(["show", `plan${CLEAR}\u202e.json`], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("not found");
    expect(run.stderr).not.toMatch(UNSAFE);
  });
});
