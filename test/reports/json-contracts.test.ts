import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { OUTPUT_SCHEMAS, jsonSchemaText } from "../../src/contracts/output-schemas.js";
import { REPO_ROOT, makeTempDir, runCli } from "../helpers/run-cli.js";

const SCHEMA_DIR = join(REPO_ROOT, "schemas");

function validator(file: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, file), "utf8")) as object);
}

/** Validates `data` against a checked-in schema; the failure message lists every problem. */
function expectValid(file: string, data: unknown): void {
  const validate = validator(file);
  const ok = validate(data);
  expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
}

/** Every object key in a document, recursively (record-like maps included). */
function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  }
  return out;
}

function expectCamelCaseKeys(doc: unknown): void {
  expect(keysOf(doc).filter((k) => !/^[a-z][a-zA-Z0-9]*$/.test(k))).toEqual([]);
}

describe("schemas/", () => {
  it.each(Object.keys(OUTPUT_SCHEMAS))("%s is generated from the zod schema (run `npm run schemas` after a change)", (file) => {
    expect(readFileSync(join(SCHEMA_DIR, file), "utf8")).toBe(jsonSchemaText(file));
  });

  it("a schema rejects a document of another kind (the checks can fail)", () => {
    const validate = validator("status.schema.json");
    expect(validate({ kind: "bot2svc.show", version: 1, journal: "j", exists: false, migrations: [], summary: {} })).toBe(false);
  });
});

describe("JSON outputs match their schemas", () => {
  let demoDir: string;
  beforeAll(async () => {
    demoDir = join(makeTempDir(), "rehearsal");
    const demo = await runCli(["demo", "--dir", demoDir], { env: { NO_COLOR: "1" }, now: new Date() });
    expect(demo.code, demo.stderr).toBe(0);
  }, 120_000);

  it("audit --format json, with and without a baseline", async () => {
    const cwd = makeTempDir();
    const plain = await runCli(["audit", "--demo", "--format", "json"], { cwd });
    const report = JSON.parse(plain.stdout) as { kind: string };
    expect(report.kind).toBe("bot2svc.audit");
    expectValid("audit.schema.json", report);
    expectCamelCaseKeys(report);
    writeFileSync(join(cwd, "last.json"), plain.stdout);
    const withBaseline = JSON.parse((await runCli(["audit", "--demo", "--format", "json", "--baseline", "last.json"], { cwd })).stdout) as object;
    expectValid("audit.schema.json", withBaseline);
    expectCamelCaseKeys(withBaseline);
  });

  it("plan --json and show --json", async () => {
    const cwd = makeTempDir();
    const plan = await runCli(["plan", "--demo", "--json", "--yes", "--out", "plan.json"], { cwd });
    expect(plan.code).toBe(0);
    const planDoc = JSON.parse(plan.stdout) as { kind: string };
    expect(planDoc.kind).toBe("bot2svc.plan");
    expectValid("plan.schema.json", planDoc);
    const show = JSON.parse((await runCli(["show", "plan.json", "--json"], { cwd })).stdout) as { kind: string };
    expect(show.kind).toBe("bot2svc.show");
    expectValid("show.schema.json", show);
  });

  it("status --json after an apply, and rollback --json with nothing to undo", async () => {
    const status = await runCli(["status", "--json"], { cwd: demoDir });
    const doc = JSON.parse(status.stdout) as { kind: string; migrations: { serviceAccountEmail: string | null }[]; summary: Record<string, number> };
    expect(doc.kind).toBe("bot2svc.status");
    expectValid("status.schema.json", doc);
    expectCamelCaseKeys(doc);
    expect(doc.migrations.length).toBeGreaterThan(0);
    expect(doc.migrations.every((m) => m.serviceAccountEmail?.includes("@"))).toBe(true);
    expect(doc.summary.rolledBack).toBe(0);
    const rollback = await runCli(["rollback", "--json", "--yes", "--journal", join(makeTempDir(), "none.jsonl")]);
    const rb = JSON.parse(rollback.stdout) as { kind: string };
    expect(rb.kind).toBe("bot2svc.rollback");
    expectValid("rollback.schema.json", rb);
  });

  it("doctor --json", async () => {
    const doctor = await runCli(["doctor", "--json"]);
    const doc = JSON.parse(doctor.stdout) as { kind: string };
    expect(doc.kind).toBe("bot2svc.doctor");
    expectValid("doctor.schema.json", doc);
  });

  it("an error with --json", async () => {
    const r = await runCli(["audit", "--snapshot", "missing.json", "--json"]);
    expect(r.code).toBe(1);
    expectValid("error.schema.json", JSON.parse(r.stdout));
  });

  it("a config file with an allowlist validates, a misspelt key does not, against config.schema.json", () => {
    expectValid("config.schema.json", {});
    expectValid("config.schema.json", { allowlist: [{ email: "ann@acme.com", owner: "it", reason: "a person" }] });
    expect(validator("config.schema.json")({ allowlist: [{ account: "ann@acme.com", owner: "it", reason: "a person" }] })).toBe(false);
  });
});
