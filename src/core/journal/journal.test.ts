import { constants } from "node:fs";
import { mkdtemp, readFile, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Journal, readJournal, type JournalRecord } from "./journal.js";
import { journalState, isStepComplete, MIGRATION_STEP } from "./state.js";

// Records the file operations of an append, to prove the line is written through an
// append-mode handle and fsync'd before the append resolves.
const fsTrace = vi.hoisted(() => ({ calls: [] as string[], on: false }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      if (!fsTrace.on) return handle;
      fsTrace.calls.push(`open:${String(args[1])}`);
      const wrap = <K extends "write" | "sync" | "close">(name: K) => {
        const original = (handle[name] as (...a: unknown[]) => Promise<unknown>).bind(handle);
        (handle as unknown as Record<string, unknown>)[name] = async (...a: unknown[]) => {
          fsTrace.calls.push(name);
          return original(...a);
        };
      };
      wrap("write");
      wrap("sync");
      wrap("close");
      return handle;
    },
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bot2svc-journal-"));
});
afterEach(() => {
  fsTrace.on = false;
});

const base = { planId: "p1", migrationId: "m1" };

describe("Journal", () => {
  it("appends one JSON line per record with increasing seq, run id and time", async () => {
    const file = join(dir, "sub", "journal.jsonl");
    const journal = await Journal.open(file, { runId: "run-a", now: () => new Date("2026-11-01T00:00:00Z") });
    await journal.append({ ...base, step: "create", phase: "intent" });
    await journal.append({ ...base, step: "create", phase: "done", data: { serviceAccountId: "sa-1" } });
    const lines = (await readFile(file, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { seq: 0, time: "2026-11-01T00:00:00.000Z", runId: "run-a", planId: "p1", migrationId: "m1", step: "create", phase: "intent" },
      { seq: 1, time: "2026-11-01T00:00:00.000Z", runId: "run-a", planId: "p1", migrationId: "m1", step: "create", phase: "done", data: { serviceAccountId: "sa-1" } },
    ]);
    // A second run continues the sequence.
    const again = await Journal.open(file, { runId: "run-b" });
    const rec = await again.append({ ...base, step: "grant", phase: "intent" });
    expect(rec.seq).toBe(2);
    expect(again.records()).toHaveLength(3);
  });

  it("fsyncs each append before it resolves, through an append-mode handle", async () => {
    const file = join(dir, "journal.jsonl");
    const journal = await Journal.open(file, { runId: "r" });
    fsTrace.calls.length = 0;
    fsTrace.on = true;
    await journal.append({ ...base, step: "create", phase: "intent" });
    fsTrace.on = false;
    // Append mode, and never through a symbolic link put in the journal's place.
    const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
    expect(fsTrace.calls).toEqual([`open:${flags}`, "write", "sync", "close"]);
    expect((await readFile(file, "utf8")).endsWith("\n")).toBe(true);
  });

  it("serialises concurrent appends without interleaving", async () => {
    const file = join(dir, "journal.jsonl");
    const journal = await Journal.open(file, { runId: "r" });
    await Promise.all(Array.from({ length: 40 }, (_, i) => journal.append({ planId: "p", migrationId: `m${i}`, step: "create", phase: "intent" })));
    const { records } = await readJournal(file);
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it("tolerates a torn last line, reports it at debug level and cuts it off before appending", async () => {
    const file = join(dir, "journal.jsonl");
    const journal = await Journal.open(file, { runId: "r" });
    await journal.append({ ...base, step: "create", phase: "intent" });
    await appendFile(file, '{"seq":1,"time":"2026-11-01T00:00:00Z","runId":"r","pla');
    const debug: string[] = [];
    const read = await readJournal(file, (m) => debug.push(m));
    expect(read.records).toHaveLength(1);
    expect(read.tornTail).toContain('"seq":1');
    expect(debug.join("\n")).toMatch(/torn last line/);
    const reopened = await Journal.open(file, { runId: "r2" });
    await reopened.append({ ...base, step: "create", phase: "done" });
    const after = await readJournal(file);
    expect(after.tornTail).toBeNull();
    expect(after.records.map((r) => [r.seq, r.phase])).toEqual([
      [0, "intent"],
      [1, "done"],
    ]);
  });

  it("changes nothing on open: a torn tail is cut only when a record is appended", async () => {
    const file = join(dir, "journal.jsonl");
    const journal = await Journal.open(file, { runId: "r" });
    await journal.append({ ...base, step: "create", phase: "intent" });
    await appendFile(file, '{"seq":1,"ti');
    const before = await readFile(file);
    const reopened = await Journal.open(file, { runId: "r2" });
    expect(reopened.records()).toHaveLength(1);
    expect(await readFile(file)).toEqual(before);
  });

  it("refuses a journal damaged in the middle", async () => {
    const file = join(dir, "journal.jsonl");
    await writeFile(file, 'garbage\n{"seq":0,"time":"t","runId":"r","planId":"p","migrationId":"m","step":"create","phase":"intent"}\n');
    await expect(readJournal(file)).rejects.toThrow(/damaged/);
  });

  it("refuses invalid UTF-8 in a complete line, naming the line and the byte offset, and appends nothing", async () => {
    const file = join(dir, "journal.jsonl");
    const journal = await Journal.open(file, { runId: "r" });
    await journal.append({ ...base, step: "create", phase: "intent", data: { sourceEmail: "x@acme.com" } });
    await journal.append({ ...base, step: "create", phase: "done" });
    const good = await readFile(file);
    const at = good.indexOf("x@acme.com");
    // Bytes that are not UTF-8 inside a value, then a torn last line.
    const damaged = Buffer.concat([good.subarray(0, at), Buffer.from([0xff, 0xff, 0xff]), good.subarray(at), Buffer.from('{"seq":2,"time":"2026-')]);
    await writeFile(file, damaged);
    const error = await readJournal(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const text = `${(error as Error).message}\n${((error as { details?: string[] }).details ?? []).join("\n")}`;
    expect(text).toContain(file);
    expect(text).toMatch(new RegExp(`line 1: not valid UTF-8 \\(byte offset ${at}\\)`));
    await expect(Journal.open(file, { runId: "r2" })).rejects.toThrow(/damaged/);
    expect(await readFile(file)).toEqual(damaged);
  });

  it("refuses invalid UTF-8 in the last complete line too, but skips one cut short or left as NUL bytes", async () => {
    const file = join(dir, "journal.jsonl");
    const journal = await Journal.open(file, { runId: "r" });
    await journal.append({ ...base, step: "create", phase: "intent" });
    const good = await readFile(file);
    await writeFile(file, Buffer.concat([good, Buffer.from('{"seq":1,"time":"\xff"}\n', "latin1")]));
    await expect(readJournal(file)).rejects.toThrow(/damaged/);
    await writeFile(file, Buffer.concat([good, Buffer.alloc(40), Buffer.from("\n")]));
    const read = await readJournal(file);
    expect(read.records).toHaveLength(1);
    expect(read.validLength).toBe(good.length);
    // A record cut inside a character, then NUL bytes or nothing, then the newline: a torn write.
    const record = Buffer.from('{"seq":1,"time":"2026-11-01T00:00:00.000Z","data":{"name":"Jürgen 💥"}}');
    for (const cutAt of [record.indexOf(0xc3) + 1, record.indexOf(0xf0) + 2]) {
      for (const padding of [Buffer.alloc(8), Buffer.alloc(0)]) {
        await writeFile(file, Buffer.concat([good, record.subarray(0, cutAt), padding, Buffer.from("\n")]));
        const torn = await readJournal(file);
        expect(torn.records).toHaveLength(1);
        expect(torn.validLength).toBe(good.length);
      }
    }
    // A byte that can never start a character, or a cut character with more after it, is damage.
    for (const bad of [Buffer.from([0x7b, 0x22, 0xff]), Buffer.concat([record.subarray(0, record.indexOf(0xc3) + 1), Buffer.from('x"}')])]) {
      await writeFile(file, Buffer.concat([good, bad, Buffer.from("\n")]));
      await expect(readJournal(file)).rejects.toThrow(/damaged/);
    }
  });

  it("cuts a torn tail at its byte offset when complete lines hold multi-byte characters", async () => {
    const file = join(dir, "journal.jsonl");
    const journal = await Journal.open(file, { runId: "r" });
    await journal.append({ ...base, step: "create", phase: "intent", data: { name: "Zoë 💥 ünïcödé" } });
    const complete = await readFile(file);
    await appendFile(file, Buffer.from([0x7b, 0x22, 0xe2, 0x82])); // torn inside a multi-byte character
    const read = await readJournal(file);
    expect(read.validLength).toBe(complete.length);
    const reopened = await Journal.open(file, { runId: "r2" });
    await reopened.append({ ...base, step: "create", phase: "done" });
    const after = await readJournal(file);
    expect(after.tornTail).toBeNull();
    expect(after.records.map((r) => [r.seq, r.phase, r.data?.name ?? null])).toEqual([
      [0, "intent", "Zoë 💥 ünïcödé"],
      [1, "done", null],
    ]);
  });

  it("reads a missing file as empty", async () => {
    expect((await readJournal(join(dir, "nope.jsonl"))).records).toEqual([]);
  });
});

describe("journalState", () => {
  const rec = (seq: number, step: string, phase: string, extra: Record<string, unknown> = {}) =>
    ({ seq, time: `2026-11-01T00:00:0${seq % 10}Z`, runId: "r", planId: "p", migrationId: "m", step, phase, ...extra }) as JournalRecord;

  it("folds records into done / in-progress / failed steps and created ids", () => {
    const states = journalState([
      rec(0, "create", "intent", { data: { marker: "bot2svc:p:m", sourceEmail: "ci@acme.com" } }),
      rec(1, "create", "done", { data: { serviceAccountId: "sa", serviceAccountAccountId: "acc", email: "e@sa" } }),
      rec(2, "grant", "intent"),
      rec(3, "grant", "failed", { error: "HTTP 500" }),
    ]);
    const m = states.get("m");
    expect(m?.steps.create.status).toBe("done");
    expect(m?.steps.grant.status).toBe("failed");
    expect(m?.steps.group.status).toBe("pending");
    expect(m?.outcome).toBe("failed");
    expect(m?.failed).toEqual({ step: "grant", error: "HTTP 500" });
    expect(m?.created).toMatchObject({ marker: "bot2svc:p:m", serviceAccountId: "sa", serviceAccountAccountId: "acc", email: "e@sa", sourceEmail: "ci@acme.com" });
    expect(isStepComplete(m, "create")).toBe(true);
    expect(isStepComplete(m, "grant")).toBe(false);
  });

  it("reports an intent without outcome as in-progress and waiting steps with their due date", () => {
    const states = journalState([
      rec(0, "create", "done"),
      rec(1, "grant", "done"),
      rec(2, "group", "skipped"),
      rec(3, "mint", "done", { data: { tokenId: "t1" } }),
      rec(4, "deliver", "done", { data: { tokenId: "t1" } }),
      rec(5, "verify", "done"),
      rec(6, "decommission", "waiting", { data: { reason: "soak", until: "2026-11-08T00:00:00.000Z" } }),
    ]);
    const m = states.get("m");
    expect(m?.outcome).toBe("waiting");
    expect(m?.waiting).toEqual({ step: "decommission", reason: "soak", until: "2026-11-08T00:00:00.000Z" });
    expect(m?.created.tokenIds).toEqual(["t1"]);
    const crashed = journalState([rec(0, "create", "done"), rec(1, "grant", "intent")]).get("m");
    expect(crashed?.steps.grant.status).toBe("in-progress");
    expect(crashed?.outcome).toBe("pending");
  });

  it("marks steps rolled back, and a later done makes them live again", () => {
    const rolled = journalState([rec(0, "create", "done"), rec(1, "create", "rollback-intent"), rec(2, "create", "rolled-back")]).get("m");
    expect(rolled?.steps.create.rolledBack).toBe(true);
    expect(rolled?.outcome).toBe("rolled-back");
    expect(isStepComplete(rolled, "create")).toBe(false);
    const redone = journalState([rec(0, "create", "done"), rec(1, "create", "rolled-back"), rec(2, "create", "intent"), rec(3, "create", "done")]).get("m");
    expect(isStepComplete(redone, "create")).toBe(true);
  });

  it("filters by plan and knows blocked migrations", () => {
    const states = journalState([rec(0, MIGRATION_STEP, "skipped"), { ...rec(1, "create", "done"), planId: "other" }], "p");
    expect(states.get("m")?.outcome).toBe("blocked");
    expect(states.size).toBe(1);
  });
});
