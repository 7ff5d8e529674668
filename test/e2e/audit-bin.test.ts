import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/core/detect/types.js";
import { ANSI_PATTERN, REPO_ROOT, fixturePath, makeTempDir } from "../helpers/run-cli.js";

const BIN = join(REPO_ROOT, "bin", "bot2svc.js");
const BUILT = join(REPO_ROOT, "dist", "cli.js");

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would, with a minimal environment. */
function runBin(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Exit> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? makeTempDir(),
      env: { PATH: process.env.PATH ?? "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  // The e2e tests exercise the bundle, not the sources; a missing bundle is a failure, not a skip.
  if (!existsSync(BUILT)) {
    throw new Error(`${BUILT} is missing: run \`npm run build\` first (\`npm test\` builds before running vitest).`);
  }
});

// Each test spawns its own process, so they can run side by side.
describe.concurrent("bin/bot2svc.js audit", () => {
  it("prints the JSON report of a snapshot on stdout", async () => {
    const { code, stdout, stderr } = await runBin(["audit", "--snapshot", fixturePath("audit-bot.json"), "--format", "json"]);
    // Only the notes on signals the fixture does not record (its events cover three days).
    expect(stderr.replace(/^warning (Limited|Unavailable) signal: .*\n/gm, "")).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as AuditReport;
    expect(report).toMatchObject({ kind: "bot2svc.audit", version: 1, org: { id: "org-test-1", name: "Bot Org" } });
    expect(report.summary.accounts).toBe(4);
    expect(report.referenceTime).toBe("2026-11-01T00:00:00.000Z");
    expect(Array.isArray(report.findings)).toBe(true);
  });

  it("exits 2 with --fail-on bot exactly when the report has a bot", async () => {
    const { code, stdout, stderr } = await runBin([
      "audit",
      "--snapshot",
      fixturePath("audit-bot.json"),
      "--format",
      "json",
      "--fail-on",
      "bot",
    ]);
    const report = JSON.parse(stdout) as AuditReport;
    const hasBot = report.findings.some((f) => f.verdict === "bot");
    expect(code).toBe(hasBot ? 2 : 0);
    expect(stderr).not.toMatch(ANSI_PATTERN);
  });

  it("exits 1 on a bad snapshot, naming the file and fields on stderr", async () => {
    const { code, stdout, stderr } = await runBin(["audit", "--snapshot", fixturePath("audit-invalid.json")]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("audit-invalid.json");
    expect(stderr).toContain("users[1].accountType");
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
