import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditReport, Finding } from "../../src/core/detect/types.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";

type WithBaseline = AuditReport & { baseline: { new: number; unchanged: number; resolved: number; changes: { accountId: string; status: string }[] } };

async function demoReport(): Promise<AuditReport> {
  const { code, stdout } = await runCli(["audit", "--demo", "--format", "json"]);
  expect(code).toBe(0);
  return JSON.parse(stdout) as AuditReport;
}

const flagged = (f: Finding) => f.verdict === "bot" || f.verdict === "likely-bot" || f.recommendation !== "none";

describe("audit --baseline", () => {
  it("marks findings new, unchanged and resolved, and --fail-on new exits 2 only for new bots", async () => {
    const current = await demoReport();
    const bots = current.findings.filter((f) => f.verdict === "bot");
    const [gone1, gone2] = bots;
    // The baseline lacks two of today's bots and had one bot that is no longer in the directory.
    const old: Finding = { ...bots[0]!, accountId: "acc-retired", name: "Retired Bot", email: "retired@acme.com" };
    const baseline = { ...current, findings: [...current.findings.filter((f) => f !== gone1 && f !== gone2), old] };
    const cwd = makeTempDir();
    writeFileSync(join(cwd, "last.json"), JSON.stringify(baseline));

    const r = await runCli(["audit", "--demo", "--format", "json", "--baseline", "last.json", "--fail-on", "new"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("New bot accounts since the baseline last.json");
    const report = JSON.parse(r.stdout) as WithBaseline;
    const flaggedNow = current.findings.filter(flagged).length;
    expect(report.baseline.new).toBe(2);
    expect(report.baseline.resolved).toBe(1);
    expect(report.baseline.unchanged).toBe(flaggedNow - 2);
    const status = new Map(report.baseline.changes.map((c) => [c.accountId, c.status]));
    expect(status.get(gone1!.accountId)).toBe("new");
    expect(status.get("acc-retired")).toBe("resolved");

    const md = await runCli(["audit", "--demo", "--format", "markdown", "--baseline", "last.json"], { cwd });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("2 new, ");
    expect(md.stdout).toContain("### Resolved since the baseline");
    expect(md.stdout).toMatch(/\| \*\*new\*\* \| \*\*bot\*\* \|/);

    const table = await runCli(["audit", "--demo", "--format", "table", "--baseline", "last.json"], { cwd, env: { COLUMNS: "100" } });
    expect(table.stdout).toMatch(/│ Change +│ Verdict/);
    expect(table.stdout).toMatch(/│ new +│ bot/);
  });

  it("exits 0 with --fail-on new when nothing is new", async () => {
    const cwd = makeTempDir();
    writeFileSync(join(cwd, "last.json"), JSON.stringify(await demoReport()));
    const r = await runCli(["audit", "--demo", "--format", "json", "--baseline", "last.json", "--fail-on", "new"], { cwd });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as WithBaseline).baseline.new).toBe(0);
  });

  it("needs --baseline for --fail-on new, and names a bad baseline file", async () => {
    const noBaseline = await runCli(["audit", "--demo", "--fail-on", "new"]);
    expect(noBaseline.code).toBe(1);
    expect(noBaseline.stderr).toContain("--fail-on");
    const cwd = makeTempDir();
    writeFileSync(join(cwd, "bad.json"), JSON.stringify({ kind: "bot2svc.plan" }));
    const bad = await runCli(["audit", "--demo", "--baseline", "bad.json"], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("bad.json");
    expect(bad.stdout).toBe("");
  });
});

describe("audit filters", () => {
  it("--verdict, --risk and --sort choose and order the listed findings; the summary still counts everything", async () => {
    const all = await demoReport();
    const r = await runCli(["audit", "--demo", "--format", "json", "--verdict", "bot", "--risk", "high", "--sort", "risk"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as AuditReport;
    expect(report.summary).toEqual(all.summary);
    const expected = all.findings.filter((f) => f.verdict === "bot" && (f.risk === "high" || f.risk === "critical"));
    expect(report.findings).toHaveLength(expected.length);
    expect(report.findings.length).toBeGreaterThan(0);
    const risks = report.findings.map((f) => f.risk);
    expect(risks).toEqual([...risks.filter((x) => x === "critical"), ...risks.filter((x) => x === "high")]);
  });

  it("--sort name orders by name", async () => {
    const r = await runCli(["audit", "--demo", "--format", "json", "--sort", "name"]);
    const names = (JSON.parse(r.stdout) as AuditReport).findings.map((f) => f.name || f.accountId);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("rejects an unknown verdict, naming it", async () => {
    const r = await runCli(["audit", "--demo", "--verdict", "bot,robot"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"robot" is not a verdict');
  });
});
