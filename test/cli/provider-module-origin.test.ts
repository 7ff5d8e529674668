import { existsSync } from "node:fs";
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, makeTempDir, runCli } from "../helpers/run-cli.js";

/**
 * A working directory holding a provider module that leaves a file behind as soon as it is
 * imported (as a malicious one in a cloned repository would run its code), and a snapshot for
 * it to serve.
 */
async function repoWithModule(): Promise<{ cwd: string; ran: string }> {
  const cwd = makeTempDir("bot2svc-module-origin-");
  const ran = join(cwd, "module-ran");
  await copyFile(fixturePath("plan", "org.json"), join(cwd, "org.json"));
  await writeFile(
    join(cwd, "evil.mjs"),
    `import { writeFileSync, readFileSync } from "node:fs";
writeFileSync(${JSON.stringify(ran)}, "imported");
export function createProvider(ctx) {
  const snapshot = JSON.parse(readFileSync(ctx.cwd + "/org.json", "utf8"));
  return {
    name: "evil",
    orgId: null,
    capabilities: { readSnapshot: true, createServiceAccount: false, deleteServiceAccount: false, grantAppRole: false, addToGroup: false, removeFromGroup: false, mintToken: false, listTokens: false, revokeToken: false, verifyToken: false, suspendAccount: false, restoreAccount: false, deactivateAccount: false, reactivateAccount: false },
    readSnapshot: async () => snapshot,
  };
}
`,
  );
  return { cwd, ran };
}

const AUDIT = ["audit", "--format", "json", "--now", "2026-11-01T00:00:00Z"];

describe("provider modules named by files in the working directory", () => {
  it("refuses BOT2SVC_PROVIDER=./module from .env without importing it, and says how to choose it", async () => {
    const { cwd, ran } = await repoWithModule();
    await writeFile(join(cwd, ".env"), "BOT2SVC_PROVIDER=./evil.mjs\n");
    for (const args of [AUDIT, ["plan", "--yes", "--out", "plan.json"], ["doctor"]]) {
      const r = await runCli(args, { cwd });
      expect(r.code, args[0]).toBe(1);
      const said = `${r.stderr}${r.stdout}`;
      expect(said, args[0]).toContain(`${join(cwd, ".env")} sets BOT2SVC_PROVIDER to the provider module ./evil.mjs`);
      expect(said, args[0]).toContain("--provider ./evil.mjs");
      expect(said, args[0]).toContain("export BOT2SVC_PROVIDER=./evil.mjs");
      expect(said, args[0]).not.toMatch(/bug in bot2svc/);
      expect(existsSync(ran), args[0]).toBe(false);
      expect(existsSync(join(cwd, "plan.json"))).toBe(false);
    }
  });

  it("doctor fails its provider check itself for a module named by .env or the config file, and reads nothing", async () => {
    const { cwd, ran } = await repoWithModule();
    await writeFile(join(cwd, ".env"), "BOT2SVC_PROVIDER=./evil.mjs\n");
    const fromEnv = await runCli(["doctor", "--json"], { cwd });
    expect(fromEnv.code).toBe(1);
    const checks = (JSON.parse(fromEnv.stdout) as { checks: { id: string; ok: boolean; detail: string; hint: string | null }[] }).checks;
    expect(checks.map((c) => [c.id, c.ok])).toEqual([["config", true], ["provider", false]]);
    expect(checks[1]?.detail).toContain(`${join(cwd, ".env")} sets BOT2SVC_PROVIDER to the provider module ./evil.mjs`);
    expect(checks[1]?.hint).toContain("--provider ./evil.mjs");
    await writeFile(join(cwd, ".env"), "");
    await writeFile(join(cwd, "bot2svc.config.json"), JSON.stringify({ provider: "./evil.mjs" }));
    const fromConfig = await runCli(["doctor"], { cwd });
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.stdout).not.toMatch(/✔ provider/);
    expect(fromConfig.stdout).toMatch(/✖ provider .*bot2svc\.config\.json sets provider to the provider module \.\/evil\.mjs/);
    expect(fromConfig.stdout).not.toMatch(/\bread\b/);
    expect(existsSync(ran)).toBe(false);
  });

  it("refuses a module named by the config file, the default one or one given with --config", async () => {
    const { cwd, ran } = await repoWithModule();
    await writeFile(join(cwd, "bot2svc.config.json"), JSON.stringify({ provider: "./evil.mjs" }));
    await writeFile(join(cwd, "other.json"), JSON.stringify({ provider: "./evil.mjs" }));
    for (const global of [[], ["--config", "other.json"]]) {
      const r = await runCli([...global, ...AUDIT], { cwd });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/(bot2svc\.config|other)\.json sets provider to the provider module \.\/evil\.mjs/);
      expect(r.stderr).toContain("--provider ./evil.mjs");
      expect(existsSync(ran)).toBe(false);
    }
  });

  it("loads the module when the user chose it: --provider, or BOT2SVC_PROVIDER in the real environment over .env", async () => {
    for (const how of ["flag", "environment"] as const) {
      const { cwd, ran } = await repoWithModule();
      await writeFile(join(cwd, ".env"), "BOT2SVC_PROVIDER=snapshot\n");
      const r =
        how === "flag"
          ? await runCli(["--provider", "./evil.mjs", ...AUDIT], { cwd })
          : await runCli(AUDIT, { cwd, env: { BOT2SVC_PROVIDER: "./evil.mjs" } });
      expect(r.stderr, how).not.toMatch(/Error/);
      expect(r.code === 0 || r.code === 2, how).toBe(true);
      expect(JSON.parse(r.stdout).summary.accounts, how).toBeGreaterThan(0);
      expect(existsSync(ran), how).toBe(true);
    }
  });

  it("still takes built-in provider names from .env and the config file", async () => {
    const { cwd, ran } = await repoWithModule();
    await writeFile(join(cwd, ".env"), "BOT2SVC_PROVIDER=snapshot\nBOT2SVC_SNAPSHOT=org.json\n");
    const fromEnv = await runCli(AUDIT, { cwd });
    expect(fromEnv.stderr).not.toMatch(/Error/);
    expect(JSON.parse(fromEnv.stdout).summary.accounts).toBeGreaterThan(0);

    const other = makeTempDir("bot2svc-module-origin-");
    await copyFile(fixturePath("plan", "org.json"), join(other, "org.json"));
    await writeFile(join(other, "bot2svc.config.json"), JSON.stringify({ provider: "snapshot" }));
    const fromConfig = await runCli(AUDIT, { cwd: other, env: { BOT2SVC_SNAPSHOT: "org.json" } });
    expect(fromConfig.stderr).not.toMatch(/Error/);
    expect(JSON.parse(fromConfig.stdout).summary.accounts).toBeGreaterThan(0);
    expect(existsSync(ran)).toBe(false);
  });
});
