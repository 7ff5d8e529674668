import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { hasMarker, isMigrationIdOf, readPlanFile, serializePlan, writePlanFile } from "../../src/core/plan/io.js";
import { buildPlan } from "../../src/core/plan/planner.js";
import type { Plan } from "../../src/core/plan/schema.js";
import { ALL_CAPABILITIES, smallReport, smallSnapshot } from "./builders.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bot2svc-plan-io-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function samplePlan(): Plan {
  return buildPlan({
    snapshot: smallSnapshot(),
    report: smallReport(),
    capabilities: ALL_CAPABILITIES,
    options: {},
    planId: "p-io",
    createdAt: new Date("2026-11-02T10:00:00.000Z"),
    provider: { name: "atlassian" },
    source: { type: "audit", file: "audit.json" },
  }).plan;
}

async function errorOf(text: string, name = "plan.json"): Promise<InputError> {
  const file = join(dir, name);
  await writeFile(file, text);
  try {
    await readPlanFile(file, { displayName: name });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected readPlanFile to fail");
}

describe("writePlanFile / readPlanFile", () => {
  it("round-trips a plan atomically, leaving no temporary file", async () => {
    const plan = samplePlan();
    const file = join(dir, "round", "plan.json");
    await writePlanFile(file, plan);
    expect(await readPlanFile(file)).toEqual(plan);
    expect(await readFile(file, "utf8")).toBe(serializePlan(plan));
    expect(await readdir(join(dir, "round"))).toEqual(["plan.json"]);
    expect((await stat(file)).size).toBeGreaterThan(100);
  });

  it("refuses to write an inconsistent plan and writes nothing", async () => {
    const plan = samplePlan();
    plan.migrations[1]!.id = plan.migrations[0]!.id;
    const file = join(dir, "never.json");
    await expect(writePlanFile(file, plan)).rejects.toThrow(/not a consistent plan/);
    await expect(stat(file)).rejects.toThrow();
  });
});

describe("readPlanFile errors", () => {
  it("a missing file", async () => {
    await expect(readPlanFile(join(dir, "missing.json"), { displayName: "missing.json" })).rejects.toThrow("Plan file not found: missing.json");
  });

  it("bad JSON, with line and column", async () => {
    const error = await errorOf('{\n  "kind": "bot2svc.plan",\n  oops\n}');
    expect(error.code).toBe("JSON_INVALID");
    expect(error.message).toMatch(/^plan\.json is not valid JSON \(line 3, column \d+\)/);
  });

  it("the wrong kind, in one sentence", async () => {
    const error = await errorOf(JSON.stringify({ kind: "bot2svc.snapshot", version: 1 }));
    expect(error.message).toBe('plan.json is not a bot2svc plan: kind is "bot2svc.snapshot", expected "bot2svc.plan"');
    expect(error.details).toEqual([]);
  });

  it("the wrong version, in one sentence", async () => {
    const error = await errorOf(JSON.stringify({ kind: "bot2svc.plan", version: 2 }));
    expect(error.message).toBe("plan.json has plan version 2; this bot2svc reads plan version 1 only");
  });

  it("schema problems, all at once by JSON path", async () => {
    const plan = samplePlan() as unknown as { migrations: Record<string, any>[]; createdAt: string };
    plan.createdAt = "yesterday";
    plan.migrations[0]!.credential.expiryDays = 400;
    plan.migrations[1]!.oldAccount.action = "delete";
    const error = await errorOf(JSON.stringify(plan));
    expect(error.code).toBe("SCHEMA_INVALID");
    expect(error.message).toBe("plan.json is not a valid plan (3 problems)");
    expect(error.details).toEqual([
      "createdAt: expected an ISO 8601 UTC timestamp",
      "migrations[0].credential.expiryDays: Atlassian caps API tokens at 365 days",
      expect.stringMatching(/^migrations\[1\]\.oldAccount\.action: /),
    ]);
  });

  it("semantic problems: duplicate ids and accounts, foreign markers, edited state", async () => {
    const plan = samplePlan();
    const copy = structuredClone(plan.migrations[0]!);
    copy.credential.label = "bot2svc-other";
    plan.migrations.push(copy);
    plan.migrations[1]!.serviceAccount.marker = "bot2svc:p-other:m-a-wiki";
    plan.migrations[0]!.source.state.groupIds.push("g-extra");
    const error = await errorOf(JSON.stringify(plan));
    expect(error.code).toBe("PLAN_INVALID");
    expect(error.details).toEqual([
      "migrations[0].source.fingerprint: does not match source.state, cutover.gatewayUrls, appRoles, groups and credential (scopes, label, expiryDays, mint) (they were edited after planning)",
      'migrations[1].serviceAccount.marker: expected "bot2svc:p-io:m-a-wiki" (plan id and migration id)',
      'migrations[2].id: duplicate migration id "m-a-jenkins" (also migrations[0])',
      'migrations[2].source.accountId: account "a-jenkins" is migrated twice (also migrations[0])',
      // The copy's token label was changed: the fingerprint covers it.
      "migrations[2].source.fingerprint: does not match source.state, cutover.gatewayUrls, appRoles, groups and credential (scopes, label, expiryDays, mint) (they were edited after planning)",
    ]);
  });
});

describe("migration ids and markers", () => {
  it.each([
    ["m-a-jenkins", "a-jenkins", true],
    ["m-712020-x", "712020:x", true],
    ["m-a-jenkins-2", "a-jenkins", true],
    ["m-a-jenkins-1", "a-jenkins", false],
    ["m-a-jenkins-2x", "a-jenkins", false],
    ["m-a-jenkins", "a-person-0", false],
    ["m-a", "a-b", false],
  ])("%s is the id of account %s: %s", (id, accountId, expected) => {
    expect(isMigrationIdOf(id, accountId)).toBe(expected);
  });

  it.each([
    ["Migrated from x; marker bot2svc:p-1:m-a", true],
    ["bot2svc:p-1:m-a", true],
    ["marker bot2svc:p-1:m-a-2", false],
    ["marker bot2svc:p-1:m-ab", false],
    ["xbot2svc:p-1:m-a", false],
    ["marker bot2svc:p-1:m-a-2 and bot2svc:p-1:m-a", true],
  ])("%s carries the marker bot2svc:p-1:m-a: %s", (description, expected) => {
    expect(hasMarker(description, "bot2svc:p-1:m-a")).toBe(expected);
  });
});
