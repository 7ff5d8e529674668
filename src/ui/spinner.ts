import type { ChalkInstance } from "chalk";
import type { Ora } from "ora";
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

const SILENT: Spinner = { start() {}, update() {}, succeed() {}, fail() {}, stop() {} };

/**
 * Makes spinners for one run. ora is loaded only when a spinner can show, so commands that print
 * data (or run in CI) never load it. Its colours follow the run's colour switch: the spinner is
 * uncoloured when `colors` is, and the ✔/✖ symbols are drawn with `colors` rather than ora's own
 * colour library, which decides by itself. On a terminal that reports no width (0 columns, as
 * under `script`, `docker -t` and some CI runners) the spinner does not animate: redrawing needs
 * the width to know how many lines to erase, so it prints one plain line when a step starts and
 * one when it ends.
 */
export async function spinnerFactory(enabled: boolean, stream: NodeJS.WriteStream | Writer, colors: ChalkInstance): Promise<() => Spinner> {
  if (!enabled) return () => SILENT;
  const { default: ora } = await import("ora");
  const coloured = colors.level > 0;
  const animated = hasKnownWidth(stream);
  return () => {
    let spinner: Ora | undefined;
    const safe = (text: string) => sanitizeText(text, { ownColors: "keep" });
    const end = (symbol: string, text: string) => {
      spinner?.stopAndPersist({ symbol, text: safe(text) });
      spinner = undefined;
    };
    return {
      start(text) {
        spinner = ora({ text: safe(text), stream: stream as NodeJS.WriteStream, color: coloured ? "cyan" : false, isEnabled: animated }).start();
      },
      update(text) {
        if (spinner) spinner.text = safe(text);
      },
      succeed(text) {
        end(colors.green("✔"), text);
      },
      fail(text) {
        end(colors.red("✖"), text);
      },
      stop() {
        spinner?.stop();
        spinner = undefined;
      },
    };
  };
}

/** True when the stream reports a usable width in columns (a terminal reporting 0 does not). */
function hasKnownWidth(stream: object): boolean {
  const columns = (stream as { columns?: unknown }).columns;
  return typeof columns === "number" && Number.isFinite(columns) && columns > 0;
}
