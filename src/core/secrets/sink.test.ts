import { chmod, chown, mkdir, mkdtemp, readFile, readdir, stat, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { CommandSink, EnvFileSink, SecretSinkError, sameToken, secretSlug, type DeliveredSecret } from "./sink.js";

const TOKEN = "fake-super-secret-token-value-3xF";
const secret: DeliveredSecret = {
  migrationId: "m-1",
  accountId: "712020:abc",
  email: "jenkins-ci-x1@serviceaccount.atlassian.com",
  token: TOKEN,
  tokenId: "tok-1",
  gatewayUrl: "https://api.atlassian.com/ex/jira/cloud-1",
  cloudId: "cloud-1",
  label: "bot2svc-jenkins",
  expiresAt: "2027-11-01T00:00:00.000Z",
  name: "Jenkins CI (service)",
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bot2svc-sink-"));
});

describe("EnvFileSink", () => {
  it("creates the directory 0700 and writes <slug>.<migration id>.env 0600 with the four variables", async () => {
    const sink = new EnvFileSink(join(dir, "secrets"));
    await sink.prepare();
    expect((await stat(join(dir, "secrets"))).mode & 0o777).toBe(0o700);
    await sink.deliver(secret);
    const file = join(dir, "secrets", "jenkins-ci-service.m-1.env");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, "utf8");
    expect(text).toContain(`ATLASSIAN_EMAIL=${secret.email}\n`);
    expect(text).toContain(`ATLASSIAN_API_TOKEN=${TOKEN}\n`);
    expect(text).toContain("ATLASSIAN_BASE_URL=https://api.atlassian.com/ex/jira/cloud-1\n");
    expect(text).toContain("ATLASSIAN_CLOUD_ID=cloud-1\n");
    // No temporary files are left behind by the atomic write.
    expect(await readdir(join(dir, "secrets"))).toEqual(["jenkins-ci-service.m-1.env"]);
    expect(await sink.readBack(secret)).toBe(TOKEN);
  });

  it("refuses a directory that others can read or write", async () => {
    const open = join(dir, "open");
    await mkdir(open);
    await chmod(open, 0o755);
    await expect(new EnvFileSink(open).prepare()).rejects.toThrow(/readable or writable by other users \(mode 0755\)/);
    await chmod(open, 0o720);
    await expect(new EnvFileSink(open).prepare()).rejects.toThrow(/mode 0720/);
    await chmod(open, 0o700);
    await expect(new EnvFileSink(open).prepare()).resolves.toBeUndefined();
  });

  it("makes file names from display names", () => {
    expect(secretSlug("Jenkins CI (service)", "m-1")).toBe("jenkins-ci-service.m-1");
    expect(secretSlug("Jenkins CI", "m-1")).not.toBe(secretSlug("Jenkins CI", "m-2"));
    expect(secretSlug("ü…", "m-1")).toBe("m-1");
  });
});

describe("CommandSink", () => {
  it("runs the command through sh -c and hands it the JSON payload on stdin", async () => {
    const out = join(dir, "received.json");
    const sink = new CommandSink(`cat > '${out}'`);
    await sink.prepare();
    await sink.deliver(secret);
    expect(JSON.parse(await readFile(out, "utf8"))).toEqual({
      migrationId: "m-1",
      accountId: "712020:abc",
      email: secret.email,
      token: TOKEN,
      tokenId: "tok-1",
      gatewayUrl: "https://api.atlassian.com/ex/jira/cloud-1",
      cloudId: "cloud-1",
      label: "bot2svc-jenkins",
      expiresAt: "2027-11-01T00:00:00.000Z",
    });
    expect(sink.describe()).not.toContain(TOKEN);
  });

  it("fails on a non-zero exit and shows the command's stderr with the token blanked", async () => {
    const sink = new CommandSink(`payload=$(cat); echo "vault said: $payload" >&2; exit 3`);
    const error = await sink.deliver(secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretSinkError);
    const text = `${(error as SecretSinkError).message}\n${(error as SecretSinkError).details.join("\n")}`;
    expect(text).toContain("exit 3");
    expect(text).toContain("vault said:");
    expect(text).toContain("[REDACTED]");
    expect(text).not.toContain(TOKEN);
  });

  it("never shows part of the token when the stderr cap falls inside it", async () => {
    // 3,990 bytes of noise, then the token in two writes: the first half lands before the
    // 4,000-character cap, the second after it.
    const half = TOKEN.slice(0, 20);
    const rest = TOKEN.slice(20);
    const sink = new CommandSink(`cat >/dev/null; head -c 3990 /dev/zero | tr '\\0' x >&2; printf '%s' '${half}' >&2; sleep 0.2; printf '%s\\n' '${rest}' >&2; exit 1`);
    const error = (await sink.deliver(secret).catch((e: unknown) => e)) as SecretSinkError;
    expect(error).toBeInstanceOf(SecretSinkError);
    const text = `${error.message}\n${error.details.join("\n")}`;
    expect(text).toContain("xxxxxxxxxx");
    expect(text).not.toContain(half);
  });

  it("discards the command's stdout so an echoing command cannot print the secret", async () => {
    const sink = new CommandSink("cat");
    await expect(sink.deliver(secret)).resolves.toBeUndefined();
  });
});

describe("EnvFileSink after a crash", () => {
  it("removes temporary files a killed atomic write left behind, and nothing else", async () => {
    const secrets = join(dir, "secrets");
    await mkdir(secrets, { mode: 0o700 });
    await chmod(secrets, 0o700);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(secrets, ".jenkins.env.4242.a1b2c3d4.tmp"), "ATLASSIAN_API_TOKEN=half");
    await writeFile(join(secrets, "keep.env"), "x");
    await new EnvFileSink(secrets).prepare();
    expect((await readdir(secrets)).sort()).toEqual(["keep.env"]);
  });
});

describe("env file values", () => {
  it("quotes a value a shell or dotenv would read specially, and both read it back exactly", async () => {
    const odd = { ...secret, email: "o'k@x", token: "tok $(touch pwned) `id` #x" };
    await expect(new EnvFileSink(join(dir, "a")).deliver(odd)).rejects.toThrow(/ATLASSIAN_EMAIL/);
    const sink = new EnvFileSink(join(dir, "s"));
    await sink.prepare();
    const tricky = { ...secret, token: "tok $(touch pwned) `id` #x \"q\"" };
    await sink.deliver(tricky);
    const file = sink.fileFor(tricky);
    const { parse } = await import("dotenv");
    expect(parse(await readFile(file, "utf8")).ATLASSIAN_API_TOKEN).toBe(tricky.token);
    const { spawnSync } = await import("node:child_process");
    const shell = spawnSync("sh", ["-c", `set -a; . "${file}"; printf %s "$ATLASSIAN_API_TOKEN"`], { cwd: dir, encoding: "utf8" });
    expect(shell.stdout).toBe(tricky.token);
    expect(await sink.readBack(tricky)).toBe(tricky.token);
    await expect(stat(join(dir, "pwned"))).rejects.toThrow();
  });

  it("refuses a token or address with a line break or control character, and escapes them in comments", async () => {
    const sink = new EnvFileSink(join(dir, "s"));
    await sink.prepare();
    for (const bad of [{ token: "abc\nEVIL=1" }, { token: "abc\u0000" }, { email: "a@b\rX=1" }, { gatewayUrl: "https://x\u2028y" }]) {
      await expect(sink.deliver({ ...secret, ...bad })).rejects.toBeInstanceOf(SecretSinkError);
    }
    const named = { ...secret, name: "CI\nNODE_OPTIONS=--require=x\u202e", label: "l\u001b]0;t\u0007" };
    await sink.deliver(named);
    const text = await readFile(sink.fileFor(named), "utf8");
    expect(text.split("\n").filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split("=")[0])).toEqual(["ATLASSIAN_EMAIL", "ATLASSIAN_API_TOKEN", "ATLASSIAN_BASE_URL", "ATLASSIAN_CLOUD_ID"]);
    expect(text).toContain("CI\\u{a}NODE_OPTIONS");
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });

  it("keeps secret file names under 255 bytes for long migration ids, distinct and stable", () => {
    const a = secretSlug("Jenkins CI", `m-${"a".repeat(300)}`);
    const b = secretSlug("Jenkins CI", `m-${"a".repeat(299)}b`);
    expect(Buffer.byteLength(`${a}.env`)).toBeLessThanOrEqual(255);
    expect(a).not.toBe(b);
    expect(secretSlug("Jenkins CI", `m-${"a".repeat(300)}`)).toBe(a);
    expect(secretSlug("Jenkins CI", "m-1")).toBe("jenkins-ci.m-1");
  });
});

describe("CommandSink input checks", () => {
  it("fails a command that leaves stdin unread, and passes one that reads it all", async () => {
    for (const command of ["true", "head -c 5 >/dev/null", "sleep 0.1"]) {
      await expect(new CommandSink(command, { cwd: dir }).deliver(secret), command).rejects.toThrow(/did not read the whole secret/);
    }
    await new CommandSink("cat >/dev/null", { cwd: dir }).deliver(secret);
    await new CommandSink("exit 0; echo never", { cwd: dir }).deliver(secret).then(
      () => expect.unreachable("an early exit 0 left stdin unread"),
      (error: Error) => expect(error.message).toMatch(/did not read the whole secret/),
    );
    await expect(new CommandSink("cat >/dev/null; exit 7", { cwd: dir }).deliver(secret)).rejects.toThrow(/exit 7/);
  });
});

describe("CommandSink deadline", () => {
  it("bounds the whole delivery: a background child holding stderr open does not keep apply waiting", async () => {
    const file = join(dir, "f");
    const started = Date.now();
    await new CommandSink(`cat > '${file}'; (sleep 100 &)`, { cwd: dir, timeoutMs: 3_000 }).deliver(secret);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(JSON.parse(await readFile(file, "utf8")).token).toBe(TOKEN);
  });

  it("kills the command and everything it started when the deadline passes", async () => {
    const pidFile = join(dir, "pid");
    const started = Date.now();
    const error = await new CommandSink(`cat >/dev/null; sleep 100 & echo $! > '${pidFile}'; wait`, { cwd: dir, timeoutMs: 500 })
      .deliver(secret)
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error).toBeInstanceOf(SecretSinkError);
    expect((error as Error).message).toMatch(/did not finish within 1 s/);
    const pid = Number(await readFile(pidFile, "utf8"));
    await new Promise((r) => setTimeout(r, 100));
    // Gone, or a zombie nobody has reaped yet (state Z): either way no longer running.
    const state = await readFile(`/proc/${pid}/stat`, "utf8").then((t) => t.slice(t.lastIndexOf(")") + 2, t.lastIndexOf(")") + 3), () => "gone");
    expect(["gone", "Z", "X"]).toContain(state);
  });
});

describe("CommandSink read-back", () => {
  const store = (d: string) => `cat > '${d}/store-'"$BOT2SVC_MIGRATION_ID"`;
  const readToken = (d: string) => `sed -n 's/.*"token":"\\([^"]*\\)".*/\\1/p' '${d}/store-'"$BOT2SVC_MIGRATION_ID"`;

  it("prints what was stored, with the migration's fields in the environment", async () => {
    const sink = new CommandSink(store(dir), { cwd: dir, readCommand: readToken(dir) });
    await sink.deliver(secret);
    expect(await sink.readBack?.({ name: secret.name, migrationId: "m-1" })).toBe(TOKEN);
    expect(sink.describe()).toBe("secret command (with read-back)");
  });

  it("reads back nothing when a command substitution took stdin and the store got an empty file", async () => {
    const sink = new CommandSink(`cat > '${dir}/store-'"$(cat >/dev/null; printf %s "$BOT2SVC_MIGRATION_ID")"`, { cwd: dir, readCommand: readToken(dir) });
    await sink.deliver(secret);
    expect(await readFile(join(dir, "store-m-1"), "utf8")).toBe("");
    expect(await sink.readBack?.({ name: secret.name, migrationId: "m-1" })).toBeNull();
  });

  it("reports a failing read-back with its stderr, never the token", async () => {
    const sink = new CommandSink("cat >/dev/null", { cwd: dir, readCommand: `echo "no such path; had ${TOKEN}" >&2; exit 2` });
    const error = (await sink.readBack?.({ name: secret.name, migrationId: "m-1" }).catch((e: unknown) => e)) as SecretSinkError;
    expect(error).toBeInstanceOf(SecretSinkError);
    expect(error.message).toMatch(/read-back command failed \(exit 2\)/);
    expect(error.details.join("\n")).toContain("no such path");
  });

  it("has no read-back without a read command", () => {
    expect(new CommandSink("cat").readBack).toBeUndefined();
  });

  it("compares tokens without revealing them", () => {
    expect(sameToken(TOKEN, TOKEN)).toBe(true);
    expect(sameToken(TOKEN, `${TOKEN}x`)).toBe(false);
  });
});

describe("CommandSink stderr redaction", () => {
  it("blanks base64, base64url, hex and URL-encoded forms of the token", async () => {
    const odd = { ...secret, token: "tok/en+with?odd&chars=3xF~~~" };
    const command = [
      "payload=$(cat)",
      `printf '%s' '${odd.token}' | base64 >&2`,
      `printf '%s' "$payload" | base64 -w0 >&2; echo >&2`,
      `printf '%s' '${odd.token}' | base64 | tr '+/' '-_' >&2`,
      `printf '%s' '${odd.token}' | od -An -tx1 | tr -d ' \\n' >&2; echo >&2`,
      `echo '${encodeURIComponent(odd.token)}' >&2`,
      "exit 1",
    ].join("; ");
    const error = (await new CommandSink(command, { cwd: dir }).deliver(odd).catch((e: unknown) => e)) as SecretSinkError;
    const text = error.details.join("\n");
    expect(text.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(5);
    const forms = [Buffer.from(odd.token).toString("base64").slice(0, 20), Buffer.from(odd.token).toString("hex").slice(0, 20), encodeURIComponent(odd.token).slice(0, 20)];
    for (const form of forms) expect(text).not.toContain(form);
  });
});

describe("EnvFileSink owner", () => {
  it("refuses a directory (or the target of a link to one) that belongs to another user", async () => {
    const mine = join(dir, "mine");
    await mkdir(mine, { mode: 0o700 });
    await chmod(mine, 0o700);
    const me = process.getuid?.() ?? 0;
    await expect(new EnvFileSink(mine, dir, { uid: me }).prepare()).resolves.toBeUndefined();
    await symlink(mine, join(dir, "link"));
    await expect(new EnvFileSink(join(dir, "link"), dir, { uid: me + 1 }).prepare()).rejects.toThrow(/belongs to another user \(uid \d+, not \d+\)/);
  });

  it.runIf(process.getuid?.() === 0)("refuses, even as root, a 0700 directory owned by someone else", async () => {
    const theirs = join(dir, "theirs");
    await mkdir(theirs, { mode: 0o700 });
    await chmod(theirs, 0o700);
    await chown(theirs, 65534, 65534);
    await symlink(theirs, join(dir, "link"));
    await expect(new EnvFileSink(join(dir, "link")).prepare()).rejects.toThrow(/belongs to another user/);
  });
});
