import ora, { type Ora } from "ora";
import { sanitizeText } from "../core/text/sanitize.js";
import type { Writer } from "./logger.js";

/** The subset of a spinner that handlers use; a no-op one is used off a TTY, with --json or --quiet. */
export interface Spinner {
  start(text: string): void;
  update(text: string): void;
  succeed(text: string): void;
  fail(text: string): void;
  stop(): void;
}

export function makeSpinner(enabled: boolean, stream: NodeJS.WriteStream | Writer): Spinner {
  if (!enabled) {
    return { start() {}, update() {}, succeed() {}, fail() {}, stop() {} };
  }
  let spinner: Ora | undefined;
  const safe = (text: string) => sanitizeText(text, { ownColors: "keep" });
  return {
    start(text) {
      spinner = ora({ text: safe(text), stream: stream as NodeJS.WriteStream }).start();
    },
    update(text) {
      if (spinner) spinner.text = safe(text);
    },
    succeed(text) {
      spinner?.succeed(safe(text));
      spinner = undefined;
    },
    fail(text) {
      spinner?.fail(safe(text));
      spinner = undefined;
    },
    stop() {
      spinner?.stop();
      spinner = undefined;
    },
  };
}
