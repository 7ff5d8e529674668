import axios, { AxiosError, type AxiosResponse } from "axios";
import { Bot2svcError } from "../core/errors.js";
import { MIN_SECRET_LENGTH, Redactor } from "../core/text/redact.js";
import { assertAllowedBaseUrl, isLoopbackHost } from "./base-url.js";
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
  /** Idle timeout: the longest an attempt may go without hearing from the server. Default 30 000. */
  timeoutMs?: number;
  /**
   * Per-request deadline: one attempt, from sending to the last byte of the answer, however
   * steadily the server trickles. Default 120 000.
   */
  attemptDeadlineMs?: number;
  /** Total deadline of one `request()`: every attempt, backoff and rate-limit wait. Default 600 000. */
  deadlineMs?: number;
  /** Retries after a 5xx, reset or timeout. Default 5. */
  maxRetries?: number;
  /** Retries after a 429, counted apart from {@link maxRetries} and bounded by the total deadline. Default 10. */
  maxRateLimitRetries?: number;
  /** Largest response body accepted; a larger one is refused, not retried. Default 64 MiB. */
  maxResponseBytes?: number;
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
  /** Cancels every request of this client (e.g. an overall deadline); combined with each request's own signal. */
  signal?: AbortSignal;
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
  const attemptDeadlineMs = options.attemptDeadlineMs ?? 120_000;
  const deadlineMs = options.deadlineMs ?? 600_000;
  const maxRetries = options.maxRetries ?? 5;
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 10;
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
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
    maxContentLength: maxResponseBytes,
    // Plain http is allowed on loopback only, and a proxy there would receive the API key in
    // clear text: loopback never goes through HTTP_PROXY. For https, axios tunnels through the
    // proxy with CONNECT, so the proxy sees neither the key nor the request.
    ...(isLoopbackHost(base.hostname) ? { proxy: false as const } : {}),
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

  async function request<T>(input: HttpRequest): Promise<HttpResponse<T>> {
    const combined = eitherSignal(input.signal, options.signal);
    try {
      return await send<T>({ ...input, ...(combined.signal ? { signal: combined.signal } : {}) });
    } finally {
      combined.dispose();
    }
  }

  async function send<T>(req: HttpRequest): Promise<HttpResponse<T>> {
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

    const deadlineAt = now() + deadlineMs;
    // Gives up instead of waiting `delay` when that would pass the total deadline.
    const withinDeadline = (error: Error, delay: number): void => {
      if (now() + delay <= deadlineAt) return;
      error.message = `${error.message} (gave up: waiting ${formatMs(delay)} more would pass the total deadline of ${formatMs(deadlineMs)} for this request)`;
      throw error;
    };
    let errorRetries = 0;
    let rateLimitRetries = 0;
    for (let attempt = 0; ; attempt++) {
      if (req.signal?.aborted) throw new CancelledError();
      let response: AxiosResponse | undefined;
      let failure: AxiosError | Error | undefined;
      let ticket: number | undefined;
      let deadlineHit = false;
      const started = now();
      await semaphore.acquire();
      try {
        for (;;) {
          const wait = limiter.reserve();
          if (wait <= 0) break;
          if (now() + wait > deadlineAt) {
            throw new NetworkError(
              redact(`${method} ${site.path} was not sent: waiting ${formatMs(wait)} for the rate limit would pass the total deadline of ${formatMs(deadlineMs)} for this request`),
              { ...site, host: url.host, errorCode: "ERATELIMITWAIT", retryable: false, attempts: attempt, hint: "The server is rate-limiting this key; wait a minute and re-run with --concurrency 1." },
            );
          }
          stats.rateLimitWaits += 1;
          debug(`waiting ${formatMs(wait)} for the rate limit before ${method} ${site.path}`);
          const waitStart = now();
          await sleep(wait, req.signal);
          limiter.afterWait(waitStart, wait);
        }
        ticket = limiter.ticket();
        stats.requests += 1;
        stats.byEndpoint[endpoint.id] = (stats.byEndpoint[endpoint.id] ?? 0) + 1;
        // The per-request deadline: idle timeouts alone let a server that sends a byte every
        // few seconds hold a request for ever.
        const attemptAbort = new AbortController();
        const onOuterAbort = () => attemptAbort.abort();
        req.signal?.addEventListener("abort", onOuterAbort, { once: true });
        const deadlineTimer = setTimeout(() => {
          deadlineHit = true;
          attemptAbort.abort();
        }, Math.max(1, Math.min(attemptDeadlineMs, deadlineAt - now())));
        try {
          response = await http.request({
            url: url.href,
            method,
            headers,
            ...(req.body === undefined ? {} : { data: req.body }),
            signal: attemptAbort.signal,
          });
        } catch (error) {
          failure = error as Error;
        } finally {
          clearTimeout(deadlineTimer);
          req.signal?.removeEventListener("abort", onOuterAbort);
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
        if (!retryable || (status === 429 ? rateLimitRetries >= maxRateLimitRetries : errorRetries >= maxRetries)) throw error;
        let delay = backoff(status === 429 ? rateLimitRetries : errorRetries);
        if (status === 429) {
          // The server refused before doing anything, so even a non-idempotent write is safe to repeat.
          const retryAfter = parseRetryAfter(resHeaders["retry-after"], now());
          const reset = readRateLimitHeaders(resHeaders).resetAt;
          const told = retryAfter ?? (reset !== undefined ? Math.max(0, reset - now()) : undefined);
          if (told !== undefined) {
            if (told > maxRateLimitWaitMs) throw error;
            delay = told;
          }
          withinDeadline(error, delay);
          rateLimitRetries += 1;
          // Every request of this client waits out the pause (in the pacing loop above), not
          // only this one, so concurrent requests do not keep hitting the limit.
          limiter.pauseUntil(now() + delay);
          stats.retries += 1;
          debug(`retrying ${method} ${site.path} in ${formatMs(delay)} after 429 (rate-limit retry ${rateLimitRetries} of ${maxRateLimitRetries})`);
          continue;
        }
        if (!retrySafe) throw new RetryUnsafeError(error);
        withinDeadline(error, delay);
        errorRetries += 1;
        stats.retries += 1;
        debug(`retrying ${method} ${site.path} in ${formatMs(delay)} after ${status} (retry ${errorRetries} of ${maxRetries})`);
        await sleep(delay, req.signal);
        continue;
      }

      // No HTTP answer.
      if (req.signal?.aborted || (!deadlineHit && failure instanceof AxiosError && failure.code === "ERR_CANCELED")) throw new CancelledError();
      const tooLarge = failure instanceof AxiosError && failure.code === "ERR_BAD_RESPONSE" && /maxContentLength/.test(failure.message);
      const errorCode = deadlineHit ? "ETIMEDOUT" : tooLarge ? "ERESPONSETOOLARGE" : networkCode(failure);
      debug(`${method} ${site.path} → ${errorCode} after ${formatMs(elapsed)}${attemptNote}`);
      const notSent = NOT_SENT_CODES.has(errorCode);
      const retryable = !tooLarge && !PERMANENT_CODES.has(errorCode) && !/CERT|TLS|SSL|SELF_SIGNED/.test(errorCode) && (errorCode !== "ECONNREFUSED" || connectedOnce);
      const error = new NetworkError(
        redact(
          deadlineHit
            ? `${method} ${site.path} to ${url.host} did not finish within ${formatMs(Math.min(attemptDeadlineMs, deadlineMs))} (per-request deadline)`
            : tooLarge
              ? `${method} ${site.path}: the answer from ${url.host} is larger than ${formatBytes(maxResponseBytes)}; refused`
              : errorCode === "ETIMEDOUT"
                ? `${method} ${site.path} to ${url.host} timed out: nothing received for ${formatMs(timeoutMs)} (idle timeout)`
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
      if (!retryable || errorRetries >= maxRetries) throw error;
      if (!retrySafe && !notSent) throw new RetryUnsafeError(error);
      const delay = backoff(errorRetries);
      withinDeadline(error, delay);
      errorRetries += 1;
      stats.retries += 1;
      debug(`retrying ${method} ${site.path} in ${formatMs(delay)} after ${errorCode} (retry ${errorRetries} of ${maxRetries})`);
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

/**
 * A signal that aborts when either does (AbortSignal.any is missing from early Node 20
 * releases); `dispose` removes the listeners once the request is over.
 */
function eitherSignal(a: AbortSignal | undefined, b: AbortSignal | undefined): { signal: AbortSignal | undefined; dispose: () => void } {
  const none = () => {};
  if (a === undefined || b === undefined) return { signal: a ?? b, dispose: none };
  if (a.aborted) return { signal: a, dispose: none };
  if (b.aborted) return { signal: b, dispose: none };
  const both = new AbortController();
  const abort = () => both.abort();
  a.addEventListener("abort", abort, { once: true });
  b.addEventListener("abort", abort, { once: true });
  return {
    signal: both.signal,
    dispose: () => {
      a.removeEventListener("abort", abort);
      b.removeEventListener("abort", abort);
    },
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
  if (ms >= 120_000) return `${(ms / 60_000).toFixed(1)} min`;
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
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
