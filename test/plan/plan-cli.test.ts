import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliDeps } from "../../src/context.js";
import { main } from "../../src/main.js";
import type { CheckboxChoice, Prompts } from "../../src/ui/prompts.js";
import { finding, smallReport } from "./builders.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "plan");

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams; `tty` makes stdin and stderr terminals. */
async function runCli(argv: string[], opts: { cwd: string; tty?: boolean; prompts?: Prompts }): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const ttyExtras = { isTTY: true, columns: 120, clearLine: () => true, cursorTo: () => true, moveCursor: () => true };
  const deps: CliDeps = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true), ...(opts.tty ? ttyExtras : {}) },
    env: {},
    cwd: opts.cwd,
    now: () => new Date("2026-11-02T10:00:00.000Z"),
    prompts: opts.prompts ?? strictPrompts(),
  };
  // A stand-in terminal: prompts are faked, so nothing ever reads from it.
  if (opts.tty) deps.stdin = { isTTY: true } as unknown as NodeJS.ReadableStream & { isTTY?: boolean };
  const code = await main(argv, deps);
  return { code, stdout, stderr };
}

/** Prompts that fail the test when called, unless a handler for that prompt is given. */
function strictPrompts(checkbox?: Prompts["checkbox"]): Prompts {
  const unexpected = (what: string) => () => Promise.reject(new Error(`unexpected ${what} prompt`));
  return {
    confirm: unexpected("confirm"),
    password: unexpected("password"),
    checkbox: checkbox ?? unexpected("checkbox"),
  };
}

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "bot2svc-plan-cli-"));
  for (const name of ["org.json", "audit.json", "capable-provider.mjs"]) await copyFile(join(FIXTURES, name), join(cwd, name));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const exists = (file: string) => stat(join(cwd, file)).then(() => true, () => false);
const readPlan = async (file: string) => JSON.parse(await readFile(join(cwd, file), "utf8")) as Record<string, any>;

describe("bot2svc plan", () => {
  it("plans from a saved audit and a snapshot, writes the default file and prints the review on stderr", async () => {
    const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const plan = await readPlan("bot2svc-plan.json");
    expect(plan.kind).toBe("bot2svc.plan");
    expect(plan.source).toEqual({ type: "audit", file: "audit.json" });
    expect(plan.provider).toEqual({ name: "snapshot" });
    expect(plan.migrations.map((m: any) => m.source.accountId)).toEqual(["a-jenkins", "a-wiki"]);
    // The snapshot provider cannot write: every migration says so instead of silently skipping.
    expect(plan.migrations[0].credential.mint).toBe("manual");
    expect(plan.migrations[0].blockers.map((b: any) => b.code)).toEqual(["PROVIDER_CANNOT_CREATE", "OLD_ACCOUNT_UNSUPPORTED"]);
    expect(r.stderr).toContain('+ service account "Jenkins CI"');
    // Blocked migrations are not changes: the plan says so and does not invite an apply.
    // The review is wrapped to the width (80 when piped without COLUMNS).
    expect(r.stderr.replace(/\s+/g, " ")).toContain("No changes. All 2 migrations are blocked; apply has nothing to do until the blockers are resolved.");
    expect(r.stderr).toContain("Left out deploy@acme.com: org or site admin");
    expect(r.stderr).toContain("Wrote plan to bot2svc-plan.json. It has nothing to apply.");
    expect(r.stderr).not.toContain("✔");
    expect(r.stderr).not.toContain("bot2svc apply");
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });

  it("--detailed-exitcode exits 0 when every migration is blocked", async () => {
    const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--detailed-exitcode"], { cwd });
    expect(r.code).toBe(0);
    expect((await readPlan("bot2svc-plan.json")).migrations).toHaveLength(2);
  });

  it("--json prints only the plan on stdout and writes no file unless --out is given", async () => {
    const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--json", "--yes"], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).kind).toBe("bot2svc.plan");
    expect(await exists("bot2svc-plan.json")).toBe(false);
    expect(r.stderr).not.toContain("service account \"Jenkins CI\"");
    expect(r.stderr).not.toContain("Wrote plan");
    const withOut = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--json", "--out", "p.json"], { cwd });
    expect(withOut.code).toBe(0);
    expect(JSON.parse(withOut.stdout).id).toBe((await readPlan("p.json")).id);
  });

  it("with a capable provider: API mints, no blockers, and --detailed-exitcode exits 2", async () => {
    await mkdir(join(cwd, "out"));
    const r = await runCli(
      ["plan", "--provider", "./capable-provider.mjs", "--from-audit", "audit.json", "--out", "out/p.json", "--soak-days", "7", "--secrets-dir", "./secrets", "--detailed-exitcode"],
      { cwd },
    );
    expect(r.code).toBe(2);
    const plan = await readPlan("out/p.json");
    expect(plan.provider.name).toBe("capable-test");
    expect(plan.secretSink).toEqual({ type: "env-file", dir: "./secrets" });
    expect(plan.migrations.every((m: any) => m.blockers.length === 0 && m.credential.mint === "api" && m.oldAccount.soakDays === 7)).toBe(true);
    expect(r.stderr).toContain("Plan: 2 service accounts to create, 2 tokens to mint, 2 bot accounts to suspend.");
  });

  it("--detailed-exitcode exits 0 when there is nothing to migrate", async () => {
    const report = smallReport([finding("a-alice", "human", { email: "alice@acme.com" })]);
    await writeFile(join(cwd, "humans.json"), JSON.stringify(report));
    const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "humans.json", "--detailed-exitcode"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("No changes. No bot accounts to migrate.");
    expect((await readPlan("bot2svc-plan.json")).migrations).toEqual([]);
  });

  it("--json prints the plan on stdout, the same as the file", async () => {
    const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--json", "--include", "likely-bot", "--out", "p.json"], { cwd });
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual(await readPlan("p.json"));
    expect(printed.migrations.map((m: any) => m.source.accountId)).toEqual(["a-jenkins", "a-wiki", "a-zapier"]);
  });

  it("plans exactly --select, with flags for scopes, expiry and old-account action", async () => {
    const r = await runCli(
      ["plan", "--provider", "./capable-provider.mjs", "--from-audit", "audit.json", "--select", "wiki-sync@acme.com", "--scopes", "read:confluence-content.all", "--token-expiry-days", "30", "--old-account", "revoke-tokens"],
      { cwd },
    );
    expect(r.code).toBe(0);
    const [m, ...rest] = (await readPlan("bot2svc-plan.json")).migrations;
    expect(rest).toEqual([]);
    expect(m.credential).toMatchObject({ scopes: ["read:confluence-content.all"], expiryDays: 30 });
    expect(m.oldAccount).toEqual({ action: "revoke-tokens", soakDays: 0, tokenIds: ["tok-2"] });
  });

  it("rejects bad flag values at once, naming each flag, and writes nothing", async () => {
    const r = await runCli(
      ["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--token-expiry-days", "400", "--scopes", "read jira", "--include", "human", "--secrets-dir", "s", "--secret-command", "vault"],
      { cwd },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Error: Invalid options");
    expect(r.stderr).toContain('--token-expiry-days: expected a whole number from 1 to 365 (Atlassian caps API tokens at one year) (got "400")');
    expect(r.stderr).toContain('--scopes: "read jira" is not a Jira or Confluence token scope such as read:jira-work');
    expect(r.stderr).toContain('--include: "human" is not a verdict to plan');
    expect(r.stderr).toContain("--secrets-dir: cannot be combined with --secret-command");
    expect(await exists("bot2svc-plan.json")).toBe(false);
  });

  it("refuses scopes outside the service-account token scopes, and an impossible --now date", async () => {
    const scopes = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--scopes", "read:jira-work,manage:org,read:directories:admin"], { cwd });
    expect(scopes.code).toBe(1);
    expect(scopes.stderr).toContain('--scopes: "manage:org" is not a Jira or Confluence token scope');
    expect(scopes.stderr).toContain('"read:directories:admin" is not');
    expect(scopes.stderr).not.toContain('"read:jira-work" is not');
    for (const now of ["2026-02-30T00:00:00Z", "2026-13-01", "2026-04-31", "2026-01-01T24:30:00Z"]) {
      const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--now", now], { cwd });
      expect(r.code, now).toBe(1);
      expect(r.stderr).toContain(`--now must be an ISO 8601 date or timestamp`);
    }
    expect(await exists("bot2svc-plan.json")).toBe(false);
  });

  it("rejects an unknown --select entry and writes nothing", async () => {
    const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--select", "a-jenkins,ghost@acme.com", "--json"], { cwd });
    expect(r.code).toBe(1);
    const { error } = JSON.parse(r.stdout);
    expect(error.code).toBe("SELECT_INVALID");
    expect(error.details).toEqual(["ghost@acme.com: no account with this id or email in the audit report or the directory"]);
    expect(await exists("bot2svc-plan.json")).toBe(false);
  });

  it("names the file and the field of an invalid audit report", async () => {
    const report = smallReport() as unknown as { findings: Record<string, unknown>[] };
    report.findings[1]!.verdict = "robot";
    await writeFile(join(cwd, "bad-audit.json"), JSON.stringify(report));
    const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "bad-audit.json"], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-audit\.json is not a valid audit report \(1 problem\)/);
    expect(r.stderr).toMatch(/findings\[1\]\.verdict:/);
  });

  it("on a terminal, lets the admin pick from a checkbox list with bots pre-checked", async () => {
    let seen: CheckboxChoice<unknown>[] = [];
    const prompts = strictPrompts(async <T>(_message: string, choices: CheckboxChoice<T>[]) => {
      seen = choices as CheckboxChoice<unknown>[];
      return ["a-zapier" as T];
    });
    const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--no-color"], { cwd, tty: true, prompts });
    expect(r.code).toBe(0);
    expect(seen.map((c) => [c.value, c.checked])).toEqual([
      ["a-jenkins", true],
      ["a-wiki", true],
      ["a-zapier", false],
    ]);
    expect(seen[0]!.name).toMatch(/^Jenkins CI +jenkins@acme\.com +bot +score 9 +— API token used/);
    expect((await readPlan("bot2svc-plan.json")).migrations.map((m: any) => m.source.accountId)).toEqual(["a-zapier"]);
  });

  it("does not prompt on a terminal with --yes", async () => {
    const r = await runCli(["plan", "--snapshot", "org.json", "--from-audit", "audit.json", "--yes", "--quiet"], { cwd, tty: true });
    expect(r.code).toBe(0);
    expect((await readPlan("bot2svc-plan.json")).migrations).toHaveLength(2);
  });
});

describe("bot2svc show", () => {
  beforeEach(async () => {
    const r = await runCli(["plan", "--provider", "./capable-provider.mjs", "--from-audit", "audit.json", "--out", "plan.json", "--quiet"], { cwd });
    expect(r.code).toBe(0);
  });

  it("renders the plan on stdout", async () => {
    const r = await runCli(["show", "plan.json"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("+ role jira-software user on acme.atlassian.net");
    expect(r.stdout).toContain("~ jenkins@acme.com: suspend after verification");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("Plan: 2 service accounts to create, 2 tokens to mint, 2 bot accounts to suspend.");
  });

  it("--json prints the plan with its counts", async () => {
    const r = await runCli(["show", "plan.json", "--json"], { cwd });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.plan).toEqual(await readPlan("plan.json"));
    expect(out.counts).toMatchObject({ migrations: 2, create: 2, tokens: 2, manualTokens: 0, suspend: 2, blocked: 0 });
  });

  it("explains a missing or invalid plan file with exit 1", async () => {
    const missing = await runCli(["show", "nope.json"], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Plan file not found: nope.json");
    const wrongKind = await runCli(["show", "org.json"], { cwd });
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain('org.json is not a bot2svc plan: kind is "bot2svc.snapshot", expected "bot2svc.plan"');
  });
});
