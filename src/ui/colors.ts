import { Chalk, type ChalkInstance } from "chalk";

/**
 * A chalk instance for one run. chalk ignores NO_COLOR by itself, so the decision is made here
 * once: colour only on a TTY, without NO_COLOR, --no-color or --json.
 */
export function makeColors(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}

export function colorEnabled(options: { isTTY: boolean; env: Readonly<Record<string, string | undefined>>; noColor: boolean; json: boolean }): boolean {
  if (options.noColor || options.json) return false;
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== "") return false;
  // FORCE_COLOR=0 (or false) turns colour off, any other value turns it on, as in chalk and Node.
  const force = options.env.FORCE_COLOR;
  if (force === "0" || force === "false") return false;
  if (force !== undefined) return true;
  return options.isTTY;
}
