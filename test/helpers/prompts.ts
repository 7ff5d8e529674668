import type { Prompts } from "../../src/ui/prompts.js";

/**
 * One prompt a test expects the CLI to ask, in order.
 *
 * - `type`: the `Prompts` method, e.g. `"confirm"`, `"checkbox"`, `"password"` (any method name
 *   works, so prompts added to the interface later need no change here).
 * - `message`: a RegExp the prompt message must match, or a substring it must contain.
 * - `answer`: the value the prompt resolves to (boolean for confirm, array of values for checkbox,
 *   string for password), or a function that computes it from the prompt's arguments (e.g. picks
 *   checkbox values from the choices), or an `Error` to throw (e.g. `new PromptCancelledError()`
 *   to simulate Ctrl-C).
 */
export interface ExpectedPrompt {
  type: string;
  message?: RegExp | string;
  answer: unknown;
}

/** A prompt the CLI asked, with what it was answered. */
export interface AskedPrompt {
  type: string;
  message: string;
  args: unknown[];
}

/** A strict, scripted `Prompts` plus the record of what happened. */
export interface PromptScript {
  /** Pass this as `deps.prompts`. */
  readonly prompts: Prompts;
  /** Every prompt asked, in order (including unexpected ones). */
  readonly asked: AskedPrompt[];
  /** One line per violation: an unexpected prompt, a wrong type or a message that did not match. */
  readonly failures: string[];
  /** Expected prompts that were never asked. */
  remaining(): ExpectedPrompt[];
  /** Throws an Error describing every violation and every expected prompt not asked. */
  verify(): void;
}

/** Thrown inside the CLI when a prompt was not expected; `runCli` rethrows it to the test. */
export class UnexpectedPromptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnexpectedPromptError";
  }
}

/**
 * Builds prompts that answer from a queue and fail on anything else. An empty queue (the
 * default) means "this run must not prompt at all".
 */
export function scriptedPrompts(expected: readonly ExpectedPrompt[] = []): PromptScript {
  const queue = [...expected];
  const asked: AskedPrompt[] = [];
  const failures: string[] = [];

  const ask = async (type: string, args: unknown[]): Promise<unknown> => {
    const message = typeof args[0] === "string" ? args[0] : String(args[0]);
    asked.push({ type, message, args });
    const next = queue[0];
    const problem =
      next === undefined
        ? `unexpected ${type} prompt ${JSON.stringify(message)} (no more prompts were expected)`
        : next.type !== type
          ? `expected a ${next.type} prompt${describe(next.message)}, got a ${type} prompt ${JSON.stringify(message)}`
          : !matches(next.message, message)
            ? `${type} prompt ${JSON.stringify(message)} does not match${describe(next.message)}`
            : undefined;
    if (problem !== undefined || next === undefined) {
      failures.push(problem ?? "unexpected prompt");
      throw new UnexpectedPromptError(problem ?? "unexpected prompt");
    }
    queue.shift();
    const answer = typeof next.answer === "function" ? await (next.answer as (...a: unknown[]) => unknown)(...args) : next.answer;
    if (answer instanceof Error) throw answer;
    return answer;
  };

  // A proxy so that every method of `Prompts`, present or future, goes through the queue.
  const prompts = new Proxy({} as Prompts, {
    get(_target, property) {
      // Not a thenable: `await prompts` must not call a prompt.
      if (typeof property !== "string" || property === "then" || property === "toJSON") return undefined;
      return (...args: unknown[]) => ask(property, args);
    },
  });

  return {
    prompts,
    asked,
    failures,
    remaining: () => [...queue],
    verify() {
      const problems = [...failures];
      for (const p of queue) problems.push(`expected ${p.type} prompt${describe(p.message)} was never asked`);
      if (problems.length > 0) throw new Error(`Prompt script violated:\n  - ${problems.join("\n  - ")}`);
    },
  };
}

function matches(pattern: RegExp | string | undefined, message: string): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === "string" ? message.includes(pattern) : pattern.test(message);
}

function describe(pattern: RegExp | string | undefined): string {
  return pattern === undefined ? "" : ` matching ${String(pattern)}`;
}
