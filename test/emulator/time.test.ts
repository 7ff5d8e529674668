import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseAsOf } from "../../src/commands/emulator/emulator-action.js";
import { validateSnapshot } from "../../src/core/snapshot/reader.js";
import { shiftFor, shiftTimestamps } from "../../src/emulator/time.js";
import { main, type CliDeps } from "../../src/main.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { ORG_ID, sampleSnapshot } from "./fixture.js";
import { call, emulators } from "./http.js";

// The emulator serves a snapshot as of the moment it starts: every timestamp moves by
// (start − takenAt), so "last active two days before the snapshot" stays "two days ago".

const DAY = 86_400_000;
const TAKEN = Date.parse("2026-11-01T00:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();
const later = (iso0: string, ms: number) => iso(Date.parse(iso0) + ms);

const emus = emulators();
afterEach(() => emus.closeAll());

describe("shiftTimestamps", () => {
  it("moves every ISO 8601 UTC timestamp, in known and extra fields, and nothing else", () => {
    const value = {
      takenAt: "2026-11-01T00:00:00.000Z",
      nested: [{ at: "2026-10-31T08:15:00Z", label: "2026-10-31", n: 5, flag: true, none: null }],
      extra: { lastSeen: "2026-10-30T09:12:00.5Z", name: "T2026-10-30T09:12:00Z" },
    };
    const shifted = shiftTimestamps(value, DAY);
    expect(shifted).toEqual({
      takenAt: "2026-11-02T00:00:00.000Z",
      nested: [{ at: "2026-11-01T08:15:00.000Z", label: "2026-10-31", n: 5, flag: true, none: null }],
      extra: { lastSeen: "2026-10-31T09:12:00.500Z", name: "T2026-10-30T09:12:00Z" },
    });
    expect(value.takenAt).toBe("2026-11-01T00:00:00.000Z");
    const copy = shiftTimestamps(value, 0);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
  });

  it("shiftFor: start moves takenAt to the start, taken keeps it, a date moves it there", () => {
    const snap = { takenAt: iso(TAKEN) };
    expect(shiftFor(snap, "start", new Date(TAKEN + 30 * DAY))).toBe(30 * DAY);
    expect(shiftFor(snap, "taken", new Date(TAKEN + 30 * DAY))).toBe(0);
    expect(shiftFor(snap, new Date(TAKEN - DAY), new Date(TAKEN + 30 * DAY))).toBe(-DAY);
  });
});

describe("an emulator serving a snapshot taken 30 days before it starts", () => {
  const start = TAKEN + 30 * DAY + 3_600_000;
  const shift = start - TAKEN;

  it("serves every timestamp moved by (start − takenAt) by default", async () => {
    const snapshot = sampleSnapshot();
    const emu = await emus.start({ snapshot, asOf: "start", now: () => new Date(start) });
    expect(emu.shiftMs).toBe(shift);

    const tokens = await call(emu, "GET", `/admin/api-access/v1/orgs/${ORG_ID}/api-tokens`);
    expect(tokens.body.data[0]).toMatchObject({
      createdAt: later("2025-06-01T00:00:00.000Z", shift),
      expiresAt: later("2026-12-01T00:00:00.000Z", shift),
      lastActiveAt: later("2026-10-31T23:55:00.000Z", shift),
    });
    const users = await call(emu, "POST", `/admin/v2/orgs/${ORG_ID}/directories/-/users/search`, { body: { accountIds: ["acc-1"], expand: ["productAccess"] } });
    expect(users.body.data[0].addedToOrg).toBe(later("2021-03-04T10:00:00.000Z", shift));
    expect(users.body.data[0].productAccess[0].lastActiveTimestamp).toBe(later("2026-10-30T09:12:00.000Z", shift));
    const events = await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}/events-stream?limit=500`);
    expect(events.body.data.map((e: { attributes: { time: string } }) => e.attributes.time)).toEqual(snapshot.events.map((e) => later(e.time, shift)));
    // A window in the emulator's present finds the events the snapshot holds in its past.
    const window = await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}/events-stream?from=${start - 15 * DAY}&to=${start}`);
    const inWindow = snapshot.events.filter((e) => Date.parse(e.time) >= TAKEN - 15 * DAY && Date.parse(e.time) <= TAKEN).length;
    expect(window.body.data).toHaveLength(inWindow);
    expect(window.body.data.length).toBeGreaterThan(0);
    const sas = await call(emu, "GET", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`);
    expect(sas.body.items[0].updatedAt).toBe(Date.parse("2026-10-01T00:00:00.000Z") + shift);

    const state = validateSnapshot(await (await fetch(`${emu.url}/__emulator/state`)).json(), "state");
    expect(state.takenAt).toBe(iso(start));
    expect(state.serviceAccountTokens[0]?.expiresAt).toBe(later("2027-10-01T00:00:00.000Z", shift));
  });

  it("keeps the snapshot's times with asOf taken, and serves a chosen moment with a date", async () => {
    const kept = await emus.start({ asOf: "taken", now: () => new Date(start) });
    expect(kept.shiftMs).toBe(0);
    const tokens = await call(kept, "GET", `/admin/api-access/v1/orgs/${ORG_ID}/api-tokens`);
    expect(tokens.body.data[0].lastActiveAt).toBe("2026-10-31T23:55:00.000Z");

    const chosen = await emus.start({ asOf: new Date(TAKEN + DAY), now: () => new Date(start) });
    const moved = await call(chosen, "GET", `/admin/api-access/v1/orgs/${ORG_ID}/api-tokens`);
    expect(moved.body.data[0].lastActiveAt).toBe("2026-11-01T23:55:00.000Z");
  });

  it("judges token expiry on its own clock, against the moved times", async () => {
    // The seeded service-account token expires 2027-10-01 + shift; a token minted now may last 365 days.
    const emu = await emus.start({ asOf: "start", now: () => new Date(start) });
    const ok = await call(emu, "POST", "/users/acc-3/manage/api-tokens", { body: { label: "l", scopes: [], expiry: iso(start + 365 * DAY) } });
    expect(ok.status).toBe(201);
    const past = await call(emu, "POST", "/users/acc-3/manage/api-tokens", { body: { label: "l", scopes: [], expiry: iso(start - DAY) } });
    expect(past.status).toBe(400);
  });
});

describe("bot2svc emulator --as-of", () => {
  function startCli(argv: string[], now: Date) {
    const dir = makeTempDir("bot2svc-emu-time-");
    const file = join(dir, "org.json");
    writeFileSync(file, JSON.stringify(sampleSnapshot()));
    const controller = new AbortController();
    let out = "";
    let err = "";
    let onOutput: () => void = () => {};
    const deps: CliDeps = {
      stdout: { write: (s: string) => ((out += s), onOutput(), true) },
      stderr: { write: (s: string) => ((err += s), true) },
      env: {},
      cwd: dir,
      now: () => new Date(now.getTime()),
      signal: controller.signal,
    };
    const exit = main(["emulator", "--snapshot", file, ...argv], deps);
    const ready = new Promise<Record<string, string>>((resolve, reject) => {
      onOutput = () => {
        if (!/BOT2SVC_ATLASSIAN_UNOFFICIAL/.test(out)) return;
        if (out.startsWith("{")) resolve(JSON.parse(out) as Record<string, string>);
        else resolve(Object.fromEntries([...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""])));
      };
      void exit.then((code) => reject(new Error(`exited ${code} before serving: ${err}`)));
    });
    return { ready, exit, stop: () => controller.abort(), stderr: () => err };
  }

  async function lastActive(env: Record<string, string>): Promise<string> {
    const r = await fetch(`${env.BOT2SVC_ATLASSIAN_BASE_URL}/admin/api-access/v1/orgs/${ORG_ID}/api-tokens`, {
      headers: { authorization: `Bearer ${env.BOT2SVC_ATLASSIAN_API_KEY}` },
    });
    return ((await r.json()) as { data: { lastActiveAt: string }[] }).data[0]?.lastActiveAt ?? "";
  }

  it("serves the org as of the start by default, and as taken with --as-of taken", async () => {
    const now = new Date(TAKEN + 10 * DAY);
    const shifted = startCli([], now);
    expect(await lastActive(await shifted.ready)).toBe("2026-11-10T23:55:00.000Z");
    expect(shifted.stderr()).toMatch(/served as of 2026-11-11T00:00:00.000Z \(times moved 10 days\)/);
    shifted.stop();
    expect(await shifted.exit).toBe(0);

    const kept = startCli(["--as-of", "taken"], now);
    expect(await lastActive(await kept.ready)).toBe("2026-10-31T23:55:00.000Z");
    expect(kept.stderr()).toContain("times as taken (2026-11-01T00:00:00.000Z)");
    kept.stop();
    expect(await kept.exit).toBe(0);
  });

  it("reports the moment it serves in --json output", async () => {
    const cli = startCli(["--json", "--as-of", "2026-11-05T00:00:00Z"], new Date(TAKEN + 10 * DAY));
    const out = await cli.ready;
    expect(out).toMatchObject({ orgId: ORG_ID, takenAt: "2026-11-01T00:00:00.000Z", servedAsOf: "2026-11-05T00:00:00.000Z" });
    cli.stop();
    expect(await cli.exit).toBe(0);
  });

  it("rejects a bad --as-of and --service-account-writes naming the flag", async () => {
    const dir = makeTempDir("bot2svc-emu-time-");
    const file = join(dir, "org.json");
    writeFileSync(file, JSON.stringify(sampleSnapshot()));
    const bad = await runCli(["emulator", "--snapshot", file, "--as-of", "yesterday"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--as-of");
    const writes = await runCli(["emulator", "--snapshot", file, "--service-account-writes", "maybe"]);
    expect(writes.code).toBe(1);
    expect(writes.stderr).toMatch(/service-account-writes|serviceAccountWrites/);
  });

  it("parseAsOf accepts start, taken and ISO times", () => {
    expect(parseAsOf("start")).toBe("start");
    expect(parseAsOf(" taken ")).toBe("taken");
    expect(parseAsOf("2026-11-01T00:00:00Z")).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(parseAsOf("2026-11-01")).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(() => parseAsOf("now")).toThrow(/--as-of/);
  });
});
