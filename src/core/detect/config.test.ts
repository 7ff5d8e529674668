import { describe, expect, it } from "vitest";
import { detectionConfigSchema } from "./config.js";

describe("detectionConfigSchema", () => {
  it("fills every default from an empty object", () => {
    const config = detectionConfigSchema.parse({});
    expect(config.thresholds.botScore).toBe(6);
    expect(config.thresholds.likelyBotScore).toBe(3);
    expect(config.emailOtpActions).toEqual(["email_otp_sent", "user_email_otp_challenge"]);
    expect(config.namePatterns).toContain("jenkins");
    expect(config.weights).toEqual({});
    expect(config.disabledRules).toEqual([]);
  });

  it.each([
    { name: "a bad name pattern, by index", input: { namePatterns: ["ok", "bad("] }, path: ["namePatterns", 1], message: /pattern #1/ },
    { name: "a bad user-agent pattern", input: { automationUserAgents: ["[x"] }, path: ["automationUserAgents", 0], message: /not a valid regular expression/ },
    { name: "an unknown key", input: { bogus: true }, path: [], message: /bogus/ },
    { name: "an unknown threshold", input: { thresholds: { botscore: 3 } }, path: ["thresholds"], message: /botscore/ },
    { name: "an unknown rule id in weights", input: { weights: { "no-such-rule": 1 } }, path: ["weights"], message: /no-such-rule/ },
    { name: "an unknown disabled rule", input: { disabledRules: ["nope"] }, path: ["disabledRules", 0], message: /./ },
    { name: "a look-ahead, which the linear-time matcher cannot run", input: { namePatterns: ["bot", "svc(?=-)"] }, path: ["namePatterns", 1], message: /pattern #1 \("svc\(\?=-\)"\) cannot run on the linear-time matcher/ },
    { name: "a look-behind in a role-mailbox pattern", input: { roleMailboxPatterns: ["(?<=x)ops"] }, path: ["roleMailboxPatterns", 0], message: /linear-time matcher/ },
    { name: "two patterns naming the same group", input: { namePatterns: ["(?<kind>bot)", "(?<kind>svc)"] }, path: ["namePatterns", 1], message: /patterns #0 and #1 both name a group "kind"/ },
    { name: "a back-reference (cannot be combined with the other patterns)", input: { namePatterns: ["(a)\\1"] }, path: ["namePatterns", 0], message: /back-reference/ },
    { name: "inverted thresholds", input: { thresholds: { botScore: 2, likelyBotScore: 3 } }, path: ["thresholds", "likelyBotScore"], message: /must not be above/ },
  ])("reports $name", ({ input, path, message }) => {
    const result = detectionConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue, JSON.stringify(result.error?.issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it("accepts patterns that backtrack catastrophically elsewhere: they run in linear time", () => {
    const result = detectionConfigSchema.safeParse({ namePatterns: ["(a|a)*$", "(a+)+$"], roleMailboxPatterns: ["(\\w+\\s?)+$"] });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it("accepts every default pattern (they are checked the same way)", () => {
    const defaults = detectionConfigSchema.parse({});
    const result = detectionConfigSchema.safeParse({
      namePatterns: defaults.namePatterns,
      roleMailboxPatterns: defaults.roleMailboxPatterns,
      automationUserAgents: defaults.automationUserAgents,
    });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});
