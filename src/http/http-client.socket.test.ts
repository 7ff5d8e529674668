import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { NetworkError, RetryUnsafeError } from "./errors.js";
import { createHttpClient, type HttpEndpoint } from "./http-client.js";

// Real sockets (no msw): the error codes Node gives for resets, timeouts and refusals.
const read: HttpEndpoint = { id: "getThing", method: "GET", path: "/thing", idempotent: true };
const create: HttpEndpoint = { id: "createThing", method: "POST", path: "/thing", idempotent: false };
let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(handler: (n: number, req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void): Promise<string> {
  let n = 0;
  server = createServer((req, res) => handler(++n, req, res));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const fast = { auth: { type: "bearer" as const, token: "secret-token-abcdef" }, sleep: async () => {}, maxRetries: 2 };

describe("createHttpClient on real sockets", () => {
  it("retries a read after the server resets the connection", async () => {
    const baseUrl = await listen((n, _req, res) => {
      if (n === 1) res.socket?.destroy();
      else res.end(JSON.stringify({ ok: true }));
    });
    const client = createHttpClient({ baseUrl, ...fast });
    const res = await client.request<{ ok: boolean }>({ endpoint: read });
    expect(res.data.ok).toBe(true);
    expect(client.stats().retries).toBe(1);
  });

  it("times out, retries, and reports ETIMEDOUT naming the host", async () => {
    const baseUrl = await listen(() => {});
    const client = createHttpClient({ baseUrl, ...fast, timeoutMs: 50, maxRetries: 1 });
    const error = (await client.request({ endpoint: read }).catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.errorCode).toBe("ETIMEDOUT");
    expect(error.attempts).toBe(2);
    expect(error.message).toContain("127.0.0.1");
  });

  it("does not retry a non-idempotent POST after a reset", async () => {
    const baseUrl = await listen((_n, _req, res) => res.socket?.destroy());
    const client = createHttpClient({ baseUrl, ...fast });
    await expect(client.request({ endpoint: create, body: {} })).rejects.toBeInstanceOf(RetryUnsafeError);
    expect(client.stats().requests).toBe(1);
  });

  it("fails at once when nothing listens (connection refused before any answer)", async () => {
    const baseUrl = await listen(() => {});
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const client = createHttpClient({ baseUrl, ...fast });
    const error = (await client.request({ endpoint: read }).catch((e: unknown) => e)) as NetworkError;
    expect(error.errorCode).toBe("ECONNREFUSED");
    expect(error.attempts).toBe(1);
    expect(error.hint).toMatch(/127\.0\.0\.1/);
  });
});
