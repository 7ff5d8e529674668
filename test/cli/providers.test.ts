import { copyFile, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT, fixturePath, makeTempDir, runCli } from "../helpers/run-cli.js";

const EXAMPLE = join(REPO_ROOT, "examples", "providers", "csv-directory.mjs");
const EXAMPLE_CSV = join(REPO_ROOT, "examples", "providers", "directory.csv");

const IDP = {
  kind: "bot2svc.snapshot",
  version: 1,
  takenAt: "2026-11-01T00:00:00.000Z",
  source: { provider: "scim", baseUrl: "https://idp.example.com/scim/v2" },
  org: { id: "scim:https://idp.example.com/scim/v2", name: "Acme IdP", directoryId: "-", sites: [] },
  users: [
    { accountId: "okta-1", accountType: "atlassian", accountStatus: "active", status: "active", name: "Jenkins", email: "jenkins@acme.com" },
    { accountId: "okta-3", accountType: "atlassian", accountStatus: "inactive", status: "deactivated", name: "Wiki Sync", email: "wiki-sync@acme.com" },
  ],
};

let cwd: string;
beforeEach(async () => {
  cwd = makeTempDir("bot2svc-providers-");
  for (const name of ["org.json", "audit.json"]) await copyFile(fixturePath("plan", name), join(cwd, name));
  await writeFile(join(cwd, "idp.json"), JSON.stringify(IDP));
});

describe("the example CSV provider module", () => {
  const env = { BOT2SVC_CSV_FILE: EXAMPLE_CSV };

  it("audits a CSV export end to end and says what the export cannot show", async () => {
    const r = await runCli(["--provider", EXAMPLE, "audit", "--format", "json", "--now", "2026-11-01T00:00:00Z"], { env, cwd });
    expect(r.stderr).toContain("Not visible in csv-directory, so these signals are unavailable: a CSV export has no API tokens and only the last login per account.");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.org).toEqual({ id: "csv:directory.csv", name: "directory.csv" });
    expect(report.summary.accounts).toBe(5);
    expect(report.findings.map((f: { email: string; verdict: string }) => `${f.email}:${f.verdict}`).sort()).toEqual([
      "deploy-bot@acme.com:likely-bot",
      "jenkins@acme.com:likely-bot",
      "noreply@acme.com:likely-bot",
    ]);
  });

  it("plans with it: a read-only directory makes each migration a blocker that says why", async () => {
    const r = await runCli(["--provider", EXAMPLE, "plan", "--include", "likely-bot", "--yes", "--out", "plan.json"], { env, cwd });
    expect(r.code).toBe(0);
    const plan = JSON.parse(await readFile(join(cwd, "plan.json"), "utf8"));
    expect(plan.provider).toEqual({ name: "csv-directory" });
    expect(plan.org.id).toBe("csv:directory.csv");
    // noreply@acme.com is deactivated and no token of it is in use: the audit reports it, the plan leaves it out.
    expect(plan.migrations.map((m: { source: { email: string } }) => m.source.email).sort()).toEqual(["deploy-bot@acme.com", "jenkins@acme.com"]);
    expect(r.stderr).toMatch(/noreply@acme\.com.*deactivated and no token of it is in use/);
    for (const m of plan.migrations) {
      expect(m.blockers.map((b: { code: string }) => b.code)).toEqual(["PROVIDER_CANNOT_CREATE", "OLD_ACCOUNT_UNSUPPORTED"]);
      expect(m.credential.mint).toBe("manual");
    }
  });

  it("lists its groups on their own, the same ones its snapshot has, and meets the contract", async () => {
    const { loadProviderModule } = await import("../../src/providers/registry.js");
    const ctx = { env, cwd, now: () => new Date("2026-11-01T00:00:00Z"), warn: () => {}, debug: () => {}, addSecret: () => {} };
    const p = await loadProviderModule(EXAMPLE, ctx);
    expect(p.capabilities.listGroups).toBe(true);
    const listed = await p.listGroups?.();
    const snapshot = await p.readSnapshot();
    expect(listed?.map((g) => g.id).sort()).toEqual(["automation", "jira-users"]);
    expect(listed?.map((g) => g.id).sort()).toEqual(snapshot.groups.map((g) => g.id).sort());
  });

  it("fails with the module's own message when it is not configured, writing nothing", async () => {
    const r = await runCli(["--provider", EXAMPLE, "plan", "--yes", "--out", "plan.json"], { env: {}, cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Provider module ${EXAMPLE} failed to start: createProvider() threw: set BOT2SVC_CSV_FILE to the CSV export to read`);
    expect(await stat(join(cwd, "plan.json")).then(() => true, () => false)).toBe(false);
  });

  it("a module that breaks the contract is refused with every problem named", async () => {
    await writeFile(join(cwd, "broken.mjs"), `export const createProvider = () => ({ name: "broken", orgId: null, capabilities: { readSnapshot: true, deactivateAccount: true }, readSnapshot: async () => ({}) });`);
    const r = await runCli(["--provider", "./broken.mjs", "audit"], { env: {}, cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Provider module ${join(cwd, "broken.mjs")} does not implement the provider interface`);
    expect(r.stderr).toContain("deactivateAccount: missing, but capabilities.deactivateAccount is true and needs it");
    expect(r.stderr).toContain("capabilities.mintToken: expected true or false");
  });
});

describe("what a provider module's readSnapshot returns", () => {
  const module = (snapshot: unknown) =>
    `export const createProvider = () => ({ name: "mine", orgId: null, capabilities: { readSnapshot: true, createServiceAccount: false, deleteServiceAccount: false, grantAppRole: false, addToGroup: false, removeFromGroup: false, mintToken: false, listTokens: false, revokeToken: false, verifyToken: false, suspendAccount: false, restoreAccount: false, deactivateAccount: false, reactivateAccount: false }, readSnapshot: async () => (${JSON.stringify(snapshot)}) });`;
  const head = { kind: "bot2svc.snapshot", version: 1, takenAt: "2026-11-01T00:00:00.000Z", org: { id: "mine", name: "Mine" } };

  it("is validated like a snapshot file: a wrong field is named by its JSON path and the module, exit 1", async () => {
    await writeFile(join(cwd, "mine.mjs"), module({ ...head, users: [{ accountId: 5 }] }));
    const r = await runCli(["--provider", "./mine.mjs", "audit", "--format", "json", "--output", "report.json"], { env: {}, cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The snapshot returned by provider module ${join(cwd, "mine.mjs")} is not a valid snapshot`);
    expect(r.stderr).toMatch(/users\[0\]\.accountId/);
    expect(r.stderr).not.toMatch(/bug in bot2svc/);
    expect(await stat(join(cwd, "report.json")).then(() => true, () => false)).toBe(false);
  });

  it("a snapshot with only the required fields is completed with the optional ones", async () => {
    await writeFile(join(cwd, "mine.mjs"), module({ ...head, users: [] }));
    const r = await runCli(["--provider", "./mine.mjs", "audit", "--format", "json", "--now", "2026-11-01T00:00:00Z"], { env: {}, cwd });
    expect(r.stderr).not.toMatch(/bug in bot2svc/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.accounts).toBe(0);
  });

  it("a snapshot that is not one at all names the module", async () => {
    await writeFile(join(cwd, "mine.mjs"), module({ users: [] }));
    const r = await runCli(["--provider", "./mine.mjs", "plan", "--yes", "--out", "plan.json"], { env: {}, cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The snapshot returned by provider module ${join(cwd, "mine.mjs")} is not a snapshot`);
    expect(await stat(join(cwd, "plan.json")).then(() => true, () => false)).toBe(false);
  });
});

describe("--correlate", () => {
  it("audit shows which flagged accounts also exist in the other directory and whether they are active there", async () => {
    const json = await runCli(["audit", "--snapshot", "org.json", "--correlate", "idp.json", "--format", "json"], { cwd });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.correlation.directory).toEqual({ provider: "scim", orgId: IDP.org.id, name: "Acme IdP", file: "idp.json" });
    // The audit of org.json flags Jenkins, "Deploy Bot" (named as a bot is), which the IdP does
    // not hold, and "Wiki Sync" (a token nothing ever used, on an account named like automation),
    // which the IdP holds deactivated.
    expect(report.correlation.matches.map((m: { email: string; other: { accountId: string; active: boolean; by: string } }) => [m.email, m.other.accountId, m.other.active, m.other.by])).toEqual([
      ["jenkins@acme.com", "okta-1", true, "email"],
      ["wiki-sync@acme.com", "okta-3", false, "email"],
    ]);
    expect(report.correlation.unmatched).toBe(1);
    expect(report.warnings).toContain("jenkins@acme.com also exists in Acme IdP (scim) as jenkins@acme.com [okta-1], matched by email, and is still active there: retire it there too.");

    const table = await runCli(["audit", "--snapshot", "org.json", "--correlate", "idp.json", "--format", "table"], { cwd });
    expect(table.stdout).toContain("Also in Acme IdP (scim, idp.json)");
    expect(table.stdout).toContain("jenkins@acme.com → jenkins@acme.com [okta-1] (by email): ACTIVE there: retire it there too");
    expect(table.stdout).toContain("2 of 3 flagged accounts exist there; 1 still active.");

    const markdown = await runCli(["audit", "--snapshot", "org.json", "--correlate", "idp.json", "--format", "markdown"], { cwd });
    expect(markdown.stdout).toContain("| jenkins@acme.com | jenkins@acme.com (okta-1) | email | **active: retire it there too** |");
  });

  it("plan adds the deactivation in the other directory, from --correlate or from a correlated audit report", async () => {
    const direct = await runCli(["plan", "--from-audit", "audit.json", "--snapshot", "org.json", "--correlate", "idp.json", "--yes", "--out", "plan.json"], { cwd });
    expect(direct.code).toBe(0);
    const plan = JSON.parse(await readFile(join(cwd, "plan.json"), "utf8"));
    const jenkins = plan.migrations.find((m: { source: { email: string } }) => m.source.email === "jenkins@acme.com");
    expect(jenkins.cutover.notes.at(-1)).toMatch(/^Also deactivate jenkins@acme.com \(account okta-1, matched by email\) in Acme IdP \(scim, idp.json\)/);
    const wiki = plan.migrations.find((m: { source: { email: string } }) => m.source.email === "wiki-sync@acme.com");
    expect(wiki.cutover.notes.at(-1)).toBe("The same bot exists in Acme IdP (scim) as wiki-sync@acme.com (account okta-3, matched by email); it is already deactivated there.");

    // The fixture's few days of events leave Jenkins at likely-bot, so the plan includes that verdict.
    const audit = await runCli(["audit", "--snapshot", "org.json", "--correlate", "idp.json", "--format", "json", "--output", "correlated.json"], { cwd });
    expect(audit.code).toBe(0);
    const fromReport = await runCli(["plan", "--from-audit", "correlated.json", "--snapshot", "org.json", "--include", "likely-bot", "--yes", "--out", "plan2.json"], { cwd });
    expect(fromReport.code).toBe(0);
    const plan2 = JSON.parse(await readFile(join(cwd, "plan2.json"), "utf8"));
    expect(plan2.migrations.find((m: { source: { email: string } }) => m.source.email === "jenkins@acme.com").cutover.notes.at(-1)).toBe(jenkins.cutover.notes.at(-1));
  });

  it("refuses a second snapshot that is not valid, naming the file, before reading the directory", async () => {
    await writeFile(join(cwd, "bad.json"), JSON.stringify({ ...IDP, version: 2 }));
    const r = await runCli(["audit", "--snapshot", "org.json", "--correlate", "bad.json"], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json/);
    expect(r.stderr).toMatch(/version/);
    expect(r.stdout).toBe("");
  });
});
