import { describe, expect, it } from "vitest";
import { PromptCancelledError } from "../../src/ui/prompts.js";
import { ANSI_PATTERN, FIXED_NOW, fixturePath, runCli, scriptedPrompts } from "../helpers/run-cli.js";

describe("scriptedPrompts", () => {
  it("answers expected prompts in order and checks type and message", async () => {
    const script = scriptedPrompts([
      { type: "confirm", message: /apply 3 changes/i, answer: true },
      { type: "checkbox", message: "Select", answer: (_m: string, choices: { value: string }[]) => choices.map((c) => c.value).slice(0, 1) },
      { type: "password", answer: "s3cret-token" },
    ]);
    await expect(script.prompts.confirm("Apply 3 changes?")).resolves.toBe(true);
    await expect(script.prompts.checkbox("Select accounts", [{ name: "a", value: "a" }, { name: "b", value: "b" }])).resolves.toEqual(["a"]);
    await expect(script.prompts.password("Token")).resolves.toBe("s3cret-token");
    expect(script.asked.map((p) => p.type)).toEqual(["confirm", "checkbox", "password"]);
    expect(() => script.verify()).not.toThrow();
  });

  it("throws on an unexpected prompt and records it", async () => {
    const script = scriptedPrompts();
    await expect(script.prompts.confirm("Delete everything?")).rejects.toThrow(/unexpected confirm prompt "Delete everything\?"/);
    expect(() => script.verify()).toThrow(/Prompt script violated/);
  });

  it("throws on a wrong type or a message that does not match", async () => {
    const wrongType = scriptedPrompts([{ type: "confirm", answer: true }]);
    await expect(wrongType.prompts.password("Token")).rejects.toThrow(/expected a confirm prompt, got a password prompt/);
    const wrongMessage = scriptedPrompts([{ type: "confirm", message: /suspend/, answer: true }]);
    await expect(wrongMessage.prompts.confirm("Delete?")).rejects.toThrow(/does not match/);
  });

  it("reports expected prompts that were never asked", () => {
    const script = scriptedPrompts([{ type: "confirm", message: /Apply/, answer: true }]);
    expect(script.remaining()).toHaveLength(1);
    expect(() => script.verify()).toThrow(/expected confirm prompt matching \/Apply\/ was never asked/);
  });

  it("throws an Error answer, e.g. to simulate Ctrl-C", async () => {
    const script = scriptedPrompts([{ type: "confirm", answer: new PromptCancelledError() }]);
    await expect(script.prompts.confirm("Go?")).rejects.toBeInstanceOf(PromptCancelledError);
  });
});

describe("runCli", () => {
  it("captures stdout and stderr, returns the exit code and a fresh cwd", async () => {
    const a = await runCli(["--version"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(a.stderr).toBe("");
    const b = await runCli(["--version"]);
    expect(b.cwd).not.toBe(a.cwd);
  });

  it("gives the CLI a fixed clock", async () => {
    const { stdout } = await runCli(["audit", "--snapshot", fixturePath("audit-clean.json"), "--format", "json"]);
    expect((JSON.parse(stdout) as { generatedAt: string }).generatedAt).toBe(FIXED_NOW.toISOString());
    const later = await runCli(["audit", "--snapshot", fixturePath("audit-clean.json")], { now: "2027-01-01T00:00:00Z" });
    expect((JSON.parse(later.stdout) as { generatedAt: string }).generatedAt).toBe("2027-01-01T00:00:00.000Z");
  });

  it("runs a spinner on a fake terminal stderr without breaking stdout", async () => {
    const { code, stdout, stderr } = await runCli(["audit", "--snapshot", fixturePath("audit-clean.json"), "--format", "json"], {
      stderrIsTTY: true,
    });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ANSI_PATTERN);
    expect(JSON.parse(stdout)).toMatchObject({ kind: "bot2svc.audit" });
    expect(stderr).toContain("Read 3 accounts from snapshot");
  });

  it("exits 1 and prints help when no command is given", async () => {
    const { code, stderr } = await runCli([]);
    expect(code).toBe(1);
    expect(stderr).toContain("Usage: bot2svc");
  });

  it("exits 0 for help", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Examples:");
  });
});
