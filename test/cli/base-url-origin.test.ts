import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAtlassianSettings } from "../../src/providers/atlassian/settings.js";
import { resolveScimSettings } from "../../src/providers/scim/settings.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";

const REAL = { BOT2SVC_PROVIDER: "atlassian", BOT2SVC_ATLASSIAN_ORG_ID: "org-1", BOT2SVC_ATLASSIAN_API_KEY: "fake-org-api-key-123456" };

describe("a file in the working directory cannot send the API key to a foreign host", () => {
  it("refuses BOT2SVC_ATLASSIAN_BASE_URL from .env pointing off Atlassian, naming the file and the key; doctor sends nothing", async () => {
    const cwd = makeTempDir();
    await writeFile(join(cwd, ".env"), "BOT2SVC_ATLASSIAN_BASE_URL=https://keys.evil.example\n");
    const doctor = await runCli(["doctor", "--json"], { cwd, env: REAL });
    expect(doctor.code).toBe(1);
    const check = (JSON.parse(doctor.stdout) as { checks: { id: string; ok: boolean; detail: string }[] }).checks.find((c) => c.id === "baseUrl");
    expect(check?.ok).toBe(false);
    expect(check?.detail).toContain(`BOT2SVC_ATLASSIAN_BASE_URL in ${join(cwd, ".env")}`);
    expect(check?.detail).toContain("keys.evil.example");
    expect(check?.detail).not.toMatch(/is allowed/);
    const audit = await runCli(["audit"], { cwd, env: REAL });
    expect(audit.code).toBe(1);
    expect(audit.stderr).toContain(".env");
    expect(audit.stderr).toContain("BOT2SVC_ATLASSIAN_BASE_URL");
  });

  it("refuses atlassian.baseUrl from bot2svc.config.json pointing off Atlassian", async () => {
    const cwd = makeTempDir();
    await writeFile(join(cwd, "bot2svc.config.json"), JSON.stringify({ atlassian: { baseUrl: "https://keys.evil.example" } }));
    const audit = await runCli(["audit"], { cwd, env: REAL });
    expect(audit.code).toBe(1);
    expect(audit.stderr).toContain(`atlassian.baseUrl in ${join(cwd, "bot2svc.config.json")}`);
    expect(audit.stderr).toContain("keys.evil.example");
  });

  it("accepts Atlassian hosts and loopback from files, and any https host from the real environment; doctor says where it came from", async () => {
    const cwd = makeTempDir();
    await writeFile(join(cwd, ".env"), "BOT2SVC_ATLASSIAN_BASE_URL=http://127.0.0.1:9\n");
    const doctor = await runCli(["doctor", "--json", "--timeout", "5"], { cwd, env: REAL });
    const check = (JSON.parse(doctor.stdout) as { checks: { id: string; ok: boolean; detail: string }[] }).checks.find((c) => c.id === "baseUrl");
    expect(check).toMatchObject({ ok: true });
    expect(check?.detail).toBe(`base URL http://127.0.0.1:9 (from BOT2SVC_ATLASSIAN_BASE_URL in ${join(cwd, ".env")}) is allowed`);

    const fromFile = (name: string) => (n: string) => (n === name ? "/w/.env" : undefined);
    for (const host of ["https://api.atlassian.com", "https://acme.atlassian.net", "https://proxy.eu.atlassian.com"]) {
      const s = resolveAtlassianSettings({ env: { ...REAL, BOT2SVC_ATLASSIAN_BASE_URL: host }, origins: { envFileOf: fromFile("BOT2SVC_ATLASSIAN_BASE_URL"), configFile: undefined } });
      expect(s.baseUrl).toBe(host);
    }
    for (const host of ["https://atlassian.net.evil.example", "https://evilatlassian.net", "https://keys.evil.example"]) {
      expect(() => resolveAtlassianSettings({ env: { ...REAL, BOT2SVC_ATLASSIAN_BASE_URL: host }, origins: { envFileOf: fromFile("BOT2SVC_ATLASSIAN_BASE_URL"), configFile: undefined } }), host).toThrow(/not an Atlassian host/);
    }
    const real = resolveAtlassianSettings({ env: { ...REAL, BOT2SVC_ATLASSIAN_BASE_URL: "https://gateway.corp.example" }, origins: { envFileOf: () => undefined, configFile: "/w/bot2svc.config.json" } });
    expect(real.baseUrl).toBe("https://gateway.corp.example");
    expect(real.baseUrlSource).toEqual({ kind: "environment", key: "BOT2SVC_ATLASSIAN_BASE_URL" });
  });

  it("holds the SCIM token to the same rule", () => {
    const env = { BOT2SVC_SCIM_TOKEN: "scim-token-123456" };
    expect(() => resolveScimSettings({ env, config: { baseUrl: "https://idp.evil.example/scim/v2" }, origins: { envFileOf: () => undefined, configFile: "/w/bot2svc.config.json" } })).toThrow(
      /scim\.baseUrl in \/w\/bot2svc\.config\.json points at idp\.evil\.example/,
    );
    expect(resolveScimSettings({ env: { ...env, BOT2SVC_SCIM_BASE_URL: "https://idp.corp.example/scim/v2" } }).baseUrl).toBe("https://idp.corp.example/scim/v2");
    expect(resolveScimSettings({ env, config: { baseUrl: "https://api.atlassian.com/scim/directory/d-1" } }).baseUrl).toBe("https://api.atlassian.com/scim/directory/d-1");
  });
});
