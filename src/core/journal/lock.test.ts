import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { mkdtemp, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { acquireLock, LockHeldError, lockFileFor, readLock } from "./lock.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bot2svc-lock-"));
});

describe("acquireLock", () => {
  it("creates the lock with the holder's pid, host, start time and command, and releases it", async () => {
    const file = lockFileFor(join(dir, ".bot2svc", "journal.jsonl"));
    expect(file).toBe(join(dir, ".bot2svc", "apply.lock"));
    const lock = await acquireLock(file, { command: "bot2svc apply plan.json", now: () => new Date("2026-11-01T10:00:00Z") });
    expect(await readLock(file)).toEqual({ pid: process.pid, host: hostname(), startedAt: "2026-11-01T10:00:00.000Z", command: "bot2svc apply plan.json" });
    expect(lock.takenOver).toBeNull();
    await lock.release();
    await expect(stat(file)).rejects.toThrow();
  });

  it("refuses a second holder at once, naming the first", async () => {
    const file = join(dir, "apply.lock");
    const first = await acquireLock(file, { command: "bot2svc apply a.json" });
    const error = await acquireLock(file, { command: "bot2svc apply b.json", pid: process.pid + 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockHeldError);
    expect((error as Error).message).toContain('"bot2svc apply a.json" (pid ' + process.pid);
    expect((error as LockHeldError).exitCode).toBe(1);
    await first.release();
    const third = await acquireLock(file, { command: "bot2svc apply b.json" });
    await third.release();
  });

  it("takes over a stale lock whose process is dead on this host", async () => {
    const file = join(dir, "apply.lock");
    // A real process that has exited: its pid is dead.
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = child.pid as number;
    await new Promise((resolve) => child.on("exit", resolve));
    await writeFile(file, JSON.stringify({ pid: deadPid, host: hostname(), startedAt: "2026-01-01T00:00:00Z", command: "bot2svc apply old.json" }));
    const lock = await acquireLock(file, { command: "bot2svc apply new.json" });
    expect(lock.takenOver).toMatchObject({ pid: deadPid, command: "bot2svc apply old.json" });
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ pid: process.pid, command: "bot2svc apply new.json" });
    await lock.release();
  });

  it("does not take over a lock held by a live process, or one from another host", async () => {
    const file = join(dir, "apply.lock");
    await writeFile(file, JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: "x", command: "live" }));
    await expect(acquireLock(file, { command: "me" })).rejects.toBeInstanceOf(LockHeldError);
    await writeFile(file, JSON.stringify({ pid: 999_999_999, host: "elsewhere", startedAt: "x", command: "remote" }));
    await expect(acquireLock(file, { command: "me", isAlive: () => false })).rejects.toThrow(/pid 999999999 on elsewhere/);
  });

  it("takes over an empty lock file left by a kill between create and write, once it is old", async () => {
    const file = join(dir, "apply.lock");
    await writeFile(file, "");
    await expect(acquireLock(file, { command: "me" })).rejects.toBeInstanceOf(LockHeldError);
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    const lock = await acquireLock(file, { command: "me" });
    await lock.release();
  });
});
