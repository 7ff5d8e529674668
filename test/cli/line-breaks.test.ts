import { afterEach, describe, expect, it } from "vitest";
import type { Snapshot } from "../../src/core/snapshot/schema.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/server.js";
import { applyOrg, envFor } from "../apply/harness.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

/** Lines of output with colours and indentation taken off. */
function lines(text: string): string[] {
  return text.split("\n").map((l) => l.replace(/\u001b\[[0-9;]*m/g, "").trimStart());
}

describe("line breaks from data in single-line output", () => {
  it("a token label, a name and the org name with line breaks never start a line of their own", async () => {
    const org: Snapshot = applyOrg();
    org.org.name = "Acme\nZ=1";
    const jenkins = org.users.find((u) => u.accountId === "a-jenkins");
    if (jenkins) jenkins.name = "Jenkins CI\u2028X=1";
    for (const t of org.apiTokens) if (t.accountId === "a-jenkins") t.label = `${t.label}\nX=1`;
    emu = await startEmulator({ snapshot: org, port: 0, seed: 7, now: () => new Date("2026-11-01T12:00:00.000Z"), serviceAccountWrites: "accept" });
    const cwd = makeTempDir();
    const env = envFor(emu);
    const outputs: string[] = [];
    const run = async (args: string[], expected: number[]) => {
      const r = await runCli(args, { cwd, env });
      expect(expected, `${args.join(" ")}: ${r.stderr}`).toContain(r.code);
      outputs.push(r.stdout, r.stderr);
      return r;
    };
    await run(["plan", "--yes", "--select", "jenkins@acme.com", "--now", "2026-11-01T00:00:00Z", "--out", "plan.json"], [0, 2]);
    const show = await run(["show", "plan.json"], [0]);
    await run(["apply", "plan.json", "--dry-run", "--secrets-dir", "s"], [0]);
    await run(["apply", "plan.json", "--yes", "--secrets-dir", "s"], [0]);
    await run(["status"], [0]);
    await run(["rollback", "--yes"], [0]);
    await run(["doctor"], [0, 1]);
    for (const out of outputs) {
      for (const line of lines(out)) expect(line, out).not.toMatch(/^[XZ]=1/);
      expect(out).not.toMatch(/[\u2028\u2029\u0085\u000b\u000c]/);
    }
    // The values are there, escaped, not dropped.
    expect(show.stdout).toMatch(/\\u000aX=1|\\u2028X=1/);
    expect(show.stdout).toContain("Acme\\u000aZ=1");
  });
});
