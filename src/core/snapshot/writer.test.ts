import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateOrg } from "../../demo/generate-org.js";
import { parseSnapshot, readSnapshotFile } from "./reader.js";
import type { Snapshot } from "./schema.js";
import { normalizeSnapshot, serializeSnapshot, writeSnapshotFile } from "./writer.js";

const { snapshot } = generateOrg({ accounts: 40, seed: 11, takenAt: "2026-11-01T00:00:00.000Z", machineLogins: 3 });

/** The same snapshot with every array reversed (and nested id lists too). */
function scrambled(s: Snapshot): Snapshot {
  return {
    ...s,
    users: [...s.users].reverse().map((u) => ({ ...u, groupIds: [...u.groupIds].reverse(), productAccess: [...u.productAccess].reverse() })),
    groups: [...s.groups].reverse(),
    apiTokens: [...s.apiTokens].reverse(),
    events: [...s.events].reverse(),
    serviceAccounts: [...s.serviceAccounts].reverse(),
    serviceAccountTokens: [...s.serviceAccountTokens].reverse(),
  };
}

describe("serializeSnapshot", () => {
  it("writes the same bytes whatever order the arrays come in", () => {
    expect(serializeSnapshot(scrambled(snapshot))).toBe(serializeSnapshot(snapshot));
  });

  it("orders users by account id and events by time", () => {
    const normal = normalizeSnapshot(scrambled(snapshot));
    const ids = normal.users.map((u) => u.accountId);
    expect(ids).toEqual([...ids].sort());
    const times = normal.events.map((e) => e.time);
    expect(times).toEqual([...times].sort());
    expect(normal.users.every((u) => u.groupIds.join() === [...u.groupIds].sort().join())).toBe(true);
  });

  it("round-trips: write, read back, equal; and writing the result again gives the same bytes", () => {
    const text = serializeSnapshot(snapshot);
    const back = parseSnapshot(text, "mem.json");
    expect(back).toEqual(normalizeSnapshot(snapshot));
    expect(serializeSnapshot(back)).toBe(text);
  });

  it("keeps unknown fields (forward compatibility)", () => {
    const withExtra = { ...snapshot, futureField: { a: 1 }, users: snapshot.users.map((u, i) => (i === 0 ? { ...u, futureFlag: true } : u)) };
    const back = parseSnapshot(serializeSnapshot(withExtra), "mem.json") as Snapshot & { futureField?: unknown };
    expect(back.futureField).toEqual({ a: 1 });
    expect(back.users.find((u) => u.accountId === withExtra.users[0]!.accountId)).toMatchObject({ futureFlag: true });
  });
});

describe("writeSnapshotFile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "bot2svc-writer-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the serialised snapshot, replaces an older file and leaves no temporary file", async () => {
    const file = join(dir, "org.json");
    await writeSnapshotFile(file, { ...snapshot, users: snapshot.users.slice(0, 1), apiTokens: [], events: [] });
    await writeSnapshotFile(file, snapshot);
    expect(await readFile(file, "utf8")).toBe(serializeSnapshot(snapshot));
    expect(await readdir(dir)).toEqual(["org.json"]);
    expect(await readSnapshotFile(file)).toEqual(normalizeSnapshot(snapshot));
  });
});
