import axios, { AxiosError, type AxiosResponse } from "axios";
import { Bot2svcError } from "../core/errors.js";
import { MIN_SECRET_LENGTH, Redactor } from "../core/text/redact.js";
import { assertAllowedBaseUrl } from "./base-url.js";
import { ApiError, CancelledError, NetworkError, RetryUnsafeError, parseErrorBody } from "./errors.js";
import { RateLimiter, Semaphore, parseRetryAfter, readRateLimitHeaders, type RateLimitInfo } from "./rate-limit.js";

/**
 * The part of an endpoint description the HTTP layer needs. Structurally a subset of the
 * Atlassian catalogue's `Endpoint`, so this module does not depend on any provider.
 */
export interface HttpEndpoint {
  id: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path template; `{name}` segments are filled from `params`. */
  path: string;
  /** True when repeating the request cannot create a duplicate. */
  idempotent: boolean;
}

export type HttpAuth =
  | { type: "bearer"; token: string }
  | { type: "basic"; username: string; password: string }
  | { type: "none" };

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export interface HttpRequest {
  endpoint: HttpEndpoint;
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Overrides the client's auth for this request (e.g. Basic email:token for the gateway). */
  auth?: HttpAuth;
  /** An absolute next-page link to fetch instead of the endpoint path; must be on the base URL's origin. */
  url?: string;
  signal?: AbortSignal;
}

export interface HttpResponse<T> {
  status: number;
  data: T;
  /** Response headers with lower-cased names. */
  headers: Record<string, string>;
}

export interface HttpStats {
  /** Requests sent, retries included. */
  requests: number;
  retries: number;
  /** Requests sent per endpoint id, retries included. */
  byEndpoint: Record<string, number>;
  /** Times a request waited for the rate limit (client-side pacing or a 429). */
  rateLimitWaits: number;
  /** The last `X-RateLimit-*` values seen. */
  rateLimit: RateLimitInfo;
}

/** What a hint function gets to explain a failure. */
export interface HintInput {
  kind: "http" | "network";
  status?: number;
  apiCode?: string | undefined;
  endpoint: HttpEndpoint;
  authType: HttpAuth["type"];
  host: string;
  errorCode?: string;
}

export interface HttpClientOptions {
  /** `https://...`, or `http://` on a loopback address only. */
  baseUrl: string;
  auth: HttpAuth;
  /** Per attempt. Default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 5. */
  maxRetries?: number;
  /** Requests in flight at once. Default 4. */
  maxConcurrency?: number;
  /** First backoff step. Default 500 ms. */
  baseDelayMs?: number;
  /** Backoff cap. Default 30 000 ms. */
  maxDelayMs?: number;
  /** Longest single rate-limit wait; a longer `Retry-After` fails the request. Default 300 000 ms. */
  maxRateLimitWaitMs?: number;
  /** Extra scrubbing applied to every message this client produces (e.g. the CLI's Redactor). */
  redact?: (text: string) => string;
  /** Secrets to scrub besides the client's own credentials. */
  secrets?: Iterable<string>;
  /** Told about each credential the client sends (so an outer redactor can scrub it too). */
  onSecret?: (secret: string) => void;
  /** Debug log sink: one line per request (method, path, status, duration, attempt); no headers, no bodies. */
  log?: (line: string) => void;
  /** Turns a failure into advice for the user; falls back to generic hints. */
  hintFor?: (input: HintInput) => string | undefined;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** In [0, 1); drives backoff jitter. */
  random?: () => number;
  /** Epoch ms. */
  now?: () => number;
  userAgent?: string;
}

export interface HttpClient {
  readonly baseUrl: string;
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>;
  stats(): HttpStats;
  /** Scrubs every secret this client knows from a text. */
  redact(text: string): string;
}

// Codes after which the request surely never reached the server.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);
// Codes that repeating cannot fix.
const PERMANENT_CODES = new Set(["ENOTFOUND", "ERR_INVALID_URL", "ERR_BAD_OPTION", "ERR_BAD_OPTION_VALUE", "ERR_FR_TOO_MANY_REDIRECTS"]);

/** The default sleep: a timer that an abort signal cuts short. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Creates the one HTTP client every provider uses: auth, timeouts, retries with capped
 * exponential backoff and full jitter (429, 5xx, resets, timeouts; writes only when
 * idempotent), `Retry-After`/`X-RateLimit-*` pacing, a concurrency cap, typed errors with
 * hints, and scrubbing of every credential from messages and logs.
 *
 * @throws ConfigError when the base URL is not https (or http on loopback).
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = assertAllowedBaseUrl(options.baseUrl);
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 300_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const log = options.log;
  const semaphore = new Semaphore(Math.max(1, options.maxConcurrency ?? 4));
  const limiter = new RateLimiter(now, maxRateLimitWaitMs);
  const secrets = new Redactor(MIN_SECRET_LENGTH);
  const stats = { requests: 0, retries: 0, byEndpoint: {} as Record<string, number>, rateLimitWaits: 0 };
  // A refused connection is retried only once the server has answered before: at start-up it
  // means "nothing listens there" (wrong URL, emulator not started) and waiting will not help.
  let connectedOnce = false;

  const addSecret = (secret: string | undefined): void => {
    if (secret !== undefined && secrets.add(secret)) options.onSecret?.(secret);
  };
  for (const s of options.secrets ?? []) addSecret(s);
  const registerAuth = (auth: HttpAuth): void => {
    if (auth.type === "bearer") addSecret(auth.token);
    if (auth.type === "basic") {
      addSecret(auth.password);
      addSecret(`${auth.username}:${auth.password}`);
      addSecret(Buffer.from(`${auth.username}:${auth.password}`).toString("base64"));
    }
  };
  registerAuth(options.auth);

  const redact = (text: string): string => {
    const out = secrets.redact(text);
    return options.redact ? options.redact(out) : out;
  };
  const debug = (line: string): void => {
    if (log) log(redact(line));
  };

  const http = axios.create({
    timeout: timeoutMs,
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: "json",
    transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: true },
  });

  function authHeader(auth: HttpAuth): string | undefined {
    if (auth.type === "bearer") return `Bearer ${auth.token}`;
    if (auth.type === "basic") return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
    return undefined;
  }

  function buildUrl(req: HttpRequest): URL {
    if (req.url !== undefined) {
      let next: URL;
      try {
        next = new URL(req.url, base);
      } catch {
        throw new Bot2svcError("UNSAFE_URL", `The server sent an invalid next-page link for ${req.endpoint.id}`);
      }
      // Credentials go to the configured origin only, whatever a response says.
      if (next.origin !== base.origin) {
        throw new Bot2svcError("UNSAFE_URL", `Refusing to follow a next-page link to another host (${next.host}) for ${req.endpoint.id}`, {
          hint: "The API key is only ever sent to the configured base URL.",
        });
      }
      return next;
    }
    const path = req.endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = req.params?.[name];
      if (value === undefined) throw new Bot2svcError("INTERNAL", `missing path parameter ${name} for ${req.endpoint.id}`);
      return encodeURIComponent(value);
    });
    const url = new URL(base.origin + basePath + path);
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  function hint(input: HintInput): string | undefined {
    return options.hintFor?.(input) ?? defaultHint(input);
  }

  async function request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const endpoint = req.endpoint;
    const auth = req.auth ?? options.auth;
    registerAuth(auth);
    const url = buildUrl(req);
    const method = endpoint.method;
    const site = { endpointId: endpoint.id, method, path: url.pathname };
    const retrySafe = method === "GET" || endpoint.idempotent;
    const headers: Record<string, string> = { Accept: "application/json" };
    const authorization = authHeader(auth);
    if (authorization !== undefined) headers.Authorization = authorization;
    if (options.userAgent !== undefined) headers["User-Agent"] = options.userAgent;

    for (let attempt = 0; ; attempt++) {
      if (req.signal?.aborted) throw new CancelledError();
      let response: AxiosResponse | undefined;
      let failure: AxiosError | Error | undefined;
      let ticket: number | undefined;
      const started = now();
      await semaphore.acquire();
      try {
        for (;;) {
          const wait = limiter.reserve();
          if (wait <= 0) break;
          stats.rateLimitWaits += 1;
          debug(`waiting ${formatMs(wait)} for the rate limit before ${method} ${site.path}`);
          const waitStart = now();
          await sleep(wait, req.signal);
          limiter.afterWait(waitStart, wait);
        }
        ticket = limiter.ticket();
        stats.requests += 1;
        stats.byEndpoint[endpoint.id] = (stats.byEndpoint[endpoint.id] ?? 0) + 1;
        try {
          response = await http.request({
            url: url.href,
            method,
            headers,
            ...(req.body === undefined ? {} : { data: req.body }),
            ...(req.signal ? { signal: req.signal } : {}),
          });
        } catch (error) {
          failure = error as Error;
        }
      } finally {
        semaphore.release();
      }
      const elapsed = now() - started;
      const attemptNote = attempt > 0 ? ` (attempt ${attempt + 1})` : "";

      if (response !== undefined) {
        connectedOnce = true;
        const resHeaders = plainHeaders(response.headers);
        limiter.observe(resHeaders, ticket);
        debug(`${method} ${site.path} → ${response.status} in ${formatMs(elapsed)}${attemptNote}`);
        const data = response.data === "" ? undefined : response.data;
        if (response.status < 400) return { status: response.status, data: data as T, headers: resHeaders };

        const status = response.status;
        const retryable = status === 429 || (status >= 500 && status !== 501 && status !== 505);
        const body = parseErrorBody(data);
        const error = new ApiError(
          redact(
            `${method} ${site.path} failed: ${status}${body.apiCode ? ` ${body.apiCode}` : ""}${body.summary ? ` ${body.summary}` : ` ${response.statusText || ""}`.trimEnd()}`,
          ),
          {
            ...site,
            status,
            apiCode: body.apiCode,
            retryable,
            attempts: attempt + 1,
            hint: hint({ kind: "http", status, apiCode: body.apiCode, endpoint, authType: auth.type, host: url.host }),
            details: body.more.map(redact),
          },
        );
        if (!retryable || attempt >= maxRetries) throw error;
        let delay = backoff(attempt);
        if (status === 429) {
          // The server refused before doing anything, so even a non-idempotent write is safe to repeat.
          const retryAfter = parseRetryAfter(resHeaders["retry-after"], now());
          const reset = readRateLimitHeaders(resHeaders).resetAt;
          const told = retryAfter ?? (reset !== undefined ? Math.max(0, reset - now()) : undefined);
          if (told !== undefined) {
            if (told > maxRateLimitWaitMs) throw error;
            delay = told;
          }
          // Every request of this client waits out the pause (in the pacing loop above), not
          // only this one, so concurrent requests do not keep hitting the limit.
          limiter.pauseUntil(now() + delay);
          stats.retries += 1;
          debug(`retrying ${method} ${site.path} in ${formatMs(delay)} after 429 (attempt ${attempt + 2} of ${maxRetries + 1})`);
          continue;
        }
        if (!retrySafe) throw new RetryUnsafeError(error);
        stats.retries += 1;
        debug(`retrying ${method} ${site.path} in ${formatMs(delay)} after ${status} (attempt ${attempt + 2} of ${maxRetries + 1})`);
        await sleep(delay, req.signal);
        continue;
      }

      // No HTTP answer.
      if (req.signal?.aborted || (failure instanceof AxiosError && failure.code === "ERR_CANCELED")) throw new CancelledError();
      const errorCode = networkCode(failure);
      debug(`${method} ${site.path} → ${errorCode} after ${formatMs(elapsed)}${attemptNote}`);
      const notSent = NOT_SENT_CODES.has(errorCode);
      const retryable = !PERMANENT_CODES.has(errorCode) && !/CERT|TLS|SSL|SELF_SIGNED/.test(errorCode) && (errorCode !== "ECONNREFUSED" || connectedOnce);
      const error = new NetworkError(
        redact(
          errorCode === "ETIMEDOUT"
            ? `${method} ${site.path} to ${url.host} timed out after ${formatMs(timeoutMs)}`
            : `${method} ${site.path} could not reach ${url.host}: ${errorCode}`,
        ),
        {
          ...site,
          host: url.host,
          errorCode,
          retryable,
          attempts: attempt + 1,
          hint: hint({ kind: "network", endpoint, authType: auth.type, host: url.host, errorCode }),
        },
      );
      if (!retryable || attempt >= maxRetries) throw error;
      if (!retrySafe && !notSent) throw new RetryUnsafeError(error);
      const delay = backoff(attempt);
      stats.retries += 1;
      debug(`retrying ${method} ${site.path} in ${formatMs(delay)} after ${errorCode} (attempt ${attempt + 2} of ${maxRetries + 1})`);
      await sleep(delay, req.signal);
    }
  }

  // Capped exponential backoff with full jitter: a random delay in [0, min(cap, base·2^n)).
  function backoff(attempt: number): number {
    return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));
  }

  return {
    baseUrl,
    request,
    stats: () => ({ ...stats, byEndpoint: { ...stats.byEndpoint }, rateLimit: limiter.last() }),
    redact,
  };
}

function plainHeaders(headers: AxiosResponse["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

function networkCode(error: unknown): string {
  if (error instanceof AxiosError) {
    const cause = (error as AxiosError & { cause?: { code?: unknown } }).cause;
    const code = error.code === "ECONNABORTED" || error.code === "ETIMEDOUT" ? "ETIMEDOUT" : error.code;
    if (code !== undefined && code !== "ERR_NETWORK") return code;
    if (cause && typeof cause.code === "string") return cause.code;
    if (/socket hang up/i.test(error.message)) return "ECONNRESET";
    return code ?? "ERR_NETWORK";
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : "ERR_NETWORK";
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function defaultHint(input: HintInput): string | undefined {
  if (input.kind === "network") {
    if (input.errorCode === "ETIMEDOUT") return `${input.host} did not answer in time; check the network or try again later.`;
    if (input.errorCode === "ENOTFOUND") return `The host ${input.host} does not resolve; check the base URL.`;
    if (input.errorCode === "ECONNREFUSED") return `Nothing accepts connections at ${input.host}; check the base URL (is the emulator running?).`;
    return `The connection to ${input.host} failed; check the network, proxy settings and the base URL.`;
  }
  if (input.status === 429) return "The server kept rate-limiting the requests; wait a minute and re-run with --concurrency 1.";
  if (input.status !== undefined && input.status >= 500) return "The server failed; try again later.";
  return undefined;
}
