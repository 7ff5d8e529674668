import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/core/detect/types.js";
import { ANSI_PATTERN, REPO_ROOT, fixturePath, makeTempDir, runCli } from "../helpers/run-cli.js";

const BOT = fixturePath("audit-bot.json");
const CLEAN = fixturePath("audit-clean.json");
const INVALID = fixturePath("audit-invalid.json");

function parseReport(stdout: string): AuditReport {
  const report = JSON.parse(stdout) as AuditReport;
  expect(report.kind).toBe("bot2svc.audit");
  expect(report.version).toBe(1);
  return report;
}

function usersIn(file: string): number {
  return (JSON.parse(readFileSync(file, "utf8")) as { users: unknown[] }).users.length;
}

describe("audit --demo", () => {
  it("audits the bundled demo org and prints JSON when stdout is not a terminal", async () => {
    const { code, stdout, stderr } = await runCli(["audit", "--demo"]);
    expect(stderr).not.toMatch(/Error/);
    expect(code).toBe(0);
    const report = parseReport(stdout);
    expect(report.summary.accounts).toBe(usersIn(join(REPO_ROOT, "fixtures", "demo-org.json")));
    expect(report.referenceTime).toBe("2026-11-01T00:00:00.000Z");
    expect(report.generatedAt).toBe("2026-11-01T12:00:00.000Z");
  });

  it("prints a coloured table on a terminal", async () => {
    const { code, stdout } = await runCli(["audit", "--demo"], { stdoutIsTTY: true });
    expect(code).toBe(0);
    expect(stdout).toMatch(ANSI_PATTERN);
    expect(stdout).toContain("Audit of");
    expect(stdout).toMatch(/(Found \d+ bots?, \d+ likely bots? among|No bot accounts found\. Checked) \d+ accounts/);
  });
});

describe("audit --format", () => {
  const checks: Record<string, (out: string) => void> = {
    table: (out) => {
      expect(out.startsWith("Audit of Bot Org (org org-test-1, as of 2026-11-01 00:00 UTC)\n")).toBe(true);
      expect(out).toMatch(/among 4 accounts|Checked 4 accounts/);
    },
    json: (out) => expect(parseReport(out).org).toEqual({ id: "org-test-1", name: "Bot Org" }),
    csv: (out) => expect(out.split("\r\n")[0]).toBe("accountId,name,email,verdict,score,confidence,risk,recommendation,reasons"),
    markdown: (out) => {
      expect(out.startsWith("## bot2svc audit: Bot Org\n")).toBe(true);
      expect(out).toContain("| **Accounts checked** | **4** |");
    },
    sarif: (out) => {
      const sarif = JSON.parse(out) as { version: string; runs: { tool: { driver: { name: string } } }[] };
      expect(sarif.version).toBe("2.1.0");
      expect(sarif.runs[0]!.tool.driver.name).toBe("bot2svc");
    },
    html: (out) => {
      expect(out.startsWith("<!DOCTYPE html>")).toBe(true);
      expect(out).toContain("<title>bot2svc audit: Bot Org</title>");
    },
  };

  it.each(Object.keys(checks))("%s goes to stdout, logs stay off it", async (format) => {
    const { code, stdout, stderr } = await runCli(["audit", "--snapshot", BOT, "--format", format]);
    expect(code).toBe(0);
    // Only the notes on signals the fixture does not record (its events cover three days).
    expect(stderr.replace(/^warning (Limited|Unavailable) signal: .*\n/gm, "")).toBe("");
    checks[format]!(stdout);
    expect(stdout).not.toMatch(ANSI_PATTERN);
  });

  it("finds the obvious bot in the bot snapshot, with its evidence", async () => {
    const { stdout } = await runCli(["audit", "--snapshot", BOT, "--format", "json"]);
    const report = parseReport(stdout);
    const jenkins = report.findings.find((f) => f.accountId === "acc-jenkins");
    expect(jenkins?.verdict).toBe("bot");
    expect(jenkins?.recommendation).toBe("migrate-to-service-account");
    expect(jenkins?.signals.length).toBeGreaterThan(0);
    // Bob Jenkins uses the UI like a person: a name alone must not make a bot.
    expect(report.findings.find((f) => f.accountId === "acc-bob")?.verdict ?? "human").toBe("human");
  });

  it("rejects an unknown format with exit 1 and the allowed choices", async () => {
    const { code, stdout, stderr } = await runCli(["audit", "--snapshot", BOT, "--format", "xml"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("'xml' is invalid");
    expect(stderr).toContain("table, json, csv, markdown, sarif, html");
  });

  it("defaults to table on a terminal and to JSON when piped", async () => {
    const tty = await runCli(["audit", "--snapshot", CLEAN, "--no-color"], { stdoutIsTTY: true });
    expect(tty.stdout).toContain("Audit of Test Org");
    const piped = await runCli(["audit", "--snapshot", CLEAN]);
    expect(parseReport(piped.stdout).summary.accounts).toBe(3);
  });
});

describe("audit --include-humans", () => {
  it("keeps every account in the report, and lists people in the table", async () => {
    const all = parseReport((await runCli(["audit", "--snapshot", CLEAN, "--include-humans"])).stdout);
    expect(all.findings.map((f) => f.accountId).sort()).toEqual(["acc-alice", "acc-bob", "acc-chen"]);
    const table = await runCli(["audit", "--snapshot", CLEAN, "--include-humans", "--format", "table"]);
    expect(table.stdout).toContain("Alice Martin");
    expect(table.stdout).toContain("No bot accounts found. Checked 3 accounts.");
    const actionable = parseReport((await runCli(["audit", "--snapshot", CLEAN])).stdout);
    expect(actionable.findings).toEqual([]);
  });
});

describe("audit --output", () => {
  it("writes the file, prints nothing on stdout and the same bytes as stdout would get", async () => {
    const cwd = makeTempDir();
    mkdirSync(join(cwd, "out"));
    const toFile = await runCli(["audit", "--snapshot", BOT, "--format", "csv", "--output", "out/findings.csv"], { cwd });
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe("");
    expect(toFile.stderr).toContain("Wrote csv report to out/findings.csv");
    const written = readFileSync(join(toFile.cwd, "out", "findings.csv"), "utf8");
    const toStdout = await runCli(["audit", "--snapshot", BOT, "--format", "csv"]);
    expect(written).toBe(toStdout.stdout);
  });

  it("writes JSON by default and never colour codes, even from a terminal", async () => {
    const json = await runCli(["audit", "--snapshot", BOT, "-o", "report.json"], { stdoutIsTTY: true });
    expect(json.code).toBe(0);
    parseReport(readFileSync(join(json.cwd, "report.json"), "utf8"));
    const table = await runCli(["audit", "--snapshot", BOT, "--format", "table", "-o", "report.txt"], { stdoutIsTTY: true });
    const text = readFileSync(join(table.cwd, "report.txt"), "utf8");
    expect(text).toContain("Audit of Bot Org");
    expect(text).not.toMatch(ANSI_PATTERN);
  });
});

describe("audit --fail-on", () => {
  it("exits 2 when a bot is found, and still prints the report", async () => {
    const { code, stdout, stderr } = await runCli(["audit", "--snapshot", BOT, "--format", "json", "--fail-on", "bot"]);
    const report = parseReport(stdout);
    const hasBot = report.findings.some((f) => f.verdict === "bot");
    expect(hasBot).toBe(true);
    expect(code).toBe(2);
    expect(stderr).toContain('Findings at or above "bot": exit 2.');
  });

  it("exits 0 with the empty state when only active people are found", async () => {
    const { code, stdout } = await runCli(["audit", "--snapshot", CLEAN, "--format", "table", "--fail-on", "likely-bot"]);
    expect(code).toBe(0);
    expect(stdout).toContain("No bot accounts found. Checked 3 accounts.");
  });

  it("does not fail on accounts a migration already replaced, and fails again when one is not", async () => {
    // Every bot of the fixture suspended and paired with the service account its migration made.
    const { stdout } = await runCli(["audit", "--snapshot", BOT, "--format", "json"]);
    const bots = parseReport(stdout).findings.filter((f) => f.verdict === "bot" || f.verdict === "likely-bot");
    expect(bots.length).toBeGreaterThan(0);
    const snapshot = JSON.parse(readFileSync(BOT, "utf8")) as { users: Record<string, unknown>[]; serviceAccounts?: Record<string, unknown>[] };
    const migrated = (keep: number) => {
      const users = snapshot.users.map((u) => (bots.some((b) => b.accountId === u["accountId"]) ? { ...u, status: "suspended" } : u));
      const serviceAccounts = bots.slice(0, keep).map((b, i) => ({
        id: `sa-m${i}`,
        accountId: `712020:m${i}`,
        email: `m${i}@serviceaccount.atlassian.com`,
        displayName: b.name,
        description: `Migrated from ${b.email} by bot2svc`,
        status: "active",
        createdAt: "2026-10-30T00:00:00.000Z",
      }));
      const file = join(makeTempDir(), "migrated.json");
      writeFileSync(file, JSON.stringify({ ...snapshot, users, serviceAccounts: [...(snapshot.serviceAccounts ?? []), ...serviceAccounts] }));
      return file;
    };
    const all = await runCli(["audit", "--snapshot", migrated(bots.length), "--format", "json", "--fail-on", "likely-bot"]);
    const report = parseReport(all.stdout);
    expect(report.summary.migrated).toBe(bots.length);
    expect(all.code).toBe(0);
    // One bot left without its service account (suspended, its token still in use) is work again.
    const rest = await runCli(["audit", "--snapshot", migrated(bots.length - 1), "--format", "json", "--fail-on", "likely-bot"]);
    const left = parseReport(rest.stdout).findings.find((f) => f.accountId === bots[bots.length - 1]?.accountId);
    expect(left?.lifecycle?.state).not.toBe("migrated");
    expect(left?.recommendation).toBe("migrate-to-service-account");
    expect(rest.code).toBe(2);
  });

  it("rejects an unknown level", async () => {
    const { code, stderr } = await runCli(["audit", "--snapshot", CLEAN, "--fail-on", "human"]);
    expect(code).toBe(1);
    expect(stderr).toContain("'human' is invalid");
  });
});

describe("audit errors", () => {
  it("reports a bad snapshot with the file and every field, exit 1, no output file", async () => {
    const { code, stdout, stderr, cwd } = await runCli(["audit", "--snapshot", INVALID, "--output", "report.json"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("audit-invalid.json");
    expect(stderr).toContain("users[1].accountType");
    expect(stderr).toContain("events[0].time");
    expect(stderr).not.toContain("This is a bug");
    expect(existsSync(join(cwd, "report.json"))).toBe(false);
  });

  it("prints errors as JSON on stdout with --json", async () => {
    const { code, stdout } = await runCli(["audit", "--json", "--snapshot", "missing.json"]);
    expect(code).toBe(1);
    const { error } = JSON.parse(stdout) as { error: { code: string; message: string; hint: string | null } };
    expect(error.code).toBe("FILE_UNREADABLE");
    expect(error.message).toContain("missing.json");
    expect(error.hint).toMatch(/--snapshot/);
  });

  it("prints usage errors as JSON with --json", async () => {
    const { code, stdout } = await runCli(["--json", "audit", "--format", "xml"]);
    expect(code).toBe(1);
    const { error } = JSON.parse(stdout) as { error: { code: string; message: string; hint: string } };
    expect(error).toEqual({ code: "USAGE", message: expect.stringContaining("'xml' is invalid") as string, hint: "Run with --help for usage." });
  });

  it("explains a missing provider", async () => {
    const { code, stderr } = await runCli(["audit"]);
    expect(code).toBe(1);
    expect(stderr).toContain("No directory provider is configured.");
    expect(stderr).toContain("Hint: Use --snapshot FILE or --demo");
  });

  it("rejects a malformed --now", async () => {
    const { code, stderr } = await runCli(["audit", "--snapshot", CLEAN, "--now", "tomorrow"]);
    expect(code).toBe(1);
    expect(stderr).toContain("--now must be an ISO 8601");
  });
});

describe("audit colour", () => {
  const args = ["audit", "--snapshot", BOT, "--format", "table"];

  it("is on for a terminal", async () => {
    expect((await runCli(args, { stdoutIsTTY: true })).stdout).toMatch(ANSI_PATTERN);
  });

  it.each([
    ["NO_COLOR=1", { stdoutIsTTY: true, env: { NO_COLOR: "1" } }, []],
    ["--no-color", { stdoutIsTTY: true }, ["--no-color"]],
    ["a pipe", { stdoutIsTTY: false }, []],
    ["--json", { stdoutIsTTY: true }, ["--json"]],
  ] as const)("is off with %s", async (_label, options, extra) => {
    const { code, stdout } = await runCli([...args, ...extra], options);
    expect(code).toBe(0);
    expect(stdout).toContain("Audit of Bot Org");
    expect(stdout).not.toMatch(ANSI_PATTERN);
  });
});

describe("audit --help", () => {
  it("documents formats and has examples", async () => {
    const { code, stdout } = await runCli(["audit", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: bot2svc audit [options]");
    expect(stdout).toContain("Examples:");
    expect(stdout).toContain("$ bot2svc audit --demo");
    expect(stdout).toMatch(/--format <format>[\s\S]*table[\s\S]*sarif/);
  });
});
