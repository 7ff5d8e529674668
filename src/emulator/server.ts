import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Snapshot } from "../core/snapshot/schema.js";
import { resolvePageSize, type PageSize } from "./pagination.js";
import { seededRandom } from "./random.js";
import {
  DEFAULT_PAGE_SIZES,
  PAGE_SIZE_PARAMS,
  routeDefinitions,
  type ErrorStyle,
  type RouteDefinition,
  type RouteId,
  type RouteReply,
  type RouteRequest,
} from "./routes.js";
import { EmulatorError, EmulatorState } from "./state.js";
import { shiftFor, shiftTimestamps, type AsOf } from "./time.js";

/** Fault injection. Every rate is a probability in [0, 1]; decisions come from `seed`. */
export interface FaultOptions {
  /** Share of API requests answered 503 before they are applied. */
  rate5xx?: number;
  /** Share of API requests whose connection is reset before they are applied. */
  rateReset?: number;
  /**
   * Share of admin API requests answered 429 before they are applied, as when another client of
   * the same API key has just spent the window (the answer carries Retry-After of one second).
   */
  rate429?: number;
  /** Added latency per API request, uniformly in [min, max] milliseconds. */
  latencyMs?: readonly [number, number];
  /**
   * Share of successful writes that ARE applied and then lose their connection before the
   * answer, so a client cannot tell whether its write happened. Off unless set.
   */
  resetAfterWrite?: number;
  /** PRNG seed for the decisions above (default 1). */
  seed?: number;
}

export interface EmulatorOptions {
  snapshot: Snapshot;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The org API key clients must send as `Authorization: Bearer`; random when absent. */
  apiKey?: string;
  /**
   * Admin requests allowed per API key per window (default 1000). The name predates
   * `rateLimitWindowMs`: with a shorter window this is the budget of that window.
   */
  rateLimitPerMinute?: number;
  /** Length of the rate-limit window in milliseconds (default 60 000, one minute). */
  rateLimitWindowMs?: number;
  faults?: FaultOptions;
  /** Overrides of the default/maximum page size per route (tests use small pages). */
  pageSizes?: Partial<Record<RouteId, Partial<PageSize>>>;
  /** Seed for generated ids and service-account emails (default 1). */
  seed?: number;
  /** The emulator's clock (createdAt stamps, token expiry, snapshot takenAt, the start time). */
  now?: () => Date;
  /**
   * The moment the snapshot is served as of: "start" (default) moves every timestamp by
   * (start − takenAt) so the org looks as it did when the snapshot was taken, seen from now;
   * "taken" keeps the snapshot's times; a Date serves it as of that moment.
   */
  asOf?: AsOf;
  /**
   * Whether directory writes (group membership, role grants, suspend/restore) accept a service
   * account: "refuse" (default, 404 USER_NOT_FOUND as reported for Atlassian) or "accept".
   */
  serviceAccountWrites?: "refuse" | "accept";
  /** How long a new service account is not found by the console's invite route (default 0). */
  inviteDelayMs?: number;
  /** Status when the service-account quota is full: 409 ADMIN-409-3 (default) or 402. */
  quotaFullStatus?: 402 | 409;
}

/** Requests served, keyed by `METHOD /path/{template}` and by status ("reset" for dropped connections). */
export interface RequestStats {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`, the value for BOT2SVC_ATLASSIAN_BASE_URL. */
  url: string;
  port: number;
  orgId: string;
  apiKey: string;
  /** The live org; tests may read it directly. */
  state: EmulatorState;
  /** Milliseconds every snapshot timestamp was moved by (0 with asOf "taken"). */
  shiftMs: number;
  /** Stops listening and drops open connections; resolves once the port is free. */
  close(): Promise<void>;
  /** A copy of the request counters. */
  requests(): RequestStats;
  /** Zeroes the request counters. */
  resetCounters(): void;
}

const DEFAULT_WINDOW_MS = 60_000;
const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

interface CompiledRoute extends RouteDefinition {
  regex: RegExp;
  names: string[];
  key: string;
}

interface Bucket {
  windowStart: number;
  count: number;
}

/**
 * Starts the emulated Atlassian admin API on node:http. It serves the routes of its own table
 * (routes.ts) plus `/__emulator/state`, `/__emulator/requests` and `/__emulator/reset-counters`.
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const apiKey = options.apiKey ?? `emu_${randomBytes(24).toString("base64url")}`;
  const limit = options.rateLimitPerMinute ?? 1000;
  const windowMs = options.rateLimitWindowMs ?? DEFAULT_WINDOW_MS;
  validateOptions(options, limit, windowMs);
  const clock = options.now ?? (() => new Date());
  const shiftMs = shiftFor(options.snapshot, options.asOf ?? "start", clock());
  const state = new EmulatorState(shiftTimestamps(options.snapshot, shiftMs), {
    now: clock,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.quotaFullStatus ? { quotaFullStatus: options.quotaFullStatus } : {}),
    ...(options.serviceAccountWrites ? { serviceAccountWrites: options.serviceAccountWrites } : {}),
    ...(options.inviteDelayMs !== undefined ? { inviteDelayMs: options.inviteDelayMs } : {}),
  });
  const faults = options.faults ?? {};
  const faultRandom = seededRandom(faults.seed ?? 1);
  const routes = compileRoutes(routeDefinitions());
  const pageSizes = mergePageSizes(options.pageSizes);
  const buckets = new Map<string, Bucket>();
  let stats = emptyStats();

  const record = (key: string, status: number | "reset"): void => {
    stats.total++;
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    const s = String(status);
    stats.byStatus[s] = (stats.byStatus[s] ?? 0) + 1;
  };

  const rate = (bucketKey: string, consume: boolean): { allowed: boolean; headers: Record<string, string> } => {
    const now = Date.now();
    let bucket = buckets.get(bucketKey);
    // The window opens at a key's first request and lasts `windowMs`, so a test never straddles
    // a wall-clock boundary by accident.
    if (!bucket || now >= bucket.windowStart + windowMs) {
      bucket = { windowStart: now, count: 0 };
      buckets.set(bucketKey, bucket);
    }
    const allowed = !consume || bucket.count < limit;
    if (consume && allowed) bucket.count++;
    const resetAt = bucket.windowStart + windowMs;
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - bucket.count)),
      "x-ratelimit-reset": new Date(resetAt).toISOString(),
    };
    if (!allowed) headers["retry-after"] = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
    return { allowed, headers };
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the emulator itself: answer 500 rather than hang the client.
      if (!res.headersSent) send(res, 500, errorBody("admin", 500, "ADMIN-500-1", "Internal Server Error", String(error)), {});
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();
    if (url.pathname.startsWith("/__emulator/")) return control(req, res, method, url.pathname);

    const rawBody = await readBody(req);
    const match = matchRoute(routes, method, url.pathname);
    if (!match.route) {
      const status = match.methodMismatch ? 405 : 404;
      record(`${method} (unmatched)`, status);
      const detail = match.methodMismatch ? `${method} is not allowed on ${url.pathname}.` : "Request failed to match any route.";
      const headers = rate(bearerOf(req) ?? "", false).headers;
      send(res, status, errorBody("admin", status, `ADMIN-${status}-1`, status === 405 ? "Method Not Allowed" : "Not Found", detail), headers);
      return;
    }
    const route = match.route;
    const admin = route.auth === "bearer-api-key";
    const bucketKey = bearerOf(req) ?? "";
    const fail = (error: EmulatorError, extra: Record<string, string> = {}): void => {
      record(route.key, error.status);
      const headers = admin ? { ...rate(bucketKey, false).headers, ...extra } : extra;
      send(res, error.status, errorBody(route.errorStyle, error.status, error.code, error.title, error.message), headers);
    };

    // Every fault is decided before the request touches the state, with the same number of draws
    // per request, so a seed replays the same faults for the same request sequence.
    const draw = { reset: faultRandom(), fail5xx: faultRandom(), latency: faultRandom(), afterWrite: faultRandom() };
    if (faults.latencyMs) {
      const [min, max] = faults.latencyMs;
      await sleep(min + Math.floor(draw.latency * (max - min + 1)));
    }
    if (draw.reset < (faults.rateReset ?? 0)) {
      record(route.key, "reset");
      req.socket.destroy();
      return;
    }
    if (draw.fail5xx < (faults.rate5xx ?? 0)) {
      fail(new EmulatorError(503, "ADMIN-503-1", "Service Unavailable", "The service is temporarily unavailable. Try again later."));
      return;
    }
    // Decided from the same draw as the 5xx fault (the band just above it), so adding this fault
    // does not change which requests a seed fails for the other faults.
    if (admin && draw.fail5xx >= (faults.rate5xx ?? 0) && draw.fail5xx < (faults.rate5xx ?? 0) + (faults.rate429 ?? 0)) {
      record(route.key, 429);
      send(res, 429, errorBody(route.errorStyle, 429, "ADMIN-429-1", "Too Many Requests", "Rate limit exceeded."), { ...rate(bucketKey, false).headers, "retry-after": "1" });
      return;
    }

    let identity: RouteRequest["identity"];
    if (admin) {
      const presented = bearerOf(req);
      if (presented === undefined || !sameSecret(presented, apiKey)) {
        fail(new EmulatorError(401, "ADMIN-401-1", "Unauthorized", "The API key is missing or invalid."));
        return;
      }
      const limited = rate(bucketKey, true);
      if (!limited.allowed) {
        record(route.key, 429);
        send(res, 429, errorBody(route.errorStyle, 429, "ADMIN-429-1", "Too Many Requests", "Rate limit exceeded."), limited.headers);
        return;
      }
    } else {
      const basic = basicOf(req);
      identity = basic ? state.authenticate(basic.email, basic.token) : undefined;
      if (!identity) {
        fail(new EmulatorError(401, "UNAUTHORIZED", "Unauthorized", "Client must be authenticated to access this resource."));
        return;
      }
    }

    let reply: RouteReply;
    try {
      checkScope(state, route, match.params);
      checkPageSizeParam(route, url.searchParams);
      const body = parseBody(rawBody);
      const request: RouteRequest = {
        params: match.params,
        query: url.searchParams,
        body,
        baseUrl: `http://${req.headers.host ?? `${host}:${port}`}`,
        pathWithQuery: `${url.pathname}${url.search}`,
        headers: req.headers,
        ...(identity ? { identity } : {}),
        pageSize: (id, requested, name) => resolvePageSize(requested, pageSizes[id] ?? { default: 50, max: 100 }, name),
      };
      reply = route.handle(state, request);
    } catch (error) {
      if (error instanceof EmulatorError) {
        fail(error);
        return;
      }
      throw error;
    }
    if (method !== "GET" && reply.status < 300 && draw.afterWrite < (faults.resetAfterWrite ?? 0)) {
      // The write is applied; only the answer is lost.
      record(route.key, "reset");
      req.socket.destroy();
      return;
    }
    record(route.key, reply.status);
    send(res, reply.status, reply.body, admin ? rate(bucketKey, false).headers : {});
  }

  function control(req: IncomingMessage, res: ServerResponse, method: string, path: string): void {
    // The control routes need no key, so they answer only on the loopback interface.
    if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) {
      send(res, 403, errorBody("admin", 403, "ADMIN-403-1", "Forbidden", "Emulator control routes answer loopback clients only."), {});
      return;
    }
    req.resume();
    if (method === "GET" && path === "/__emulator/state") return send(res, 200, state.toSnapshot(), {});
    if (method === "GET" && path === "/__emulator/requests") return send(res, 200, structuredClone(stats), {});
    if (method === "POST" && path === "/__emulator/reset-counters") {
      stats = emptyStats();
      return send(res, 204, undefined, {});
    }
    send(res, 404, errorBody("admin", 404, "ADMIN-404-1", "Not Found", "Request failed to match any route."), {});
  }

  const port = await new Promise<number>((resolvePort, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    orgId: state.orgId,
    apiKey,
    state,
    shiftMs,
    close: () => {
      closing ??= new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      return closing;
    },
    requests: () => structuredClone(stats),
    resetCounters: () => {
      stats = emptyStats();
    },
  };
}

// ---- helpers -------------------------------------------------------------------------------------

function validateOptions(options: EmulatorOptions, limit: number, windowMs: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("rateLimitPerMinute must be a positive integer");
  if (!Number.isInteger(windowMs) || windowMs < 1) throw new RangeError("rateLimitWindowMs must be a positive whole number of milliseconds");
  const f = options.faults ?? {};
  for (const [name, value] of [["rate5xx", f.rate5xx], ["rateReset", f.rateReset], ["rate429", f.rate429], ["resetAfterWrite", f.resetAfterWrite]] as const) {
    if (value !== undefined && !(value >= 0 && value <= 1)) throw new RangeError(`faults.${name} must be between 0 and 1`);
  }
  if ((f.rate5xx ?? 0) + (f.rate429 ?? 0) > 1) throw new RangeError("faults.rate5xx and faults.rate429 together must not exceed 1");
  if (f.latencyMs) {
    const [min, max] = f.latencyMs;
    if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 0 && max >= min)) {
      throw new RangeError("faults.latencyMs must be [min, max] whole milliseconds with 0 <= min <= max");
    }
  }
}

function mergePageSizes(overrides: EmulatorOptions["pageSizes"]): Partial<Record<RouteId, PageSize>> {
  const merged: Partial<Record<RouteId, PageSize>> = { ...DEFAULT_PAGE_SIZES };
  for (const [id, size] of Object.entries(overrides ?? {}) as [RouteId, Partial<PageSize> | undefined][]) {
    const base = merged[id] ?? { default: 50, max: 100 };
    const max = size?.max ?? Math.max(base.max, size?.default ?? 0);
    merged[id] = { default: Math.min(size?.default ?? base.default, max), max };
  }
  return merged;
}

function compileRoutes(definitions: RouteDefinition[]): CompiledRoute[] {
  const compiled = definitions.map((route) => {
    const names: string[] = [];
    const pattern = route.path
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (name) {
          names.push(name);
          return "([^/]+)";
        }
        return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      })
      .join("");
    return { ...route, regex: new RegExp(`^${pattern}$`), names, key: `${route.method} ${route.path}` };
  });
  // Literal segments win over parameters: `/service-accounts/api-tokens` is not a delete of an
  // account named "api-tokens".
  return compiled.sort((a, b) => a.names.length - b.names.length);
}

function matchRoute(
  routes: CompiledRoute[],
  method: string,
  path: string,
): { route?: CompiledRoute; params: Record<string, string>; methodMismatch: boolean } {
  let methodMismatch = false;
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (!m) continue;
    if (route.method !== method) {
      methodMismatch = true;
      continue;
    }
    const params: Record<string, string> = {};
    let ok = true;
    route.names.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(m[i + 1] ?? "");
      } catch {
        ok = false;
      }
    });
    if (ok) return { route, params, methodMismatch: false };
  }
  return { params: {}, methodMismatch };
}

// Path scope: the orgId must be this org's; the directory the org's own, or "-" on the routes
// that accept all directories (search and get); the cloudId one of its sites.
function checkScope(state: EmulatorState, route: RouteDefinition, params: Record<string, string>): void {
  if (params.orgId !== undefined && params.orgId !== state.orgId) {
    throw new EmulatorError(404, "ADMIN-404-2", "Not Found", `Organization ${params.orgId} was not found.`);
  }
  const directoryId = params.directoryId;
  if (directoryId === "-" && route.allDirectories === false) {
    throw new EmulatorError(
      404,
      "ADMIN-404-1",
      "Not Found",
      `Directory - was not found: "-" (all directories) is accepted by search and get only; name a directory from GET /admin/v2/orgs/{orgId}/directories.`,
    );
  }
  if (directoryId !== undefined && directoryId !== "-" && directoryId !== state.directoryId) {
    throw new EmulatorError(404, "ADMIN-404-1", "Not Found", `Directory ${directoryId} was not found.`);
  }
  if (params.cloudId !== undefined && !state.sites.some((s) => s.cloudId === params.cloudId)) {
    throw new EmulatorError(404, "NOT_FOUND", "Not Found", `Site ${params.cloudId} was not found.`);
  }
}

// A page size under a name the route does not document is refused rather than ignored, so a
// client that sends the wrong name finds out here and not on a live org.
function checkPageSizeParam(route: RouteDefinition, query: URLSearchParams): void {
  for (const name of PAGE_SIZE_PARAMS) {
    if (!query.has(name) || name === route.pageSizeParam) continue;
    const expected = route.pageSizeParam ? `this route pages with ${route.pageSizeParam}` : "this route documents no page size";
    throw new EmulatorError(400, "ADMIN-400-24", "Bad Request", `Unknown query parameter ${name}: ${expected}.`);
  }
}

function parseBody(raw: { text: string; tooLarge: boolean }): unknown {
  if (raw.tooLarge) throw new EmulatorError(400, "ADMIN-400-24", "Bad Request", "The request body is too large.");
  if (raw.text.trim() === "") return undefined;
  try {
    return JSON.parse(raw.text) as unknown;
  } catch {
    throw new EmulatorError(400, "ADMIN-400-24", "Bad Request", "The request body is not valid JSON.");
  }
}

async function readBody(req: IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    // Bodies this large are never valid here: keep draining the stream so that an answer can
    // still be sent, but stop buffering.
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return { text: Buffer.concat(chunks).toString("utf8"), tooLarge: size > MAX_BODY_BYTES };
}

function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const m = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

function basicOf(req: IncomingMessage): { email: string; token: string } | undefined {
  const header = req.headers.authorization;
  const m = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  return { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The error body: `{errors:[{id,status,code,title,detail}]}`, or `[{code,message}]` for lifecycle routes. */
function errorBody(style: ErrorStyle, status: number, code: string, title: string, detail: string): unknown {
  if (style === "lifecycle") return [{ code, message: detail }];
  if (style === "gateway") return { code: status, message: detail };
  return { errors: [{ id: randomUUID(), status: String(status), code, title, detail }] };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}

function emptyStats(): RequestStats {
  return { total: 0, byRoute: {}, byStatus: {} };
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((r) => setTimeout(r, ms));
}
