import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.js";

const RESET = "2026-11-01T12:01:00.000Z";
const NEXT_RESET = "2026-11-01T12:02:00.000Z";
const headers = (remaining: number, reset = RESET) => ({ "x-ratelimit-limit": "10", "x-ratelimit-remaining": String(remaining), "x-ratelimit-reset": reset });

/** Lets one request through and returns its ticket. */
function send(limiter: RateLimiter): number {
  expect(limiter.reserve()).toBe(0);
  return limiter.ticket();
}

describe("RateLimiter", () => {
  it("ignores an older answer that arrives after a newer one", () => {
    const now = Date.parse("2026-11-01T12:00:30.000Z");
    const limiter = new RateLimiter(() => now, 120_000);
    limiter.observe(headers(3), send(limiter));
    // Three requests go out at once; the server counts them in order: 2, 1 and 0 left.
    const [a, b, c] = [send(limiter), send(limiter), send(limiter)];
    // The answers arrive newest first.
    limiter.observe(headers(0), c);
    limiter.observe(headers(2), a);
    limiter.observe(headers(1), b);
    // Nothing is left: the next request waits for the reset instead of meeting a 429.
    expect(limiter.reserve()).toBe(Date.parse(RESET) - now);
  });

  it("counts requests sent after the answered one as spent until their own answers arrive", () => {
    const now = Date.parse("2026-11-01T12:00:30.000Z");
    const limiter = new RateLimiter(() => now, 120_000);
    const first = send(limiter);
    send(limiter);
    send(limiter);
    // 2 left after the first; the other two may have been counted since.
    limiter.observe(headers(2), first);
    expect(limiter.reserve()).toBeGreaterThan(0);
  });

  it("does not stay low when requests it counted never reached the limit (their answers say so)", () => {
    const now = Date.parse("2026-11-01T12:00:30.000Z");
    const limiter = new RateLimiter(() => now, 120_000);
    const a = send(limiter);
    const b = send(limiter);
    limiter.observe(headers(5), a);
    // b was not counted by the server (e.g. a route outside the limit): its answer says 5 left.
    limiter.observe(headers(5), b);
    for (let i = 0; i < 5; i++) send(limiter);
    expect(limiter.reserve()).toBeGreaterThan(0);
  });

  it("takes the server's count once a new window opens", () => {
    let now = Date.parse("2026-11-01T12:00:30.000Z");
    const limiter = new RateLimiter(() => now, 120_000);
    limiter.observe(headers(0), send(limiter));
    expect(limiter.reserve()).toBeGreaterThan(0);
    now = Date.parse(RESET) + 1;
    limiter.afterWait(now - 1, 1);
    const t = send(limiter);
    limiter.observe(headers(9, NEXT_RESET), t);
    expect(limiter.last().remaining).toBe(9);
    for (let i = 0; i < 9; i++) send(limiter);
    expect(limiter.reserve()).toBe(Date.parse(NEXT_RESET) - now);
  });

  it("without a ticket, trusts each answer as before", () => {
    const now = Date.parse("2026-11-01T12:00:30.000Z");
    const limiter = new RateLimiter(() => now, 120_000);
    limiter.observe(headers(0));
    expect(limiter.reserve()).toBeGreaterThan(0);
    limiter.observe(headers(1));
    expect(limiter.reserve()).toBe(0);
  });
});
