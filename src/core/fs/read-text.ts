import { isUtf8 } from "node:buffer";
import { readFile } from "node:fs/promises";
import { InputError } from "../errors.js";

const BOM = "\uFEFF";

/**
 * Reads a UTF-8 input file, turning "not found" and "cannot read" into one clear InputError
 * that names the file as the user typed it (`displayName`) and says how to get a good one.
 * A byte order mark is dropped; bytes that are not UTF-8 are refused (see {@link decodeUtf8}).
 */
export async function readInputText(file: string, what: { label: string; hint: string; displayName?: string }): Promise<string> {
  const name = what.displayName ?? file;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const label = what.label.charAt(0).toUpperCase() + what.label.slice(1);
    throw new InputError(
      code === "ENOENT"
        ? `${label} not found: ${name}`
        : code === "EISDIR"
          ? `Cannot read ${what.label} ${name}: it is a directory`
          : `Cannot read ${what.label} ${name}: ${(error as Error).message}`,
      { code: "FILE_UNREADABLE", hint: what.hint },
    );
  }
  return decodeUtf8(bytes, name);
}

/**
 * Decodes file bytes as UTF-8. A leading byte order mark is dropped (editors on Windows add
 * one). Invalid UTF-8 is refused with the byte offset of the first bad sequence rather than
 * silently replaced, which would change names and ids without a word.
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  if (!isUtf8(bytes)) {
    throw new InputError(`${name} is not valid UTF-8 (byte offset ${firstInvalidUtf8Offset(bytes)})`, {
      code: "ENCODING_INVALID",
      hint: "Save the file as UTF-8.",
    });
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => k < n && (bytes[k] as number) >= lo && (bytes[k] as number) <= hi;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) i += 1;
    else if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) i += 2;
    else if (b === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (b === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (b === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b >= 0xf1 && b <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return n;
}
