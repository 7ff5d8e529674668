import { readFile } from "node:fs/promises";
import { InputError } from "../errors.js";

/**
 * Reads a UTF-8 input file, turning "not found" and "cannot read" into one clear InputError
 * that names the file as the user typed it (`displayName`) and says how to get a good one.
 */
export async function readInputText(file: string, what: { label: string; hint: string; displayName?: string }): Promise<string> {
  const name = what.displayName ?? file;
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const label = what.label.charAt(0).toUpperCase() + what.label.slice(1);
    throw new InputError(
      code === "ENOENT" ? `${label} not found: ${name}` : `Cannot read ${what.label} ${name}: ${(error as Error).message}`,
      { code: "FILE_UNREADABLE", hint: what.hint },
    );
  }
}
