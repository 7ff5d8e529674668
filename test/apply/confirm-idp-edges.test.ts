import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintOf } from "../../src/core/plan/fingerprint.js";
import type { Plan } from "../../src/core/plan/schema.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { startScimServer } from "../helpers/scim-server.js";
import { applyReport, envFor, startOrg } from "./harness.js";
import { idpServers, SCIM_TOKEN } from "./idp-servers.js";

const servers = idpServers();

/** Jenkins only, correlated with a SCIM directory where it is still active. */
async function setUp() {
  servers.scim = await startScimServer({ token: SCIM_TOKEN });
  const jenkins = servers.scim.addUser({ userName: "jenkins@acme.com", displayName: "Jenkins CI", emails: [{ value: "jenkins@acme.com", primary: true }], active: true });
  const scimEnv = { BOT2SVC_SCIM_BASE_URL: servers.scim.baseUrl, BOT2SVC_SCIM_TOKEN: SCIM_TOKEN };
  const cwd = makeTempDir("bot2svc-confirm-idp-");
  expect((await runCli(["snapshot", "--out", "idp.json"], { cwd, env: { BOT2SVC_PROVIDER: "scim", ...scimEnv } })).code).toBe(0);
  servers.emu = await startOrg();
  await writeFile(join(cwd, "audit.json"), JSON.stringify(applyReport()));
  const atlassian = envFor(servers.emu);
  const planned = await runCli(["plan", "--from-audit", "audit.json", "--correlate", "idp.json", "--select", "jenkins@acme.com", "--secrets-dir", "secrets", "--yes", "--out", "plan.json"], { cwd, env: atlassian });
  expect(planned.code).toBe(0);
  const plan = JSON.parse(await readFile(join(cwd, "plan.json"), "utf8")) as Plan;
  const id = plan.migrations.find((m) => m.source.email === "jenkins@acme.com")?.id as string;
  expect(plan.migrations.find((m) => m.id === id)?.idp).toBeDefined();
  return { cwd, atlassian, scimEnv, plan, id, jenkins: jenkins.id };
}

const journalOf = async (cwd: string) =>
  (await readFile(join(cwd, ".bot2svc", "journal.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { migrationId: string; step: string; phase: string; data?: Record<string, unknown> });

describe("apply --resume --confirm-idp, the edges", () => {
  it("a bot deactivated by hand, confirmed while BOT2SVC_SCIM_* is set, is still one rollback asks to reactivate", async () => {
    const { cwd, atlassian, scimEnv, id, jenkins } = await setUp();
    expect((await runCli(["apply", "plan.json", "--yes"], { cwd, env: atlassian })).code).toBe(4);
    // The admin deactivates it in the IdP console as told, and confirms it; SCIM happens to be set in this shell.
    (servers.scim?.users.get(jenkins) as unknown as { active: boolean }).active = false;
    const resumed = await runCli(["apply", "plan.json", "--yes", "--resume", "--confirm-idp", id], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(resumed.code).toBe(0);
    const rollback = await runCli(["rollback", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(rollback.code).toBe(0);
    // The bot was active in the IdP when planned and deactivated as part of this migration: rollback
    // must reactivate it (SCIM is set) or at least say to reactivate it by hand, as without SCIM.
    expect(rollback.stderr).toContain(`${jenkins} was deactivated by hand in scim:${servers.scim?.baseUrl} (--confirm-idp): reactivate it there by hand`);
    expect((servers.scim?.users.get(jenkins) as unknown as { active: boolean }).active).toBe(false);
  });

  it("a failed idp step confirmed by hand is not told it 'has not reached' its identity-provider step", async () => {
    const { cwd, atlassian, scimEnv, id, jenkins } = await setUp();
    servers.scim?.protectedUsers.add(jenkins);
    const first = await runCli(["apply", "plan.json", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(first.code).toBe(3);
    expect((await journalOf(cwd)).filter((r) => r.step === "idp").map((r) => r.phase)).toContain("failed");
    (servers.scim?.users.get(jenkins) as unknown as { active: boolean }).active = false;
    const confirm = await runCli(["apply", "plan.json", "--yes", "--resume", "--confirm-idp", id], { cwd, env: atlassian });
    // It reached the step (and failed there); the message must not claim otherwise.
    expect(confirm.stderr).not.toMatch(/has not reached its identity-provider step/);
  });

  it("a paused apply of a plan an earlier version fingerprinted can still be resumed after upgrading", async () => {
    const { cwd, atlassian, plan, id, jenkins } = await setUp();
    // The fingerprint as the previous release computed it (scopes covered, the rest of the token not).
    const old = structuredClone(plan);
    for (const m of old.migrations) m.source.fingerprint = fingerprintOf(m.source.state, m.cutover.gatewayUrls, { appRoles: m.appRoles, groups: m.groups }, m.credential.scopes, m.idp);
    await writeFile(join(cwd, "plan.json"), JSON.stringify(old));
    // (stands in for the previous release's run, which paused at the idp step)
    await writeFile(join(cwd, "plan-now.json"), JSON.stringify(plan));
    expect((await runCli(["apply", "plan-now.json", "--yes"], { cwd, env: atlassian })).code).toBe(4);
    (servers.scim?.users.get(jenkins) as unknown as { active: boolean }).active = false;
    const resumed = await runCli(["apply", "plan.json", "--yes", "--resume", "--confirm-idp", id], { cwd, env: atlassian });
    // A new plan would get a new id and could not resume this journal.
    expect(resumed.stderr).not.toMatch(/make the plan again/);
    expect(resumed.code).toBe(0);
  });

  it("apply --dry-run --resume --confirm-idp checks the ids as a real run would", async () => {
    const { cwd, atlassian } = await setUp();
    expect((await runCli(["apply", "plan.json", "--yes"], { cwd, env: atlassian })).code).toBe(4);
    const dry = await runCli(["apply", "plan.json", "--dry-run", "--resume", "--confirm-idp", "no-such-migration"], { cwd, env: atlassian });
    expect(dry.code).toBe(1);
  });
});
