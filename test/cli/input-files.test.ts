import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, fixturePath, makeTempDir, runCli } from "../helpers/run-cli.js";

const SNAPSHOT = readFileSync(fixturePath("audit-bot.json"), "utf8");

function dirWith(files: Record<string, string | Buffer>): string {
  const cwd = makeTempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), content);
  return cwd;
}

function expectCleanFailure(run: { code: number; stderr: string }, message: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/This is a bug|Maximum call stack|\n\s+at /);
}

describe("reading input files", () => {
  it("accepts a UTF-8 byte order mark (as Windows editors save files)", async () => {
    const cwd = dirWith({ "org.json": `\uFEFF${SNAPSHOT}` });
    const run = await runCli(["audit", "--snapshot", "org.json", "--format", "json"], { cwd });
    // Warnings about signals the small snapshot lacks are fine; no error is.
    expect(run.stderr).not.toMatch(/error|✖/i);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).org.id).toBe("org-test-1");
  });

  it("refuses invalid UTF-8 with the byte offset instead of replacing it silently", async () => {
    const bytes = Buffer.from(SNAPSHOT, "utf8");
    const at = SNAPSHOT.indexOf("Alice");
    const bad = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28]), bytes.subarray(at + 2)]);
    const cwd = dirWith({ "org.json": bad });
    const run = await runCli(["audit", "--snapshot", "org.json"], { cwd });
    expectCleanFailure(run, new RegExp(`org\\.json is not valid UTF-8 \\(byte offset ${at}\\)`));
  });

  it("refuses a field nested 50,000 levels deep with a clear message, not a stack overflow", async () => {
    const deep = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`;
    const cwd = dirWith({ "org.json": SNAPSHOT.replace('"version": 1,', `"version": 1, "extra": ${deep},`) });
    for (const argv of [
      ["audit", "--snapshot", "org.json"],
      ["snapshot", "--snapshot", "org.json", "--out", "copy.json"],
    ]) {
      const run = await runCli(argv, { cwd });
      expectCleanFailure(run, /org\.json is nested too deeply \(more than 64 levels at line 3, column \d+\)/);
    }
    expect(existsSync(join(cwd, "copy.json"))).toBe(false);
  });
});

describe("writing output files", () => {
  it("audit --output DIR says the path is a directory", async () => {
    const cwd = dirWith({ "org.json": SNAPSHOT });
    mkdirSync(join(cwd, "reports"));
    const run = await runCli(["audit", "--snapshot", "org.json", "--output", "reports"], { cwd });
    expectCleanFailure(run, /Cannot write reports: it is a directory/);
    expect(readdirSync(join(cwd, "reports"))).toEqual([]);
  });

  it("-o into a missing directory is refused and the directory is not created", async () => {
    const cwd = dirWith({ "org.json": SNAPSHOT });
    for (const argv of [
      ["audit", "--snapshot", "org.json", "--output", "missing/report.json"],
      ["plan", "--snapshot", "org.json", "--out", "missing/plan.json"],
      ["snapshot", "--snapshot", "org.json", "--out", "missing/org.json"],
    ]) {
      const run = await runCli(argv, { cwd });
      expectCleanFailure(run, /Cannot write missing\/\w+\.json: the directory missing does not exist/);
      expect(existsSync(join(cwd, "missing"))).toBe(false);
    }
  });

  it("snapshot writes the org's personal data readable by the owner only (0600)", async () => {
    const cwd = dirWith({ "org.json": SNAPSHOT });
    writeFileSync(join(cwd, "copy.json"), "old", { mode: 0o644 });
    const run = await runCli(["snapshot", "--snapshot", "org.json", "--out", "copy.json"], { cwd });
    expect(run.code).toBe(0);
    expect(statSync(join(cwd, "copy.json")).mode & 0o777).toBe(0o600);
  });
});

describe(".env", () => {
  it("a copy of .env.example works unchanged: empty values mean unset", async () => {
    const cwd = dirWith({ ".env": readFileSync(join(REPO_ROOT, ".env.example"), "utf8"), "org.json": SNAPSHOT });
    const run = await runCli(["audit", "--snapshot", "org.json", "--format", "json"], { cwd });
    // Warnings about signals the small snapshot lacks are fine; no error is.
    expect(run.stderr).not.toMatch(/error|✖/i);
    expect(run.code).toBe(0);
  });

  it("an empty variable in the real environment is unset too", async () => {
    const cwd = dirWith({ "org.json": SNAPSHOT });
    const run = await runCli(["audit", "--snapshot", "org.json", "--format", "json"], { cwd, env: { BOT2SVC_CONFIG: "", BOT2SVC_LOG: "" } });
    expect(run.code).toBe(0);
  });
});

describe("config regexes", () => {
  it("runs a configured pattern with overlapping alternation in linear time: the audit does not hang", async () => {
    const org = JSON.parse(SNAPSHOT) as { users: Record<string, unknown>[] };
    const evil = "a".repeat(34) + "!";
    org.users.push({ ...org.users[0], accountId: "acc-evil", name: evil, email: `${evil}@test.example`, nickname: evil });
    const config = { detection: { namePatterns: ["(a|a)*$", "(a+)+b", "bots?"] } };
    const cwd = dirWith({ "org.json": JSON.stringify(org), "bot2svc.config.json": JSON.stringify(config) });
    const started = Date.now();
    const run = await runCli(["audit", "--snapshot", "org.json", "--format", "json"], { cwd });
    // A backtracking engine takes minutes on this name; the linear one well under a second.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect([0, 2]).toContain(run.code);
    expect((JSON.parse(run.stdout) as { kind: string }).kind).toBe("bot2svc.audit");
  });

  it("refuses a pattern the linear-time matcher cannot run, naming the config file and the field", async () => {
    const config = { detection: { namePatterns: ["bot(?!tom)"] } };
    const cwd = dirWith({ "org.json": SNAPSHOT, "bot2svc.config.json": JSON.stringify(config) });
    const run = await runCli(["audit", "--snapshot", "org.json"], { cwd });
    expectCleanFailure(run, /bot2svc\.config\.json is not a valid bot2svc config[\s\S]*detection\.namePatterns\[0\]: pattern #0 .* linear-time matcher/);
  });

  it("refuses two patterns that name the same group instead of crashing", async () => {
    const config = { detection: { roleMailboxPatterns: ["(?<r>ci)", "(?<r>build)"] } };
    const cwd = dirWith({ "org.json": SNAPSHOT, "bot2svc.config.json": JSON.stringify(config) });
    const run = await runCli(["audit", "--snapshot", "org.json"], { cwd });
    expectCleanFailure(run, /patterns #0 and #1 both name a group "r"/);
  });
});
