import { describe, expect, it } from "vitest";
import { snapshotSchema } from "../../snapshot/schema.js";
import { detectionConfigSchema } from "../config.js";
import { buildAccountTable, compileMatchers } from "../features.js";
import { ipv4Number } from "./addresses.js";

describe("ipv4Number", () => {
  it("numbers IPv4 addresses written the usual way", () => {
    expect(ipv4Number("0.0.0.0")).toBe(0);
    expect(ipv4Number("203.0.113.7")).toBe(((203 * 256 + 0) * 256 + 113) * 256 + 7);
    expect(ipv4Number("255.255.255.255")).toBe(2 ** 32 - 1);
    expect(ipv4Number("10.20.30.40")).toBe(ipv4Number("10.20.30.40"));
  });

  it.each(["010.0.0.1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4 ", "::1", "2001:db8::1", "a.b.c.d", "", "1.2.3.00"])(
    "refuses %j",
    (ip) => {
      expect(ipv4Number(ip)).toBe(-1);
    },
  );
});

describe("login addresses", () => {
  const config = detectionConfigSchema.parse({});
  const takenAt = "2026-11-01T00:00:00.000Z";
  const loginsFrom = (ips: (string | null)[]) =>
    snapshotSchema.parse({
      kind: "bot2svc.snapshot",
      version: 1,
      takenAt,
      org: { id: "o", name: "Acme" },
      users: [{ accountId: "u1", accountType: "atlassian", accountStatus: "active", status: "active", name: "U" }],
      events: ips.map((ip, i) => ({ id: `e${i}`, time: new Date(Date.parse(takenAt) - (ips.length - i) * 3_600_000).toISOString(), action: "user_login", actorId: "u1", ...(ip === null ? {} : { ip }) })),
    });
  const addresses = (ips: (string | null)[]) => {
    const f = buildAccountTable(loginsFrom(ips), compileMatchers(config), config, Date.parse(takenAt)).features(0, true);
    return { count: f.loginIpCount, sample: f.loginIpSample };
  };

  it("counts distinct addresses up to 4, IPv4 or not, and keeps the first as the sample", () => {
    expect(addresses([])).toEqual({ count: 0, sample: null });
    expect(addresses(["10.0.0.1", "10.0.0.1", null, "10.0.0.1"])).toEqual({ count: 1, sample: "10.0.0.1" });
    // The same address written differently is a different string, as before.
    expect(addresses(["10.0.0.1", "010.0.0.1", "10.0.0.1"])).toEqual({ count: 2, sample: "10.0.0.1" });
    expect(addresses(["2001:db8::1", "2001:db8::1", "255.255.255.255", "255.255.255.255"])).toEqual({ count: 2, sample: "2001:db8::1" });
    expect(addresses(["1.1.1.1", "::1", "1.1.1.1", "::1", "2.2.2.2", "::1"])).toEqual({ count: 3, sample: "1.1.1.1" });
    // IPv6 addresses compare by their /64 network: `::1` and `::2` are one host's line.
    expect(addresses(["1.1.1.1", "::1", "2.2.2.2", "2.2.2.2", "::1", "::2"])).toEqual({ count: 3, sample: "1.1.1.1" });
    expect(addresses(["1.1.1.1", "2001:db8:0:1::1", "2.2.2.2", "2001:db8:0:2::1"])).toEqual({ count: 4, sample: "1.1.1.1" });
    expect(addresses(["1.1.1.1", "::1", "2.2.2.2", "3.3.3.3", "4.4.4.4"])).toEqual({ count: 4, sample: "1.1.1.1" });
  });

  it("reads the sample address only when asked for samples, which scoring never is", () => {
    const table = buildAccountTable(loginsFrom(["::1", "10.0.0.1"]), compileMatchers(config), config, Date.parse(takenAt));
    expect(table.features(0)).toMatchObject({ loginIpCount: 2, loginIpSample: null });
    const f = table.features(0);
    table.samples(0, f);
    expect(f).toMatchObject({ loginIpCount: 2, loginIpSample: "::1" });
    expect(table.features(0)).toMatchObject({ loginIpSample: null });
  });
});

describe("login hours", () => {
  const config = detectionConfigSchema.parse({});
  const takenAt = "2026-11-01T00:00:00.000Z";
  const base = Date.parse("2026-10-01T00:00:00.000Z");
  /** Logins by u1 at the given UTC hours (one a day), each followed by an event that is not a login, plus logins by an unknown actor. */
  const features = (hours: number[]) => {
    const events = hours.flatMap((hour, day) => {
      const ms = base + day * 86_400_000 + hour * 3_600_000;
      return [
        { id: `l${day}`, time: new Date(ms).toISOString(), action: "user_login", actorId: "u1" },
        { id: `x${day}`, time: new Date(ms + 60_000).toISOString(), action: "issue_updated", actorId: "u1" },
        { id: `g${day}`, time: new Date(ms + 120_000).toISOString(), action: "user_login", actorId: "ghost" },
      ];
    });
    const snapshot = snapshotSchema.parse({
      kind: "bot2svc.snapshot",
      version: 1,
      takenAt,
      org: { id: "o", name: "Acme" },
      users: [{ accountId: "u1", accountType: "atlassian", accountStatus: "active", status: "active", name: "U" }],
      events,
    });
    const table = buildAccountTable(snapshot, compileMatchers(config), config, Date.parse(takenAt));
    const f = table.features(0);
    return { logins: f.loginCount, hours: f.loginDistinctHours, events: f.eventCount, coverage: table.coverage.logins };
  };

  it("counts the account's logins and the distinct hours they fall in, whatever else it does", () => {
    expect(features([])).toEqual({ logins: 0, hours: 0, events: 0, coverage: 0 });
    expect(features([9, 9, 9])).toEqual({ logins: 3, hours: 1, events: 6, coverage: 3 });
    expect(features([0, 23, 12, 0, 23])).toEqual({ logins: 5, hours: 3, events: 10, coverage: 5 });
    const everyHour = Array.from({ length: 24 }, (_, hour) => hour);
    expect(features([...everyHour, ...everyHour])).toEqual({ logins: 48, hours: 24, events: 96, coverage: 48 });
  });
});

describe("sign-ins from the org's shared egress (loginFromSharedEgress)", () => {
  const config = detectionConfigSchema.parse({});
  const takenAt = "2026-11-01T00:00:00.000Z";
  const base = Date.parse("2026-10-01T08:00:00.000Z");
  /** A VPN's egress pool: each connection leaves from one of these. */
  const POOL = ["34.99.101.29", "34.99.79.177", "34.99.181.139", "35.199.36.253", "35.199.47.199"];
  /** Twelve accounts sign in twice a day for 20 days, from the pool in turn; `u0` also from `extra` on its last `extraDays` days. */
  const egress = (extra: string | null, extraDays: number) => {
    const events: Record<string, unknown>[] = [];
    for (let day = 0; day < 20; day++) {
      for (let a = 0; a < 12; a++) {
        for (let k = 0; k < 2; k++) {
          const ip = extra !== null && a === 0 && day >= 20 - extraDays ? extra : (POOL[(day * 2 + k + a) % POOL.length] as string);
          events.push({ id: `e${day}-${a}-${k}`, time: new Date(base + day * 86_400_000 + a * 60_000 + k * 4 * 3_600_000).toISOString(), action: "user_login", actorId: `u${a}`, ip });
        }
      }
    }
    const snapshot = snapshotSchema.parse({
      kind: "bot2svc.snapshot",
      version: 1,
      takenAt,
      org: { id: "o", name: "Acme" },
      users: Array.from({ length: 12 }, (_, a) => ({ accountId: `u${a}`, accountType: "atlassian", accountStatus: "active", status: "active", name: `U${a}` })),
      events,
    });
    const f = buildAccountTable(snapshot, compileMatchers(config), config, Date.parse(takenAt)).features(0);
    return { addresses: f.loginIpCount, shared: f.loginFromSharedEgress };
  };

  it("holds for an account that signs in from five addresses of a pool every account uses", () => {
    expect(egress(null, 0)).toEqual({ addresses: 4, shared: true });
  });

  it("does not hold once the account also signs in from an address of its own, however late", () => {
    expect(egress("52.14.200.17", 3)).toEqual({ addresses: 4, shared: false });
    expect(egress("52.14.200.17", 1)).toEqual({ addresses: 4, shared: false });
  });
});
