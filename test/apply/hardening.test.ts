import { chmod, lstat, mkdir, readFile, readdir, stat, symlink, writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { afterEach, describe, expect, it } from "vitest";
import { readJournal } from "../../src/core/journal/journal.js";
import { migrationFingerprint } from "../../src/core/plan/fingerprint.js";
import { markerOf, serializePlan } from "../../src/core/plan/io.js";
import type { Plan } from "../../src/core/plan/schema.js";
import type { Snapshot } from "../../src/core/snapshot/schema.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { applyOrg, envFor, fetchState, makePlan, savePlan, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const journalFile = (cwd: string) => join(cwd, ".bot2svc", "journal.jsonl");
const statusOf = async (e: RunningEmulator, accountId: string) => (await fetchState(e)).users.find((u) => u.accountId === accountId)?.status;

/** Writes a hand-edited plan as it is, without the validation `savePlan` does. */
async function saveEdited(cwd: string, plan: Plan, name = "plan.json"): Promise<void> {
  await writeFile(join(cwd, name), serializePlan(plan));
}

/** Mints a token in the emulator for the service account this migration created. */
async function mintByHand(e: RunningEmulator, plan: Plan, index = 0): Promise<string> {
  const m = plan.migrations[index];
  const sa = (await fetchState(e)).serviceAccounts.find((s) => s.description?.includes(m?.serviceAccount.marker ?? "?"));
  // The admin creates the token with the scopes the plan lists.
  return e.state.mintToken(sa?.accountId ?? "", { label: m?.credential.label ?? "x", scopes: m?.credential.scopes ?? [], expiry: new Date("2027-06-01T00:00:00Z") }).token;
}

describe("verification that failed stays failed", () => {
  it("keeps the old account after a bad manual token, on every re-run with or without a readable sink, until a corrected token verifies", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"], capabilities: { mintToken: false } });
    await savePlan(cwd, plan);
    const env = envFor(emu);
    const id = plan.migrations[0]?.id ?? "";
    expect((await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env })).code).toBe(4);

    await writeFile(join(cwd, "bad.txt"), "not-the-right-token-0000\n", { mode: 0o600 });
    const bad = await runCli(["apply", "plan.json", "--resume", "--token-file", "bad.txt", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/verify failed/);

    // The hurried admin just runs apply again: without a sink, with another (empty) one, with the same one.
    for (const args of [[], ["--secrets-dir", "other"], ["--secret-command", "cat >/dev/null"], ["--secrets-dir", "s"]]) {
      const again = await runCli(["apply", "plan.json", "--yes", ...args], { cwd, env });
      expect(again.code, args.join(" ")).toBe(3);
      expect(again.stderr).not.toMatch(/verified skipped/);
      expect(again.stderr).toMatch(/--token-file/);
      expect(await statusOf(emu, "a-jenkins")).toBe("active");
    }
    const status = await runCli(["status", "--json"], { cwd, env });
    expect(JSON.parse(status.stdout).migrations[0]).toMatchObject({ outcome: "failed", failed: { step: "verify" } });

    // The corrected token, for that migration only, without rolling anything back.
    const good = await mintByHand(emu, plan);
    await writeFile(join(cwd, "good.txt"), `${id}=${good}\n`, { mode: 0o600 });
    const fixed = await runCli(["apply", "plan.json", "--resume", "--token-file", "good.txt", "--yes", "--secrets-dir", "s"], { cwd, env });
    expect(fixed.stderr).not.toMatch(/✖/);
    expect(fixed.code).toBe(0);
    expect(await statusOf(emu, "a-jenkins")).toBe("suspended");
    const files = await readdir(join(cwd, "s"));
    expect(files).toHaveLength(1);
    expect(await readFile(join(cwd, "s", files[0] ?? ""), "utf8")).toContain(`ATLASSIAN_API_TOKEN=${good}`);
    const done = await runCli(["status", "--json"], { cwd, env });
    expect(JSON.parse(done.stdout).migrations[0]).toMatchObject({ outcome: "done" });
    const { records } = await readJournal(journalFile(cwd));
    expect(JSON.stringify(records).includes(good)).toBe(false);
  });

  it("does not decommission when a token delivered to a command by an interrupted run cannot be read back", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"], capabilities: { mintToken: false } });
    await savePlan(cwd, plan);
    const controller = new AbortController();
    const env = envFor(emu);
    const first = await runCli(["apply", "plan.json", "--yes", "--secret-command", "cat >/dev/null"], {
      cwd,
      env,
      stdinIsTTY: true,
      stderrIsTTY: true,
      signal: controller.signal,
      prompts: [{ type: "password", message: /Paste the API token/, answer: async () => { controller.abort(); return mintByHand(emu as RunningEmulator, plan); } }],
    });
    expect(first.code).toBe(130);
    const resumed = await runCli(["apply", "plan.json", "--resume", "--yes", "--secret-command", "cat >/dev/null"], { cwd, env });
    expect(resumed.code).toBe(3);
    expect(resumed.stderr).toMatch(/--token-file/);
    expect(await statusOf(emu, "a-jenkins")).toBe("active");
  });
});

describe("secret command", () => {
  it("fails the delivery when the command does not read the whole secret, and keeps the old account", async () => {
    for (const command of ["echo stored >/dev/null", "head -c 10 >/dev/null"]) {
      emu = await startOrg();
      const cwd = makeTempDir();
      await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
      const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", command], { cwd, env: envFor(emu) });
      expect(run.code, command).toBe(3);
      expect(run.stderr).toMatch(/deliver failed/);
      expect(run.stderr).toMatch(/did not read the whole secret/);
      expect(await statusOf(emu, "a-jenkins")).toBe("active");
      await emu.close();
      emu = undefined;
    }
  });

  it("passes the migration's fields as environment variables, never the token or the API key", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    await savePlan(cwd, plan);
    const command = `cat > "$PWD/payload-$BOT2SVC_MIGRATION_ID.json"; env > "$PWD/env.txt"`;
    const read = `env > "$PWD/read-env.txt"; sed -n 's/.*"token":"\\([^"]*\\)".*/\\1/p' "$PWD/payload-$BOT2SVC_MIGRATION_ID.json"`;
    const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", command, "--secret-read-command", read], { cwd, env: envFor(emu) });
    expect(run.code).toBe(0);
    const id = plan.migrations[0]?.id ?? "";
    const payload = JSON.parse(await readFile(join(cwd, `payload-${id}.json`), "utf8")) as { token: string; email: string };
    const vars = parseDotenv(await readFile(join(cwd, "env.txt"), "utf8"));
    expect(vars).toMatchObject({
      BOT2SVC_MIGRATION_ID: id,
      BOT2SVC_SERVICE_ACCOUNT_EMAIL: payload.email,
      BOT2SVC_SERVICE_ACCOUNT_NAME: "Jenkins CI",
      BOT2SVC_TOKEN_LABEL: plan.migrations[0]?.credential.label,
      BOT2SVC_CLOUD_ID: "c-apply",
    });
    const text = await readFile(join(cwd, "env.txt"), "utf8");
    expect(text.includes(payload.token)).toBe(false);
    expect(text.includes(emu.apiKey)).toBe(false);
    // The read-back command gets the same fields, and no secret either.
    const readVars = parseDotenv(await readFile(join(cwd, "read-env.txt"), "utf8"));
    expect(readVars).toMatchObject({ BOT2SVC_MIGRATION_ID: id, BOT2SVC_SERVICE_ACCOUNT_EMAIL: payload.email, BOT2SVC_CLOUD_ID: "c-apply" });
    const readText = await readFile(join(cwd, "read-env.txt"), "utf8");
    expect(readText.includes(payload.token)).toBe(false);
    expect(readText.includes(emu.apiKey)).toBe(false);
  });

  it("the `apply --help` example delivers the whole secret to the vault command", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    await savePlan(cwd, plan);
    const help = await runCli(["apply", "--help"], { cwd });
    const example = /--secret-command '([^']+)'/.exec(help.stdout)?.[1];
    const readExample = /--secret-read-command '([^']+)'/.exec(help.stdout)?.[1];
    expect(example).toBeDefined();
    expect(readExample).toBeDefined();
    // A stand-in `vault` that records its arguments and what it read on stdin (kv put), and
    // prints the stored token field (kv get -field=token).
    const bin = join(cwd, "bin");
    await mkdir(bin);
    await writeFile(
      join(bin, "vault"),
      `#!/bin/sh\nif [ "$2" = get ]; then sed -n 's/.*"token":"\\([^"]*\\)".*/\\1/p' "${cwd}/vault-stdin"; exit 0; fi\nprintf '%s\\n' "$*" > "${cwd}/vault-args"\ncat > "${cwd}/vault-stdin"\n`,
    );
    await chmod(join(bin, "vault"), 0o755);
    const run = await runCli(["apply", "plan.json", "--yes", "--secret-command", example ?? "", "--secret-read-command", readExample ?? ""], {
      cwd,
      env: envFor(emu, { PATH: `${bin}:${process.env.PATH ?? ""}` }),
    });
    expect(run.code).toBe(0);
    const id = plan.migrations[0]?.id ?? "";
    expect(await readFile(join(cwd, "vault-args"), "utf8")).toContain(`secret/bots/${id}`);
    const stored = JSON.parse(await readFile(join(cwd, "vault-stdin"), "utf8")) as { token: string; migrationId: string };
    expect(stored.migrationId).toBe(id);
    expect(stored.token.length).toBeGreaterThan(10);
  });
});

describe("env-file injection", () => {
  const EVIL = "Jenkins CI\nNODE_OPTIONS=--require=/tmp/evil.js\ntouch pwned\r\u0000\u001b]0;title\u0007";

  function evilOrg(): Snapshot {
    const org = applyOrg();
    return { ...org, users: org.users.map((u) => (u.accountId === "a-jenkins" ? { ...u, name: EVIL } : u)) };
  }

  it("writes no line a display name controls, and the plan keeps no control character in the service account's name", async () => {
    const snapshot = evilOrg();
    emu = await startOrg({ snapshot });
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"], snapshot });
    expect(plan.migrations[0]?.serviceAccount.displayName).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(plan.migrations[0]?.serviceAccount.description).not.toMatch(/[\u0000-\u001f\u007f]/);
    await savePlan(cwd, plan);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(0);
    const files = await readdir(join(cwd, "s"));
    const text = await readFile(join(cwd, "s", files[0] ?? ""), "utf8");
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    for (const line of text.split("\n").filter((l) => l !== "")) expect(line).toMatch(/^(#|ATLASSIAN_(EMAIL|API_TOKEN|BASE_URL|CLOUD_ID)=)/);
    expect(Object.keys(parseDotenv(text)).sort()).toEqual(["ATLASSIAN_API_TOKEN", "ATLASSIAN_BASE_URL", "ATLASSIAN_CLOUD_ID", "ATLASSIAN_EMAIL"]);
    // Sourcing it in a shell sets the four variables and runs nothing.
    const sourced = spawnSync("sh", ["-c", `set -a; . "./s/${files[0]}"; env`], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(sourced.status).toBe(0);
    expect(sourced.stdout).not.toMatch(/NODE_OPTIONS/);
    await expect(stat(join(cwd, "pwned"))).rejects.toThrow();
  });

  it("refuses a plan edited to put control characters in a service account's name", async () => {
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const edited = { ...plan, migrations: plan.migrations.map((m) => ({ ...m, serviceAccount: { ...m.serviceAccount, displayName: "CI\nNODE_OPTIONS=x" } })) };
    await saveEdited(cwd, edited);
    const run = await runCli(["show", "plan.json"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/serviceAccount\.displayName/);
  });
});

describe("admin guardrail from the fingerprinted state", () => {
  it("refuses to touch an admin when the plan's booleans were edited, and when its roles were edited too", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["root-bot@acme.com"], includeAdmins: true });
    expect(plan.migrations[0]?.source.isAdmin).toBe(true);
    const flags = { ...plan, includeAdmins: false, migrations: plan.migrations.map((m) => ({ ...m, source: { ...m.source, isAdmin: false } })) };
    const rolesToo = {
      ...flags,
      migrations: flags.migrations.map((m) => {
        const state = { ...m.source.state, platformRoles: [] };
        return { ...m, source: { ...m.source, state, fingerprint: migrationFingerprint({ ...m, source: { ...m.source, state } }) } };
      }),
    };
    const env = envFor(emu);
    for (const edited of [flags, rolesToo]) {
      await saveEdited(cwd, edited);
      const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/admin/);
      expect(await statusOf(emu, "a-root")).toBe("active");
      expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
    }
  });
});

describe("gateway URLs", () => {
  function withGateway(plan: Plan, urls: string[], refingerprint: boolean): Plan {
    return {
      ...plan,
      migrations: plan.migrations.map((m) => ({
        ...m,
        cutover: { ...m.cutover, gatewayUrls: urls },
        source: { ...m.source, fingerprint: refingerprint ? migrationFingerprint({ ...m, cutover: { ...m.cutover, gatewayUrls: urls } }) : m.source.fingerprint },
      })),
    };
  }

  it("refuses a gateway URL that is not the Atlassian gateway of one of the org's sites", async () => {
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    expect(plan.migrations[0]?.cutover.gatewayUrls).toEqual(["https://api.atlassian.com/ex/jira/c-apply"]);
    for (const url of ["http://attacker.example/ex/jira/c-apply", "https://api.atlassian.com.attacker.example/ex/jira/c-apply", "https://api.atlassian.com/ex/jira/other-cloud", "https://api.atlassian.com/ex/jira/c-apply/../x"]) {
      await saveEdited(cwd, withGateway(plan, [url], true));
      const run = await runCli(["show", "plan.json"], { cwd });
      expect(run.code, url).toBe(1);
      expect(run.stderr).toMatch(/cutover\.gatewayUrls/);
    }
  });

  it("detects an edited gateway URL through the plan's fingerprint", async () => {
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    await saveEdited(cwd, withGateway(plan, ["https://api.atlassian.com/ex/confluence/c-apply"], false));
    const run = await runCli(["show", "plan.json"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/fingerprint/);
  });

  it("refuses at apply a gateway on a host other than the provider's, even in a consistent plan", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const edited = { ...withGateway(plan, ["https://evil.example/ex/jira/c-apply"], true), provider: { name: "atlassian", baseUrl: "https://evil.example" } };
    await saveEdited(cwd, edited);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/gateway/i);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
  });
});

describe("files apply must not follow or overflow", () => {
  it("refuses a journal or a lock file that is a symbolic link", async () => {
    emu = await startOrg();
    const env = envFor(emu);
    for (const name of ["journal.jsonl", "apply.lock"]) {
      const cwd = makeTempDir();
      await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
      await mkdir(join(cwd, ".bot2svc"));
      await writeFile(join(cwd, "target"), "");
      await symlink(join(cwd, "target"), join(cwd, ".bot2svc", name));
      const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env });
      expect(run.code, name).toBe(1);
      expect(run.stderr).toMatch(/symbolic link/);
      expect(await readFile(join(cwd, "target"), "utf8")).toBe("");
      expect((await lstat(join(cwd, ".bot2svc", name))).isSymbolicLink()).toBe(true);
    }
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
    const cwd = makeTempDir();
    await mkdir(join(cwd, ".bot2svc"));
    await writeFile(join(cwd, "target"), "");
    await symlink(join(cwd, "target"), journalFile(cwd));
    for (const command of [["status"], ["rollback", "--yes"]]) {
      const run = await runCli(command, { cwd, env });
      expect(run.code, command[0]).toBe(1);
      expect(run.stderr).toMatch(/symbolic link/);
    }
  });

  it("delivers the secret of a migration with a 300-character id without losing the token", async () => {
    // An account id of 298 characters gives its migration an id of 300.
    const longAccount = "x".repeat(298);
    const org = applyOrg();
    for (const u of org.users) if (u.accountId === "a-jenkins") u.accountId = longAccount;
    for (const t of org.apiTokens) if (t.accountId === "a-jenkins") t.accountId = longAccount;
    emu = await startOrg({ snapshot: org });
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"] });
    const longId = `m-${longAccount}`;
    const edited: Plan = {
      ...plan,
      migrations: plan.migrations.map((m) => {
        const marker = markerOf(plan.id, longId);
        return {
          ...m,
          id: longId,
          source: { ...m.source, accountId: longAccount },
          serviceAccount: { ...m.serviceAccount, marker, description: m.serviceAccount.description.replace(m.serviceAccount.marker, marker) },
        };
      }),
    };
    await saveEdited(cwd, edited);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.stderr).not.toMatch(/ENAMETOOLONG/);
    expect(run.code).toBe(0);
    const files = await readdir(join(cwd, "s"));
    expect(files).toHaveLength(1);
    expect(Buffer.byteLength(files[0] ?? "")).toBeLessThanOrEqual(255);
    const text = await readFile(join(cwd, "s", files[0] ?? ""), "utf8");
    const email = /ATLASSIAN_EMAIL=(.+)/.exec(text)?.[1] ?? "";
    const token = /ATLASSIAN_API_TOKEN=(.+)/.exec(text)?.[1] ?? "";
    expect(emu.state.authenticate(email, token)).not.toBeNull();
  });
});

describe("Ctrl-C summary", () => {
  it("counts a migration stopped part-way apart from the ones not started", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan());
    const controller = new AbortController();
    const e = emu;
    const timer = setInterval(() => {
      if (Object.keys(e.requests().byRoute).some((k) => /^POST .*service-accounts$/.test(k) || /^POST .*service-accounts\?/.test(k))) {
        controller.abort();
        clearInterval(timer);
      }
    }, 1);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(e), signal: controller.signal });
    clearInterval(timer);
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/1 stopped part-way/);
    expect(run.stderr).toMatch(/2 not started/);
  });
});
