import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { InputError } from "../errors.js";

/**
 * Checks, before any work is done, that an output file named on the command line can be
 * written: it is not a directory, and its directory exists. A missing directory is not created:
 * a typo in `-o` should not leave new directories (holding personal data) around.
 *
 * @param file The path as resolved against the working directory.
 * @param shown The path as the user typed it, for messages.
 */
export async function checkOutputFile(file: string, shown: string): Promise<void> {
  const target = await stat(file).catch(() => undefined);
  if (target?.isDirectory()) {
    throw new InputError(`Cannot write ${shown}: it is a directory`, { code: "OUTPUT_INVALID", hint: "Give a file name, e.g. DIR/report.json." });
  }
  const dir = dirname(resolve(file));
  const parent = await stat(dir).catch(() => undefined);
  const dirShown = dirname(shown) === "." ? dir : dirname(shown);
  if (parent === undefined) {
    throw new InputError(`Cannot write ${shown}: the directory ${dirShown} does not exist`, {
      code: "OUTPUT_INVALID",
      hint: `Create it first (mkdir -p ${dirShown}) or choose another path.`,
    });
  }
  if (!parent.isDirectory()) throw new InputError(`Cannot write ${shown}: ${dirShown} is not a directory`, { code: "OUTPUT_INVALID" });
}
