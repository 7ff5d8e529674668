import { copyFile, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePath, makeTempDir, runCli } from "../helpers/run-cli.js";
import { startScimServer, type RunningScimServer } from "../helpers/scim-server.js";

const TOKEN = "scim-cli-bearer-value";

describe("bot2svc with the scim provider against a SCIMMY server", () => {
  let server: RunningScimServer;
  let cwd: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startScimServer({ token: TOKEN, maxResults: 5 });
    server.addUser({ userName: "jenkins@acme.com", displayName: "Jenkins CI", emails: [{ value: "jenkins@acme.com", primary: true }], active: true });
    server.addUser({ userName: "noreply@acme.com", displayName: "No Reply", active: true });
    for (let i = 0; i < 12; i++) {
      server.addUser({ userName: `person${i}@acme.com`, displayName: `Person ${i}`, title: "Engineer", active: true, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "R&D" } });
    }
    cwd = makeTempDir("bot2svc-scim-cli-");
    await copyFile(fixturePath("plan", "org.json"), join(cwd, "org.json"));
    env = { BOT2SVC_PROVIDER: "scim", BOT2SVC_SCIM_BASE_URL: server.baseUrl, BOT2SVC_SCIM_TOKEN: TOKEN };
  });
  afterAll(() => server.close());

  it("audits the IdP, warning about the signals SCIM cannot see, and never prints the token", async () => {
    const r = await runCli(["audit", "--format", "json", "--include-humans", "--verbose"], { env, cwd });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary.accounts).toBe(14);
    // One warning lists every signal SCIM cannot provide, instead of the detector's notes on
    // missing events and profile fields and the provider's limitations saying the same things twice.
    expect(report.warnings).toEqual([
      "Not visible in scim, so these signals are unavailable: API tokens (token use is not judged); login and audit events; product activity; two-step verification state. With no audit events, no timing, address, user-agent or email-OTP rule could judge any account, and without machine evidence none is `bot`.",
    ]);
    expect(r.stderr.match(/^warning /gm)).toHaveLength(1);
    expect(r.stderr).toContain("Not visible in scim, so these signals are unavailable: API tokens");
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it("snapshots the IdP, and the snapshot correlates with the Atlassian org", async () => {
    const snap = await runCli(["snapshot", "--out", "idp.json"], { env, cwd });
    expect(snap.code).toBe(0);
    const idp = JSON.parse(await readFile(join(cwd, "idp.json"), "utf8"));
    expect(idp.users).toHaveLength(14);
    expect(JSON.stringify(idp)).not.toContain(TOKEN);

    // Audited from the file, the SCIM snapshot gets the same single warning as a live read.
    const fromFile = await runCli(["audit", "--snapshot", "idp.json", "--format", "table"], { cwd });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stderr.match(/^warning /gm)).toHaveLength(1);
    expect(fromFile.stderr.replace(/\s+/g, " ")).toContain("Not visible in scim, so these signals are unavailable: API tokens");
    expect(`${fromFile.stdout}${fromFile.stderr}`).not.toContain("Unavailable signal:");

    const r = await runCli(["audit", "--snapshot", "org.json", "--correlate", "idp.json", "--format", "json"], { cwd });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.correlation.directory.provider).toBe("scim");
    expect(report.correlation.matches).toEqual([
      expect.objectContaining({ email: "jenkins@acme.com", other: expect.objectContaining({ email: "jenkins@acme.com", active: true, by: "email" }) }),
    ]);
  });

  it("plans against the IdP: SCIM cannot create service accounts, so each migration is a blocker saying so", async () => {
    // SCIM alone shows too little to call Jenkins a bot; the denylist does.
    await writeFile(join(cwd, "bot2svc.config.json"), JSON.stringify({ denylist: [{ email: "jenkins@acme.com", owner: "platform", reason: "CI account" }] }));
    const r = await runCli(["plan", "--old-account", "deactivate", "--yes", "--out", "plan.json"], { env, cwd });
    expect(r.code).toBe(0);
    const plan = JSON.parse(await readFile(join(cwd, "plan.json"), "utf8"));
    expect(plan.provider.name).toBe("scim");
    expect(plan.migrations.map((m: { source: { email: string } }) => m.source.email)).toEqual(["jenkins@acme.com"]);
    for (const m of plan.migrations) {
      expect(m.blockers.map((b: { code: string }) => b.code)).toEqual(["PROVIDER_CANNOT_CREATE"]);
    }
    await rm(join(cwd, "bot2svc.config.json"));
  });

  it("explains a missing token by name", async () => {
    const r = await runCli(["audit"], { env: { BOT2SVC_PROVIDER: "scim", BOT2SVC_SCIM_BASE_URL: server.baseUrl }, cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("SCIM provider: BOT2SVC_SCIM_TOKEN is not set");
  });
});
