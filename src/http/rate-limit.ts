/** The rate-limit window as the server last reported it. */
export interface RateLimitInfo {
  limit: number | undefined;
  remaining: number | undefined;
  /** Epoch ms of the next reset, when known. */
  resetAt: number | undefined;
}

/**
 * Parses `Retry-After`: delay seconds or an HTTP date. Returns milliseconds to wait, or
 * undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Parses `X-RateLimit-Reset`. Atlassian documents ISO 8601 UTC; epoch seconds or milliseconds
 * are accepted too because other gateways send those. Returns epoch ms.
 */
export function parseRateLimitReset(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n > 1e12) return n;
    if (n > 1e9) return n * 1000;
    return undefined;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

function parseCount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*-?\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** Reads the `X-RateLimit-*` headers (lower-cased names). */
export function readRateLimitHeaders(headers: Record<string, string>): RateLimitInfo {
  return {
    limit: parseCount(headers["x-ratelimit-limit"]),
    remaining: parseCount(headers["x-ratelimit-remaining"]),
    resetAt: parseRateLimitReset(headers["x-ratelimit-reset"]),
  };
}

/**
 * Client-side pacing shared by all requests of one client. It remembers the last reported
 * window and counts requests sent since, so a bulk run stops before the server's budget is
 * spent instead of running into a wall of 429s; a 429 pauses every request, not just the one
 * that got it.
 */
export class RateLimiter {
  private info: RateLimitInfo = { limit: undefined, remaining: undefined, resetAt: undefined };
  /** Requests the window still allows by our own count; undefined when unknown. */
  private budget: number | undefined;
  private pausedUntil = 0;
  /** Requests let through by {@link reserve}; the n-th one's ticket is n. */
  private sent = 0;
  /** The ticket of the latest-sent request whose answer set the budget. */
  private counted = 0;

  constructor(
    private readonly now: () => number,
    private readonly maxWaitMs: number,
  ) {}

  /**
   * Records the headers of a response. `ticket` (from {@link ticket} when the request was let
   * through) says which request it answers: answers to concurrent requests arrive in any order,
   * and an older one reports a count the server has since lowered.
   */
  observe(headers: Record<string, string>, ticket?: number): void {
    const info = readRateLimitHeaders(headers);
    if (info.remaining === undefined && info.limit === undefined && info.resetAt === undefined) return;
    if (ticket === undefined) {
      this.info = info;
      this.budget = info.remaining;
      return;
    }
    if (ticket < this.counted) return;
    this.counted = ticket;
    this.info = info;
    // The count was taken when the server admitted this request; those sent after it may have
    // been counted since, so they are taken off. Their own answers correct the guess.
    this.budget = info.remaining === undefined ? undefined : Math.max(0, info.remaining - (this.sent - ticket));
  }

  /** The ticket of the request {@link reserve} last let through, for {@link observe}. */
  ticket(): number {
    return this.sent;
  }

  /** Stops every request until the given instant (after a 429). */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }

  last(): RateLimitInfo {
    return { ...this.info };
  }

  /**
   * How long to wait before the next send, or 0 to send now; when 0 the send is counted
   * against the remaining budget. After waiting, call {@link afterWait} with the wait.
   */
  reserve(): number {
    const t = this.now();
    if (this.pausedUntil > t) return Math.min(this.pausedUntil - t, this.maxWaitMs);
    if (this.budget !== undefined && this.budget <= 0) {
      const reset = this.info.resetAt;
      if (reset !== undefined && reset > t) return Math.min(reset - t, this.maxWaitMs);
      // The window has reset (or we cannot know when it will): the next answer tells us.
      this.budget = undefined;
    }
    if (this.budget !== undefined) this.budget -= 1;
    this.sent += 1;
    return 0;
  }

  /**
   * Records that a caller slept `waitedMs` from `startedAt`: a pause or window that ended by
   * then is over. Judged by the time slept rather than the clock, so a clock that did not
   * move (or moved less) cannot keep requests waiting forever.
   */
  afterWait(startedAt: number, waitedMs: number): void {
    const until = Math.max(startedAt + waitedMs, this.now());
    if (this.pausedUntil <= until) this.pausedUntil = 0;
    if (this.info.resetAt !== undefined && this.info.resetAt <= until) this.budget = undefined;
  }
}

/** A counting semaphore: at most `max` holders at once, first come first served. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
