import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readJournal } from "../../src/core/journal/journal.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { allFileText, applyOrg, envFor, fetchState, makePlan, normalizeState, savePlan, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const WRITE = /^(POST|DELETE|PATCH|PUT) /;
function writeRequests(e: RunningEmulator): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [route, n] of Object.entries(e.requests().byRoute)) {
    if (WRITE.test(route) && !route.includes("/search") && !route.includes("/workspaces")) out[route] = n;
  }
  return out;
}

async function tokensIn(secretsDir: string): Promise<string[]> {
  return allFileText(secretsDir).map((f) => /ATLASSIAN_API_TOKEN=(.+)/.exec(f.text)?.[1] ?? "").filter((t) => t !== "");
}

describe("apply against the emulator over HTTP", () => {
  it("runs a full migration, then a second apply is a no-op, then rollback restores the original state", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan();
    expect(plan.migrations.map((m) => m.source.email)).toEqual(expect.arrayContaining(["jenkins@acme.com", "wiki-sync@acme.com", "deploy@acme.com"]));
    const file = await savePlan(cwd, plan);
    const env = envFor(emu);
    const before = await fetchState(emu);

    const first = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "secrets", "--concurrency", "2"], { cwd, env });
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Apply: 3 migrated, 0 failed/);
    expect(first.stderr).toMatch(/sso-engineering" is synced from the identity provider/);

    const after = await fetchState(emu);
    expect(after.serviceAccounts).toHaveLength(3);
    for (const m of plan.migrations) {
      const sa = after.serviceAccounts.find((s) => s.description?.includes(m.serviceAccount.marker));
      expect(sa, m.serviceAccount.displayName).toBeDefined();
      expect(sa?.productAccess.map((p) => p.role).sort()).toEqual(m.appRoles.map((r) => r.role).sort());
      expect(sa?.groupIds.sort()).toEqual(m.groups.filter((g) => !g.synced).map((g) => g.id).sort());
      expect(after.serviceAccountTokens.filter((t) => t.serviceAccountId === sa?.id).map((t) => t.label)).toEqual([m.credential.label]);
      expect(after.users.find((u) => u.accountId === m.source.accountId)?.status).toBe("suspended");
    }
    // People were not touched.
    expect(after.users.filter((u) => u.accountId.startsWith("a-person")).every((u) => u.status === "active")).toBe(true);

    // Each delivered token is a 0600 env file that authenticates as its service account.
    const secretsDir = join(cwd, "secrets");
    expect((await stat(secretsDir)).mode & 0o777).toBe(0o700);
    const files = allFileText(secretsDir);
    expect(files).toHaveLength(3);
    for (const f of files) {
      expect((await stat(f.path)).mode & 0o777).toBe(0o600);
      const email = /ATLASSIAN_EMAIL=(.+)/.exec(f.text)?.[1] ?? "";
      const token = /ATLASSIAN_API_TOKEN=(.+)/.exec(f.text)?.[1] ?? "";
      expect(emu.state.authenticate(email, token)?.accountId).toBe(after.serviceAccounts.find((s) => s.email === email)?.accountId);
      expect(f.text).toContain("ATLASSIAN_BASE_URL=https://api.atlassian.com/ex/");
    }

    // The journal has every step done and holds ids only.
    const { records } = await readJournal(join(cwd, ".bot2svc", "journal.jsonl"));
    for (const m of plan.migrations) {
      const done = records.filter((r) => r.migrationId === m.id && r.phase === "done").map((r) => r.step);
      expect(new Set(done)).toEqual(new Set(["create", "grant", "mint", "deliver", "verify", "decommission", ...(m.groups.some((g) => !g.synced) ? ["group"] : [])]));
    }

    // Second apply: nothing to do, no write request.
    emu.resetCounters();
    const second = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "secrets"], { cwd, env });
    expect(second.code).toBe(0);
    expect(writeRequests(emu)).toEqual({});
    expect(normalizeState(await fetchState(emu))).toEqual(normalizeState(after));

    const status = await runCli(["status", "--json"], { cwd, env });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).summary).toMatchObject({ done: 3, failed: 0, waiting: 0 });

    // Rollback: suspended accounts restored, tokens revoked, memberships removed, service accounts deleted.
    const rollback = await runCli(["rollback", "--yes"], { cwd, env });
    expect(rollback.code).toBe(0);
    expect(rollback.stderr).toMatch(/deleted service account/);
    expect(normalizeState(await fetchState(emu))).toEqual(normalizeState(before));

    // A second rollback finds everything undone and changes nothing.
    emu.resetCounters();
    const again = await runCli(["rollback", "--yes", "--json"], { cwd, env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).actions).toEqual([]);
    expect(writeRequests(emu)).toEqual({});

    // No minted token appears in any stdout/stderr, the journal, the plan or the lock.
    const tokens = await tokensIn(secretsDir);
    expect(tokens).toHaveLength(3);
    const outputs = [first, second, status, rollback, again].flatMap((r) => [r.stdout, r.stderr]);
    const files2 = allFileText(cwd, (p) => p.startsWith(secretsDir));
    expect(files2.map((f) => f.path)).toContain(file);
    for (const token of tokens) {
      for (const text of outputs) expect(text.includes(token)).toBe(false);
      for (const f of files2) expect(f.text.includes(token), f.path).toBe(false);
    }
  });

  it("never prints a minted token, even with --verbose and --json", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s", "--verbose", "--json"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).counts.done).toBe(1);
    const [token] = await tokensIn(join(cwd, "s"));
    expect(token?.length).toBeGreaterThan(20);
    expect(run.stdout.includes(token as string)).toBe(false);
    expect(run.stderr.includes(token as string)).toBe(false);
    expect((await readFile(join(cwd, ".bot2svc", "journal.jsonl"), "utf8")).includes(token as string)).toBe(false);
  });

  it("refuses a stale plan before any write, naming what changed", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan());
    emu.state.addGroupMember("g-staff", "a-jenkins");
    emu.resetCounters();
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Saved plan is stale: jenkins@acme.com gained group "staff" since the plan was made');
    expect(writeRequests(emu)).toEqual({});
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
    const { records } = await readJournal(join(cwd, ".bot2svc", "journal.jsonl"));
    expect(records).toEqual([]);
  });

  it("refuses a plan above --max-changes before any write", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan());
    emu.resetCounters();
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s", "--max-changes", "10"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The plan makes 15 changes, more than --max-changes 10 allows/);
    expect(writeRequests(emu)).toEqual({});
    const ok = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s", "--max-changes", "15"], { cwd, env: envFor(emu) });
    expect(ok.code).toBe(0);
  });

  it("refuses to migrate an admin unless the plan includes admins", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ includeAdmins: true, select: ["root-bot@acme.com"] });
    expect(plan.migrations[0]?.source.isAdmin).toBe(true);
    await savePlan(cwd, { ...plan, includeAdmins: false }, "tampered.json");
    emu.resetCounters();
    const run = await runCli(["apply", "tampered.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/migrates 1 org admin account but was not made with --include-admins/);
    expect(run.stderr).toContain("root-bot@acme.com");
    expect(writeRequests(emu)).toEqual({});
  });

  it("refuses without --yes when nobody can confirm, and a TTY confirm defaults to no", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan());
    emu.resetCounters();
    const piped = await runCli(["apply", "plan.json", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(piped.code).toBe(1);
    expect(piped.stderr).toMatch(/re-run with --yes/);
    expect(emu.requests().total).toBe(0);

    const declined = await runCli(["apply", "plan.json", "--secrets-dir", "s"], {
      cwd,
      env: envFor(emu),
      stdinIsTTY: true,
      stderrIsTTY: true,
      prompts: [{ type: "confirm", message: /Apply this plan to Acme Apply\? 15 changes/, answer: (_m: string, o: { default?: boolean }) => o.default === true }],
    });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toMatch(/Apply cancelled; nothing was changed/);
    expect(writeRequests(emu)).toEqual({});
  });

  it("fails at once when another apply holds the lock, naming it", async () => {
    emu = await startOrg({ faults: { latencyMs: [30, 40] } });
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const env = envFor(emu);
    const slow = runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env });
    // Wait until the first run holds the lock.
    const lockFile = join(cwd, ".bot2svc", "apply.lock");
    for (let i = 0; i < 200 && !(await stat(lockFile).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    const second = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/Another bot2svc run holds the lock .*\.lock \(plan p-test\d+ of org org-apply\): "bot2svc apply plan\.json" \(pid \d+/);
    expect((await slow).code).toBe(0);
    await expect(stat(lockFile)).rejects.toThrow();
  });

  it("pauses at a manual token step with exit 4 and resumes with --token-file", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com", "wiki-sync@acme.com"], capabilities: { mintToken: false } });
    expect(plan.migrations.every((m) => m.credential.mint === "manual")).toBe(true);
    await savePlan(cwd, plan);
    const env = envFor(emu);
    const paused = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(paused.code).toBe(4);
    expect(paused.stderr).toMatch(/Directory → Service accounts → Jenkins CI/);
    expect(paused.stderr).toMatch(/Create credentials → API token/);
    expect(paused.stderr).toMatch(/--resume --token-file/);
    const status = await runCli(["status"], { cwd, env });
    expect(status.stdout).toMatch(/│ waiting +│ jenkins@acme\.com +│/);
    // The old accounts are untouched while the migration waits.
    let state = await fetchState(emu);
    expect(state.users.find((u) => u.accountId === "a-jenkins")?.status).toBe("active");

    // An admin creates the tokens in the console (here: straight in the emulator).
    const lines: string[] = [];
    const tokens: string[] = [];
    for (const m of plan.migrations) {
      const sa = state.serviceAccounts.find((s) => s.description?.includes(m.serviceAccount.marker));
      const minted = emu.state.mintToken(sa?.accountId ?? "", { label: m.credential.label, scopes: m.credential.scopes, expiry: new Date("2027-06-01T00:00:00Z") });
      tokens.push(minted.token);
      lines.push(`${m.id}=${minted.token}`);
    }
    await writeFile(join(cwd, "tokens.txt"), `${lines.join("\n")}\n`, { mode: 0o600 });
    const resumed = await runCli(["apply", "plan.json", "--resume", "--token-file", "tokens.txt", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(resumed.stderr).not.toMatch(/✖/);
    expect(resumed.code).toBe(0);
    state = await fetchState(emu);
    expect(state.users.find((u) => u.accountId === "a-jenkins")?.status).toBe("suspended");
    const { records } = await readJournal(join(cwd, ".bot2svc", "journal.jsonl"));
    expect(records.filter((r) => r.step === "verify" && r.phase === "done")).toHaveLength(2);
    for (const token of tokens) {
      for (const text of [paused.stdout, paused.stderr, resumed.stdout, resumed.stderr]) expect(text.includes(token)).toBe(false);
      expect(JSON.stringify(records).includes(token)).toBe(false);
    }
  });

  it("asks for a manual token on a hidden prompt when interactive; Ctrl-C finishes the step in flight then exits 130", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"], capabilities: { mintToken: false } });
    await savePlan(cwd, plan);
    const controller = new AbortController();
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], {
      cwd,
      env: envFor(emu),
      stdinIsTTY: true,
      stderrIsTTY: true,
      signal: controller.signal,
      prompts: [
        {
          type: "password",
          message: /Paste the API token for Jenkins CI/,
          answer: async () => {
            const state = await fetchState(emu as RunningEmulator);
            const sa = state.serviceAccounts[0];
            controller.abort();
            // The admin creates the token with the scopes the plan lists (its verification needs read:jira-user).
            return emu?.state.mintToken(sa?.accountId ?? "", { label: "x", scopes: plan.migrations[0]?.credential.scopes ?? [], expiry: new Date("2027-01-01T00:00:00Z") }).token;
          },
        },
      ],
    });
    expect(run.code).toBe(130);
    const { records } = await readJournal(join(cwd, ".bot2svc", "journal.jsonl"));
    const steps = records.map((r) => `${r.step}:${r.phase}`);
    expect(steps).toContain("deliver:done");
    expect(steps).not.toContain("verify:intent");
    const resumed = await runCli(["apply", "plan.json", "--resume", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(resumed.code).toBe(0);
  });

  it("waits out a soak period, then decommissions on a later --resume", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["deploy@acme.com"], soakDays: 7, oldAccount: "deactivate" }));
    const env = envFor(emu);
    const first = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env, now: "2026-11-01T12:00:00Z" });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/soak until 2026-11-08/);
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-deploy")?.accountStatus).toBe("active");
    const early = await runCli(["apply", "plan.json", "--resume", "--yes"], { cwd, env, now: "2026-11-05T12:00:00Z" });
    expect(early.code).toBe(0);
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-deploy")?.accountStatus).toBe("active");
    const late = await runCli(["apply", "plan.json", "--resume", "--yes"], { cwd, env, now: "2026-11-09T12:00:00Z" });
    expect(late.code).toBe(0);
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-deploy")?.accountStatus).toBe("inactive");
    const rollback = await runCli(["rollback", "--yes"], { cwd, env });
    expect(rollback.code).toBe(0);
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-deploy")?.accountStatus).toBe("active");
  });

  it("delivers to a secret command, and a failing command fails that migration with exit 3 without printing the secret", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com", "wiki-sync@acme.com"] }));
    const env = envFor(emu);
    const command = `payload=$(cat); case "$payload" in *wiki-sync*) echo "vault refused $payload" >&2; exit 2;; esac; printf '%s' "$payload" > "$PWD/got.json"`;
    const read = `sed -n 's/.*"token":"\\([^"]*\\)".*/\\1/p' "$PWD/got.json"`;
    const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", command, "--secret-read-command", read], { cwd, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Apply finished with failed steps \(1\):\n\s+wiki-sync@acme.com: deliver failed/);
    expect(run.stderr).toMatch(/vault refused/);
    const got = JSON.parse(await readFile(join(cwd, "got.json"), "utf8")) as { token: string; migrationId: string; email: string };
    expect(got.email).toMatch(/@serviceaccount\.atlassian\.com$/);
    expect(run.stderr.includes(got.token)).toBe(false);
    expect(run.stderr).toContain("[REDACTED]");
    // The successful migration went all the way.
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-jenkins")?.status).toBe("suspended");
    expect((await fetchState(emu)).users.find((u) => u.accountId === "a-wiki")?.status).toBe("active");
    const status = await runCli(["status", "--json"], { cwd, env });
    expect(JSON.parse(status.stdout).summary).toMatchObject({ done: 1, failed: 1 });
  });

  it("--dry-run prints the steps and changes nothing", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan());
    emu.resetCounters();
    const run = await runCli(["apply", "plan.json", "--dry-run", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/create\s+create service account "Jenkins CI/);
    expect(run.stdout).toMatch(/decommission\s+suspend jenkins@acme.com/);
    expect(run.stderr).toMatch(/15 changes would be made/);
    expect(writeRequests(emu)).toEqual({});
    await expect(stat(join(cwd, ".bot2svc"))).rejects.toThrow();
    expect(applyOrg().users).toHaveLength(10);
  });
});
