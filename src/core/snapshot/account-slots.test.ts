import { describe, expect, it } from "vitest";
import { generateOrg } from "../../demo/generate-org.js";
import { detectionConfigSchema } from "../detect/config.js";
import { auditSnapshot } from "../detect/index.js";
import { accountSlots, actorSlots, slotLookup } from "./account-slots.js";
import { parseSnapshot, validateSnapshot } from "./reader.js";
import type { AuditEvent, Snapshot, User } from "./schema.js";
import { serializeSnapshot } from "./writer.js";

const user = (accountId: string): User => ({ accountId, accountType: "atlassian", accountStatus: "active", status: "active", name: accountId, productAccess: [], groupIds: [] });
const event = (id: string, actorId: string): AuditEvent => ({ id, time: "2026-10-31T02:00:03.000Z", action: "user_login", actorId });

describe("accountSlots", () => {
  it("maps each id to its slot, lists repeats in order and keeps the last slot of a repeated id", () => {
    const slots = accountSlots([user("a"), user("b"), user("a"), user("c"), user("b")]);
    expect(slots.ids).toEqual(["a", "b", "a", "c", "b"]);
    expect(slots.duplicates).toEqual([2, 4]);
    expect(slots.slotOf.get("a")).toBe(2);
    expect(slots.slotOf.get("c")).toBe(3);
    expect(slots.slotOf.has("d")).toBe(false);
  });

  it("answers for the users as they are now, not as they were when first asked", () => {
    const users = [user("a"), user("b")];
    expect(accountSlots(users).slotOf.get("b")).toBe(1);
    (users[1] as User).accountId = "z";
    expect(accountSlots(users).slotOf.get("z")).toBe(1);
    expect(accountSlots(users).slotOf.has("b")).toBe(false);
    users.push(user("b"));
    expect(accountSlots(users).slotOf.get("b")).toBe(2);
  });
});

describe("slotLookup", () => {
  const ids = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? `557058:${i.toString(16).padStart(8, "0")}-é中` : `acct-${i}`));
  ids.push("", "acct-3", "x".repeat(10_000), "acct-10");

  it("finds every id at its last slot, lists repeats in order, and misses ids it does not have", () => {
    const duplicates: number[] = [];
    const lookup = slotLookup(ids, duplicates);
    expect(lookup).not.toBeInstanceOf(Map);
    for (let i = 0; i < 5000; i++) if (i !== 3 && i !== 10) expect(lookup.get(ids[i] as string)).toBe(i);
    expect(lookup.get("acct-3")).toBe(5001);
    expect(lookup.get("acct-10")).toBe(5003);
    expect(lookup.get("")).toBe(5000);
    expect(lookup.get("x".repeat(10_000))).toBe(5002);
    expect(duplicates).toEqual([5001, 5003]);
    for (const absent of ["acct-5000", "acct-", "ACCT-1", "x".repeat(9_999), "557058:"]) {
      expect(lookup.get(absent)).toBeUndefined();
      expect(lookup.has(absent)).toBe(false);
    }
  });

  it("falls back to a Map with the same answers when ids collide (so colliding ids never cost quadratic time)", () => {
    const duplicates: number[] = [];
    const lookup = slotLookup(ids, duplicates, () => 42);
    expect(lookup).toBeInstanceOf(Map);
    expect(duplicates).toEqual([5001, 5003]);
    expect(lookup.get("acct-3")).toBe(5001);
    expect(lookup.get("acct-4")).toBe(4);
    expect(lookup.has("acct-5000")).toBe(false);
  });

  it("spreads ids that differ only in the high bits of their characters (FNV alone puts them in one slot)", () => {
    const ids = Array.from({ length: 120 }, (_, k) => `acct-${String.fromCharCode(0x61 + k * 512)}`);
    const duplicates: number[] = [];
    const lookup = slotLookup(ids, duplicates);
    expect(lookup).not.toBeInstanceOf(Map);
    expect(ids.every((id, i) => lookup.get(id) === i)).toBe(true);
  });

  it("keeps a table when only a few ids collide", () => {
    const duplicates: number[] = [];
    const colliding = new Set(Array.from({ length: 20 }, (_, i) => `acct-${i + 1}`));
    const fnv = (id: string): number => {
      let h = 0x811c9dc5;
      for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
      return h;
    };
    const lookup = slotLookup(ids, duplicates, (id) => (colliding.has(id) ? 7 : fnv(id)));
    expect(lookup).not.toBeInstanceOf(Map);
    expect(duplicates).toEqual([5001, 5003]);
    for (const i of [1, 2, 10, 11, 20, 22, 100, 2500]) expect(lookup.get(`acct-${i}`)).toBe(i === 10 ? 5003 : i);
    expect(lookup.get("acct-0")).toBeUndefined();
  });
});

describe("actorSlots", () => {
  it("resolves each actor, -1 for ids no user has, and follows events changed in place", () => {
    const users = [user("a"), user("b")];
    const events = [event("e1", "b"), event("e2", "sa-1"), event("e3", "a")];
    expect([...actorSlots(events, accountSlots(users))]).toEqual([1, -1, 0]);
    (events[0] as AuditEvent).actorId = "a";
    (events[1] as AuditEvent).actorId = "b";
    (events[2] as AuditEvent).actorId = "nobody";
    expect([...actorSlots(events, accountSlots(users))]).toEqual([0, 1, -1]);
    (users[0] as User).accountId = "nobody";
    expect([...actorSlots(events, accountSlots(users))]).toEqual([-1, 1, 0]);
  });
});

describe("a parsed snapshot changed in place before the audit", () => {
  const options = { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(0) };

  it("is audited as the changed data, exactly as a fresh read of it would be", () => {
    const text = serializeSnapshot(generateOrg({ accounts: 120, seed: 7, takenAt: "2026-11-01T00:00:00.000Z" }).snapshot);
    const snapshot = parseSnapshot(text, "org.json");
    // Resolve and cache every id, then move the busiest account's events to another account.
    auditSnapshot(snapshot, options);
    const counts = new Map<string, number>();
    for (const e of snapshot.events) counts.set(e.actorId, (counts.get(e.actorId) ?? 0) + 1);
    const [busiest] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
    const other = snapshot.users.find((u) => u.accountType === "atlassian" && u.accountId !== busiest) as User;
    for (const e of snapshot.events) if (e.actorId === busiest) e.actorId = `${other.accountId}`;
    // And swap the ids of two accounts (tokens and events follow the id, not the account).
    const first = snapshot.users[0] as User;
    const last = snapshot.users[snapshot.users.length - 1] as User;
    [first.accountId, last.accountId] = [last.accountId, first.accountId];

    const fresh: Snapshot = parseSnapshot(serializeSnapshot(snapshot), "changed.json");
    expect(auditSnapshot(snapshot, options)).toEqual(auditSnapshot(fresh, options));
  });
});

describe("event times kept by the reader", () => {
  const options = { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(0) };
  const org = () => serializeSnapshot(generateOrg({ accounts: 120, seed: 11, takenAt: "2026-11-01T00:00:00.000Z" }).snapshot);

  it("are the times an audit of unparsed data works out", () => {
    const text = org();
    // validateSnapshot copies the data without keeping any times: the audit parses them itself.
    expect(auditSnapshot(parseSnapshot(text, "org.json"), options)).toEqual(auditSnapshot(validateSnapshot(JSON.parse(text), "org.json"), options));
  });

  it("are not used for events whose time changed in place, or for a changed event list", () => {
    const snapshot = parseSnapshot(org(), "org.json");
    // Every event of the busiest account moves six hours later, and one event is dropped.
    const counts = new Map<string, number>();
    for (const e of snapshot.events) counts.set(e.actorId, (counts.get(e.actorId) ?? 0) + 1);
    const [busiest] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
    for (const e of snapshot.events) if (e.actorId === busiest) e.time = new Date(Date.parse(e.time) + 6 * 3_600_000).toISOString();
    const fresh: Snapshot = parseSnapshot(serializeSnapshot(snapshot), "changed.json");
    expect(auditSnapshot(snapshot, options)).toEqual(auditSnapshot(fresh, options));
    snapshot.events.splice(3, 1);
    const shorter: Snapshot = parseSnapshot(serializeSnapshot(snapshot), "shorter.json");
    expect(auditSnapshot(snapshot, options)).toEqual(auditSnapshot(shorter, options));
  });
});
