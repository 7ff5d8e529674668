import { describe, expect, it } from "vitest";
import { addressOf } from "./addresses.js";

describe("addressOf", () => {
  it("reads an IPv4 address however an exporter wrote it", () => {
    const plain = addressOf("34.201.10.7");
    for (const written of ["::ffff:34.201.10.7", "::FFFF:34.201.10.7", "0:0:0:0:0:ffff:34.201.10.7", "34.201.10.7:51234", "34.201.10.7, 10.0.0.1", "[::ffff:34.201.10.7]:443"]) {
      expect(addressOf(written)).toEqual(plain);
    }
    expect(plain.text).toBe("34.201.10.7");
  });
  it("compares IPv6 addresses by their /64 network, whatever the interface id or the spelling", () => {
    const a = addressOf("2a02:c7f:5136:a000:1f3a:22c1:9e4f:1a2b");
    expect(addressOf("2A02:0c7f:5136:a000:0:0:0:1")).toMatchObject({ key: a.key });
    expect(addressOf("[2a02:c7f:5136:a000::9]:443").key).toBe(a.key);
    expect(addressOf("2a02:c7f:5136:a001::9").key).not.toBe(a.key);
    expect(a.key).toBeGreaterThanOrEqual(0);
  });
  it("gives no number to what is no address", () => {
    for (const text of ["", "unknown", "2a02:c7f:5136:a000:1503c::1", "1:2:3:4:5:6:7:8:9", "999.1.1.1"]) expect(addressOf(text).key).toBe(-1);
  });
});
