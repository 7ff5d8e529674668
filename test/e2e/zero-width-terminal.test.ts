import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBuiltCli } from "../helpers/built-cli.js";
import { makeTempDir } from "../helpers/run-cli.js";

// `script` runs the CLI on a pseudo-terminal; with no terminal of its own on stdin, that terminal
// reports 0 columns, as under `docker -t` and some CI runners.
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

beforeAll(() => ensureBuiltCli());

describe.skipIf(!hasScript)("on a terminal that reports 0 columns", () => {
  it("a command with a spinner ends and prints plain progress lines", () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} audit --demo --format json --output /dev/null`;
    const run = spawnSync("script", ["-qfec", command, "/dev/null"], {
      cwd: makeTempDir(),
      env: { PATH: process.env.PATH ?? "", TERM: "xterm" },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      timeout: 30_000,
      maxBuffer: 1024 * 1024,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeLessThan(2_000);
    expect(run.stdout).toMatch(/✔.* Wrote json report to \/dev\/null/);
    expect(run.stdout).not.toMatch(/\u001b\[\d*[AK]/);
  });
});
