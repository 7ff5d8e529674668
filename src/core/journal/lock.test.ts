import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
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
    expect(await readLock(file)).toMatchObject({ pid: process.pid, host: hostname(), startedAt: "2026-11-01T10:00:00.000Z", command: "bot2svc apply plan.json" });
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

describe("acquireLock under races", () => {
  const LOCK_MODULE = fileURLToPath(new URL("./lock.ts", import.meta.url));
  const REPO = fileURLToPath(new URL("../../../", import.meta.url));

  /** Starts a process that waits for `go`, then tries to take the lock and holds it a while. */
  function racer(file: string, go: string): { ready: Promise<void>; done: Promise<{ acquired: boolean; from?: number; to?: number }> } {
    const script = `
      import { existsSync } from "node:fs";
      import { acquireLock } from ${JSON.stringify(LOCK_MODULE)};
      process.stdout.write("ready\\n");
      while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 1));
      try {
        const lock = await acquireLock(${JSON.stringify(file)}, { command: "racer" });
        const from = Date.now();
        await new Promise((r) => setTimeout(r, 400));
        const to = Date.now();
        await lock.release();
        process.stdout.write(JSON.stringify({ acquired: true, from, to }) + "\\n");
      } catch (error) {
        process.stdout.write(JSON.stringify({ acquired: false, code: error.code }) + "\\n");
      }`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => (markReady = r));
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("ready")) markReady();
    });
    const done = new Promise<{ acquired: boolean; from?: number; to?: number }>((resolve, reject) => {
      child.on("exit", () => {
        const last = out.trim().split("\n").pop() ?? "";
        try {
          resolve(JSON.parse(last));
        } catch {
          reject(new Error(`racer printed ${out}`));
        }
      });
    });
    return { ready, done };
  }

  it("lets only one of several processes take over a stale lock at a time", async () => {
    const file = join(dir, "apply.lock");
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = child.pid as number;
    await new Promise((resolve) => child.on("exit", resolve));
    for (let round = 0; round < 2; round++) {
      await writeFile(file, JSON.stringify({ pid: deadPid, host: hostname(), startedAt: "2026-01-01T00:00:00Z", command: "crashed" }));
      const go = join(dir, `go-${round}`);
      const racers = Array.from({ length: 4 }, () => racer(file, go));
      await Promise.all(racers.map((r) => r.ready));
      await writeFile(go, "");
      const results = await Promise.all(racers.map((r) => r.done));
      const held = results.filter((r) => r.acquired).sort((a, b) => (a.from ?? 0) - (b.from ?? 0));
      expect(held.length).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < held.length; i++) expect(held[i]?.from ?? 0).toBeGreaterThanOrEqual(held[i - 1]?.to ?? 0);
      await expect(stat(file)).rejects.toThrow();
    }
  }, 60_000);

  it("releases only its own lock, not one another process holds now", async () => {
    const file = join(dir, "apply.lock");
    const lock = await acquireLock(file, { command: "first" });
    // Someone else's lock is there now (e.g. it was wrongly taken over).
    const other = JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: "x", command: "other", token: "someone-else" });
    await writeFile(file, other);
    await lock.release();
    expect(await readFile(file, "utf8")).toBe(other);
  });

  it("refuses a lock file that is a symbolic link", async () => {
    const file = join(dir, "apply.lock");
    await symlink(join(dir, "elsewhere"), file);
    await expect(acquireLock(file, { command: "me" })).rejects.toThrow(/symbolic link/);
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
  });
});

describe("release with removeCreatedDirs", () => {
  it("removes the directories taking the lock created, while they are empty, and nothing else", async () => {
    const file = join(dir, "state", "locks", "apply.lock");
    const lock = await acquireLock(file, { command: "test" });
    await lock.release({ removeCreatedDirs: true });
    expect(await readdir(dir)).toEqual([]);

    // A directory that existed before, or holds a file, stays.
    await mkdir(join(dir, "state"));
    await writeFile(join(dir, "state", "journal.jsonl"), "");
    const again = await acquireLock(file, { command: "test" });
    await again.release({ removeCreatedDirs: true });
    expect(await readdir(join(dir, "state"))).toEqual(["journal.jsonl"]);

    // Without the option the directories stay, as after a run that wrote.
    const kept = await acquireLock(file, { command: "test" });
    await kept.release();
    expect(await readdir(join(dir, "state", "locks"))).toEqual([]);
    await rm(join(dir, "state"), { recursive: true });
  });
});
