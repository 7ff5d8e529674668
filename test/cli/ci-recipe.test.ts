import { copyFileSync, existsSync, mkdirSync, readFileSync, appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/core/detect/types.js";
import { readSnapshotFile } from "../../src/core/snapshot/reader.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/server.js";
import { demoSnapshotPath } from "../../src/paths.js";
import { FIXED_NOW, REPO_ROOT, makeTempDir, runCli } from "../helpers/run-cli.js";

const WORKFLOW = join(REPO_ROOT, "examples", "bot2svc-audit.yml");

interface Step {
  name: string;
  run: string;
  condition?: string;
}

/** The `run:` steps of the workflow that call bot2svc, with their names and `if:` conditions. */
function bot2svcSteps(text: string): Step[] {
  const steps: Step[] = [];
  let current: Partial<Step> = {};
  for (const line of text.split("\n")) {
    const name = /^\s+- name: (.+)$/.exec(line);
    if (name) current = { name: name[1]! };
    const condition = /^\s+if: (.+)$/.exec(line);
    if (condition) current.condition = condition[1]!;
    const run = /^\s+run: (bot2svc .+)$/.exec(line);
    if (run) steps.push({ name: current.name ?? "?", run: run[1]!, ...(current.condition ? { condition: current.condition } : {}) });
  }
  return steps;
}

/** Splits a one-line command into words (double quotes only) and an optional `>> file` append. */
function parse(run: string): { argv: string[]; append?: string } {
  const words = [...run.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  const redirect = words.indexOf(">>");
  const argv = (redirect === -1 ? words : words.slice(0, redirect)).slice(1);
  return redirect === -1 ? { argv } : { argv, append: words[redirect + 1]! };
}

describe("examples/bot2svc-audit.yml", () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  const steps = bot2svcSteps(readFileSync(WORKFLOW, "utf8"));

  beforeAll(async () => {
    // The emulator serves the org as of the same clock the CLI runs see.
    emulator = await startEmulator({ snapshot: await readSnapshotFile(demoSnapshotPath()), port: 0, now: () => new Date(FIXED_NOW.getTime()) });
    env = {
      BOT2SVC_PROVIDER: "atlassian",
      BOT2SVC_ATLASSIAN_BASE_URL: emulator.url,
      BOT2SVC_ATLASSIAN_ORG_ID: emulator.orgId,
      BOT2SVC_ATLASSIAN_API_KEY: emulator.apiKey,
      NO_COLOR: "1",
      GITHUB_STEP_SUMMARY: "",
    };
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it("uses only flags that the commands document", async () => {
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const step of steps) {
      const { argv } = parse(step.run);
      const command = argv[0]!;
      const help = (await runCli([command, "--help"])).stdout;
      for (const flag of argv.filter((a) => a.startsWith("-"))) expect(help, `${step.name}: ${flag}`).toContain(flag);
    }
  });

  it("runs against an emulated org: snapshot, reports, summary, and --fail-on new on the next run", async () => {
    const cwd = makeTempDir();
    const summary = join(cwd, "summary.md");
    writeFileSync(summary, "");
    const runAll = async (): Promise<Map<string, number>> => {
      const codes = new Map<string, number>();
      for (const step of steps) {
        if (step.condition?.includes("hashFiles('baseline/audit.json')") && !existsSync(join(cwd, "baseline", "audit.json"))) continue;
        const { argv, append } = parse(step.run);
        const r = await runCli(argv, { cwd, env: { ...env, GITHUB_STEP_SUMMARY: summary } });
        codes.set(step.name, r.code);
        if (append !== undefined) appendFileSync(summary, r.stdout);
        if (r.code !== 0 && r.code !== 2) throw new Error(`${step.name} exited ${r.code}: ${r.stderr}`);
      }
      // The workflow's own shell step: keep this audit as the next baseline.
      mkdirSync(join(cwd, "baseline"), { recursive: true });
      copyFileSync(join(cwd, "audit.json"), join(cwd, "baseline", "audit.json"));
      return codes;
    };

    const first = await runAll();
    expect([...first.values()].every((c) => c === 0)).toBe(true);
    expect(first.has("Fail on new bot accounts")).toBe(false);
    const sarif = JSON.parse(readFileSync(join(cwd, "bot2svc.sarif"), "utf8")) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(readFileSync(summary, "utf8")).toMatch(/^## bot2svc audit: /m);

    // Nothing new since the last run: the job passes.
    const second = await runAll();
    expect(second.get("Fail on new bot accounts")).toBe(0);

    // A bot the baseline did not have: the job fails.
    const baselineFile = join(cwd, "baseline", "audit.json");
    const baseline = JSON.parse(readFileSync(baselineFile, "utf8")) as AuditReport;
    const dropped = baseline.findings.find((f) => f.verdict === "bot")!;
    writeFileSync(baselineFile, JSON.stringify({ ...baseline, findings: baseline.findings.filter((f) => f !== dropped) }));
    const failing = steps.find((s) => s.name === "Fail on new bot accounts")!;
    const r = await runCli(parse(failing.run).argv, { cwd, env });
    expect(r.code).toBe(2);
    expect(readFileSync(join(cwd, "new-bots.md"), "utf8")).toContain("1 new");
  }, 60_000);
});
