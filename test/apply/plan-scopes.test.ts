import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { preflight } from "../../src/core/apply/preflight.js";
import { fingerprintOf, migrationFingerprint } from "../../src/core/plan/fingerprint.js";
import { serializePlan } from "../../src/core/plan/io.js";
import type { Plan } from "../../src/core/plan/schema.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { CAPABILITY_METHODS, CAPABILITY_NAMES, type Capabilities, type DirectoryProvider } from "../../src/providers/provider.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { applyOrg, envFor, fetchState, makePlan, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

/** The plan with every migration's token scopes replaced; `refingerprint` recomputes the fingerprint as an attacker would. */
function withScopes(plan: Plan, scopes: string[], refingerprint: boolean): Plan {
  return {
    ...plan,
    migrations: plan.migrations.map((m) => {
      const edited = { ...m, credential: { ...m.credential, scopes } };
      return { ...edited, source: { ...m.source, fingerprint: refingerprint ? migrationFingerprint(edited) : m.source.fingerprint } };
    }),
  };
}

async function saveEdited(cwd: string, plan: Plan): Promise<void> {
  await writeFile(join(cwd, "plan.json"), serializePlan(plan));
}

describe("token scopes of an edited plan", () => {
  it("refuses admin, identity and unknown scopes even when the fingerprint was recomputed, minting nothing", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    expect(plan.migrations[0]?.credential.scopes).not.toContain("manage:org");
    const env = envFor(emu);
    for (const bad of ["manage:org", "write:service-accounts:admin", "read:me", "offline_access", "read:jira-work extra", "admin:everything"]) {
      await saveEdited(cwd, withScopes(plan, ["read:jira-work", bad], true));
      const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env });
      expect(run.code, bad).toBe(1);
      expect(run.stderr, bad).toMatch(/plan\.json/);
      expect(run.stderr, bad).toMatch(/migrations\[0\]\.credential\.scopes\[1\]/);
      expect(run.stderr, bad).toContain(JSON.stringify(bad));
      expect(run.stderr, bad).not.toMatch(/bug in bot2svc/);
      const state = await fetchState(emu);
      expect(state.serviceAccounts, bad).toHaveLength(0);
      expect(state.users.find((u) => u.accountId === "a-jenkins")?.status, bad).toBe("active");
    }
  });

  it("refuses valid but wider scopes added by hand, through the fingerprint", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const wider = ["read:jira-work", "write:jira-work", "manage:jira-configuration", "write:confluence-content"];
    await saveEdited(cwd, withScopes(plan, wider, false));
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/plan\.json/);
    expect(run.stderr).toMatch(/migrations\[0\]\.source\.fingerprint: .*credential \(scopes, label, expiryDays, mint\)/);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
    // Narrowing is an edit too: the plan is reviewed as a whole.
    await saveEdited(cwd, withScopes(plan, ["read:jira-work"], false));
    expect((await runCli(["show", "plan.json"], { cwd })).code).toBe(1);
  });

  it("tells a plan whose fingerprint does not cover the scopes from one edited elsewhere", async () => {
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const old = {
      ...plan,
      migrations: plan.migrations.map((m) => ({
        ...m,
        source: { ...m.source, fingerprint: fingerprintOf(m.source.state, m.cutover.gatewayUrls, { appRoles: m.appRoles, groups: m.groups }) },
      })),
    };
    await saveEdited(cwd, old);
    const run = await runCli(["show", "plan.json"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/does not cover credential\.scopes: the plan was made by an earlier bot2svc/);
    // One the previous release made (scopes covered, the rest of the token not) is still read, so
    // that an apply it paused can be resumed.
    const scopesOnly = {
      ...plan,
      migrations: plan.migrations.map((m) => ({
        ...m,
        source: { ...m.source, fingerprint: fingerprintOf(m.source.state, m.cutover.gatewayUrls, { appRoles: m.appRoles, groups: m.groups }, m.credential.scopes, m.idp) },
      })),
    };
    await saveEdited(cwd, scopesOnly);
    const shown = await runCli(["show", "plan.json"], { cwd });
    expect(shown.stderr).not.toMatch(/fingerprint/);
    expect(shown.code).toBe(0);
  });

  it("refuses a token's lifetime, label or minting changed by hand", async () => {
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const edits: [string, (c: Plan["migrations"][number]["credential"]) => void][] = [
      ["expiryDays", (c) => (c.expiryDays = c.expiryDays === 365 ? 30 : 365)],
      ["label", (c) => (c.label = `${c.label}-2`)],
      ["mint", (c) => (c.mint = c.mint === "api" ? "manual" : "api")],
    ];
    for (const [field, change] of edits) {
      const edited = structuredClone(plan);
      change((edited.migrations[0] as Plan["migrations"][number]).credential);
      await saveEdited(cwd, edited);
      const run = await runCli(["show", "plan.json"], { cwd });
      expect(run.code, field).toBe(1);
      expect(run.stderr, field).toMatch(/migrations\[0\]\.source\.fingerprint: does not match .*\(they were edited after planning\)/);
    }
  });

  it("mints with exactly the planned scopes when the plan is as made", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"], scopes: ["read:jira-work", "read:issue:jira"] });
    await saveEdited(cwd, plan);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    const state = await fetchState(emu);
    expect(state.serviceAccountTokens.map((t) => [...(t.scopes ?? [])].sort())).toEqual([["read:issue:jira", "read:jira-work"]]);
  });
});

describe("preflight checks token scopes itself", () => {
  const ALL = Object.fromEntries(CAPABILITY_NAMES.map((c) => [c, true])) as unknown as Capabilities;
  function provider(): DirectoryProvider {
    const p: Record<string, unknown> = { name: "test", orgId: "org-apply", capabilities: ALL, readSnapshot: async () => applyOrg() };
    for (const m of Object.values(CAPABILITY_METHODS).flat()) if (m !== "readSnapshot") p[m] = async () => undefined;
    p.listServiceAccounts = async () => [];
    delete p.getAccount;
    return p as unknown as DirectoryProvider;
  }

  it("refuses a plan object with an admin scope, naming the plan file, the migration and the field", async () => {
    const plan = withScopes(makePlan({ select: ["jenkins@acme.com"] }), ["read:jira-work", "manage:org"], true);
    const id = plan.migrations[0]?.id ?? "";
    const refused = preflight(plan, { provider: provider(), journal: new Map(), planFile: "plans/jenkins.json" });
    await expect(refused).rejects.toMatchObject({ code: "PLAN_INVALID", exitCode: 1, message: expect.stringMatching(/^plans\/jenkins\.json asks for token scopes/) });
    await expect(refused).rejects.toMatchObject({ details: [expect.stringMatching(new RegExp(`migration ${id} .*credential\\.scopes\\[1\\]: "manage:org"`))] });
  });
});
