import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { MAX_JSON_DEPTH } from "../validation.js";
import { generateOrg } from "../../demo/generate-org.js";
import { parseSnapshot, readSnapshotFile, validateSnapshot } from "./reader.js";
import { isIsoUtcTimestamp, isoUtcTimestampMs, utcFromOffsetTimestamp } from "./timestamps.js";
import { auditSnapshot } from "../detect/index.js";
import { detectionConfigSchema } from "../detect/config.js";
import { isoToMs } from "../detect/time.js";
import { snapshotSchema, type Snapshot } from "./schema.js";
import { serializeSnapshot } from "./writer.js";

const FILE = "org.json";

function minimal(): Record<string, unknown> {
  return {
    kind: "bot2svc.snapshot",
    version: 1,
    takenAt: "2026-11-01T00:00:00.000Z",
    org: { id: "org-1", name: "Acme" },
    users: [
      { accountId: "u1", accountType: "atlassian", accountStatus: "active", status: "active", name: "Jenkins CI", groupIds: ["g1"] },
      { accountId: "u2", accountType: "atlassian", accountStatus: "active", status: "active", name: "Ada Jenkins" },
    ],
    groups: [{ id: "g1", name: "automation" }],
    apiTokens: [{ id: "t1", accountId: "u1", label: "prod", status: "ALLOWED" }],
    events: [{ id: "e1", time: "2026-10-31T02:00:03.000Z", action: "user_login", actorId: "u1" }],
  };
}

/** Runs `fn`, expects an InputError, and returns it. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}

const parse = (data: unknown): Snapshot => parseSnapshot(JSON.stringify(data), FILE);

describe("parseSnapshot errors", () => {
  it.each([
    ['{"b": }', 1, 7],
    ['{\n  "kind": "bot2svc.snapshot",\n  "users": [1, 2,]\n}', 3, 18],
    ['{"a": tru}', 1, 10],
    ['{"a": 1} trailing', 1, 10],
    ["", 1, 1],
    ['{\r\n"a": "unterminated', 2, 19],
  ])("reports bad JSON %j at line %i, column %i, naming the file", (text, line, column) => {
    const error = inputError(() => parseSnapshot(text, "dir/org.json"));
    expect(error.code).toBe("JSON_INVALID");
    expect(error.message).toContain("dir/org.json");
    expect(error.message).toContain(`line ${line}, column ${column}`);
    // V8's quoted slice of the input is dropped: the message stays on one line.
    expect(error.message).not.toContain("\n");
  });

  it("refuses another kind with one sentence naming the field and the expected value", () => {
    const error = inputError(() => parse({ ...minimal(), kind: "bot2svc.plan" }));
    expect(error.code).toBe("SCHEMA_INVALID");
    expect(error.message).toBe(`${FILE} is not a snapshot: kind is "bot2svc.plan", expected "bot2svc.snapshot"`);
  });

  it("refuses a top-level array", () => {
    expect(inputError(() => parseSnapshot("[]", FILE)).message).toContain("expected a JSON object at the top level");
  });

  it("refuses another version and says which it reads", () => {
    const error = inputError(() => parse({ ...minimal(), version: 2 }));
    expect(error.message).toBe(`${FILE} has snapshot version 2; this bot2svc reads version 1 only`);
    expect(error.details).toEqual(["version: expected 1"]);
  });

  it("reports every missing or wrong field at once, by JSON path", () => {
    const data = minimal();
    const users = data.users as Record<string, unknown>[];
    users.push({ accountType: "atlassian", accountStatus: "active", status: "active", name: "x" });
    users.push({ accountId: "u4", accountType: "robot", accountStatus: "active", status: "active", name: "y" });
    (data.events as Record<string, unknown>[])[0]!.time = "2026-10-31 02:00";
    delete (data.org as Record<string, unknown>).id;
    const error = inputError(() => parse(data));
    expect(error.code).toBe("SCHEMA_INVALID");
    expect(error.message).toBe(`${FILE} is not a valid snapshot (4 problems)`);
    const paths = error.details.map((line) => line.slice(0, line.indexOf(":")));
    expect(paths).toEqual(expect.arrayContaining(["org.id", "users[2].accountId", "users[3].accountType", "events[0].time"]));
    expect(error.details.find((l) => l.startsWith("events[0].time"))).toContain("ISO 8601");
  });

  it("lists every dangling reference, not only the first", () => {
    const data = minimal();
    (data.users as Record<string, unknown>[])[1]!.groupIds = ["g1", "g-missing"];
    (data.apiTokens as Record<string, unknown>[]).push({ id: "t2", accountId: "ghost", label: "x", status: "ALLOWED" });
    (data.events as Record<string, unknown>[]).push({ id: "e2", time: "2026-10-31T03:00:00Z", action: "user_login", actorId: "ghost-2" });
    data.serviceAccountTokens = [{ id: "st1", serviceAccountId: "sa-missing", label: "x" }];
    const error = inputError(() => parse(data));
    expect(error.code).toBe("SNAPSHOT_REFERENCES");
    expect(error.message).toBe(`${FILE} has 4 broken references`);
    expect(error.details).toEqual([
      'users[1].groupIds[1]: unknown group "g-missing"',
      'apiTokens[1].accountId: unknown account "ghost"',
      'events[1].actorId: unknown account "ghost-2"',
      'serviceAccountTokens[0].serviceAccountId: unknown service account "sa-missing"',
    ]);
  });

  it("reports duplicate account, group and service-account ids", () => {
    const data = minimal();
    (data.users as Record<string, unknown>[])[1]!.accountId = "u1";
    (data.groups as Record<string, unknown>[]).push({ id: "g1", name: "again" });
    data.serviceAccounts = [
      { id: "sa1", accountId: "712020:a", email: "a@serviceaccount.atlassian.com", displayName: "A", status: "active" },
      { id: "sa1", accountId: "712020:b", email: "b@serviceaccount.atlassian.com", displayName: "B", status: "active" },
    ];
    const error = inputError(() => parse(data));
    expect(error.details).toEqual([
      'users[1].accountId: duplicate account id "u1"',
      'serviceAccounts[1].id: duplicate service account id "sa1"',
      'groups[1].id: duplicate group id "g1"',
    ]);
  });

  describe("nesting depth, checked while the records are validated", () => {
    /** `levels` nested arrays around a number: `[[1]]` for 2. */
    const nest = (levels: number): unknown => (levels === 0 ? 1 : [nest(levels - 1)]);
    // A record of a list is at level 3 (root, list, record), so a field of it holds at most
    // MAX_JSON_DEPTH - 3 more levels; a field of the root at most MAX_JSON_DEPTH - 1.
    const places: [string, (data: Record<string, unknown>, value: unknown) => void, number][] = [
      ["an event", (data, value) => ((data.events as Record<string, unknown>[])[0]!.extra = value), 3],
      ["a user's product access", (data, value) => ((data.users as Record<string, unknown>[])[1]!.productAccess = [{ key: "jira", id: "p", extra: value }]), 5],
      ["a token", (data, value) => ((data.apiTokens as Record<string, unknown>[])[0]!.extra = value), 3],
      ["an OAuth client", (data, value) => (data.oauthClients = [{ clientId: "c1", extra: value }]), 3],
      ["the org", (data, value) => ((data.org as Record<string, unknown>).extra = value), 2],
      ["the root", (data, value) => (data.extra = value), 1],
    ];

    it.each(places)("refuses a value in %s one level too deep, with the JSON error", (_, put, level) => {
      const data = minimal();
      put(data, nest(MAX_JSON_DEPTH - level + 1));
      const error = inputError(() => parse(data));
      expect(error.code).toBe("JSON_TOO_DEEP");
      expect(error.message).toMatch(/^org\.json is nested too deeply \(more than 64 levels at line 1, column \d+\)$/);
    });

    it.each(places)("accepts a value in %s at the limit", (_, put, level) => {
      const data = minimal();
      put(data, nest(MAX_JSON_DEPTH - level));
      expect(() => parse(data)).not.toThrow();
    });

    it("reports the depth before a wrong header or a schema error, as for any JSON file", () => {
      for (const broken of [{ kind: "bot2svc.plan" }, { version: 2 }, { takenAt: "yesterday" }]) {
        const data = { ...minimal(), ...broken, extra: nest(MAX_JSON_DEPTH) };
        expect(inputError(() => parse(data)).code).toBe("JSON_TOO_DEEP");
      }
    });
  });
});

describe("readSnapshotFile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "bot2svc-reader-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("says a missing file is not found and how to get one", async () => {
    const file = join(dir, "nope.json");
    await expect(readSnapshotFile(file)).rejects.toMatchObject({ code: "FILE_UNREADABLE", message: `Snapshot file not found: ${file}` });
  });

  it("names a file it cannot read", async () => {
    // A directory cannot be read as a file, even by root.
    await expect(readSnapshotFile(dir)).rejects.toMatchObject({ code: "FILE_UNREADABLE", message: expect.stringContaining(`Cannot read snapshot file ${dir}`) });
  });

  it("names the file in a JSON error", async () => {
    const file = join(dir, "broken.json");
    await writeFile(file, '{\n  "kind": }\n');
    await chmod(file, 0o644);
    await expect(readSnapshotFile(file)).rejects.toMatchObject({ code: "JSON_INVALID", message: expect.stringContaining(`${file} is not valid JSON (line 2, column 11)`) });
  });
});

describe("the fast structural check", () => {
  // A small org exercises every kind of record the generator makes.
  const org = serializeSnapshot(generateOrg({ accounts: 60, seed: 3, takenAt: "2026-11-01T00:00:00.000Z", machineLogins: 3 }).snapshot);

  it("returns the same snapshot as zod for a valid file, defaults included", () => {
    const data = JSON.parse(org) as Record<string, unknown>;
    // Drop defaulted fields so the fast path has to fill them in.
    delete data.groups;
    delete (data.org as Record<string, unknown>).directoryId;
    delete (data.users as Record<string, unknown>[])[0]!.groupIds;
    data.groups = (JSON.parse(org) as Snapshot).groups;
    const text = JSON.stringify(data);
    expect(parseSnapshot(text, FILE)).toEqual(validateSnapshot(JSON.parse(text), FILE));
    expect(parseSnapshot(text, FILE).users[0]!.groupIds).toEqual([]);
    expect(parseSnapshot(text, FILE).org.directoryId).toBe("-");
  });

  // Each mutation breaks one rule of the schema; the fast check must hand it to zod, whose report
  // must then be the same as validateSnapshot's (the zod-only path).
  const mutations: [string, (s: Record<string, any>) => void][] = [
    ["user name a number", (s) => (s.users[1].name = 5)],
    ["empty accountId", (s) => (s.users[2].accountId = "")],
    ["bad claimStatus", (s) => (s.users[0].claimStatus = "claimed")],
    ["productAccess a string", (s) => (s.users[0].productAccess = "jira-software")],
    ["lastActiveTimestamp with an offset past 23:59", (s) => (s.users.find((u: any) => u.productAccess.length > 0).productAccess[0].lastActiveTimestamp = "2026-10-30T09:12:00+24:00")],
    ["Feb 29 in a common year", (s) => (s.apiTokens[0].createdAt = "2026-02-29T00:00:00Z")],
    ["token status lowercase", (s) => (s.apiTokens[0].status = "allowed")],
    ["event without action", (s) => delete s.events[3].action],
    ["event ip a number", (s) => (s.events[3].ip = 10)],
    ["negative quota", (s) => (s.org.serviceAccountQuota = -1)],
    ["fractional quota", (s) => (s.org.serviceAccountQuota = 2.5)],
    ["site without products", (s) => delete s.org.sites[0].products],
    ["group managementSource", (s) => (s.groups[0].managementSource = "scim")],
    ["scopes not strings", (s) => (s.serviceAccountTokens = [{ id: "x", serviceAccountId: s.serviceAccounts[0].id, label: "l", scopes: [1] }])],
    ["users not an array", (s) => (s.users = {})],
    ["source without provider", (s) => (s.source = {})],
    ["takenAt not a time", (s) => (s.takenAt = "yesterday")],
    ["OAuth client with an empty service account id", (s) => (s.oauthClients = [{ clientId: "c1", serviceAccountId: "" }])],
    ["OAuth client without a client id", (s) => (s.oauthClients = [{ name: "n" }])],
    ["OAuth clients not an array", (s) => (s.oauthClients = { clientId: "c1" })],
    ["OAuth client createdAt not a time", (s) => (s.oauthClients = [{ clientId: "c1", serviceAccountId: "sa", createdAt: "monday" }])],
    ["source limitations not strings", (s) => (s.source = { provider: "scim", limitations: [1] })],
  ];

  it("reads the optional OAuth clients and source limitations, as zod does", () => {
    const data = JSON.parse(org) as Record<string, any>;
    data.source = { provider: "scim", baseUrl: "https://idp.example.com/scim/v2", limitations: ["API tokens", "login events"] };
    data.oauthClients = [{ clientId: "c1", serviceAccountId: data.serviceAccounts[0].id, name: "deploy", status: "ACTIVE", createdAt: "2026-10-01T00:00:00.000Z", updatedAt: null }];
    const text = JSON.stringify(data);
    const parsed = parseSnapshot(text, FILE);
    expect(parsed).toEqual(validateSnapshot(JSON.parse(text), FILE));
    expect(parsed.source?.limitations).toEqual(["API tokens", "login events"]);
    expect(parsed.oauthClients?.[0]?.clientId).toBe("c1");
  });
  it.each(mutations)("defers to zod's report when %s", (_name, mutate) => {
    const data = JSON.parse(org) as Record<string, unknown>;
    mutate(data);
    const text = JSON.stringify(data);
    const viaZod = inputError(() => validateSnapshot(JSON.parse(text), FILE));
    const viaParse = inputError(() => parseSnapshot(text, FILE));
    expect(viaParse.message).toBe(viaZod.message);
    expect(viaParse.details).toEqual(viaZod.details);
  });

  it("accepts exactly the timestamps zod accepts", () => {
    // The schema reads offsets first (see "timestamps with an offset"); this compares the Z form.
    const pattern = (snapshotSchema.shape.takenAt as unknown as { _zod: { def: { out: { _zod: { def: { pattern: RegExp } } } } } })._zod.def.out._zod.def.pattern;
    expect(pattern).toBeInstanceOf(RegExp);
    const fixed = [
      "2026-11-01T00:00:00Z", "2026-11-01T00:00:00.000Z", "2024-02-29T12:00:00Z", "2000-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
      "0000-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-12-31T23:59:59.123456789Z", "2026-11-01T24:00:00Z", "2026-11-01T00:60:00Z",
      "2026-11-01T00:00:60Z", "2026-11-01T00:00:00.Z", "2026-11-01T00:00:00", "2026-11-01 00:00:00Z", "2026-13-01T00:00:00Z",
      "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z", "+02026-11-01T00:00:00Z", "2026-11-01T00:00:00z", "2026-11-01T00:00:00.5+00:00",
    ];
    for (const s of fixed) expect([s, isIsoUtcTimestamp(s)]).toEqual([s, pattern.test(s)]);
    // Random single-character edits of valid timestamps probe every position.
    let state = 12345;
    const next = (m: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % m;
    };
    const alphabet = "0123456789-:.TZ +x";
    for (let k = 0; k < 20_000; k++) {
      const base = new Date(Date.UTC(next(3000), next(12), 1 + next(31), next(24), next(60), next(60), next(1000))).toISOString();
      const chars = [...(next(2) === 0 ? base : base.replace(".000", ""))];
      chars[next(chars.length)] = alphabet[next(alphabet.length)]!;
      const s = chars.join("");
      if (isIsoUtcTimestamp(s) !== pattern.test(s)) expect([s, isIsoUtcTimestamp(s)]).toEqual([s, pattern.test(s)]);
      // The number kept for each event time is the one the audit would work out itself.
      const ms = isoUtcTimestampMs(s);
      const expected = pattern.test(s) ? isoToMs(s) : Number.NaN;
      if (!Object.is(ms, expected)) expect([s, ms]).toEqual([s, expected]);
    }
    for (const s of fixed) expect([s, isoUtcTimestampMs(s)]).toEqual([s, pattern.test(s) ? isoToMs(s) : Number.NaN]);
    expect(isoUtcTimestampMs("2026-12-31T23:59:59.123456789Z")).toBe(Date.parse("2026-12-31T23:59:59.123Z"));
    expect(isoUtcTimestampMs("2026-12-31T23:59:59.1Z")).toBe(Date.parse("2026-12-31T23:59:59.100Z"));
  });
});

describe("null for an optional field", () => {
  // Python's json.dumps writes None as null; "known to be absent" must read as the field left out.
  const source = serializeSnapshot(generateOrg({ accounts: 60, seed: 5, takenAt: "2026-11-01T00:00:00.000Z", machineLogins: 3 }).snapshot);
  const edit = (set: unknown): string => {
    const data = JSON.parse(source) as Record<string, any>;
    const withAccess = data.users.find((u: any) => u.productAccess.length > 0);
    data.source = set;
    data.org.serviceAccountQuota = set;
    data.org.sites = set;
    data.users[0].platformRoles = set;
    data.users[1].productAccess = set;
    data.users[2].groupIds = set;
    withAccess.productAccess[0].role = set;
    data.serviceAccounts[0].productAccess = set;
    data.serviceAccounts[0].groupIds = set;
    data.serviceAccountTokens = set;
    data.oauthClients = set;
    return JSON.stringify(data);
  };

  it("reads null as the field left out, lists as empty", () => {
    const withNulls = parseSnapshot(edit(null), FILE);
    expect(withNulls).toEqual(parseSnapshot(edit(undefined), FILE));
    expect(withNulls.users[1]!.productAccess).toEqual([]);
    expect(withNulls.users[2]!.groupIds).toEqual([]);
    expect(withNulls.serviceAccountTokens).toEqual([]);
    expect(withNulls.org.sites).toEqual([]);
  });

  it("still refuses null for a field the format requires", () => {
    const data = minimal();
    (data.apiTokens as Record<string, unknown>[])[0]!.label = null;
    (data.users as Record<string, unknown>[])[1]!.name = null;
    const error = inputError(() => parse(data));
    expect(error.details).toEqual(["users[1].name: Invalid input: expected string, received null", "apiTokens[0].label: Invalid input: expected string, received null"]);
  });
});

describe("timestamps with an offset", () => {
  it.each([
    ["2026-10-31T10:15:00+02:00", "2026-10-31T08:15:00.000Z"],
    ["2026-10-31T08:15:00.123456+00:00", "2026-10-31T08:15:00.123Z"],
    ["2026-10-31T08:15:00.000+0000", "2026-10-31T08:15:00.000Z"],
    ["2026-10-31T08:15:00-00:00", "2026-10-31T08:15:00.000Z"],
    ["2026-12-31T20:00:00-05:30", "2027-01-01T01:30:00.000Z"],
    ["2024-03-01T00:30:00+01:00", "2024-02-29T23:30:00.000Z"],
  ])("reads %s as %s", (written, utc) => {
    expect(utcFromOffsetTimestamp(written)).toBe(utc);
  });

  it.each([
    "2026-10-31T08:15:00.000Z",
    "2026-10-31T08:15:00+24:00",
    "2026-10-31T08:15:00+02:60",
    "2026-02-30T08:15:00+01:00",
    "2026-10-31T08:15:00 +02:00",
    "2026-10-31T08:15+02:00",
    "2026-10-31T08:15:00+2:00",
    "2026-10-31 08:15:00+02:00",
    "0000-01-01T00:30:00+01:00",
  ])("leaves %s to the Z-form check", (written) => {
    expect(utcFromOffsetTimestamp(written)).toBeUndefined();
  });

  // A snapshot written by a tool that prints local times with their offset (Python's isoformat(),
  // Jira's +0000) must read and audit exactly like the same snapshot written in UTC.
  const source = serializeSnapshot(generateOrg({ accounts: 60, seed: 4, takenAt: "2026-11-01T00:00:00.000Z", machineLogins: 3 }).snapshot);
  const offsets = [0, 0, 120, -480, 330, -210];
  const withOffset = (iso: string, k: number): string => {
    const minutes = offsets[k % offsets.length]!;
    const local = new Date(Date.parse(iso) + minutes * 60_000).toISOString().slice(0, -1);
    const sign = minutes < 0 ? "-" : "+";
    const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
    const mm = String(Math.abs(minutes) % 60).padStart(2, "0");
    return `${local}${sign}${hh}${k % 2 === 0 ? ":" : ""}${mm}`;
  };
  const rewrite = (value: unknown, counter: { k: number }): unknown => {
    if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}T[0-9:.]+Z$/.test(value) ? withOffset(value, counter.k++) : value;
    if (Array.isArray(value)) return value.map((v) => rewrite(v, counter));
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, rewrite(v, counter)]));
    return value;
  };
  const rewritten = JSON.stringify(rewrite(JSON.parse(source), { k: 0 }));

  it("reads every timestamp of a snapshot written with offsets as the same instant", () => {
    expect(rewritten).toContain("+05:30");
    expect(rewritten).toContain("-0800");
    expect(parseSnapshot(rewritten, FILE)).toEqual(parseSnapshot(source, FILE));
  });

  it("audits a snapshot written with offsets exactly as the same snapshot in UTC", () => {
    const audit = (text: string) => {
      const snapshot = parseSnapshot(text, FILE);
      return auditSnapshot(snapshot, { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(snapshot.takenAt) });
    };
    const expected = audit(source);
    expect(expected.findings.some((f) => f.verdict === "bot")).toBe(true);
    expect(audit(rewritten)).toEqual(expected);
  });

  it("still names the field of a timestamp it cannot read", () => {
    const data = minimal();
    (data.events as Record<string, unknown>[])[0]!.time = "2026-10-31T02:00:03+25:00";
    const error = inputError(() => parse(data));
    expect(error.details).toEqual(["events[0].time: expected an ISO 8601 UTC timestamp, e.g. 2026-10-31T08:15:00.000Z"]);
  });
});
