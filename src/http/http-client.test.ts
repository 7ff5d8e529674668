import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RequestRecorder } from "../../test/msw/recorder.js";
import { ConfigError } from "../core/errors.js";
import { assertAllowedBaseUrl } from "./base-url.js";
import { ApiError, NetworkError, RetryUnsafeError } from "./errors.js";
import { createHttpClient, type HttpClientOptions, type HttpEndpoint } from "./http-client.js";

const BASE = "https://api.test.example";
const KEY = "ATSK-super-secret-api-key-0123456789";
const recorder = new RequestRecorder();
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  recorder.clear();
});
afterAll(() => server.close());

const read: HttpEndpoint = { id: "getThing", method: "GET", path: "/things/{id}", idempotent: true };
const createEp: HttpEndpoint = { id: "createThing", method: "POST", path: "/things", idempotent: false };
const assign: HttpEndpoint = { id: "assignThing", method: "POST", path: "/things/{id}/assign", idempotent: true };

function client(extra: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  const logs: string[] = [];
  let clock = Date.parse("2026-11-01T00:00:00Z");
  const c = createHttpClient({
    baseUrl: BASE,
    auth: { type: "bearer", token: KEY },
    maxRetries: 3,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    now: () => clock,
    log: (l) => logs.push(l),
    ...extra,
  });
  return { c, sleeps, logs };
}

/** A handler that answers from a list of responses in order, then 200. */
function sequence(method: "get" | "post", path: string, responses: Array<() => Response>) {
  let i = 0;
  return http[method](`${BASE}${path}`, async ({ request }) => {
    await recorder.record(request);
    const next = responses[i++];
    return next ? next() : HttpResponse.json({ ok: true, n: i });
  });
}

describe("createHttpClient", () => {
  it("sends the bearer key, fills path params, serialises the query and returns data", async () => {
    server.use(sequence("get", "/things/a%2Fb", []));
    const { c } = client();
    const res = await c.request<{ ok: boolean }>({ endpoint: read, params: { id: "a/b" }, query: { x: 1, y: undefined, ids: ["p", "q"] } });
    expect(res.status).toBe(200);
    expect(res.data.ok).toBe(true);
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]).toMatchObject({ method: "GET", path: "/things/a%2Fb", query: { x: "1", ids: ["p", "q"] }, authorization: `Bearer ${KEY}` });
    expect(c.stats()).toMatchObject({ requests: 1, retries: 0, byEndpoint: { getThing: 1 } });
  });

  it("waits Retry-After seconds on 429, then succeeds", async () => {
    server.use(
      sequence("get", "/things/1", [
        () => HttpResponse.json({ errors: [{ code: "ADMIN-429-1", title: "Too many" }] }, { status: 429, headers: { "Retry-After": "7" } }),
      ]),
    );
    const { c, sleeps } = client();
    const res = await c.request({ endpoint: read, params: { id: "1" } });
    expect(res.status).toBe(200);
    expect(recorder.requests).toHaveLength(2);
    expect(sleeps).toEqual([7000]);
    expect(c.stats()).toMatchObject({ requests: 2, retries: 1 });
    expect(c.stats().rateLimitWaits).toBeGreaterThanOrEqual(1);
  });

  it("waits until an HTTP-date Retry-After and until X-RateLimit-Reset when no Retry-After", async () => {
    server.use(
      sequence("get", "/things/1", [
        () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "Sun, 01 Nov 2026 00:00:30 GMT" } }),
        () => new HttpResponse(null, { status: 429, headers: { "X-RateLimit-Reset": "2026-11-01T00:01:00Z", "X-RateLimit-Remaining": "0" } }),
      ]),
    );
    const { c, sleeps } = client();
    await c.request({ endpoint: read, params: { id: "1" } });
    expect(sleeps).toEqual([30_000, 30_000]);
    expect(recorder.requests).toHaveLength(3);
  });

  it("retries 5xx with capped exponential backoff and full jitter", async () => {
    server.use(
      sequence("get", "/things/1", [
        () => HttpResponse.json({ errors: [{ code: "ADMIN-500-1" }] }, { status: 500 }),
        () => new HttpResponse("bad gateway", { status: 502 }),
        () => new HttpResponse(null, { status: 503 }),
      ]),
    );
    const { c, sleeps } = client({ baseDelayMs: 1000, maxDelayMs: 3000 });
    const res = await c.request({ endpoint: read, params: { id: "1" } });
    expect(res.status).toBe(200);
    // random() = 0.5: half of 1000, 2000, min(3000, 4000).
    expect(sleeps).toEqual([500, 1000, 1500]);
  });

  it("retries a connection reset (HttpResponse.error) on reads", async () => {
    server.use(sequence("get", "/things/1", [() => HttpResponse.error()]));
    const { c, logs } = client();
    const res = await c.request({ endpoint: read, params: { id: "1" } });
    expect(res.status).toBe(200);
    expect(recorder.requests).toHaveLength(2);
    expect(logs.some((l) => l.startsWith("retrying GET /things/1"))).toBe(true);
  });

  it("gives up after the rate-limit budget (its own, not maxRetries) with a --concurrency hint on 429", async () => {
    server.use(http.get(`${BASE}/things/1`, () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "1" } })));
    const { c } = client({ maxRetries: 2, maxRateLimitRetries: 4 });
    const error = await c.request({ endpoint: read, params: { id: "1" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).attempts).toBe(5);
    expect((error as ApiError).hint).toContain("--concurrency 1");
  });

  it("a 429 does not spend the retry budget of server errors: one 429 then five 503s still succeeds", async () => {
    const unavailable = () => HttpResponse.json({ message: "down" }, { status: 503 });
    server.use(
      sequence("get", "/things/1", [
        () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "2" } }),
        unavailable,
        unavailable,
        unavailable,
        unavailable,
        unavailable,
      ]),
    );
    const { c } = client({ maxRetries: 5 });
    const res = await c.request({ endpoint: read, params: { id: "1" } });
    expect(res.status).toBe(200);
    expect(recorder.requests).toHaveLength(7);
  });

  it("bounds rate-limit waits by the request's total deadline and says which limit was hit", async () => {
    server.use(http.get(`${BASE}/things/1`, () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "100" } })));
    const { c, sleeps } = client({ maxRateLimitRetries: 50, deadlineMs: 250_000 });
    const error = await c.request({ endpoint: read, params: { id: "1" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/total deadline of 4\.2 min/);
    expect(sleeps).toEqual([100_000, 100_000]);
    expect((error as ApiError).attempts).toBe(3);
  });

  it("does not retry a non-idempotent POST on 5xx and throws RetryUnsafeError", async () => {
    server.use(sequence("post", "/things", [() => new HttpResponse(null, { status: 503 })]));
    const { c, sleeps } = client();
    const error = await c.request({ endpoint: createEp, body: { name: "x" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryUnsafeError);
    expect((error as RetryUnsafeError).failure).toBeInstanceOf(ApiError);
    expect((error as RetryUnsafeError).mayHaveSucceeded).toBe(true);
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]?.body).toEqual({ name: "x" });
    expect(sleeps).toEqual([]);
  });

  it("does not retry a non-idempotent POST after a reset", async () => {
    server.use(sequence("post", "/things", [() => HttpResponse.error()]));
    const { c } = client();
    const error = await c.request({ endpoint: createEp, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryUnsafeError);
    expect((error as RetryUnsafeError).failure).toBeInstanceOf(NetworkError);
    expect(recorder.requests).toHaveLength(1);
  });

  it("retries a non-idempotent POST on 429 (refused before any effect) and an idempotent POST on 5xx", async () => {
    server.use(
      sequence("post", "/things", [() => new HttpResponse(null, { status: 429, headers: { "Retry-After": "2" } })]),
      sequence("post", "/things/9/assign", [() => new HttpResponse(null, { status: 500 })]),
    );
    const { c } = client();
    await c.request({ endpoint: createEp, body: {} });
    await c.request({ endpoint: assign, params: { id: "9" }, body: {} });
    expect(recorder.to("/things")).toHaveLength(2);
    expect(recorder.to("/things/9/assign")).toHaveLength(2);
  });

  it("maps the three Atlassian error shapes", async () => {
    server.use(
      http.get(`${BASE}/things/org`, () =>
        HttpResponse.json({ errors: [{ id: "e1", status: "404", code: "ADMIN-404-2", title: "Not Found", detail: "Organization not found" }] }, { status: 404 }),
      ),
      http.get(`${BASE}/things/life`, () => HttpResponse.json([{ code: "USER_NOT_FOUND", message: "No such user" }], { status: 400 })),
      http.get(`${BASE}/things/scim`, () => HttpResponse.json({ schemas: [], status: "409", scimType: "uniqueness", detail: "User exists" }, { status: 409 })),
    );
    const { c } = client();
    const org = (await c.request({ endpoint: read, params: { id: "org" } }).catch((e: unknown) => e)) as ApiError;
    expect(org).toMatchObject({ status: 404, apiCode: "ADMIN-404-2", endpointId: "getThing", code: "API_NOT_FOUND" });
    expect(org.message).toBe("GET /things/org failed: 404 ADMIN-404-2 Not Found: Organization not found");
    const life = (await c.request({ endpoint: read, params: { id: "life" } }).catch((e: unknown) => e)) as ApiError;
    expect(life).toMatchObject({ status: 400, apiCode: "USER_NOT_FOUND" });
    expect(life.message).toContain("No such user");
    const scim = (await c.request({ endpoint: read, params: { id: "scim" } }).catch((e: unknown) => e)) as ApiError;
    expect(scim).toMatchObject({ status: 409, apiCode: "uniqueness" });
    expect(scim.message).toContain("User exists");
  });

  it("uses the injected hint function", async () => {
    server.use(http.get(`${BASE}/things/1`, () => new HttpResponse(null, { status: 401 })));
    const { c } = client({ hintFor: (i) => (i.status === 401 ? `key wrong for ${i.endpoint.id}` : undefined) });
    const error = (await c.request({ endpoint: read, params: { id: "1" } }).catch((e: unknown) => e)) as ApiError;
    expect(error.hint).toBe("key wrong for getThing");
    expect(error.retryable).toBe(false);
  });

  it("never lets the key or Basic credentials reach errors, stacks or verbose logs", async () => {
    server.use(
      http.get(`${BASE}/things/echo`, ({ request }) =>
        HttpResponse.json({ errors: [{ code: "X", detail: `bad header ${request.headers.get("authorization")} key ${KEY}` }] }, { status: 400 }),
      ),
      http.get(`${BASE}/things/reset`, () => HttpResponse.error()),
    );
    const { c, logs } = client({ maxRetries: 1 });
    const errors: unknown[] = [];
    errors.push(await c.request({ endpoint: read, params: { id: "echo" }, query: { q: "x" } }).catch((e: unknown) => e));
    errors.push(await c.request({ endpoint: read, params: { id: "reset" } }).catch((e: unknown) => e));
    errors.push(
      await c
        .request({ endpoint: read, params: { id: "echo" }, auth: { type: "basic", username: "sa@serviceaccount.atlassian.com", password: "tok-basic-secret-987654" } })
        .catch((e: unknown) => e),
    );
    const basic = Buffer.from("sa@serviceaccount.atlassian.com:tok-basic-secret-987654").toString("base64");
    for (const e of errors) {
      expect(e).toBeInstanceOf(Error);
      const text = `${(e as Error).message}\n${(e as Error).stack}\n${JSON.stringify(e)}\n${String((e as Error).cause)}`;
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("tok-basic-secret-987654");
      expect(text).not.toContain(basic);
      expect(text).not.toMatch(/headers|config/i);
    }
    expect((errors[0] as Error).message).toContain("[REDACTED]");
    expect((errors[0] as Error).message).not.toContain("q=x");
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).not.toContain(KEY);
  });

  it("paces itself when X-RateLimit-Remaining reaches 0 until X-RateLimit-Reset", async () => {
    server.use(
      sequence("get", "/things/1", [
        () => HttpResponse.json({}, { headers: { "X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "1", "X-RateLimit-Reset": "2026-11-01T00:00:20Z" } }),
        () => HttpResponse.json({}, { headers: { "X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2026-11-01T00:00:20Z" } }),
      ]),
    );
    const { c, sleeps } = client();
    await c.request({ endpoint: read, params: { id: "1" } });
    await c.request({ endpoint: read, params: { id: "1" } });
    expect(sleeps).toEqual([]);
    await c.request({ endpoint: read, params: { id: "1" } });
    expect(sleeps).toEqual([20_000]);
    expect(c.stats().rateLimitWaits).toBe(1);
    expect(c.stats().rateLimit).toMatchObject({ limit: 10 });
  });

  it("does not wait out a rate-limit window that ends after the request's total deadline", async () => {
    server.use(
      sequence("get", "/things/1", [
        () => HttpResponse.json({}, { headers: { "X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2026-11-01T00:05:00Z" } }),
      ]),
    );
    const { c, sleeps } = client({ deadlineMs: 60_000 });
    await c.request({ endpoint: read, params: { id: "1" } });
    const error = await c.request({ endpoint: read, params: { id: "1" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/was not sent: waiting 5\.0 min for the rate limit would pass the total deadline of 60\.0 s/);
    expect(sleeps).toEqual([]);
    expect(recorder.requests).toHaveLength(1);
  });

  it("caps requests in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    server.use(
      http.get(`${BASE}/things/:id`, async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 10));
        inFlight--;
        return HttpResponse.json({});
      }),
    );
    const { c } = client({ maxConcurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => c.request({ endpoint: read, params: { id: String(i) } })));
    expect(peak).toBe(2);
  });

  it("refuses a next link to another origin", async () => {
    const { c } = client();
    await expect(c.request({ endpoint: read, url: "https://evil.example/things/1" })).rejects.toMatchObject({ code: "UNSAFE_URL" });
  });
});

describe("assertAllowedBaseUrl", () => {
  it.each(["https://api.atlassian.com", "https://api.atlassian.com/", "http://127.0.0.1:8080", "http://localhost:3000", "http://[::1]:9000"])(
    "allows %s",
    (url) => {
      expect(assertAllowedBaseUrl(url)).not.toMatch(/\/$/);
    },
  );
  it.each(["http://api.atlassian.com", "http://10.0.0.1:8080", "ftp://127.0.0.1", "not a url", "https://user:pw@api.atlassian.com"])("refuses %s", (url) => {
    expect(() => assertAllowedBaseUrl(url)).toThrow(ConfigError);
  });
  it("is enforced by createHttpClient", () => {
    expect(() => createHttpClient({ baseUrl: "http://example.com", auth: { type: "none" } })).toThrow(/https/);
  });
});
