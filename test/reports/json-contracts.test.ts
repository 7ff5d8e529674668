import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/server.js";
import { OUTPUT_SCHEMAS, jsonSchemaText } from "../../src/contracts/output-schemas.js";
import { main } from "../../src/main.js";
import { REPO_ROOT, makeTempDir, runCli } from "../helpers/run-cli.js";
import { applyOrg, envFor, makePlan, savePlan, startOrg } from "../apply/harness.js";

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
    const rb = JSON.parse(rollback.stdout) as { kind: string; cancelled: boolean };
    expect(rb.kind).toBe("bot2svc.rollback");
    expectValid("rollback.schema.json", rb);
    expect(rb.cancelled).toBe(false);
  });

  it("doctor --json", async () => {
    const doctor = await runCli(["doctor", "--json"]);
    const doc = JSON.parse(doctor.stdout) as { kind: string };
    expect(doc.kind).toBe("bot2svc.doctor");
    expectValid("doctor.schema.json", doc);
  });

  it("an error with --json: a failed command, a usage error; the error object is kept whole", async () => {
    const r = await runCli(["audit", "--snapshot", "missing.json", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { kind: string; version: number; error: { code: string; message: string } };
    expect(doc).toMatchObject({ kind: "bot2svc.error", version: 1, error: { code: "FILE_UNREADABLE" } });
    expect(doc.error.message).toContain("missing.json");
    expectValid("error.schema.json", doc);
    const usage = await runCli(["audit", "--no-such-flag", "--json"]);
    expect(usage.code).toBe(1);
    const usageDoc = JSON.parse(usage.stdout) as { kind: string; error: { code: string } };
    expect(usageDoc).toMatchObject({ kind: "bot2svc.error", version: 1, error: { code: "USAGE" } });
    expectValid("error.schema.json", usageDoc);
    // Scripts read `.error.message`: an error document without its kind is not one of ours.
    expect(validator("error.schema.json")({ error: doc.error })).toBe(false);
  });

  it("snapshot --json", async () => {
    const cwd = makeTempDir();
    const r = await runCli(["snapshot", "--snapshot", join(REPO_ROOT, "fixtures", "demo-org.json"), "--out", "org.json", "--json"], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { kind: string; file: string; counts: Record<string, number> };
    expect(doc).toMatchObject({ kind: "bot2svc.snapshot-result", version: 1, file: "org.json" });
    expect(doc.counts.users).toBeGreaterThan(0);
    expectValid("snapshot-result.schema.json", doc);
    expectCamelCaseKeys(doc);
  });

  it("emulator --routes --json, and emulator --json while it serves", async () => {
    const routes = await runCli(["--json", "emulator", "--routes"]);
    expect(routes.code).toBe(0);
    const doc = JSON.parse(routes.stdout) as { kind: string; routes: unknown[] };
    expect(doc.kind).toBe("bot2svc.emulator-routes");
    expect(doc.routes.length).toBeGreaterThan(30);
    expectValid("emulator-routes.schema.json", doc);

    // The emulator runs until stopped: stop it once it has printed its document.
    const controller = new AbortController();
    let out = "";
    const code = await main(["emulator", "--demo", "--json"], {
      stdout: { write: (s: string) => ((out += s), out.endsWith("\n") && controller.abort(), true) },
      stderr: { write: () => true },
      env: {},
      cwd: makeTempDir(),
      now: () => new Date("2026-11-01T12:00:00.000Z"),
      signal: controller.signal,
    });
    expect(code).toBe(0);
    const served = JSON.parse(out) as { kind: string; env: Record<string, string> };
    expect(served.kind).toBe("bot2svc.emulator");
    expect(served.env.BOT2SVC_ATLASSIAN_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expectValid("emulator.schema.json", served);
  });

  it("a config file with an allowlist validates, a misspelt key does not, against config.schema.json", () => {
    expectValid("config.schema.json", {});
    expectValid("config.schema.json", { allowlist: [{ email: "ann@acme.com", owner: "it", reason: "a person" }] });
    expect(validator("config.schema.json")({ allowlist: [{ account: "ann@acme.com", owner: "it", reason: "a person" }] })).toBe(false);
  });
});

describe("apply --json and rollback --json match their schemas", () => {
  const emulators: RunningEmulator[] = [];
  afterEach(async () => {
    for (const e of emulators.splice(0)) await e.close();
  });
  const org = async (options: Parameters<typeof startOrg>[0] = {}) => {
    const e = await startOrg(options);
    emulators.push(e);
    return e;
  };

  interface ApplyDoc {
    kind: string;
    dryRun: boolean;
    migrations: { source: string; outcome: string; failed?: { step: string }; waiting?: { reason: string } }[];
    counts: Record<string, number>;
  }
  interface RollbackDoc {
    kind: string;
    actions: { who: string; step: string; status: string }[];
  }
  const parse = <T>(text: string): T => JSON.parse(text) as T;

  it("a dry run, a successful run, and rollback undoing it", async () => {
    const emu = await org();
    const cwd = makeTempDir();
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com", "wiki-sync@acme.com"] }));
    const env = envFor(emu);
    const dry = await runCli(["apply", "plan.json", "--dry-run", "--json", "--secrets-dir", "s"], { cwd, env });
    expect(dry.code, dry.stderr).toBe(0);
    const dryDoc = parse<ApplyDoc>(dry.stdout);
    expect(dryDoc.dryRun).toBe(true);
    expectValid("apply.schema.json", dryDoc);

    const run = await runCli(["apply", "plan.json", "--yes", "--json", "--secrets-dir", "s"], { cwd, env });
    expect(run.code, run.stderr).toBe(0);
    const doc = parse<ApplyDoc>(run.stdout);
    expect(doc.kind).toBe("bot2svc.apply");
    expectValid("apply.schema.json", doc);
    expectCamelCaseKeys(doc);
    expect(doc.migrations.map((m) => m.outcome)).toEqual(["done", "done"]);
    expect(doc.counts).toEqual({ done: 2, failed: 0, waiting: 0, blocked: 0, cancelled: 0 });
    // A dry run's document is not a run's: the schema tells them apart.
    expect(validator("apply.schema.json")({ ...doc, dryRun: true })).toBe(false);
    // Outcomes, steps and counts are typed, not free-form.
    expect(validator("apply.schema.json")({ ...doc, migrations: [{ ...doc.migrations[0], outcome: "finished" }] })).toBe(false);
    expect(validator("apply.schema.json")({ ...doc, counts: { ...doc.counts, skipped: 1 } })).toBe(false);

    const rollback = await runCli(["rollback", "--yes", "--json"], { cwd, env });
    expect(rollback.code, rollback.stderr).toBe(0);
    const rb = parse<RollbackDoc>(rollback.stdout);
    expectValid("rollback.schema.json", rb);
    expectCamelCaseKeys(rb);
    expect(rb.actions.filter((a) => a.status === "undone").map((a) => a.step)).toEqual(expect.arrayContaining(["decommission", "mint", "create"]));
  }, 60_000);

  it("a partial failure (exit 3) and a pause at a manual token step (exit 4)", async () => {
    const emu = await org();
    const env = envFor(emu);
    const failing = makeTempDir();
    await savePlan(failing, makePlan({ select: ["jenkins@acme.com", "wiki-sync@acme.com"] }));
    const command = `payload=$(cat); case "$payload" in *wiki-sync*) exit 2;; esac`;
    const partial = await runCli(["apply", "plan.json", "--yes", "--json", "--secret-command", command], { cwd: failing, env });
    expect(partial.code).toBe(3);
    const doc = parse<ApplyDoc>(partial.stdout);
    expectValid("apply.schema.json", doc);
    expect(doc.migrations.find((m) => m.source === "wiki-sync@acme.com")).toMatchObject({ outcome: "failed", failed: { step: "deliver" } });
    // The command stores nothing it can read back: the other delivery waits for --confirm-stored.
    expect(doc.migrations.find((m) => m.source === "jenkins@acme.com")).toMatchObject({ outcome: "waiting", waiting: { step: "decommission", reason: "unconfirmed-delivery" } });
    expect(doc.counts).toMatchObject({ done: 0, failed: 1, waiting: 1 });

    const manual = makeTempDir();
    await savePlan(manual, makePlan({ select: ["deploy@acme.com"], capabilities: { mintToken: false } }));
    const paused = await runCli(["apply", "plan.json", "--yes", "--json", "--secrets-dir", "s"], { cwd: manual, env });
    expect(paused.code).toBe(4);
    const pausedDoc = parse<ApplyDoc>(paused.stdout);
    expectValid("apply.schema.json", pausedDoc);
    expect(pausedDoc.migrations[0]).toMatchObject({ outcome: "waiting", waiting: { reason: "manual-token" } });
  }, 60_000);

  it("a rollback that cannot undo a step and fails another (exit 3)", async () => {
    const emu = await org();
    const cwd = makeTempDir();
    // Jenkins's old tokens are revoked (which cannot be undone); Wiki Sync is suspended.
    const plan = makePlan({ select: ["jenkins@acme.com", "wiki-sync@acme.com"] });
    plan.migrations.find((m) => m.source.email === "jenkins@acme.com")!.oldAccount.action = "revoke-tokens";
    await savePlan(cwd, plan);
    const applied = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(applied.code, applied.stderr).toBe(0);
    // The rollback then reads an org in which the suspended old account no longer exists.
    const snapshot = applyOrg();
    snapshot.users = snapshot.users.filter((u) => u.accountId !== "a-wiki");
    const other = await startEmulator({ snapshot, port: 0, seed: 7, now: () => new Date("2026-11-01T12:00:00.000Z"), serviceAccountWrites: "accept" });
    emulators.push(other);
    // The new service accounts are not in that org either: the plan vouches for the old accounts.
    const rollback = await runCli(["rollback", "--yes", "--json", "--plan", "plan.json"], { cwd, env: envFor(other) });
    expect(rollback.code, rollback.stderr).toBe(3);
    const rb = parse<RollbackDoc>(rollback.stdout);
    expectValid("rollback.schema.json", rb);
    expect(rb.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ who: expect.stringContaining("jenkins@acme.com"), step: "decommission", status: "cannot-undo" }),
        expect.objectContaining({ who: expect.stringContaining("wiki-sync@acme.com"), step: "decommission", status: "failed" }),
      ]),
    );
  }, 60_000);
});
