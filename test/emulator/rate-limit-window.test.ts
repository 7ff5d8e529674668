import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/server.js";
import { ORG_ID, sampleSnapshot } from "./fixture.js";

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function getOrg(emu: RunningEmulator): Promise<Response> {
  const r = await fetch(`${emu.url}/admin/v1/orgs/${ORG_ID}`, { headers: { authorization: `Bearer ${emu.apiKey}` } });
  await r.arrayBuffer();
  return r;
}

describe("rate-limit window", () => {
  it("limits per rateLimitWindowMs, reports that window in X-RateLimit-Reset and Retry-After, then opens a new window", async () => {
    const emu = await startEmulator({ snapshot: sampleSnapshot(), rateLimitPerMinute: 2, rateLimitWindowMs: 1500 });
    running.push(emu);
    const first = await getOrg(emu);
    const opened = Date.now();
    expect(first.status).toBe(200);
    const resetAt = Date.parse(first.headers.get("x-ratelimit-reset") ?? "");
    // The reset is one short window away, not a minute.
    expect(resetAt - opened).toBeGreaterThan(1000);
    expect(resetAt - opened).toBeLessThanOrEqual(1500);
    expect((await getOrg(emu)).headers.get("x-ratelimit-remaining")).toBe("0");
    const limited = await getOrg(emu);
    expect(limited.status).toBe(429);
    // Whole seconds until the short window resets (1 or 2), never the rest of a minute.
    expect(["1", "2"]).toContain(limited.headers.get("retry-after"));
    expect(Date.parse(limited.headers.get("x-ratelimit-reset") ?? "")).toBe(resetAt);

    await new Promise((r) => setTimeout(r, Math.max(0, resetAt - Date.now()) + 20));
    const again = await getOrg(emu);
    expect(again.status).toBe(200);
    expect(again.headers.get("x-ratelimit-remaining")).toBe("1");
    expect(Date.parse(again.headers.get("x-ratelimit-reset") ?? "")).toBeGreaterThan(resetAt);
    expect(emu.requests().byStatus).toEqual({ "200": 3, "429": 1 });
  });

  it("keeps the one-minute window by default", async () => {
    const emu = await startEmulator({ snapshot: sampleSnapshot(), rateLimitPerMinute: 5 });
    running.push(emu);
    const r = await getOrg(emu);
    expect(Date.parse(r.headers.get("x-ratelimit-reset") ?? "") - Date.now()).toBeGreaterThan(55_000);
  });

  it("rejects a window that is not a positive whole number of milliseconds", async () => {
    await expect(startEmulator({ snapshot: sampleSnapshot(), rateLimitWindowMs: 0 })).rejects.toThrow(/rateLimitWindowMs/);
    await expect(startEmulator({ snapshot: sampleSnapshot(), rateLimitWindowMs: 1.5 })).rejects.toThrow(RangeError);
  });
});
