import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { RULE_IDS } from "../../src/core/detect/rule-ids.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";

const run = promisify(execFile);

/** The multitool's native binary for this platform, run directly (its npm shim goes through a shell). */
function multitoolBinary(): string | undefined {
  const require = createRequire(import.meta.url);
  try {
    const path = require("@microsoft/sarif-multitool") as unknown as string;
    return typeof path === "string" && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; help?: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[];
      partialFingerprints?: Record<string, string>;
      properties: { verdict: string };
    }[];
  }[];
}

async function demoSarif(): Promise<{ file: string; log: SarifLog }> {
  const cwd = makeTempDir();
  const { code } = await runCli(["audit", "--demo", "--format", "sarif", "--output", "bot2svc.sarif"], { cwd });
  expect(code).toBe(0);
  const file = join(cwd, "bot2svc.sarif");
  return { file, log: JSON.parse(readFileSync(file, "utf8")) as SarifLog };
}

describe("SARIF for code scanning", () => {
  it("follows GitHub's rules: a physical location and fingerprints on every result, rules with help", async () => {
    const { log } = await demoSarif();
    const [runLog] = log.runs;
    const rules = runLog!.tool.driver.rules;
    expect(runLog!.results.length).toBeGreaterThan(10);
    // One result per flagged account.
    const accounts = runLog!.results.map((r) => r.partialFingerprints?.["bot2svc/accountId/v1"]);
    expect(new Set(accounts).size).toBe(accounts.length);
    for (const result of runLog!.results) {
      const location = result.locations?.[0]?.physicalLocation;
      expect(location?.artifactLocation?.uri).toMatch(/^atlassian\/[^/]+\/accounts\/[^/]+$/);
      expect(location?.region?.startLine).toBe(1);
      expect(result.partialFingerprints?.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}$/);
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(["error", "warning", "note"]).toContain(result.level);
    }
    for (const rule of rules) expect(rule.help?.text).toBeTruthy();
    // Every rule the detector has is listed, not only the ones this org's results use.
    for (const id of RULE_IDS) expect(rules.map((r) => r.id)).toContain(`bot2svc/${id}`);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it("keeps the same fingerprint for an account from one run to the next", async () => {
    const a = await demoSarif();
    const b = await demoSarif();
    const prints = (log: SarifLog) => log.runs[0]!.results.map((r) => JSON.stringify(r.partialFingerprints));
    expect(prints(b.log)).toEqual(prints(a.log));
  });

  const binary = multitoolBinary();
  it.skipIf(binary === undefined)(
    "passes Microsoft's SARIF multitool validation, including its GitHub ingestion rules, with no error or warning",
    async () => {
      const { file } = await demoSarif();
      const out = join(makeTempDir(), "validation.sarif");
      await run(binary!, ["validate", file, "--output", out, "--rule-kind", "Gh;Sarif", "--level", "Error;Warning;Note"], { timeout: 120_000 });
      const report = JSON.parse(readFileSync(out, "utf8")) as { runs: { results: { ruleId: string; level: string }[] }[] };
      const problems = report.runs[0]!.results.filter((r) => r.level === "error" || r.level === "warning");
      expect(problems).toEqual([]);
      // The validator did run its rules: it makes stylistic notes (e.g. message arguments).
      expect(report.runs[0]!.results.length).toBeGreaterThan(0);
    },
    180_000,
  );

  it.skipIf(binary === undefined)(
    "the multitool does catch a result without a location (the check can fail)",
    async () => {
      const { file, log } = await demoSarif();
      delete log.runs[0]!.results[0]!.locations;
      const broken = join(makeTempDir(), "broken.sarif");
      const { writeFileSync } = await import("node:fs");
      writeFileSync(broken, JSON.stringify(log));
      expect(file).not.toBe(broken);
      const out = join(makeTempDir(), "validation.sarif");
      await run(binary!, ["validate", broken, "--output", out, "--rule-kind", "Gh;Sarif", "--level", "Error;Warning;Note"], { timeout: 120_000 });
      const report = JSON.parse(readFileSync(out, "utf8")) as { runs: { results: { ruleId: string; level: string }[] }[] };
      expect(report.runs[0]!.results.some((r) => r.ruleId.startsWith("GH") && r.level === "error")).toBe(true);
    },
    180_000,
  );
});
