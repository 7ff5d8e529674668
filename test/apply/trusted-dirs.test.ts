import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkTrustedDir, planLockFile, stateDirOf } from "../../src/core/journal/lock.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { envFor, fetchState, makePlan, savePlan, startOrg } from "./harness.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function dirWithMode(parent: string, name: string, mode: number): Promise<string> {
  const dir = join(parent, name);
  await mkdir(dir);
  await chmod(dir, mode);
  return dir;
}

describe("journal and lock directories must be the user's own", () => {
  it("accepts a private directory, also through a symbolic link, and a directory that does not exist yet", async () => {
    const root = makeTempDir();
    const own = await dirWithMode(root, "own", 0o700);
    await symlink(own, join(root, "link"));
    await expect(checkTrustedDir(own, "journal")).resolves.toBeUndefined();
    await expect(checkTrustedDir(join(root, "link"), "journal")).resolves.toBeUndefined();
    await expect(checkTrustedDir(join(root, "missing"), "journal")).resolves.toBeUndefined();
  });

  it("refuses a directory its group or every user can write to, naming where a link leads", async () => {
    const root = makeTempDir();
    const group = await dirWithMode(root, "group", 0o770);
    const world = await dirWithMode(root, "world", 0o1777);
    await symlink(world, join(root, "jdir"));
    await expect(checkTrustedDir(group, "journal")).rejects.toMatchObject({ code: "UNSAFE_DIRECTORY", message: expect.stringMatching(/is writable by its group \(mode 0770\)/) });
    await expect(checkTrustedDir(join(root, "jdir"), "lock file")).rejects.toMatchObject({
      code: "UNSAFE_DIRECTORY",
      message: expect.stringContaining(`The directory of the lock file, ${join(root, "jdir")} (${world}), is writable by its group and every user (mode 1777)`),
    });
  });

  it.skipIf(process.getuid?.() !== 0)("refuses a directory that belongs to another user", async () => {
    const root = makeTempDir();
    const theirs = await dirWithMode(root, "theirs", 0o700);
    await chown(theirs, 65534, 65534);
    await expect(checkTrustedDir(theirs, "journal")).rejects.toMatchObject({ message: expect.stringMatching(/belongs to user id 65534, not to you/) });
  });

  it("refuses apply --journal through a symbolic link to a shared directory, before anything is written", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const shared = await dirWithMode(makeTempDir(), "shared", 0o777);
    await symlink(shared, join(cwd, "jdir"));
    await savePlan(cwd, makePlan({ select: ["jenkins@acme.com"] }));
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s", "--journal", "jdir/j.jsonl"], { cwd, env: envFor(emu) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The directory of the (journal|lock file), .*jdir.* is writable by its group and every user/);
    expect(await readdir(shared)).toEqual([]);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(0);
    expect(existsSync(join(cwd, "s"))).toBe(false);
  });
});

describe("the per-plan lock's place", () => {
  it("is the state directory: BOT2SVC_STATE_DIR, else XDG_STATE_HOME, else HOME, else the working directory", () => {
    expect(stateDirOf({ BOT2SVC_STATE_DIR: "st", HOME: "/home/a" }, "/w")).toBe("/w/st");
    expect(stateDirOf({ XDG_STATE_HOME: "/x", HOME: "/home/a" }, "/w")).toBe("/x/bot2svc");
    expect(stateDirOf({ XDG_STATE_HOME: "relative", HOME: "/home/a" }, "/w")).toBe("/home/a/.local/state/bot2svc");
    expect(stateDirOf({}, "/w")).toBe("/w/.bot2svc");
  });

  it("is keyed by org and plan id, with a file-name-safe name", () => {
    const a = planLockFile("/s", "org-1", "p-1");
    expect(a).toMatch(/^\/s\/locks\/apply-org-1-p-1-[0-9a-f]{16}\.lock$/);
    expect(planLockFile("/s", "org-1", "p-1")).toBe(a);
    expect(planLockFile("/s", "org-2", "p-1")).not.toBe(a);
    expect(planLockFile("/s", "org-1", "../../etc/p")).toMatch(/^\/s\/locks\/apply-org-1-\.\._\.\._etc_p-[0-9a-f]{16}\.lock$/);
  });
});
