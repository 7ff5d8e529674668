import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readJournal } from "../../src/core/journal/journal.js";
import { acquireLock, planLockFile, stateDirOf } from "../../src/core/journal/lock.js";
import { migrationFingerprint, sourceStateOf } from "../../src/core/plan/fingerprint.js";
import { markerOf, serializePlan } from "../../src/core/plan/io.js";
import type { Migration, Plan } from "../../src/core/plan/schema.js";
import type { Snapshot } from "../../src/core/snapshot/schema.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { applyOrg, envFor, fetchState, makePlan, savePlan, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const statusOf = async (e: RunningEmulator, accountId: string) => (await fetchState(e)).users.find((u) => u.accountId === accountId)?.status;

/** Writes a hand-edited plan as it is, without the validation `savePlan` does. */
async function saveEdited(cwd: string, plan: Plan, name = "plan.json"): Promise<void> {
  await writeFile(join(cwd, name), serializePlan(plan));
}

/** The edit an attacker makes: change a migration, then recompute its fingerprint (a plain hash). */
function edit(plan: Plan, change: (m: Migration) => Migration): Plan {
  return {
    ...plan,
    migrations: plan.migrations.map((m) => {
      const changed = change(m);
      return { ...changed, source: { ...changed.source, fingerprint: migrationFingerprint(changed) } };
    }),
  };
}

/** The apply org with an admin group; jenkins is in it when `jenkinsIsMember`. */
function orgWithAdminGroup(jenkinsIsMember: boolean): Snapshot {
  const org = applyOrg();
  org.groups.push({ id: "g-site-admins", name: "site-admins", managementSource: "invited" });
  if (jenkinsIsMember) org.users.find((u) => u.accountId === "a-jenkins")?.groupIds.push("g-site-admins");
  return org;
}

describe("an edited plan never acts on another account than the one it shows", () => {
  const person = () => applyOrg().users.find((u) => u.accountId === "a-person-0") as Snapshot["users"][number];

  it("refuses a migration whose account id was swapped to someone else's, with state and fingerprint recomputed", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const victim = person();
    const swapped = edit(plan, (m) => ({ ...m, source: { ...m.source, accountId: victim.accountId, state: sourceStateOf(victim, applyOrg().apiTokens) } }));
    await saveEdited(cwd, swapped);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/migrations\[0\]\.id: "m-a-jenkins" is not the id derived from source\.accountId "a-person-0"/);
    expect(await statusOf(emu, "a-person-0")).toBe("active");
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);

    // With the id and marker recomputed too, the account's email gives it away.
    const full = edit(plan, (m) => {
      const id = "m-a-person-0";
      const marker = markerOf(plan.id, id);
      return {
        ...m,
        id,
        source: { ...m.source, accountId: victim.accountId, state: sourceStateOf(victim, applyOrg().apiTokens) },
        serviceAccount: { ...m.serviceAccount, marker, description: `Migrated by bot2svc; marker ${marker}` },
      };
    });
    await saveEdited(cwd, full);
    const show = await runCli(["show", "plan.json"], { cwd });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("jenkins@acme.com (a-person-0;");
    const again = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/email for account a-person-0 is person0@acme\.com, not jenkins@acme\.com/);
    expect(await statusOf(emu, "a-person-0")).toBe("active");
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
  });

  it("refuses an account renamed since the plan was made, asking for a new plan", async () => {
    const org = applyOrg();
    (org.users.find((u) => u.accountId === "a-jenkins") as { name: string }).name = "Diego Stewart";
    emu = await startOrg({ snapshot: org });
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/account a-jenkins is now named "Diego Stewart", not "Jenkins CI" as in the plan; make the plan again/);
    expect(await statusOf(emu, "a-jenkins")).toBe("active");
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
  });
});

describe("the access a migration gives is the source account's own", () => {
  it("refuses a group the source is not in, whatever name the plan gives it", async () => {
    emu = await startOrg({ snapshot: orgWithAdminGroup(false) });
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"], snapshot: orgWithAdminGroup(false) });
    await saveEdited(cwd, edit(plan, (m) => ({ ...m, groups: [...m.groups, { id: "g-site-admins", name: "confluence-users", synced: false }] })));
    const show = await runCli(["show", "plan.json"], { cwd });
    expect(show.code).toBe(0);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/group g-site-admins \("confluence-users"\) is not one of the account's groups/);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
  });

  it("takes group names from the directory: a plan that names a group otherwise is refused", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    await saveEdited(cwd, { ...plan, migrations: plan.migrations.map((m) => ({ ...m, groups: m.groups.map((g) => (g.id === "g-automation" ? { ...g, name: "readers" } : g)) })) });
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/group g-automation is named "automation" in the directory, not "readers"/);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);

    // A copied group shown as "synced, cannot be copied" (and so left out of --max-changes) is refused too.
    await saveEdited(cwd, edit(plan, (m) => ({ ...m, groups: m.groups.map((g) => (g.id === "g-automation" ? { ...g, synced: true } : g)) })));
    const hidden = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toMatch(/group automation \(g-automation\) is not synced from the identity provider in the directory, unlike in the plan/);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
  });

  it("guards an admin group of the source like an admin account", async () => {
    emu = await startOrg({ snapshot: orgWithAdminGroup(true) });
    const cwd = makeTempDir();
    const plain = makePlan({ select: ["jenkins@acme.com"], snapshot: orgWithAdminGroup(true) });
    expect(plain.migrations[0]?.groups.map((g) => g.id)).not.toContain("g-site-admins");
    expect(plain.migrations[0]?.warnings.join("\n")).toMatch(/site-admins looks like it grants admin rights and is not copied/);
    await saveEdited(cwd, edit(plain, (m) => ({ ...m, groups: [...m.groups, { id: "g-site-admins", name: "site-admins", synced: false }] })));
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/admin grant.*--include-admins/);
    expect(run.stderr).toMatch(/group site-admins \(g-site-admins\) looks like it grants admin rights/);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);

    // Made with --include-admins, the same group is copied.
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"], snapshot: orgWithAdminGroup(true), includeAdmins: true }));
    const ok = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(ok.stderr).not.toMatch(/✖/);
    expect(ok.code).toBe(0);
    expect((await fetchState(emu)).serviceAccounts[0]?.groupIds).toContain("g-site-admins");
  });

  it("refuses app roles the source does not hold, and admin roles", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const env = envFor(emu);
    await saveEdited(cwd, edit(plan, (m) => ({ ...m, appRoles: [...m.appRoles, { key: "confluence", role: "atlassian/user", resource: "ari:cloud:confluence::site/c-apply" }] })));
    const other = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/app role confluence on ari:cloud:confluence::site\/c-apply is not access the account has/);
    await saveEdited(cwd, edit(plan, (m) => ({ ...m, appRoles: m.appRoles.map((r) => ({ ...r, role: "atlassian/admin" })) })));
    const admin = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(admin.code).toBe(1);
    expect(admin.stderr).toMatch(/--include-admins/);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
  });
});

describe("apply runs no shell command that only the plan file names", () => {
  it("refuses the plan's secret command unless the same command is given on the command line or in the environment", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const command = "echo pwned > RCE; cat > delivered.json";
    await savePlan(cwd, { ...makePlan({ select: ["jenkins@acme.com"] }), secretSink: { type: "command", command } });
    const env = envFor(emu);
    const run = await runCli(["apply", "plan.json", "--yes"], { cwd, env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(command);
    expect(run.stderr).toMatch(/--secret-command 'echo pwned > RCE; cat > delivered\.json'/);
    expect(run.stderr).toMatch(/BOT2SVC_SECRET_COMMAND/);
    expect(existsSync(join(cwd, "RCE"))).toBe(false);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);

    // A .env file in the working directory is not the operator's word.
    await writeFile(join(cwd, ".env"), `BOT2SVC_SECRET_COMMAND='${command}'\n`);
    expect((await runCli(["apply", "plan.json", "--yes"], { cwd, env })).code).toBe(1);
    expect(existsSync(join(cwd, "RCE"))).toBe(false);

    // Given again in the real environment, with a read-back command there too: the delivery is
    // read back and the run finishes.
    const read = `sed -n 's/.*"token":"\\([^"]*\\)".*/\\1/p' delivered.json`;
    const given = await runCli(["apply", "plan.json", "--yes"], { cwd, env: { ...env, BOT2SVC_SECRET_COMMAND: command, BOT2SVC_SECRET_READ_COMMAND: read } });
    expect(given.stderr).not.toMatch(/✖/);
    expect(given.stderr).toMatch(/read back: matches/);
    expect(given.code).toBe(0);
    expect(existsSync(join(cwd, "RCE"))).toBe(true);
  });

  it("documents it in apply --help", async () => {
    const help = await runCli(["apply", "--help"]);
    expect(help.stdout).toMatch(/BOT2SVC_SECRET_COMMAND/);
    expect(help.stdout).toMatch(/plan's secret command is run only when/);
  });
});

describe("rollback acts only on what this tool did", () => {
  const journalFile = (cwd: string) => join(cwd, ".bot2svc", "journal.jsonl");

  /** Appends hand-written records after the last one, as an attacker editing the journal would. */
  async function forge(cwd: string, records: { planId: string; migrationId: string; step: string; phase: string; data?: Record<string, unknown> }[]): Promise<void> {
    const { records: existing } = await readJournal(journalFile(cwd));
    let seq = existing.reduce((max, r) => Math.max(max, r.seq), 0);
    const lines = records.map((r) => JSON.stringify({ seq: ++seq, time: "2026-11-01T12:00:00.000Z", runId: "run-forged", ...r }));
    await appendFile(journalFile(cwd), `${lines.join("\n")}\n`);
  }

  /** An org whose Jenkins account a real apply has migrated: where every case here starts. */
  async function appliedJenkins(org: RunningEmulator) {
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    await savePlan(cwd, plan);
    const env = envFor(org);
    expect((await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env })).code).toBe(0);
    return { cwd, plan, env };
  }

  it("refuses to delete a service account without the plan's marker or to restore an account no migration suspended", async () => {
    emu = await startOrg();
    const { cwd, plan, env } = await appliedJenkins(emu);
    const unrelated = emu.state.createServiceAccount({ displayName: "Deploy Service", description: "made by hand" });
    emu.state.suspend("a-person-1");

    await forge(cwd, [
      { planId: plan.id, migrationId: "m-a-person-1", step: "create", phase: "done", data: { serviceAccountId: unrelated.id, email: "ceo@acme.com", sourceAccountId: "a-person-1" } },
      { planId: plan.id, migrationId: "m-a-person-1", step: "decommission", phase: "done", data: { oldAccountId: "a-person-1", action: "suspend", previousStatus: "active" } },
    ]);
    const run = await runCli(["rollback", "--yes"], { cwd, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/refused/);
    expect(run.stderr).toMatch(/does not carry the marker/);
    const state = await fetchState(emu);
    expect(state.serviceAccounts.map((sa) => sa.displayName)).toEqual(["Deploy Service"]);
    expect(state.users.find((u) => u.accountId === "a-person-1")?.status).toBe("suspended");
    // The genuine migration is rolled back all the same.
    expect(state.users.find((u) => u.accountId === "a-jenkins")?.status).toBe("active");
  });

  it("refuses a forged decommission record inside a real migration and keeps its service account", async () => {
    emu = await startOrg();
    const { cwd, plan, env } = await appliedJenkins(emu);
    emu.state.suspend("a-person-2");
    const id = plan.migrations[0]?.id ?? "";
    await forge(cwd, [{ planId: plan.id, migrationId: id, step: "decommission", phase: "done", data: { oldAccountId: "a-person-2", action: "suspend", previousStatus: "active" } }]);
    const run = await runCli(["rollback", "--yes"], { cwd, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/a-person-2 is not the source account of migration/);
    const state = await fetchState(emu);
    expect(state.users.find((u) => u.accountId === "a-person-2")?.status).toBe("suspended");
    // The new account stays while the old one is not restored, so the automation keeps one that works.
    expect(state.serviceAccounts).toHaveLength(1);
  });

  it("restores an old account whose service account is gone only with the plan given on the command line", async () => {
    emu = await startOrg();
    const { cwd, env } = await appliedJenkins(emu);
    emu.state.deleteServiceAccount((await fetchState(emu)).serviceAccounts[0]?.id ?? "");
    const without = await runCli(["rollback", "--yes"], { cwd, env });
    expect(without.code).toBe(3);
    expect(without.stderr).toMatch(/no service account carries the marker .*--plan FILE/);
    expect(await statusOf(emu, "a-jenkins")).toBe("suspended");
    const withPlan = await runCli(["rollback", "--yes", "--plan", "plan.json"], { cwd, env });
    expect(withPlan.code).toBe(0);
    expect(await statusOf(emu, "a-jenkins")).toBe("active");
  });

  it("waits for no apply of the same plan: rollback exits 1 while another run holds the plan's lock", async () => {
    emu = await startOrg();
    const { cwd, plan, env } = await appliedJenkins(emu);
    const held = await acquireLock(planLockFile(stateDirOf(env, cwd), plan.org.id, plan.id), { command: "bot2svc apply other.json", pid: 999_999_999, host: "elsewhere" });
    try {
      const run = await runCli(["rollback", "--yes"], { cwd, env });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/holds the lock .*: "bot2svc apply other\.json" \(pid 999999999 on elsewhere/);
      expect(await statusOf(emu, "a-jenkins")).toBe("suspended");
    } finally {
      await held.release();
    }
    expect((await runCli(["rollback", "--yes"], { cwd, env })).code).toBe(0);
  });

  it("rolls back a real apply and names the account id of what it restores", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const env = envFor(emu);
    expect((await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env })).code).toBe(0);
    const run = await runCli(["rollback", "--yes"], { cwd, env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/jenkins@acme\.com \(a-jenkins\): decommission: restored/);
    const state = await fetchState(emu);
    expect(state.users.find((u) => u.accountId === "a-jenkins")?.status).toBe("active");
    expect(state.serviceAccounts).toHaveLength(0);
    expect(await readFile(journalFile(cwd), "utf8")).toMatch(/rolled-back/);
  });
});
