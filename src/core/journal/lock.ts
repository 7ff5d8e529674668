import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { link, lstat, mkdir, open, readFile, realpath, rmdir, stat, unlink } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
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
  constructor(file: string, holder: LockInfo | null, what?: string) {
    const who =
      holder === null
        ? "another bot2svc run (the lock file is unreadable)"
        : `"${holder.command}" (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})`;
    super("LOCKED", `Another bot2svc run holds the lock ${file}${what !== undefined ? ` (${what})` : ""}: ${who}.`, {
      hint: `Wait for it to finish. If it is gone (another machine, or a reused pid), delete ${file} and try again.`,
    });
  }
}

export interface HeldLock {
  file: string;
  /** Set when a stale lock of a dead process was taken over. */
  takenOver: LockInfo | null;
  /**
   * Removes the lock if it is still ours. With `removeCreatedDirs`, the directories that taking
   * the lock created are removed again when empty (a run that failed before writing anything
   * leaves nothing behind).
   */
  release(options?: { removeCreatedDirs?: boolean }): Promise<void>;
}

/** The lock that guards a journal: `apply.lock` beside it (`.bot2svc/apply.lock` by default). */
export function lockFileFor(journalFile: string): string {
  return join(dirname(journalFile), "apply.lock");
}

export interface AcquireOptions {
  command: string;
  /** What the lock guards, for the message a second run prints ("plan p-1 of org o-1"). */
  what?: string;
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

/**
 * Refuses a directory that someone else could write to, so nobody can put a journal or a lock
 * there for bot2svc to read: the directory the path finally leads to (symbolic links resolved)
 * must belong to the current user and not be writable by its group or others. A symbolic link
 * on the way is followed only to such a directory. A directory that does not exist yet passes
 * (bot2svc creates it 0700). Not checked where the platform has no user ids.
 */
export async function checkTrustedDir(dir: string, what: string): Promise<void> {
  if (typeof process.getuid !== "function") return;
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    return;
  }
  const info = await stat(real);
  const uid = process.getuid();
  const writable = [(info.mode & 0o020) !== 0 ? "its group" : "", (info.mode & 0o002) !== 0 ? "every user" : ""].filter((w) => w !== "");
  const problem =
    info.uid !== uid
      ? `belongs to user id ${info.uid}, not to you (user id ${uid})`
      : writable.length > 0
        ? `is writable by ${writable.join(" and ")} (mode ${(info.mode & 0o7777).toString(8).padStart(4, "0")})`
        : undefined;
  if (problem === undefined) return;
  const shown = real === resolve(dir) ? dir : `${dir} (${real})`;
  throw new InputError(`The directory of the ${what}, ${shown}, ${problem}; someone else could replace what bot2svc reads there.`, {
    code: "UNSAFE_DIRECTORY",
    hint: info.uid !== uid ? "Use a directory of your own (e.g. pass another --journal)." : `Make it private (chmod go-w ${real}), or use another directory.`,
  });
}

/**
 * Where bot2svc keeps state that must not depend on `--journal` (the per-plan apply lock):
 * BOT2SVC_STATE_DIR, else $XDG_STATE_HOME/bot2svc, else ~/.local/state/bot2svc, else (no home
 * in the environment) .bot2svc in the working directory.
 */
export function stateDirOf(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const explicit = env.BOT2SVC_STATE_DIR?.trim();
  if (explicit) return resolve(cwd, explicit);
  const xdg = env.XDG_STATE_HOME?.trim();
  if (xdg && isAbsolute(xdg)) return join(xdg, "bot2svc");
  const home = env.HOME?.trim();
  if (home && isAbsolute(home)) return join(home, ".local", "state", "bot2svc");
  return resolve(cwd, ".bot2svc");
}

/**
 * The lock one apply of a plan holds, whatever journal it writes: keyed by org and plan id, in
 * the state directory, so two runs of one plan never run at once.
 */
export function planLockFile(stateDir: string, orgId: string, planId: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 40);
  const digest = createHash("sha256").update(`${orgId}\n${planId}`).digest("hex").slice(0, 16);
  return join(stateDir, "locks", `apply-${safe(orgId)}-${safe(planId)}-${digest}.lock`);
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
  let createdDir: string | undefined;
  try {
    createdDir = await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new InputError(`Cannot create the directory ${dirname(file)} for the lock file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, {
      code: "LOCK_DIR",
      hint: "Set BOT2SVC_STATE_DIR (or --journal) to a directory you can write to.",
    });
  }
  await checkTrustedDir(dirname(file), "lock file");
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
    let created: boolean;
    try {
      created = await createExclusive(file, `${JSON.stringify(info)}\n`);
    } catch (error) {
      // Another run that failed before writing anything removed the empty directory meanwhile.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      continue;
    }
    if (created) return held(file, info, takenOver, createdDir);
    await refuseSymlink(file, "lock file");
    const text = await readText(file);
    if (text === undefined) continue; // released in the meantime: try again
    const holder = parseLock(text);
    const stale =
      holder === null
        ? await abandonedEmpty(file)
        : holder.host === info.host && holder.pid !== info.pid && !isAlive(holder.pid);
    if (!stale) throw new LockHeldError(file, holder, options.what);
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
  throw new LockHeldError(file, parseLock((await readText(file)) ?? ""), options.what);
}

function held(file: string, info: LockInfo, takenOver: LockInfo | null, createdDir: string | undefined): HeldLock {
  let released = false;
  return {
    file,
    takenOver,
    release: async (options) => {
      if (released) return;
      released = true;
      // Only our own lock: a lock that is no longer ours belongs to someone else now.
      if (parseLock((await readText(file)) ?? "")?.token === info.token) await unlink(file).catch(() => undefined);
      if (options?.removeCreatedDirs === true && createdDir !== undefined) await removeEmptyDirs(dirname(file), resolve(createdDir));
    },
  };
}

/** Removes `dir` and its parents up to `top` while they are empty; stops at the first that is not. */
async function removeEmptyDirs(dir: string, top: string): Promise<void> {
  for (let d = resolve(dir); d.startsWith(top); d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
    if (d === top) return;
  }
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
