import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { migrationFingerprint } from "../../src/core/plan/fingerprint.js";
import type { Plan } from "../../src/core/plan/schema.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { startScimServer } from "../helpers/scim-server.js";
import { applyReport, envFor, fetchState, startOrg } from "./harness.js";
import { idpServers, SCIM_TOKEN } from "./idp-servers.js";

const servers = idpServers();

interface Line {
  seq: number;
  migrationId: string;
  step: string;
  phase: string;
  data?: Record<string, unknown>;
}

/** A SCIMMY directory with two bots and two people (one of them already deactivated), and a plan correlated with it. */
async function setUp() {
  servers.scim = await startScimServer({ token: SCIM_TOKEN });
  const jenkins = servers.scim.addUser({ userName: "jenkins@acme.com", displayName: "Jenkins CI", emails: [{ value: "jenkins@acme.com", primary: true }], active: true });
  const wiki = servers.scim.addUser({ userName: "wiki-sync@acme.com", displayName: "Wiki Sync", emails: [{ value: "wiki-sync@acme.com", primary: true }], active: true });
  const ceo = servers.scim.addUser({ userName: "ceo@acme.com", displayName: "CEO", emails: [{ value: "ceo@acme.com", primary: true }], active: true });
  const fired = servers.scim.addUser({ userName: "fired@acme.com", displayName: "Fired", emails: [{ value: "fired@acme.com", primary: true }], active: false });
  const scimEnv = { BOT2SVC_SCIM_BASE_URL: servers.scim.baseUrl, BOT2SVC_SCIM_TOKEN: SCIM_TOKEN };
  const cwd = makeTempDir("bot2svc-idp-safety-");
  expect((await runCli(["snapshot", "--out", "idp.json"], { cwd, env: { BOT2SVC_PROVIDER: "scim", ...scimEnv } })).code).toBe(0);
  servers.emu = await startOrg();
  await writeFile(join(cwd, "audit.json"), JSON.stringify(applyReport()));
  const atlassian = envFor(servers.emu);
  const planned = await runCli(["plan", "--from-audit", "audit.json", "--correlate", "idp.json", "--secrets-dir", "secrets", "--yes", "--out", "plan.json"], { cwd, env: atlassian });
  expect(planned.code).toBe(0);
  const plan = JSON.parse(await readFile(join(cwd, "plan.json"), "utf8")) as Plan;
  const journalFile = join(cwd, ".bot2svc", "journal.jsonl");
  const lines = async () => (await readFile(journalFile, "utf8")).trim().split("\n").map((l) => JSON.parse(l) as Line);
  const keep = async (pred: (l: Line) => boolean) => writeFile(journalFile, `${(await lines()).filter(pred).map((l) => JSON.stringify(l)).join("\n")}\n`);
  return { cwd, atlassian, scimEnv, plan, journalFile, lines, keep, ids: { jenkins: jenkins.id, wiki: wiki.id, ceo: ceo.id, fired: fired.id } };
}

const activeOf = (id: string) => servers.scim?.users.get(id)?.active;

describe("the identity-provider step only ever touches the migration's own bot", () => {
  it("refuses an edited plan (fingerprint recomputed) that points the step at another SCIM user, before anything is written", async () => {
    const { cwd, atlassian, scimEnv, plan, ids } = await setUp();
    const index = plan.migrations.findIndex((m) => m.source.email === "jenkins@acme.com");
    const m = plan.migrations[index] as Plan["migrations"][number];
    expect(m.idp?.email).toBe("jenkins@acme.com");

    // Another user's id, the bot's email kept: the live user does not carry that email.
    (m.idp as { accountId: string }).accountId = ids.ceo;
    m.source.fingerprint = migrationFingerprint(m);
    await writeFile(join(cwd, "edited.json"), JSON.stringify(plan));
    // A dry run refuses it as apply would, and says why.
    const dry = await runCli(["apply", "edited.json", "--dry-run"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain(`migrations[${index}].idp`);
    expect(dry.stderr).toContain(ids.ceo);
    const swapped = await runCli(["apply", "edited.json", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toContain("edited.json");
    expect(swapped.stderr).toContain(`migrations[${index}].idp`);
    expect(swapped.stderr).toContain(ids.ceo);
    expect(activeOf(ids.ceo)).toBe(true);
    expect(servers.scim?.writes).toEqual([]);
    expect((await fetchState(servers.emu as RunningEmulator)).serviceAccounts).toEqual([]);

    // Id and email both the other user's: the email is not the migration's source email.
    (m.idp as { email: string | null }).email = "CEO@acme.com";
    m.source.fingerprint = migrationFingerprint(m);
    await writeFile(join(cwd, "edited.json"), JSON.stringify(plan));
    const both = await runCli(["apply", "edited.json", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(both.code).toBe(1);
    expect(both.stderr).toContain(`migrations[${index}].idp.email`);
    expect(both.stderr).toContain("jenkins@acme.com");
    expect(activeOf(ids.ceo)).toBe(true);
    expect(servers.scim?.writes).toEqual([]);
    expect((await fetchState(servers.emu as RunningEmulator)).serviceAccounts).toEqual([]);
  });

  it("puts the IdP email and how it was matched into the fingerprint", async () => {
    const { plan } = await setUp();
    const m = plan.migrations.find((x) => x.idp !== undefined) as Plan["migrations"][number];
    const idp = m.idp as NonNullable<typeof m.idp>;
    expect(migrationFingerprint(m)).toBe(m.source.fingerprint);
    expect(migrationFingerprint({ ...m, idp: { ...idp, email: "ceo@acme.com" } })).not.toBe(m.source.fingerprint);
    expect(migrationFingerprint({ ...m, idp: { ...idp, matchedBy: "name" } })).not.toBe(m.source.fingerprint);
  });

  it("refuses a forged journal record that makes rollback reactivate another SCIM user", async () => {
    const { cwd, atlassian, scimEnv, journalFile, lines, ids } = await setUp();
    expect((await runCli(["apply", "plan.json", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } })).code).toBe(0);
    const all = await lines();
    const idpDone = all.find((l) => l.step === "idp" && l.phase === "done") as Line;
    // Appended to the migration of deploy@acme.com, which has no idp step of its own.
    const other = all.find((l) => l.step === "create" && l.data?.sourceEmail === "deploy@acme.com") as Line;
    const seq = Math.max(...all.map((l) => l.seq)) + 1;
    await appendFile(journalFile, `${JSON.stringify({ ...idpDone, seq, migrationId: other.migrationId, data: { ...idpDone.data, idpAccountId: ids.fired, changed: true } })}\n`);
    const rollback = await runCli(["rollback", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(rollback.stderr).toMatch(/refused: .*fired@acme\.com/);
    expect(activeOf(ids.fired)).toBe(false);
    // The genuine ones are still reactivated.
    expect(activeOf(ids.jenkins)).toBe(true);
    expect(activeOf(ids.wiki)).toBe(true);
  });

  it("refuses, with the plan given, a journal whose SCIM user id is not the plan's", async () => {
    const { cwd, atlassian, scimEnv, journalFile, lines, ids } = await setUp();
    expect((await runCli(["apply", "plan.json", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } })).code).toBe(0);
    const all = await lines();
    const jenkinsDone = all.find((l) => l.step === "idp" && l.phase === "done" && l.data?.idpAccountId === ids.jenkins) as Line;
    // A second SCIM user that also carries the bot's email: only the plan tells them apart.
    const twin = servers.scim?.addUser({ userName: "jenkins@acme.com-twin", displayName: "Twin", emails: [{ value: "jenkins@acme.com", primary: true }], active: false });
    const seq = Math.max(...all.map((l) => l.seq)) + 1;
    await appendFile(journalFile, `${JSON.stringify({ ...jenkinsDone, seq, data: { ...jenkinsDone.data, idpAccountId: twin?.id } })}\n`);
    const rollback = await runCli(["rollback", "--yes", "--plan", "plan.json"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(rollback.stderr).toMatch(/refused: .*not the SCIM user/);
    expect(activeOf(twin?.id as string)).toBe(false);
  });

  it("reactivates on rollback a bot deactivated by a run that crashed after the PATCH and was resumed", async () => {
    const { cwd, atlassian, scimEnv, keep, lines, ids } = await setUp();
    expect((await runCli(["apply", "plan.json", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } })).code).toBe(0);
    expect(activeOf(ids.jenkins)).toBe(false);
    await keep((l) => !(l.step === "idp" && l.phase === "done"));
    const resumed = await runCli(["apply", "plan.json", "--yes", "--resume"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(resumed.code).toBe(0);
    expect((await lines()).filter((l) => l.step === "idp" && l.phase === "done").map((l) => l.data?.changed)).toEqual([false, false]);
    const rollback = await runCli(["rollback", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(rollback.stderr).not.toMatch(/✖/);
    expect(rollback.stderr).toContain(`reactivated ${ids.jenkins} in the identity provider`);
    expect(rollback.code).toBe(0);
    expect(activeOf(ids.jenkins)).toBe(true);
    expect(activeOf(ids.wiki)).toBe(true);
  });

  it("counts a migration whose idp step was never journaled as not done, and resume runs it", async () => {
    const { cwd, atlassian, scimEnv, keep, ids } = await setUp();
    // Without SCIM access the Atlassian side completes; then drop the idp records, as if the run stopped right after the decommission.
    expect((await runCli(["apply", "plan.json", "--yes"], { cwd, env: atlassian })).code).toBe(4);
    await keep((l) => l.step !== "idp");
    const status = JSON.parse((await runCli(["status", "--json"], { cwd, env: atlassian })).stdout);
    const jenkins = status.migrations.find((m: { source: string }) => m.source === "jenkins@acme.com");
    expect(jenkins.outcome).toBe("pending");
    expect(jenkins.stepsPending).toEqual(["idp"]);
    expect(status.summary).toMatchObject({ done: 1, pending: 2 });
    const table = await runCli(["status"], { cwd, env: atlassian });
    expect(table.stdout).toMatch(/jenkins@acme\.com +│ +7\/8/);
    expect(table.stdout).toMatch(/deploy@acme\.com +│ +7\/7/);

    const resumed = await runCli(["apply", "plan.json", "--yes", "--resume"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(resumed.code).toBe(0);
    expect(activeOf(ids.jenkins)).toBe(false);
    expect(activeOf(ids.wiki)).toBe(false);
    const after = JSON.parse((await runCli(["status", "--json"], { cwd, env: atlassian })).stdout);
    expect(after.summary).toMatchObject({ done: 3, pending: 0 });
  });
});
