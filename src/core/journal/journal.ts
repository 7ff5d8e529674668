import { isUtf8 } from "node:buffer";
import { constants } from "node:fs";
import { mkdir, open, readFile, truncate } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { InputError } from "../errors.js";
import { firstInvalidUtf8Offset } from "../fs/read-text.js";
import { checkTrustedDir, refuseSymlink } from "./lock.js";

/** Appends never follow a symbolic link put in the journal's place. */
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;

const NEWLINE = 0x0a;

/** Where `apply`, `status` and `rollback` keep their journal unless `--journal FILE` says otherwise. */
export const DEFAULT_JOURNAL_FILE = join(".bot2svc", "journal.jsonl");

export const JOURNAL_PHASES = ["intent", "done", "failed", "skipped", "waiting", "rollback-intent", "rolled-back"] as const;
export type JournalPhase = (typeof JOURNAL_PHASES)[number];

/**
 * Ids and small facts about a step. It holds identifiers only (service-account id, account id,
 * email, token id, group ids, a description of the sink, a due date) and never a secret.
 */
export type JournalData = Record<string, string | number | boolean | null | string[]>;

const dataValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const journalRecordSchema = z.object({
  seq: z.number().int().nonnegative(),
  time: z.string(),
  runId: z.string(),
  planId: z.string(),
  migrationId: z.string(),
  step: z.string(),
  phase: z.enum(JOURNAL_PHASES),
  data: z.record(z.string(), dataValue).optional(),
  error: z.string().optional(),
});

/** One line of the journal. */
export interface JournalRecord {
  seq: number;
  time: string;
  runId: string;
  planId: string;
  migrationId: string;
  step: string;
  phase: JournalPhase;
  data?: JournalData;
  error?: string;
}

/** What a caller appends; the journal stamps `seq`, `time`, `runId`. */
export type JournalEntry = Omit<JournalRecord, "seq" | "time" | "runId">;

export interface ReadJournalResult {
  records: JournalRecord[];
  /** A last line cut short by a crash in the middle of a write; ignored. */
  tornTail: string | null;
  /** Byte length of the complete lines (where an append must continue). */
  validLength: number;
}

/**
 * Reads a journal file. A missing file is an empty journal. A torn last line (the process died
 * while writing it) is dropped and reported through `onDebug`; a malformed line anywhere else
 * means the file was edited or damaged, which is an error because the journal drives rollback.
 */
export async function readJournal(file: string, onDebug?: (message: string) => void): Promise<ReadJournalResult> {
  await checkTrustedDir(dirname(file), "journal");
  await refuseSymlink(file, "journal");
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], tornTail: null, validLength: 0 };
    throw new InputError(`Cannot read journal ${file}: ${(error as Error).message}`, { code: "JOURNAL_UNREADABLE" });
  }
  // Offsets are in bytes: the cut of a torn tail must land exactly after the last complete line.
  const lastNewline = buffer.lastIndexOf(NEWLINE);
  const completeLength = lastNewline + 1;
  const lines: Array<{ start: number; bytes: Buffer }> = [];
  for (let start = 0; start < completeLength; ) {
    const end = buffer.indexOf(NEWLINE, start);
    lines.push({ start, bytes: buffer.subarray(start, end) });
    start = end + 1;
  }
  let tail: Buffer = buffer.subarray(completeLength);
  let validLength = completeLength;
  const records: JournalRecord[] = [];
  const problems: string[] = [];
  lines.forEach(({ start, bytes }, index) => {
    const badByte = isUtf8(bytes) ? -1 : firstInvalidUtf8Offset(bytes);
    const line = badByte < 0 ? bytes.toString("utf8") : "";
    if (badByte < 0 && line.trim() === "") return;
    const record = badByte < 0 ? parseLine(line) : null;
    if (record === null) {
      // A complete line that does not parse can only be tolerated when it is the very last one
      // and nothing follows it: an fsync'd newline may land before the rest of a torn record
      // (which reads as NUL bytes), and the write may have stopped inside a character. Other
      // bytes that are not UTF-8 are damage wherever they are.
      if ((badByte < 0 || endsInCutCharacter(bytes)) && index === lines.length - 1 && tail.length === 0) {
        tail = bytes;
        validLength = start;
        return;
      }
      problems.push(badByte < 0 ? `line ${index + 1}: not a journal record` : `line ${index + 1}: not valid UTF-8 (byte offset ${start + badByte})`);
      return;
    }
    records.push(record);
  });
  if (problems.length > 0) {
    throw new InputError(`Journal ${file} is damaged`, {
      code: "JOURNAL_INVALID",
      details: problems,
      hint: "The journal is append-only; restore it from a backup rather than editing it.",
    });
  }
  const tornTail = tail.toString("utf8").trim() === "" ? null : tail.toString("utf8");
  if (tornTail !== null) onDebug?.(`Journal ${file}: ignoring a torn last line (${tail.length} bytes) left by an interrupted write.`);
  return { records, tornTail, validLength };
}

/**
 * True when the only bytes of a line that are not UTF-8 are one character cut short at its end
 * (before any NUL padding): what a write that stopped part-way leaves, not an edit.
 */
function endsInCutCharacter(bytes: Buffer): boolean {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  for (let cut = 1; cut <= 3 && cut <= end; cut++) {
    const lead = bytes[end - cut] as number;
    if ((lead & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const needed = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    return cut < needed && isUtf8(bytes.subarray(0, end - cut));
  }
  return false;
}

function parseLine(line: string): JournalRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = journalRecordSchema.safeParse(value);
  return parsed.success ? (parsed.data as JournalRecord) : null;
}

/**
 * An append-only JSON Lines journal. Every append opens the file in append mode, writes one
 * line and fsyncs it before returning, so a step never proceeds on an intent that is not on
 * disk. Appends from concurrent migrations are serialised in order.
 */
export class Journal {
  private nextSeq: number;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly all: JournalRecord[];

  private constructor(
    readonly file: string,
    readonly runId: string,
    records: JournalRecord[],
    private readonly now: () => Date,
    /** Where a torn tail starts: cut off just before the first append, so a run that appends nothing changes nothing. */
    private tornAt: number | null,
  ) {
    this.all = records;
    this.nextSeq = records.reduce((max, r) => Math.max(max, r.seq), -1) + 1;
  }

  /**
   * Opens (creating its directory) a journal for appending. A torn tail left by a crash is cut
   * off before the first append, so the next record starts on a line of its own.
   */
  static async open(
    file: string,
    options: { runId: string; now?: () => Date; onDebug?: (message: string) => void },
  ): Promise<Journal> {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const read = await readJournal(file, options.onDebug);
    return new Journal(file, options.runId, read.records, options.now ?? (() => new Date()), read.tornTail !== null ? read.validLength : null);
  }

  /** Every record, oldest first, including the ones this run appended. */
  records(): readonly JournalRecord[] {
    return this.all;
  }

  /** Appends one record and resolves once it is fsync'd. */
  append(entry: JournalEntry): Promise<JournalRecord> {
    const run = this.queue.then(() => this.write(entry));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(entry: JournalEntry): Promise<JournalRecord> {
    const record: JournalRecord = {
      seq: this.nextSeq,
      time: this.now().toISOString(),
      runId: this.runId,
      planId: entry.planId,
      migrationId: entry.migrationId,
      step: entry.step,
      phase: entry.phase,
      ...(entry.data !== undefined ? { data: entry.data } : {}),
      ...(entry.error !== undefined ? { error: entry.error } : {}),
    };
    if (this.tornAt !== null) {
      await truncate(this.file, this.tornAt);
      this.tornAt = null;
    }
    const handle = await open(this.file, APPEND_FLAGS, 0o600);
    try {
      await handle.write(`${JSON.stringify(record)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.nextSeq += 1;
    this.all.push(record);
    return record;
  }
}
