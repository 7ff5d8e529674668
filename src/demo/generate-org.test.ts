import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSnapshot } from "../core/snapshot/reader.js";
import { serializeSnapshot } from "../core/snapshot/writer.js";
import { packageRoot } from "../paths.js";
import { DEMO_ORG_OPTIONS, labelsFile, serializeLabelsFile } from "./demo-org.js";
import { generateOrg, generateOrgText, writeGeneratedOrg, type GenerateOrgOptions } from "./generate-org.js";

const SMALL: GenerateOrgOptions = { accounts: 120, seed: 42, takenAt: "2026-11-01T00:00:00.000Z", machineLogins: 12 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("generateOrg", () => {
  const org = generateOrg(SMALL);
  const { snapshot, labels, kinds } = org;
  const takenAt = Date.parse(SMALL.takenAt);
  const userById = new Map(snapshot.users.map((u) => [u.accountId, u]));
  const idsOf = (kind: string): string[] => Object.keys(kinds).filter((id) => kinds[id] === kind);

  it("is deterministic: the same seed gives the same bytes, another seed does not", () => {
    expect(serializeSnapshot(generateOrg(SMALL).snapshot)).toBe(serializeSnapshot(snapshot));
    expect(serializeSnapshot(generateOrg({ ...SMALL, seed: 43 }).snapshot)).not.toBe(serializeSnapshot(snapshot));
  });

  it("produces a snapshot the reader accepts, already in the writer's order", () => {
    const text = serializeSnapshot(snapshot);
    expect(parseSnapshot(text, "generated.json")).toEqual(snapshot);
    expect(`${JSON.stringify(snapshot, null, 2)}\n`).toBe(text);
  });

  it("streams exactly the text serializeSnapshot writes", async () => {
    expect([...generateOrgText(SMALL)].join("")).toBe(serializeSnapshot(snapshot));
    const dir = await mkdtemp(join(tmpdir(), "bot2svc-gen-"));
    try {
      const truth = await writeGeneratedOrg(SMALL, join(dir, "org.json"));
      expect(await readFile(join(dir, "org.json"), "utf8")).toBe(serializeSnapshot(snapshot));
      expect(truth.labels).toEqual(labels);
      expect(truth.counts).toEqual({ accounts: 120, apiTokens: snapshot.apiTokens.length, events: snapshot.events.length });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("labels every account, mostly people, and every family is present", () => {
    expect(Object.keys(labels).sort()).toEqual(snapshot.users.map((u) => u.accountId).sort());
    const humans = Object.values(labels).filter((l) => l === "human").length;
    expect(humans / snapshot.users.length).toBeGreaterThanOrEqual(0.7);
    expect(humans / snapshot.users.length).toBeLessThanOrEqual(0.8);
    for (const kind of ["human", "human-otp", "human-token", "trap-surname", "named-bot", "behaviour-bot", "departed", "shared-mailbox", "service-account", "app"]) {
      expect(idsOf(kind).length, kind).toBeGreaterThan(0);
    }
  });

  it("keeps every event inside the 30-day window, oldest first, with unique ids", () => {
    const times = snapshot.events.map((e) => Date.parse(e.time));
    expect(times.every((t) => t >= takenAt - 30 * DAY && t < takenAt)).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(snapshot.events.map((e) => e.id)).size).toBe(snapshot.events.length);
  });

  it("gives named bots recent token use, stale or no UI use, and round-the-clock logins each followed by an email OTP", () => {
    for (const id of idsOf("named-bot")) {
      const user = userById.get(id)!;
      const tokens = snapshot.apiTokens.filter((t) => t.accountId === id);
      const lastToken = Math.max(...tokens.map((t) => (t.lastActiveAt ? Date.parse(t.lastActiveAt) : 0)));
      expect(takenAt - lastToken).toBeLessThan(DAY);
      for (const p of user.productAccess) {
        if (p.lastActiveTimestamp) expect(takenAt - Date.parse(p.lastActiveTimestamp)).toBeGreaterThan(60 * DAY);
      }
      const events = snapshot.events.filter((e) => e.actorId === id);
      const logins = events.filter((e) => e.action === "user_login");
      expect(logins.length).toBeGreaterThanOrEqual(6);
      expect(events.filter((e) => e.action === "email_otp_sent").length).toBe(logins.length);
      expect(new Set(logins.map((e) => e.ip)).size).toBeLessThanOrEqual(2);
      expect(logins.every((e) => !/Mozilla/.test(e.userAgent ?? ""))).toBe(true);
      expect(user.jobTitle).toBeNull();
    }
    expect(snapshot.events.some((e) => e.authType === "api-token" && snapshot.apiTokens.some((t) => t.id === e.tokenId))).toBe(true);
  });

  it("makes departed employees look like people whose token still runs a script", () => {
    for (const id of idsOf("departed")) {
      const user = userById.get(id)!;
      expect(user.name).toMatch(/^[A-Z][a-z]+ [A-Z]/);
      const ui = Math.max(...user.productAccess.map((p) => Date.parse(p.lastActiveTimestamp!)));
      expect((takenAt - ui) / DAY).toBeGreaterThanOrEqual(150);
      expect((takenAt - ui) / DAY).toBeLessThanOrEqual(301);
      const used = snapshot.apiTokens.filter((t) => t.accountId === id && t.lastActiveAt).map((t) => Date.parse(t.lastActiveAt!));
      expect(takenAt - Math.max(...used)).toBeLessThan(DAY);
    }
  });

  it("includes people with bot-like surnames who use the UI like everyone else", () => {
    const names = idsOf("trap-surname").map((id) => userById.get(id)!);
    expect(names.map((u) => u.name.split(" ")[1])).toEqual(expect.arrayContaining(["Jenkins", "Abbot", "Bott", "Robotham"]));
    for (const u of names) {
      expect(u.jobTitle).not.toBeNull();
      expect(u.productAccess.every((p) => takenAt - Date.parse(p.lastActiveTimestamp!) <= 5 * DAY)).toBe(true);
    }
  });

  it("gives people who get email OTPs no 2SV, and everyone else browser logins in business hours", () => {
    for (const id of idsOf("human-otp")) expect(userById.get(id)!.mfaEnabled).toBe(false);
    const human = new Set(idsOf("human"));
    const logins = snapshot.events.filter((e) => human.has(e.actorId));
    expect(logins.length).toBeGreaterThan(0);
    for (const e of logins) {
      expect(e.action).toBe("user_login");
      expect(e.userAgent).toMatch(/^Mozilla/);
      const hour = new Date(e.time).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(7);
      expect(hour).toBeLessThan(18);
    }
  });

  it("has apps, service accounts with their collection entries, synced groups and an org-admin bot", () => {
    expect(idsOf("app").every((id) => userById.get(id)!.accountType === "app")).toBe(true);
    const sa = idsOf("service-account");
    expect(snapshot.serviceAccounts.map((s) => s.accountId).sort()).toEqual([...sa].sort());
    expect(snapshot.serviceAccounts.every((s) => s.email.endsWith("@serviceaccount.atlassian.com"))).toBe(true);
    expect(snapshot.groups.some((g) => g.managementSource === "synced")).toBe(true);
    expect(snapshot.org.serviceAccountQuota).toBe(250);
    expect(snapshot.org.sites.length).toBe(2);
    expect(idsOf("named-bot").some((id) => userById.get(id)!.platformRoles?.includes("org-admin"))).toBe(true);
    const soon = snapshot.apiTokens.filter((t) => t.expiresAt && Date.parse(t.expiresAt) - takenAt < 30 * DAY && Date.parse(t.expiresAt) > takenAt);
    expect(soon.length).toBeGreaterThan(0);
  });

  it("refuses an org too small to hold every family", () => {
    expect(() => generateOrg({ ...SMALL, accounts: 10 })).toThrow(RangeError);
  });
});

describe("fixtures/demo-org.json", () => {
  it("is exactly what the generator produces (run `npm run fixtures` after changing it)", async () => {
    const org = generateOrg(DEMO_ORG_OPTIONS);
    const root = packageRoot();
    const [snapshotText, labelsText] = await Promise.all([
      readFile(join(root, "fixtures", "demo-org.json"), "utf8"),
      readFile(join(root, "fixtures", "demo-org.labels.json"), "utf8"),
    ]);
    expect(snapshotText === serializeSnapshot(org.snapshot)).toBe(true);
    expect(labelsText === serializeLabelsFile(labelsFile(DEMO_ORG_OPTIONS, org))).toBe(true);
    expect(org.snapshot.users.length).toBeGreaterThanOrEqual(200);
    expect(snapshotText.length).toBeLessThan(3_000_000);
    expect(() => parseSnapshot(snapshotText, "demo-org.json")).not.toThrow();
  });
});
