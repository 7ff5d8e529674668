import { Bot2svcError } from "../core/errors.js";
import { sanitizeText } from "../core/text/sanitize.js";

/** Where a failed request went, without query string, headers or body (they may carry secrets). */
export interface RequestSite {
  endpointId: string;
  method: string;
  /** URL path only, e.g. `/admin/v1/orgs/123`. */
  path: string;
}

/**
 * The server answered with an error status. Built from scratch (never a wrapped axios error),
 * so it cannot carry request headers, and therefore never the API key.
 */
export class ApiError extends Bot2svcError {
  readonly status: number;
  /** The service's own error code, e.g. `ADMIN-404-2`, when the body names one. */
  readonly apiCode: string | undefined;
  readonly endpointId: string;
  readonly method: string;
  readonly path: string;
  /** True for statuses that may succeed when repeated (429, 5xx). */
  readonly retryable: boolean;
  /** How many times the request was sent. */
  readonly attempts: number;

  constructor(
    message: string,
    info: RequestSite & { status: number; apiCode?: string | undefined; retryable: boolean; attempts: number; hint?: string | undefined; details?: readonly string[] },
  ) {
    super(apiErrorCode(info.status), message, {
      ...(info.hint === undefined ? {} : { hint: info.hint }),
      ...(info.details === undefined ? {} : { details: info.details }),
    });
    this.status = info.status;
    this.apiCode = info.apiCode;
    this.endpointId = info.endpointId;
    this.method = info.method;
    this.path = info.path;
    this.retryable = info.retryable;
    this.attempts = info.attempts;
  }
}

/** The request got no HTTP answer: connection refused or reset, DNS failure, timeout. */
export class NetworkError extends Bot2svcError {
  readonly host: string;
  /** The Node/axios error code, e.g. `ECONNRESET`, `ETIMEDOUT`. */
  readonly errorCode: string;
  readonly endpointId: string;
  readonly method: string;
  readonly path: string;
  readonly retryable: boolean;
  readonly attempts: number;

  constructor(
    message: string,
    info: RequestSite & { host: string; errorCode: string; retryable: boolean; attempts: number; hint?: string | undefined },
  ) {
    super(info.errorCode === "ETIMEDOUT" ? "NETWORK_TIMEOUT" : "NETWORK_ERROR", message, info.hint === undefined ? {} : { hint: info.hint });
    this.host = info.host;
    this.errorCode = info.errorCode;
    this.endpointId = info.endpointId;
    this.method = info.method;
    this.path = info.path;
    this.retryable = info.retryable;
    this.attempts = info.attempts;
  }
}

/**
 * A write that is not idempotent failed in a way that may still have taken effect (a 5xx, a
 * reset or a timeout after the request was sent). Repeating it blindly could create a duplicate,
 * so the client does not; the caller should look first (e.g. list service accounts) and retry
 * only if the write did not happen.
 */
export class RetryUnsafeError extends Bot2svcError {
  readonly endpointId: string;
  readonly method: string;
  readonly path: string;
  /** Always true: the server may have performed the write. */
  readonly mayHaveSucceeded = true;
  /** The failure that would have been retried. */
  readonly failure: ApiError | NetworkError;

  constructor(failure: ApiError | NetworkError) {
    super("RETRY_UNSAFE", `${failure.message} (not retried: the request may have taken effect)`, {
      hint: "Check whether the change happened before running it again.",
      cause: failure,
    });
    this.endpointId = failure.endpointId;
    this.method = failure.method;
    this.path = failure.path;
    this.failure = failure;
  }
}

/** The run was cancelled (Ctrl-C) while a request was waiting or in flight. */
export class CancelledError extends Bot2svcError {
  constructor() {
    super("CANCELLED", "Cancelled.", { exitCode: 130 });
  }
}

function apiErrorCode(status: number): string {
  if (status === 400) return "API_BAD_REQUEST";
  if (status === 401) return "API_UNAUTHORIZED";
  if (status === 402) return "API_PAYMENT_REQUIRED";
  if (status === 403) return "API_FORBIDDEN";
  if (status === 404) return "API_NOT_FOUND";
  if (status === 409) return "API_CONFLICT";
  if (status === 429) return "API_RATE_LIMITED";
  if (status >= 500) return "API_SERVER_ERROR";
  return "API_ERROR";
}

/** What an error body said, whatever shape the service uses. */
export interface ErrorBodyInfo {
  apiCode: string | undefined;
  /** One line for the error message. */
  summary: string | undefined;
  /** Further errors when the body lists several. */
  more: string[];
}

/**
 * Reads the error shapes Atlassian's admin APIs use: `{errors:[{id,status,code,title,detail}]}`
 * (organizations API), `[{code,message}]` (user lifecycle), `{detail,status,scimType}` (SCIM),
 * plus `{message}` and Jira's `{errorMessages:[...]}`.
 */
export function parseErrorBody(data: unknown): ErrorBodyInfo {
  const out: ErrorBodyInfo = { apiCode: undefined, summary: undefined, more: [] };
  const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? oneLine(v) : undefined);
  const describe = (item: Record<string, unknown>): string | undefined => {
    const title = str(item.title);
    const detail = str(item.detail) ?? str(item.message);
    if (title !== undefined && detail !== undefined && title !== detail) return `${title}: ${detail}`;
    return detail ?? title;
  };
  const list = Array.isArray(data)
    ? data
    : isRecord(data) && Array.isArray(data.errors)
      ? data.errors
      : undefined;
  if (list !== undefined) {
    const items = list.filter(isRecord);
    items.forEach((item, i) => {
      const code = str(item.code);
      const text = describe(item);
      if (i === 0) {
        out.apiCode = code;
        out.summary = text;
      } else {
        out.more.push([code, text].filter((x) => x !== undefined).join(" "));
      }
    });
    return out;
  }
  if (isRecord(data)) {
    out.apiCode = str(data.code) ?? str(data.scimType) ?? str(data.errorCode);
    out.summary = describe(data) ?? (Array.isArray(data.errorMessages) ? str(data.errorMessages.join("; ")) : undefined);
    return out;
  }
  if (typeof data === "string" && data.trim() !== "" && !data.trimStart().startsWith("<")) {
    out.summary = oneLine(data).slice(0, 200);
  }
  return out;
}

// A server's words end up in messages on a terminal: one line, escape sequences defused.
function oneLine(text: string): string {
  return sanitizeText(text.replace(/\s+/g, " ").trim());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
