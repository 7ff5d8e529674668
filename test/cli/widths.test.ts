import { describe, expect, it } from "vitest";
import { renderStatus, type StatusReport } from "../../src/commands/status/status-action.js";
import { makeColors } from "../../src/ui/colors.js";
import { ANSI_PATTERN, runCli } from "../helpers/run-cli.js";

/** Widest line on screen, colour codes excluded. */
function widest(text: string): number {
  return Math.max(...text.replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((line) => [...line].length));
}

function headerOf(text: string): string {
  return text.split("\n").find((line) => line.startsWith("│ Verdict")) ?? "";
}

describe("audit table width", () => {
  it.each([60, 80, 120])("fits %i columns when piped with COLUMNS", async (columns) => {
    const { code, stdout } = await runCli(["audit", "--demo", "--format", "table"], { env: { COLUMNS: String(columns) } });
    expect(code).toBe(0);
    expect(widest(stdout)).toBeLessThanOrEqual(columns);
    // Verdict, account and recommendation stay at every width.
    const header = headerOf(stdout);
    for (const column of ["Verdict", "Account", "Action"]) expect(header).toContain(column);
    expect(stdout).toMatch(/│ bot +│(.*│)? Automation +│ migrate +│/);
    expect(stdout).toContain("automation@acme.com");
  });

  it("keeps every column at 120, hides the score at 80 and the reasons at 60", async () => {
    const at = async (columns: number) => headerOf((await runCli(["audit", "--demo", "--format", "table"], { env: { COLUMNS: String(columns) } })).stdout);
    expect(await at(120)).toMatch(/Verdict.*Score.*Risk.*Account.*Action.*Top reasons/);
    const eighty = await at(80);
    expect(eighty).toMatch(/Verdict.*Account.*Action.*Top reasons/);
    expect(eighty).not.toContain("Score");
    const sixty = await at(60);
    expect(sixty).not.toContain("Top reasons");
  });

  it("says what it hid and how to see it", async () => {
    const { stdout } = await runCli(["audit", "--demo", "--format", "table"], { env: { COLUMNS: "60" } });
    expect(stdout.replace(/\s+/g, " ")).toContain("Score and Reasons hidden to fit 60 columns; --wide shows everything.");
    expect(stdout).toMatch(/critical risk/);
  });

  it("takes the terminal's width on a TTY, over COLUMNS", async () => {
    const { stdout } = await runCli(["audit", "--demo"], { stdoutIsTTY: true, columns: 70, env: { COLUMNS: "200" } });
    expect(widest(stdout)).toBeLessThanOrEqual(70);
  });

  it("defaults to 80 columns when piped without COLUMNS", async () => {
    const { stdout } = await runCli(["audit", "--demo", "--format", "table"]);
    expect(widest(stdout)).toBeLessThanOrEqual(80);
    expect(widest(stdout)).toBeGreaterThan(70);
  });

  it("--wide shows every column and every reason uncut", async () => {
    const narrow = await runCli(["audit", "--demo", "--format", "table"], { env: { COLUMNS: "80" } });
    const wide = await runCli(["audit", "--demo", "--format", "table", "--wide"], { env: { COLUMNS: "80" } });
    expect(headerOf(wide.stdout)).toMatch(/Score.*Risk/);
    expect(widest(wide.stdout)).toBeGreaterThan(80);
    expect(wide.stdout).not.toContain("…");
    expect(wide.stdout.split("\n").length).toBeGreaterThan(narrow.stdout.split("\n").length);
  });

  it("--columns picks the columns, still fitted to the width", async () => {
    const { code, stdout } = await runCli(["audit", "--demo", "--format", "table", "--columns", "verdict,id,score"], { env: { COLUMNS: "80" } });
    expect(code).toBe(0);
    expect(headerOf(stdout)).toMatch(/^│ Verdict +│ Account id +│ Score +│$/);
    expect(widest(stdout)).toBeLessThanOrEqual(80);
  });

  it("rejects an unknown column, naming it", async () => {
    const { code, stderr } = await runCli(["audit", "--demo", "--columns", "verdict,colour"]);
    expect(code).toBe(1);
    expect(stderr).toContain('"colour" is not a table column');
  });
});

describe("status table width", () => {
  const report: StatusReport = {
    journal: "/tmp/journal.jsonl",
    exists: true,
    summary: { done: 1, pending: 1, failed: 1, waiting: 0, blocked: 0, "rolled-back": 0 },
    migrations: [
      { planId: "p", migrationId: "m-1", source: "jenkins@acme.com", serviceAccount: "jenkins-svc@serviceaccount.atlassian.com", outcome: "done", stepsDone: ["a"], stepsPending: [] },
      { planId: "p", migrationId: "m-2", source: "release-bot-with-a-long-mailbox-name@acme.com", serviceAccount: null, outcome: "pending", stepsDone: [], stepsPending: ["grant-roles"] },
      {
        planId: "p",
        migrationId: "m-3",
        source: "sync@acme.com",
        serviceAccount: null,
        outcome: "failed",
        stepsDone: [],
        stepsPending: [],
        failed: { step: "mint-token", error: "the gateway answered 401 Unauthorized for the new service account's token after three attempts" },
      },
    ],
  };

  it.each([60, 80, 120])("is a table with a header that fits %i columns", (columns) => {
    const out = renderStatus(report, makeColors(false), columns);
    expect(out).not.toMatch(ANSI_PATTERN);
    expect(out).toMatch(/│ Outcome +│ Account +│ Steps +│ Detail +│/);
    expect(widest(out)).toBeLessThanOrEqual(columns);
    expect(out).toMatch(/│ failed +│ sync@/);
    // Where there is room, the error wraps rather than being cut.
    if (columns >= 80) expect(out.replace(/[│\s]+/g, " ")).toContain("Unauthorized");
    expect(out.replace(/\s+/g, " ")).toContain("Status: 1 done, 1 pending, 1 failed, 0 waiting, 0 blocked, 0 rolled back.");
  });
});

describe("plan picker width", () => {
  it("cuts each checkbox choice to one line of the terminal", async () => {
    const { pickMigrations } = await import("../../src/commands/plan/pick.js");
    const { makeFinding } = await import("../helpers/audit-report.js");
    let seen: { name: string }[] = [];
    const prompts = {
      confirm: () => Promise.reject(new Error("unexpected")),
      password: () => Promise.reject(new Error("unexpected")),
      checkbox: (_message: string, choices: readonly { name: string; value: unknown }[]) => {
        seen = [...choices];
        return Promise.resolve(choices.map((c) => c.value));
      },
    } as unknown as import("../../src/ui/prompts.js").Prompts;
    const candidates = [makeFinding(), makeFinding({ accountId: "acc-2", name: "A very long display name for a bot account", email: "a-very-long-mailbox-name@acme.com" })];
    const picked = await pickMigrations(candidates, { prompts }, { width: 60 });
    expect(picked).toEqual(["acc-jenkins", "acc-2"]);
    expect(seen).toHaveLength(2);
    for (const choice of seen) expect([...choice.name].length).toBeLessThanOrEqual(56);
    expect(seen[0]!.name.endsWith("…")).toBe(true);
  });
});

describe("plan review width (plan on stderr, show on stdout)", () => {
  /** Lines wider than `columns`, other than a lone URL that must stay whole to be copied. */
  const overflowing = (text: string, columns: number) =>
    text
      .replace(/\u001b\[[0-9;]*m/g, "")
      .split("\n")
      .filter((line) => [...line].length > columns && !/^\s*\S*https?:\/\/\S+$/.test(line));

  it.each([60, 80, 120])("fits %i columns, with each shared cut-over note printed once", async (columns) => {
    const env = { COLUMNS: String(columns) };
    const plan = await runCli(["plan", "--demo", "--yes", "--out", "plan.json"], { env });
    expect(plan.code, plan.stderr).toBe(0);
    expect(overflowing(plan.stderr, columns)).toEqual([]);
    const show = await runCli(["show", "plan.json"], { env, cwd: plan.cwd });
    expect(show.code).toBe(0);
    expect(overflowing(show.stdout, columns)).toEqual([]);
    const migrations = show.stdout.match(/^\+ service account "/gm)?.length ?? 0;
    expect(migrations).toBeGreaterThan(10);
    expect(show.stdout.match(/Authenticate with HTTP Basic auth/g)).toHaveLength(1);
    expect(show.stdout.match(/^ {6}- shared notes \[/gm)).toHaveLength(migrations);
  });
});
