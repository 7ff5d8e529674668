import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError } from "./errors.js";
import { createHttpClient, type HttpEndpoint } from "./http-client.js";

// Real sockets (no msw): proxies, slow servers and big bodies.
const read: HttpEndpoint = { id: "getThing", method: "GET", path: "/thing", idempotent: true };
const KEY = "secret-token-abcdef-0123";
const servers: Array<Server | NetServer> = [];

afterEach(async () => {
  vi.unstubAllEnvs();
  for (const s of servers.splice(0)) {
    if ("closeAllConnections" in s) s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw TCP "proxy" that records what it is sent and answers nothing useful. */
async function recordingProxy(): Promise<{ url: string; received: string[] }> {
  const received: string[] = [];
  const server = createNetServer((socket) => {
    socket.on("data", (d) => {
      received.push(d.toString("latin1"));
      socket.end("HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n");
    });
    socket.on("error", () => {});
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const fast = { auth: { type: "bearer" as const, token: KEY }, sleep: async () => {}, maxRetries: 1 };

describe("proxies", () => {
  it("never sends loopback traffic (emulator, plain http) through HTTP_PROXY", async () => {
    const proxy = await recordingProxy();
    vi.stubEnv("HTTP_PROXY", proxy.url);
    vi.stubEnv("http_proxy", proxy.url);
    vi.stubEnv("NO_PROXY", "");
    vi.stubEnv("no_proxy", "");
    const baseUrl = await listen((_req, res) => res.end(JSON.stringify({ ok: true })));
    const res = await createHttpClient({ baseUrl, ...fast }).request<{ ok: boolean }>({ endpoint: read });
    expect(res.data.ok).toBe(true);
    expect(proxy.received.join("")).toBe("");
  });

  it("tunnels https through a plain-http proxy (CONNECT): the proxy never sees the API key or the path", async () => {
    const proxy = await recordingProxy();
    vi.stubEnv("HTTPS_PROXY", proxy.url);
    vi.stubEnv("https_proxy", proxy.url);
    vi.stubEnv("NO_PROXY", "");
    vi.stubEnv("no_proxy", "");
    const client = createHttpClient({ baseUrl: "https://api.proxied.example", ...fast, maxRetries: 0 });
    await client.request({ endpoint: read }).catch(() => undefined);
    const seen = proxy.received.join("");
    expect(seen).toMatch(/^CONNECT api\.proxied\.example:443 /);
    expect(seen).not.toContain(KEY);
    expect(seen).not.toContain("/thing");
  });
});

describe("deadlines", () => {
  it("stops a server that trickles a byte at a time at the per-request deadline, and says so", async () => {
    const baseUrl = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      const timer = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(timer));
    });
    const client = createHttpClient({ baseUrl, ...fast, maxRetries: 0, timeoutMs: 1_000, attemptDeadlineMs: 300 });
    const started = Date.now();
    const error = await client.request({ endpoint: read }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/did not finish within 300 ms \(per-request deadline\)/);
  });

  it("names the idle timeout when the server goes silent", async () => {
    const baseUrl = await listen(() => {});
    const client = createHttpClient({ baseUrl, ...fast, maxRetries: 0, timeoutMs: 150, attemptDeadlineMs: 5_000 });
    const error = await client.request({ endpoint: read }).catch((e: unknown) => e);
    expect((error as NetworkError).message).toMatch(/idle timeout/);
  });
});

describe("response size", () => {
  it("refuses a response larger than the cap once, without retrying", async () => {
    let requests = 0;
    const baseUrl = await listen((_req, res) => {
      requests += 1;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`["${"x".repeat(200_000)}"]`);
    });
    const client = createHttpClient({ baseUrl, ...fast, maxRetries: 3, maxResponseBytes: 100_000 });
    const error = await client.request({ endpoint: read }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/larger than 97.7 KiB/);
    expect((error as NetworkError).retryable).toBe(false);
    expect(requests).toBe(1);
  });
});

describe("server error bodies", () => {
  it("defuses escape sequences and bidi overrides a server puts in an error body", async () => {
    const baseUrl = await listen((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ code: "X\u001b]0;t\u0007", title: "bad\u001b[2J\u202eevil", detail: "more\u009b" }] }));
    });
    const error = await createHttpClient({ baseUrl, ...fast }).request({ endpoint: read }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toContain("bad");
    expect((error as ApiError).message).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
  });
});
