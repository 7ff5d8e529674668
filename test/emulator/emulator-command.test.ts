import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatRateLimit, parseFaults, parseRateLimit } from "../../src/commands/emulator/emulator-action.js";
import { InputError } from "../../src/core/errors.js";
import { main, type CliDeps } from "../../src/main.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { ORG_ID, sampleSnapshot } from "./fixture.js";

function snapshotFile(): { dir: string; file: string } {
  const dir = makeTempDir("bot2svc-emu-");
  const file = join(dir, "org.json");
  writeFileSync(file, JSON.stringify(sampleSnapshot()));
  return { dir, file };
}

/** Runs `main` and resolves `ready` with stdout once the env lines are printed. */
function startCli(argv: string[], env: Record<string, string> = {}) {
  const { dir } = snapshotFile();
  const controller = new AbortController();
  let out = "";
  let err = "";
  let onOutput: () => void = () => {};
  const deps: CliDeps = {
    stdout: { write: (s: string) => ((out += s), onOutput(), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    env,
    cwd: dir,
    now: () => new Date(),
    signal: controller.signal,
  };
  const exit = main(argv, deps);
  const ready = new Promise<string>((resolve, reject) => {
    onOutput = () => {
      if (/BOT2SVC_ATLASSIAN_UNOFFICIAL/.test(out)) resolve(out);
    };
    void exit.then((code) => reject(new Error(`exited ${code} before serving: ${err}`)));
  });
  return { ready, exit, stop: () => controller.abort(), stderr: () => err };
}

function envOf(stdout: string): Record<string, string> {
  return Object.fromEntries([...stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

describe("bot2svc emulator", () => {
  it("prints paste-able env lines, serves with the printed key, and stops on abort", async () => {
    const { file } = snapshotFile();
    const cli = startCli(["emulator", "--snapshot", file, "--rate-limit", "50/10s"]);
    const env = envOf(await cli.ready);
    expect(env.BOT2SVC_PROVIDER).toBe("atlassian");
    expect(env.BOT2SVC_ATLASSIAN_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.BOT2SVC_ATLASSIAN_ORG_ID).toBe(ORG_ID);
    expect(env.BOT2SVC_ATLASSIAN_UNOFFICIAL).toBe("1");
    const key = env.BOT2SVC_ATLASSIAN_API_KEY ?? "";
    expect(key.length).toBeGreaterThanOrEqual(20);
    const base = env.BOT2SVC_ATLASSIAN_BASE_URL ?? "";
    const ok = await fetch(`${base}/admin/v1/orgs/${ORG_ID}`, { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-ratelimit-limit")).toBe("50");
    // The window is the one the flag named: ten seconds, not a minute.
    const resetIn = Date.parse(ok.headers.get("x-ratelimit-reset") ?? "") - Date.now();
    expect(resetIn).toBeGreaterThan(5_000);
    expect(resetIn).toBeLessThanOrEqual(10_000);
    expect(cli.stderr()).toContain("50/10s requests");
    expect(cli.stderr()).not.toContain(key);
    cli.stop();
    expect(await cli.exit).toBe(0);
    await expect(fetch(`${base}/__emulator/state`)).rejects.toThrow();
    expect(cli.stderr()).toMatch(/stopped after 1 API request/);
  });

  it("takes the key from the named env var and never prints its value", async () => {
    const { file } = snapshotFile();
    const cli = startCli(["emulator", "--snapshot", file, "--api-key-env", "EMU_KEY"], { EMU_KEY: "my-secret-local-key" });
    const stdout = await cli.ready;
    expect(stdout).not.toContain("my-secret-local-key");
    expect(envOf(stdout).BOT2SVC_ATLASSIAN_API_KEY).toBe('"$EMU_KEY"');
    const base = envOf(stdout).BOT2SVC_ATLASSIAN_BASE_URL ?? "";
    expect((await fetch(`${base}/admin/v1/orgs/${ORG_ID}`, { headers: { authorization: "Bearer my-secret-local-key" } })).status).toBe(200);
    cli.stop();
    expect(await cli.exit).toBe(0);
  });

  it("refuses service accounts in directory writes unless --service-account-writes accept", async () => {
    const { file } = snapshotFile();
    const add = async (base: string, key: string): Promise<number> => {
      const r = await fetch(`${base}/admin/v2/orgs/${ORG_ID}/directories/dir-1/groups/g-jira-users/memberships`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ accountId: "712020:existing-sa" }),
      });
      await r.arrayBuffer();
      return r.status;
    };
    for (const [argv, status] of [[[], 404], [["--service-account-writes", "accept"], 204]] as const) {
      const cli = startCli(["emulator", "--snapshot", file, ...argv]);
      const env = envOf(await cli.ready);
      expect(await add(env.BOT2SVC_ATLASSIAN_BASE_URL ?? "", env.BOT2SVC_ATLASSIAN_API_KEY ?? "")).toBe(status);
      cli.stop();
      expect(await cli.exit).toBe(0);
    }
  });

  it("--routes lists the route table and exits without serving", async () => {
    const text = await runCli(["emulator", "--routes"]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(30);
    expect(lines.find((l) => l.startsWith("POST /admin/v1/orgs/{orgId}/users/{accountId}/roles/assign "))).toMatch(/documented\s+apikey\s+atlassian-api\.md §/);
    expect(lines.find((l) => l.startsWith("GET /ex/jira/{cloudId}/rest/api/3/myself "))).toMatch(/token/);
    const json = await runCli(["--json", "emulator", "--routes"]);
    const rows = (JSON.parse(json.stdout) as { routes: { method: string; path: string; status: string }[] }).routes;
    expect(rows).toHaveLength(lines.length);
    expect(rows.filter((r) => r.status === "console").map((r) => r.path)).toContain("/admin/account-management/v1/orgs/{orgId}/service-accounts/invite");
  });

  it("rejects bad --faults, --rate-limit and --port naming the flag", async () => {
    const { file } = snapshotFile();
    const faults = await runCli(["emulator", "--snapshot", file, "--faults", "5xx=2,boom=1"]);
    expect(faults.code).toBe(1);
    expect(faults.stderr).toContain("--faults");
    expect(faults.stderr).toContain("unknown fault \"boom\"");
    const rate = await runCli(["emulator", "--snapshot", file, "--rate-limit", "fast"]);
    expect(rate.code).toBe(1);
    expect(rate.stderr).toContain("--rate-limit");
    const port = await runCli(["emulator", "--snapshot", file, "--port", "99999"]);
    expect(port.code).toBe(1);
    expect(port.stderr).toContain("--port");
    const none = await runCli(["emulator"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/--snapshot FILE or --demo/);
    const missingEnv = await runCli(["emulator", "--snapshot", file, "--api-key-env", "NOPE"]);
    expect(missingEnv.code).toBe(1);
    expect(missingEnv.stderr).toContain("NOPE");
  });
});

describe("flag parsers", () => {
  it("parses --faults", () => {
    expect(parseFaults("5xx=0.1,reset=0.05,latency=20-200ms,seed=7")).toEqual({ rate5xx: 0.1, rateReset: 0.05, latencyMs: [20, 200], seed: 7 });
    expect(parseFaults("latency=50ms,reset-after-write=1")).toEqual({ latencyMs: [50, 50], resetAfterWrite: 1 });
    expect(parseFaults("429=0.2,seed=3")).toEqual({ rate429: 0.2, seed: 3 });
    expect(() => parseFaults("latency=200-20ms")).toThrow(InputError);
    expect(() => parseFaults("seed=x")).toThrow(/--faults/);
  });

  it("parses --rate-limit", () => {
    expect(parseRateLimit("600/min")).toEqual({ limit: 600, windowMs: 60_000 });
    expect(parseRateLimit("5")).toEqual({ limit: 5, windowMs: 60_000 });
    expect(parseRateLimit("20/s")).toEqual({ limit: 20, windowMs: 1000 });
    expect(parseRateLimit("20/2s")).toEqual({ limit: 20, windowMs: 2000 });
    expect(parseRateLimit(" 50 / 10s ")).toEqual({ limit: 50, windowMs: 10_000 });
    expect(parseRateLimit("100/5min")).toEqual({ limit: 100, windowMs: 300_000 });
    expect(() => parseRateLimit("0/min")).toThrow(/--rate-limit/);
    expect(() => parseRateLimit("10/hour")).toThrow(InputError);
    expect(() => parseRateLimit("10/0s")).toThrow(/--rate-limit/);
    expect(() => parseRateLimit("10/61min")).toThrow(/--rate-limit/);
    expect(() => parseRateLimit("10/2")).toThrow(/--rate-limit/);
    expect(["300/min", "20/s", "20/2s", "9/5min"].map((t) => formatRateLimit(parseRateLimit(t)))).toEqual(["300/min", "20/s", "20/2s", "9/5min"]);
  });
});
