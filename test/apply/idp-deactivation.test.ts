import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { startScimServer } from "../helpers/scim-server.js";
import { applyReport, envFor, fetchState, normalizeState, startOrg } from "./harness.js";
import { idpServers, SCIM_TOKEN } from "./idp-servers.js";

const servers = idpServers();

interface PlanFile {
  migrations: { id: string; source: { email: string }; idp?: { accountId: string; orgId: string }; cutover: { notes: string[] } }[];
}

/** A SCIMMY server holding the IdP side of the apply org, snapshotted to idp.json; then a plan correlated with it. */
async function setUp() {
  servers.scim = await startScimServer({ token: SCIM_TOKEN });
  const jenkins = servers.scim.addUser({ userName: "jenkins@acme.com", displayName: "Jenkins CI", emails: [{ value: "jenkins@acme.com", primary: true }], active: true });
  const wiki = servers.scim.addUser({ userName: "wiki-sync@acme.com", displayName: "Wiki Sync", emails: [{ value: "wiki-sync@acme.com", primary: true }], active: true });
  const deploy = servers.scim.addUser({ userName: "deploy@acme.com", displayName: "Deploy Bot", emails: [{ value: "deploy@acme.com", primary: true }], active: false });
  servers.scim.addUser({ userName: "person0@acme.com", displayName: "Person 0", active: true });
  const scimEnv = { BOT2SVC_SCIM_BASE_URL: servers.scim.baseUrl, BOT2SVC_SCIM_TOKEN: SCIM_TOKEN };
  const cwd = makeTempDir("bot2svc-idp-");
  const snap = await runCli(["snapshot", "--out", "idp.json"], { cwd, env: { BOT2SVC_PROVIDER: "scim", ...scimEnv } });
  expect(snap.code).toBe(0);

  servers.emu = await startOrg();
  await writeFile(join(cwd, "audit.json"), JSON.stringify(applyReport()));
  const atlassian = envFor(servers.emu);
  const planned = await runCli(["plan", "--from-audit", "audit.json", "--correlate", "idp.json", "--secrets-dir", "secrets", "--yes", "--out", "plan.json"], { cwd, env: atlassian });
  expect(planned.stderr).not.toMatch(/Error/);
  expect(planned.code).toBe(0);
  const plan = JSON.parse(await readFile(join(cwd, "plan.json"), "utf8")) as PlanFile;
  return { cwd, atlassian, scimEnv, plan, ids: { jenkins: jenkins.id, wiki: wiki.id, deploy: deploy.id } };
}

const activeOf = (id: string) => servers.scim?.users.get(id)?.active;

describe("deactivating the same bot in the identity provider (SCIM), from plan --correlate to rollback", () => {
  it("plans the step for bots still active there, pauses without SCIM access, deactivates on resume, and rollback reactivates", async () => {
    const { cwd, atlassian, scimEnv, plan, ids } = await setUp();
    const bySource = (email: string) => plan.migrations.find((m) => m.source.email === email);
    expect(bySource("jenkins@acme.com")?.idp).toMatchObject({ accountId: ids.jenkins, orgId: `scim:${servers.scim?.baseUrl}` });
    expect(bySource("wiki-sync@acme.com")?.idp).toMatchObject({ accountId: ids.wiki });
    // Already inactive in the IdP: a note, no step.
    expect(bySource("deploy@acme.com")?.idp).toBeUndefined();
    expect(bySource("deploy@acme.com")?.cutover.notes.at(-1)).toMatch(/already deactivated there/);
    const before = await fetchState(servers.emu as RunningEmulator);

    // The dry run lists the step.
    const dry = await runCli(["apply", "plan.json", "--dry-run"], { cwd, env: atlassian });
    expect(dry.stdout).toMatch(new RegExp(`idp +deactivate jenkins@acme.com \\(SCIM user ${ids.jenkins}\\) in SCIM directory`));
    const show = await runCli(["show", "plan.json"], { cwd });
    expect(show.stdout.replace(/\s+/g, " ")).toContain(`deactivate jenkins@acme.com (SCIM user ${ids.jenkins}) in SCIM directory`);

    // 1. No SCIM settings: the Atlassian side is done, then each IdP deactivation waits for an admin.
    const first = await runCli(["apply", "plan.json", "--yes"], { cwd, env: atlassian });
    expect(first.code).toBe(4);
    expect(first.stderr).toContain(`Deactivate it there: in the identity provider's admin console, or with SCIM PATCH /Users/${ids.jenkins} setting active to false.`);
    expect(first.stderr).toMatch(/Paused: 2 bots are still active in the identity provider \(jenkins@acme\.com, wiki-sync@acme\.com\)/);
    expect(servers.scim?.writes).toEqual([]);
    const waiting = JSON.parse((await runCli(["status", "--json"], { cwd, env: atlassian })).stdout);
    expect(waiting.summary).toMatchObject({ done: 1, waiting: 2, failed: 0 });
    expect(waiting.migrations.filter((m: { waiting?: { step: string; reason: string } }) => m.waiting?.reason === "manual-idp").map((m: { waiting: { step: string } }) => m.waiting.step)).toEqual(["idp", "idp"]);

    // 2. With SCIM settings: apply deactivates both there, and nothing else is redone.
    const resumed = await runCli(["apply", "plan.json", "--yes", "--resume"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/Apply: 3 migrated/);
    expect(activeOf(ids.jenkins)).toBe(false);
    expect(activeOf(ids.wiki)).toBe(false);
    expect(servers.scim?.writes.map((w) => `${w.method} ${w.id}`).sort()).toEqual([`PATCH ${ids.jenkins}`, `PATCH ${ids.wiki}`].sort());
    const done = JSON.parse((await runCli(["status", "--json"], { cwd, env: atlassian })).stdout);
    expect(done.summary).toMatchObject({ done: 3, waiting: 0 });
    const table = await runCli(["status"], { cwd, env: atlassian });
    expect(table.stdout).toMatch(/jenkins@acme\.com +│ +8\/8/);
    expect(table.stdout).toMatch(/deploy@acme\.com +│ +7\/7/);
    expect(`${first.stdout}${first.stderr}${resumed.stdout}${resumed.stderr}`).not.toContain(SCIM_TOKEN);
    const journal = await readFile(join(cwd, ".bot2svc", "journal.jsonl"), "utf8");
    expect(journal).not.toContain(SCIM_TOKEN);

    // 3. Rollback reactivates both in the IdP and restores the Atlassian side.
    const rollback = await runCli(["rollback", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(rollback.stderr).not.toMatch(/✖/);
    expect(rollback.code).toBe(0);
    expect(rollback.stderr).toContain(`reactivated ${ids.jenkins} in the identity provider`);
    expect(activeOf(ids.jenkins)).toBe(true);
    expect(activeOf(ids.wiki)).toBe(true);
    expect(activeOf(ids.deploy)).toBe(false);
    expect(normalizeState(await fetchState(servers.emu as RunningEmulator))).toEqual(normalizeState(before));
  });

  it("records a bot deactivated by hand in the identity provider (--confirm-idp), and rollback asks to reactivate it there by hand", async () => {
    const { cwd, atlassian, plan, ids } = await setUp();
    const idOf = (email: string) => plan.migrations.find((m) => m.source.email === email)?.id as string;
    const [jenkins, wiki, deploy] = [idOf("jenkins@acme.com"), idOf("wiki-sync@acme.com"), idOf("deploy@acme.com")];
    const before = await fetchState(servers.emu as RunningEmulator);
    const first = await runCli(["apply", "plan.json", "--yes"], { cwd, env: atlassian });
    expect(first.code).toBe(4);
    expect(first.stderr).toContain("then record each one you did with `bot2svc apply plan.json --resume --confirm-idp <migration id>,…` (ids above)");
    expect(first.stderr).toContain(`Then run \`bot2svc apply plan.json --resume --confirm-idp ${jenkins}\` to record it as done by hand.`);

    // Mistakes are refused before anything is done.
    const notResumed = await runCli(["apply", "plan.json", "--yes", "--confirm-idp", jenkins], { cwd, env: atlassian });
    expect(notResumed.code).toBe(1);
    expect(notResumed.stderr).toMatch(/confirm-idp.*use it with --resume/i);
    const unknown = await runCli(["apply", "plan.json", "--yes", "--resume", "--confirm-idp", "no-such-migration"], { cwd, env: atlassian });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("--confirm-idp: the plan has no migration no-such-migration.");
    const noStep = await runCli(["apply", "plan.json", "--yes", "--resume", "--confirm-idp", deploy], { cwd, env: atlassian });
    expect(noStep.code).toBe(1);
    expect(noStep.stderr).toContain(`--confirm-idp: migration ${deploy} has no identity-provider step`);

    // The admin deactivates Jenkins in the IdP's console and confirms it; Wiki Sync still waits.
    (servers.scim?.users.get(ids.jenkins) as unknown as { active: boolean }).active = false;
    const one = await runCli(["apply", "plan.json", "--yes", "--resume", "--confirm-idp", jenkins], { cwd, env: atlassian });
    expect(one.code).toBe(4);
    expect(one.stderr).toMatch(/Paused: 1 bot is still active in the identity provider \(wiki-sync@acme\.com\)/);
    const status = JSON.parse((await runCli(["status", "--json"], { cwd, env: atlassian })).stdout);
    expect(status.summary).toMatchObject({ done: 2, waiting: 1 });
    const table = await runCli(["status"], { cwd, env: atlassian });
    expect(table.stdout.replace(/\s+/g, " ")).toContain(`--confirm-idp ${wiki}`);
    (servers.scim?.users.get(ids.wiki) as unknown as { active: boolean }).active = false;
    const two = await runCli(["apply", "plan.json", "--yes", "--resume", "--confirm-idp", `${wiki},${jenkins}`], { cwd, env: atlassian });
    expect(two.code).toBe(0);
    expect(two.stderr).toContain(`--confirm-idp: migration ${jenkins} is already done in the identity provider; nothing to confirm.`);
    expect(servers.scim?.writes).toEqual([]);
    const journal = (await readFile(join(cwd, ".bot2svc", "journal.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { migrationId: string; step: string; phase: string; data?: Record<string, unknown> });
    expect(journal.filter((r) => r.step === "idp" && r.phase === "done").map((r) => [r.migrationId, r.data?.byHand])).toEqual([
      [jenkins, true],
      [wiki, true],
    ]);

    // Rollback restores the Atlassian side, and says which IdP users to reactivate by hand.
    const rollback = await runCli(["rollback", "--yes"], { cwd, env: atlassian });
    expect(rollback.code).toBe(0);
    expect(rollback.stderr).toContain(`${ids.jenkins} was deactivated by hand in scim:${servers.scim?.baseUrl} (--confirm-idp): reactivate it there by hand`);
    expect(rollback.stderr).toContain(`${ids.wiki} was deactivated by hand`);
    expect(rollback.stderr).toMatch(/2 cannot be undone, 0 failed/);
    expect(servers.scim?.writes).toEqual([]);
    expect(normalizeState(await fetchState(servers.emu as RunningEmulator))).toEqual(normalizeState(before));
  });

  it("leaves a bot an admin already deactivated by hand as it is on rollback", async () => {
    const { cwd, atlassian, scimEnv, ids } = await setUp();
    (servers.scim?.users.get(ids.wiki) as unknown as { active: boolean }).active = false;
    const applied = await runCli(["apply", "plan.json", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(applied.code).toBe(0);
    expect(servers.scim?.writes.map((w) => w.id)).toEqual([ids.jenkins]);
    const rollback = await runCli(["rollback", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(rollback.code).toBe(0);
    expect(activeOf(ids.jenkins)).toBe(true);
    expect(activeOf(ids.wiki)).toBe(false);
  });

  it("refuses a SCIM provider pointed at another directory, and a plan whose IdP account was edited, before any write", async () => {
    const { cwd, atlassian, scimEnv, plan } = await setUp();
    const elsewhere = await runCli(["apply", "plan.json", "--yes"], { cwd, env: { ...atlassian, ...scimEnv, BOT2SVC_SCIM_BASE_URL: `${servers.scim?.baseUrl}/other` } });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain(`The plan deactivates bots in scim:${servers.scim?.baseUrl}, but BOT2SVC_SCIM_BASE_URL points at scim:${servers.scim?.baseUrl}/other`);
    expect((await fetchState(servers.emu as RunningEmulator)).serviceAccounts).toEqual([]);

    const edited = structuredClone(plan);
    const target = edited.migrations.find((m) => m.idp !== undefined) as PlanFile["migrations"][number];
    (target.idp as { accountId: string }).accountId = "someone-else";
    await writeFile(join(cwd, "edited.json"), JSON.stringify(edited));
    const tampered = await runCli(["apply", "edited.json", "--yes"], { cwd, env: { ...atlassian, ...scimEnv } });
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/source\.fingerprint: does not match/);
    expect(servers.scim?.writes).toEqual([]);
  });
});
