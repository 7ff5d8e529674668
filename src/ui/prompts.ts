import { Bot2svcError } from "../core/errors.js";
import { sanitizeText } from "../core/text/sanitize.js";

export interface CheckboxChoice<T> {
  name: string;
  value: T;
  checked?: boolean;
  description?: string;
}

/** The prompts handlers may use. Tests pass their own implementation; an unexpected prompt fails them. */
export interface Prompts {
  confirm(message: string, options?: { default?: boolean }): Promise<boolean>;
  checkbox<T>(message: string, choices: CheckboxChoice<T>[]): Promise<T[]>;
  /** Hidden input, for secrets. */
  password(message: string): Promise<string>;
}

/** Thrown by a prompt when the user presses Ctrl-C; the top level maps it to exit 130. */
export class PromptCancelledError extends Bot2svcError {
  constructor() {
    super("CANCELLED", "Cancelled.", { exitCode: 130 });
  }
}

function mapCancel(error: unknown): never {
  if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) {
    throw new PromptCancelledError();
  }
  throw error;
}

/** Wraps prompts so that names and org names in messages and choices cannot carry escape sequences. */
export function safePrompts(inner: Prompts): Prompts {
  return {
    confirm: (message, options) => inner.confirm(sanitizeText(message), options),
    checkbox: <T>(message: string, choices: CheckboxChoice<T>[]) =>
      inner.checkbox<T>(
        sanitizeText(message),
        choices.map((c) => ({ ...c, name: sanitizeText(c.name), ...(c.description === undefined ? {} : { description: sanitizeText(c.description) }) })),
      ),
    password: (message) => inner.password(sanitizeText(message)),
  };
}

/**
 * Prompts on the real terminal through @inquirer/prompts; they render on stderr so stdout stays
 * data. The library is loaded on the first prompt, so runs that never ask do not pay for it.
 */
export function inquirerPrompts(streams: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Prompts {
  const ctx = { input: streams.input, output: streams.output } as const;
  const inquirer = () => import("@inquirer/prompts");
  return {
    confirm: async (message, options) => (await inquirer()).confirm({ message, default: options?.default ?? false }, ctx).catch(mapCancel),
    checkbox: async <T>(message: string, choices: CheckboxChoice<T>[]) =>
      (await inquirer()).checkbox<T>({ message, choices, pageSize: 15, loop: false }, ctx).catch(mapCancel),
    password: async (message) => (await inquirer()).password({ message, mask: false }, ctx).catch(mapCancel),
  };
}
