import { describe, expect, it } from "vitest";
import { snapshotSchema } from "../../snapshot/schema.js";
import { detectionConfigSchema } from "../config.js";
import { buildAccountTable, compileMatchers } from "../features.js";
import { ipv4Number } from "./schedule.js";

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
    const f = buildAccountTable(loginsFrom(ips), compileMatchers(config), config, Date.parse(takenAt)).features(0);
    return { count: f.loginIpCount, sample: f.loginIpSample };
  };

  it("counts distinct address strings up to 4, IPv4 or not, and keeps the first as the sample", () => {
    expect(addresses([])).toEqual({ count: 0, sample: null });
    expect(addresses(["10.0.0.1", "10.0.0.1", null, "10.0.0.1"])).toEqual({ count: 1, sample: "10.0.0.1" });
    // The same address written differently is a different string, as before.
    expect(addresses(["10.0.0.1", "010.0.0.1", "10.0.0.1"])).toEqual({ count: 2, sample: "10.0.0.1" });
    expect(addresses(["2001:db8::1", "2001:db8::1", "255.255.255.255", "255.255.255.255"])).toEqual({ count: 2, sample: "2001:db8::1" });
    expect(addresses(["1.1.1.1", "::1", "1.1.1.1", "::1", "2.2.2.2", "::1"])).toEqual({ count: 3, sample: "1.1.1.1" });
    expect(addresses(["1.1.1.1", "::1", "2.2.2.2", "2.2.2.2", "::1", "::2"])).toEqual({ count: 4, sample: "1.1.1.1" });
    expect(addresses(["1.1.1.1", "::1", "2.2.2.2", "3.3.3.3", "4.4.4.4"])).toEqual({ count: 4, sample: "1.1.1.1" });
  });
});
