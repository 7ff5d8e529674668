import type { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps, type Context } from "../../context.js";
import { ConfigError, InputError } from "../../core/errors.js";
import { readSnapshotFile } from "../../core/snapshot/reader.js";
import { startEmulator, type FaultOptions, type RequestStats } from "../../emulator/server.js";
import { routeDefinitions, type RouteDefinition } from "../../emulator/routes.js";
import type { AsOf } from "../../emulator/time.js";
import { demoSnapshotPath } from "../../paths.js";
import { parseOptions } from "../shared.js";
import { jsonDocumentLine } from "../../contracts/json-document.js";
import type { EmulatorOutput, EmulatorRoutesOutput } from "../../contracts/output-schemas.js";

export const emulatorOptionsSchema = z.object({
  snapshot: z.string().min(1).optional(),
  demo: z.boolean().default(false),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  apiKeyEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name")
    .optional(),
  rateLimit: z.string().optional(),
  faults: z.string().optional(),
  asOf: z.string().min(1).default("start"),
  serviceAccountWrites: z.enum(["refuse", "accept"], { message: 'must be "refuse" or "accept"' }).default("refuse"),
  routes: z.boolean().default(false),
});
export type EmulatorCommandOptions = z.infer<typeof emulatorOptionsSchema>;

/** What a finished emulator run reports: where it listened and what it served. */
export interface EmulatorRunResult {
  url: string;
  orgId: string;
  requests: RequestStats;
}

/** The `bot2svc emulator` handler, loaded only when the command runs. */
export async function emulatorAction(raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const options = parseOptions(emulatorOptionsSchema, raw);
  if (options.routes) {
    ctx.print(formatRoutes(routeDefinitions(), ctx.global.json));
    return;
  }
  await runEmulator(options, ctx);
}

/**
 * Starts the emulator, prints the environment for bot2svc on stdout, and serves until Ctrl-C,
 * SIGTERM or the context's abort signal; then closes the port and returns the counters.
 */
export async function runEmulator(options: EmulatorCommandOptions, ctx: Context): Promise<EmulatorRunResult> {
  if (options.demo === (options.snapshot !== undefined)) {
    throw new InputError("Pass exactly one of --snapshot FILE or --demo.", { code: "FLAG_INVALID" });
  }
  const rateLimit = options.rateLimit === undefined ? undefined : parseRateLimit(options.rateLimit);
  const faults = options.faults === undefined ? undefined : parseFaults(options.faults);
  const asOf = parseAsOf(options.asOf);
  let apiKey: string | undefined;
  if (options.apiKeyEnv !== undefined) {
    apiKey = ctx.env[options.apiKeyEnv];
    if (apiKey === undefined || apiKey.trim() === "") {
      throw new ConfigError(`--api-key-env names ${options.apiKeyEnv}, which is not set or empty.`, {
        hint: "Set it in the environment, or leave --api-key-env out for a random key.",
      });
    }
    apiKey = apiKey.trim();
  }
  const snapshot = await readSnapshotFile(options.demo ? demoSnapshotPath() : (options.snapshot ?? ""));

  const emulator = await startEmulator({
    snapshot,
    port: options.port,
    ...(apiKey !== undefined ? { apiKey } : {}),
    ...(rateLimit !== undefined ? { rateLimitPerMinute: rateLimit.limit, rateLimitWindowMs: rateLimit.windowMs } : {}),
    ...(faults ? { faults } : {}),
    asOf,
    serviceAccountWrites: options.serviceAccountWrites,
    now: () => ctx.now(),
  });
  // A key the user supplied is referenced by name, never echoed; a generated key is a throwaway
  // credential for this local process, so printing it is what makes the lines paste-able.
  const keyValue = options.apiKeyEnv !== undefined ? `"$${options.apiKeyEnv}"` : shellQuote(emulator.apiKey);
  const env: [string, string][] = [
    ["BOT2SVC_PROVIDER", "atlassian"],
    ["BOT2SVC_ATLASSIAN_BASE_URL", emulator.url],
    ["BOT2SVC_ATLASSIAN_ORG_ID", shellQuote(emulator.orgId)],
    ["BOT2SVC_ATLASSIAN_API_KEY", keyValue],
    ["BOT2SVC_ATLASSIAN_UNOFFICIAL", "1"],
  ];
  if (ctx.global.json) {
    const servedAsOf = new Date(Date.parse(snapshot.takenAt) + emulator.shiftMs).toISOString();
    const body: Omit<EmulatorOutput, "kind" | "version"> = { url: emulator.url, orgId: emulator.orgId, takenAt: snapshot.takenAt, servedAsOf, env: Object.fromEntries(env.map(([k, v]) => [k, unquote(v)])) };
    ctx.print(jsonDocumentLine("bot2svc.emulator", body));
  } else {
    ctx.print(env.map(([k, v]) => `export ${k}=${v}\n`).join(""));
  }
  ctx.logger.info(
    `Emulating ${snapshot.org.name} (${snapshot.users.length} users, ${snapshot.serviceAccounts.length} service accounts) at ${emulator.url}` +
      `${rateLimit !== undefined ? `, ${formatRateLimit(rateLimit)} requests` : ""}${faults ? `, faults ${options.faults}` : ""}, ${describeAsOf(snapshot.takenAt, emulator.shiftMs)}. Press Ctrl-C to stop.`,
  );

  try {
    await waitForStop(ctx.deps.signal);
  } finally {
    await emulator.close();
  }
  const requests = emulator.requests();
  ctx.logger.info(`Emulator stopped after ${requests.total} API request${requests.total === 1 ? "" : "s"}.`);
  return { url: emulator.url, orgId: emulator.orgId, requests };
}

/** The route table as text (one route a line) or as JSON. */
export function formatRoutes(routes: readonly RouteDefinition[], json: boolean): string {
  const rows = routes.map((r) => ({ method: r.method, path: r.path, auth: r.auth, status: r.status, source: r.source }));
  if (json) return jsonDocumentLine("bot2svc.emulator-routes", { routes: rows } satisfies Omit<EmulatorRoutesOutput, "kind" | "version">);
  const width = Math.max(...rows.map((r) => r.method.length + 1 + r.path.length));
  return rows.map((r) => `${`${r.method} ${r.path}`.padEnd(width)}  ${r.status.padEnd(12)}  ${r.auth === "basic-token" ? "token " : "apikey"}  atlassian-api.md §${r.source}\n`).join("");
}

/** Parses `--as-of`: `start`, `taken`, or an ISO 8601 time. */
export function parseAsOf(text: string): AsOf {
  const value = text.trim();
  if (value === "start" || value === "taken") return value;
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new InputError(`--as-of must be start, taken or an ISO 8601 time such as 2026-11-01T00:00:00Z; got "${text}".`, { code: "FLAG_INVALID" });
}

function describeAsOf(takenAt: string, shiftMs: number): string {
  if (shiftMs === 0) return `times as taken (${takenAt})`;
  const days = Math.round((shiftMs / 86_400_000) * 10) / 10;
  return `snapshot taken ${takenAt} served as of ${new Date(Date.parse(takenAt) + shiftMs).toISOString()} (times moved ${days} days)`;
}

/** A rate limit: `limit` requests per `windowMs` milliseconds per API key. */
export interface RateLimitSpec {
  limit: number;
  windowMs: number;
}

const RATE_UNITS_MS: Record<string, number> = { s: 1000, sec: 1000, min: 60_000 };
const MAX_RATE_WINDOW_MS = 3_600_000;

/**
 * Parses `--rate-limit`: `COUNT/[N]UNIT` with UNIT `s` or `min` (e.g. `300/min`, `20/s`,
 * `20/2s`, `100/10s`), or a bare `COUNT` meaning per minute. COUNT ≥ 1; the window is at most
 * an hour.
 */
export function parseRateLimit(text: string): RateLimitSpec {
  const m = /^\s*(\d+)\s*(?:\/\s*(\d+)?\s*(s|sec|min))?\s*$/.exec(text);
  const limit = m ? Number(m[1]) : Number.NaN;
  const windowMs = m ? Number(m[2] ?? 1) * (RATE_UNITS_MS[m[3] ?? "min"] ?? Number.NaN) : Number.NaN;
  if (!Number.isSafeInteger(limit) || limit < 1 || !(windowMs >= 1 && windowMs <= MAX_RATE_WINDOW_MS)) {
    throw new InputError(
      `--rate-limit must look like 600/min, 20/s or 50/10s (a whole number of requests, at least 1, per window of at most 60 min); got "${text}".`,
      { code: "FLAG_INVALID" },
    );
  }
  return { limit, windowMs };
}

/** `300/min`, `20/s`, `20/2s`: the spec as a person would write it. */
export function formatRateLimit(spec: RateLimitSpec): string {
  if (spec.windowMs % 60_000 === 0) return `${spec.limit}/${spec.windowMs === 60_000 ? "" : spec.windowMs / 60_000}min`;
  if (spec.windowMs % 1000 === 0) return `${spec.limit}/${spec.windowMs === 1000 ? "" : spec.windowMs / 1000}s`;
  return `${spec.limit} per ${spec.windowMs} ms`;
}

/** The `--faults` keys that take a rate, and the field each sets. */
const RATE_FAULTS: ReadonlyMap<string, "rate5xx" | "rate429" | "rateReset" | "resetAfterWrite"> = new Map([
  ["5xx", "rate5xx"],
  ["429", "rate429"],
  ["reset", "rateReset"],
  ["reset-after-write", "resetAfterWrite"],
] as const);

/**
 * Parses `--faults`: comma-separated `5xx=RATE`, `429=RATE`, `reset=RATE`, `reset-after-write=RATE`,
 * `latency=MIN-MAXms` (or one value), `seed=N`; rates are probabilities from 0 to 1.
 */
export function parseFaults(text: string): FaultOptions {
  const faults: FaultOptions = {};
  const problems: string[] = [];
  for (const part of text.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq).trim().toLowerCase();
    const value = eq < 0 ? "" : part.slice(eq + 1).trim();
    const rateField = RATE_FAULTS.get(key);
    if (rateField !== undefined) {
      const n = /^\d*\.?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (n >= 0 && n <= 1) faults[rateField] = n;
      else problems.push(`${key}: expected a probability from 0 to 1, got "${value}"`);
      continue;
    }
    switch (key) {
      case "latency": {
        const m = /^(\d+)(?:\s*-\s*(\d+))?\s*(?:ms)?$/.exec(value);
        const min = m ? Number(m[1]) : Number.NaN;
        const max = m ? Number(m[2] ?? m[1]) : Number.NaN;
        if (!m || max < min || max > 60_000) problems.push(`latency: expected MIN-MAXms with MIN <= MAX <= 60000, got "${value}"`);
        else faults.latencyMs = [min, max];
        break;
      }
      case "seed": {
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) problems.push(`seed: expected a whole number, got "${value}"`);
        else faults.seed = Number(value);
        break;
      }
      default:
        problems.push(`unknown fault "${key}" (use 5xx, 429, reset, reset-after-write, latency, seed)`);
    }
  }
  if (problems.length > 0) {
    throw new InputError(`--faults is invalid: "${text}"`, {
      code: "FLAG_INVALID",
      details: problems,
      hint: "Example: --faults 5xx=0.1,reset=0.05,latency=20-200ms,seed=7",
    });
  }
  return faults;
}

function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolveStop) => {
    const stop = (): void => {
      signal?.removeEventListener("abort", stop);
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolveStop();
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener("abort", stop, { once: true });
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function unquote(value: string): string {
  return value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1).replace(/'\\''/g, "'") : value;
}
