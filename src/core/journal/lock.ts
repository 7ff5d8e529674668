import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { link, lstat, mkdir, open, readFile, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Bot2svcError, InputError } from "../errors.js";

/** What the lock file holds: enough to name the holder and to tell whether it is still alive. */
export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
  /** A random value only the holder knows, so it releases its own lock and nobody else's. */
  token?: string;
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

/** Refuses a path that is a symbolic link: the lock and the journal are never followed elsewhere. */
export async function refuseSymlink(file: string, what: string): Promise<void> {
  let info;
  try {
    info = await lstat(file);
  } catch {
    return;
  }
  if (info.isSymbolicLink()) {
    throw new InputError(`The ${what} ${file} is a symbolic link; bot2svc does not follow it.`, {
      code: "SYMLINK_REFUSED",
      hint: `Remove the link, or pass a real file path.`,
    });
  }
}

/** How long to keep trying while another process is in the middle of a takeover. */
const TAKEOVER_PATIENCE_MS = 12_000;
const TAKEOVER_WAIT_MS = 20;
/** A takeover guard older than this was left by a process killed during a takeover. */
const ABANDONED_GUARD_MS = 10_000;

/**
 * Takes the lock by creating the file, complete with its content, in one atomic step (a hard
 * link of a private temporary file; `wx` where links are not supported). A lock left by a dead
 * process on this host is stale and taken over (reported through `takenOver`); a lock on another
 * host cannot be checked and always refuses. A takeover happens only under a second, exclusive
 * guard file, and removes the stale lock only if it is still the one found stale, so two
 * processes can never both take over the same lock.
 */
export async function acquireLock(file: string, options: AcquireOptions): Promise<HeldLock> {
  await mkdir(dirname(file), { recursive: true });
  await refuseSymlink(file, "lock file");
  const info: LockInfo = {
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    command: options.command,
    token: randomBytes(16).toString("hex"),
  };
  const isAlive = options.isAlive ?? processAlive;
  let takenOver: LockInfo | null = null;
  // A takeover takes milliseconds; a guard left by a process killed during one is removed once
  // it is old, so waiting a little longer than that always ends.
  const deadline = Date.now() + TAKEOVER_PATIENCE_MS;
  while (Date.now() < deadline) {
    if (await createExclusive(file, `${JSON.stringify(info)}\n`)) return held(file, info, takenOver);
    await refuseSymlink(file, "lock file");
    const text = await readText(file);
    if (text === undefined) continue; // released in the meantime: try again
    const holder = parseLock(text);
    const stale =
      holder === null
        ? await abandonedEmpty(file)
        : holder.host === info.host && holder.pid !== info.pid && !isAlive(holder.pid);
    if (!stale) throw new LockHeldError(file, holder);
    const guard = `${file}.takeover`;
    if (!(await createExclusive(guard, `${JSON.stringify(info)}\n`))) {
      // Another process is taking the stale lock over; its outcome decides.
      await removeIfAbandoned(guard);
      await sleep(TAKEOVER_WAIT_MS);
      continue;
    }
    try {
      // Only the very lock found stale is removed: if it changed meanwhile, look again.
      if ((await readText(file)) === text) {
        await unlink(file).catch(() => undefined);
        takenOver = holder;
      }
    } finally {
      await unlink(guard).catch(() => undefined);
    }
  }
  throw new LockHeldError(file, parseLock((await readText(file)) ?? ""));
}

function held(file: string, info: LockInfo, takenOver: LockInfo | null): HeldLock {
  let released = false;
  return {
    file,
    takenOver,
    release: async () => {
      if (released) return;
      released = true;
      // Only our own lock: a lock that is no longer ours belongs to someone else now.
      if (parseLock((await readText(file)) ?? "")?.token === info.token) await unlink(file).catch(() => undefined);
    },
  };
}

/** Creates `file` with `content` unless it exists; false when it exists. Readers never see it empty. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  // No hard links on this file system: exclusive create, then write.
  try {
    const handle = await open(file, "wx", 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

async function removeIfAbandoned(guard: string): Promise<void> {
  try {
    const info = await lstat(guard);
    if (Date.now() - info.mtimeMs > ABANDONED_GUARD_MS) await unlink(guard);
  } catch {
    // Gone already.
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
  return parseLock((await readText(file)) ?? "");
}

function parseLock(text: string): LockInfo | null {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid !== "number" || typeof value.host !== "string") return null;
    return {
      pid: value.pid,
      host: value.host,
      startedAt: String(value.startedAt ?? "unknown"),
      command: String(value.command ?? "bot2svc"),
      ...(typeof value.token === "string" ? { token: value.token } : {}),
    };
  } catch {
    return null;
  }
}
