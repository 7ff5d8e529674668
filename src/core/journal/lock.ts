import { hostname } from "node:os";
import { mkdir, open, readFile, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Bot2svcError } from "../errors.js";

/** What the lock file holds: enough to name the holder and to tell whether it is still alive. */
export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

/** Another run holds the lock. */
export class LockHeldError extends Bot2svcError {
  constructor(file: string, holder: LockInfo | null) {
    const who =
      holder === null
        ? "another bot2svc run (the lock file is unreadable)"
        : `"${holder.command}" (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})`;
    super("LOCKED", `Another bot2svc run holds the lock ${file}: ${who}.`, {
      hint: `Wait for it to finish. If it is gone (another machine, or a reused pid), delete ${file} and try again.`,
    });
  }
}

export interface HeldLock {
  file: string;
  /** Set when a stale lock of a dead process was taken over. */
  takenOver: LockInfo | null;
  release(): Promise<void>;
}

/** The lock that guards a journal: `apply.lock` beside it (`.bot2svc/apply.lock` by default). */
export function lockFileFor(journalFile: string): string {
  return join(dirname(journalFile), "apply.lock");
}

export interface AcquireOptions {
  command: string;
  pid?: number;
  host?: string;
  now?: () => Date;
  /** Whether a process with this pid runs on this host (injectable for tests). */
  isAlive?: (pid: number) => boolean;
}

/** True when a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock by creating the file exclusively (`wx`). A lock left by a dead process on this
 * host is stale and taken over (reported through `takenOver` so the caller can warn); a lock on
 * another host cannot be checked and always refuses.
 */
export async function acquireLock(file: string, options: AcquireOptions): Promise<HeldLock> {
  await mkdir(dirname(file), { recursive: true });
  const info: LockInfo = {
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    command: options.command,
  };
  const isAlive = options.isAlive ?? processAlive;
  let takenOver: LockInfo | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx", 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(info)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      let released = false;
      return {
        file,
        takenOver,
        release: async () => {
          if (released) return;
          released = true;
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await readLock(file);
    const stale =
      holder === null
        ? await abandonedEmpty(file)
        : holder.host === info.host && holder.pid !== info.pid && !isAlive(holder.pid);
    if (!stale || attempt > 0) throw new LockHeldError(file, holder);
    takenOver = holder;
    await unlink(file).catch(() => undefined);
  }
  throw new LockHeldError(file, null);
}

/**
 * A lock file that cannot be parsed was cut short between its creation and its write (the
 * process was killed in that instant). Once it is a few seconds old nobody is about to finish it.
 */
async function abandonedEmpty(file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    return Date.now() - info.mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  } catch {
    return true;
  }
}

const UNREADABLE_LOCK_GRACE_MS = 2_000;

/** Reads a lock file; null when it is missing or unreadable. */
export async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const value = JSON.parse(await readFile(file, "utf8")) as Partial<LockInfo>;
    if (typeof value.pid !== "number" || typeof value.host !== "string") return null;
    return {
      pid: value.pid,
      host: value.host,
      startedAt: String(value.startedAt ?? "unknown"),
      command: String(value.command ?? "bot2svc"),
    };
  } catch {
    return null;
  }
}
