/**
 * The error taxonomy. Every error a user can cause or fix is a `Bot2svcError` with a stable
 * `code`, the process exit code it maps to, and an optional hint. Anything else that reaches
 * the top level is a bug and is reported as such.
 */
export class Bot2svcError extends Error {
  readonly code: string;
  readonly exitCode: number;
  readonly hint: string | undefined;
  /** Extra lines (e.g. one per invalid field) printed under the message. */
  readonly details: readonly string[];

  constructor(
    code: string,
    message: string,
    options: { hint?: string; exitCode?: number; details?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
    this.details = options.details ?? [];
  }
}

/** Bad input: a malformed file, flag or configuration. Exit 1, nothing written. */
export class InputError extends Bot2svcError {
  constructor(message: string, options: { hint?: string; details?: readonly string[]; cause?: unknown; code?: string } = {}) {
    super(options.code ?? "INPUT_INVALID", message, options);
  }
}

/** Configuration or credentials missing or wrong. */
export class ConfigError extends Bot2svcError {
  constructor(message: string, options: { hint?: string; details?: readonly string[]; cause?: unknown; code?: string } = {}) {
    super(options.code ?? "CONFIG_INVALID", message, options);
  }
}

/**
 * Not an error: a request to end with a specific exit code (2 = findings/changes,
 * 3 = failed steps, 4 = paused at a manual step, 130 = cancelled).
 */
export class ExitSignal extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message = "") {
    super(message);
    this.name = "ExitSignal";
    this.exitCode = exitCode;
  }
}

export const EXIT = {
  ok: 0,
  error: 1,
  findings: 2,
  failedSteps: 3,
  manualStep: 4,
  cancelled: 130,
} as const;
