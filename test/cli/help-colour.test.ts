import { describe, expect, it } from "vitest";
import { COMMANDS, commandNameOf } from "../../src/main.js";
import type { CliDeps } from "../../src/context.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";

// SGR sequences, i.e. colour and bold; a spinner's cursor controls are not colour.
const SGR = /\u001b\[[0-9;]*m/;

describe("command index", () => {
  it("lists each command with its module's own description", async () => {
    const deps = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: makeTempDir(), now: () => new Date(0) } as CliDeps;
    for (const entry of COMMANDS) {
      const command = (await entry.load())(deps);
      expect(command.name()).toBe(entry.name);
      expect(command.description()).toBe(entry.description);
    }
  });

  it.each([
    [["audit", "--demo"], "audit"],
    [["--config", "c.json", "plan"], "plan"],
    [["--json", "-q", "status"], "status"],
    [["help", "show"], "show"],
    [["--help"], undefined],
  ])("finds the command in %j", (argv, name) => {
    expect(commandNameOf(argv)).toBe(name);
  });
});

describe("help", () => {
  it.each(COMMANDS.map((c) => c.name))("`%s --help` lists the global options", async (name) => {
    const { code, stdout } = await runCli([name, "--help"]);
    expect(code).toBe(0);
    for (const flag of ["--json", "-q, --quiet", "-y, --yes", "--no-color", "--config <file>"]) expect(stdout).toContain(flag);
  });

  it("lists every command at the top level", async () => {
    const { stdout } = await runCli(["--help"]);
    for (const entry of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${entry.name} `, "m"));
  });

  it("prefixes usage errors like every other error", async () => {
    const { code, stderr } = await runCli(["audit", "--bogus"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Error: unknown option '--bogus'/);
  });
});

describe("colour switch", () => {
  const onTerminal = { stdoutIsTTY: true, stderrIsTTY: true } as const;

  it("colours a terminal by default", async () => {
    const { stdout } = await runCli(["audit", "--demo"], onTerminal);
    expect(stdout).toMatch(SGR);
  });

  it.each([
    ["NO_COLOR=1", [], { NO_COLOR: "1" }],
    ["FORCE_COLOR=0", [], { FORCE_COLOR: "0" }],
    ["--no-color", ["--no-color"], {}],
  ])("%s turns off colour in the table, the logger's ✔ and the spinner", async (_label, flags, env) => {
    const cwd = makeTempDir();
    const table = await runCli(["audit", "--demo", ...flags], { ...onTerminal, env, cwd });
    expect(table.stdout).toContain("│ Verdict");
    expect(table.stdout).not.toMatch(SGR);
    const file = await runCli(["audit", "--demo", "--format", "json", "--output", "r.json", ...flags], { ...onTerminal, env, cwd });
    expect(file.stderr).toContain("✔ Wrote json report to r.json");
    expect(file.stderr).not.toMatch(SGR);
  });

  it("FORCE_COLOR=1 colours output that is piped", async () => {
    const { stdout } = await runCli(["audit", "--demo", "--format", "table"], { env: { FORCE_COLOR: "1" } });
    expect(stdout).toMatch(SGR);
  });
});
