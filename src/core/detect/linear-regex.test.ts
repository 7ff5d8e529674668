import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../paths.js";
import { detectionConfigSchema } from "./config.js";
import { compileMatchers } from "./features/matchers.js";
import { compileLinear, linearProblem } from "./linear-regex.js";

describe("linear-time patterns", () => {
  it("answers (a|a)*$ on 34 a's and a ! at once, where a backtracking engine takes minutes", () => {
    const started = performance.now();
    expect(compileLinear("(a|a)*$").test(`${"a".repeat(34)}!`)).toBe(true);
    expect(compileLinear("^(a|a)*$").test(`${"a".repeat(5_000)}!`)).toBe(false);
    expect(compileLinear("^(a+)+b").test(`${"a".repeat(5_000)}!`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("is case-insensitive and knows named groups, \\d and \\b; refuses look-around and back-references", () => {
    expect(compileLinear("^bot(?<n>\\d+)$").test("BOT42")).toBe(true);
    expect(compileLinear("\\bcurl/").test("Curl/8.1")).toBe(true);
    expect(compileLinear("\\bcurl/").test("xcurl/8.1")).toBe(false);
    for (const source of ["svc(?=-)", "(?<=x)ops", "(?!bot)x", "(a)\\1"]) expect(linearProblem(source), source).not.toBeNull();
  });

  it("reads a mailbox of a role word repeated, and a letter after it, at once on V8's engine too, with the linear engine's answers", () => {
    // Each `it` is a role word and a country's code: read every way, 26 of them took over a
    // minute, more than the test's limit (22 took 3 s, 24 took 12 s). An invited guest chooses
    // their own address.
    const config = detectionConfigSchema.parse({});
    const fast = compileMatchers(config);
    const linear = compileMatchers(config, { linear: true });
    // And a role word with a hyphen inside, after another (`it-services`), is read whole.
    for (const text of [`${"it.".repeat(26)}x`, `${"it.".repeat(26)}it`, `${"sales.us-".repeat(20)}x`, `${"do-not-reply.".repeat(20)}jp`, "support.it-services", "desk.shared-services", "servicedesk-travaux-publics", "helpdesk-it-service", `${"it.".repeat(7)}it-services`]) {
      expect(fast.roleMailbox.test(text), text.slice(0, 20)).toBe(linear.roleMailbox.test(text));
    }
    expect(fast.roleMailbox.test(`${"it.".repeat(26)}it`)).toBe(true);
    expect(fast.roleMailbox.test(`${"it.".repeat(26)}x`)).toBe(false);
  });

  it("the built-in lists give the same answers on V8's engine and on the linear one, over the demo org", () => {
    const org = JSON.parse(readFileSync(join(packageRoot(), "fixtures", "demo-org.json"), "utf8")) as {
      users: { name: string; email?: string | null; nickname?: string | null }[];
      events?: { userAgent?: string | null }[];
    };
    const config = detectionConfigSchema.parse({});
    const fast = compileMatchers(config);
    const linear = compileMatchers(config, { linear: true });
    const texts = new Set<string>();
    for (const u of org.users) {
      texts.add(u.name);
      if (u.email) texts.add(u.email.split("@")[0] ?? "");
      if (u.nickname) texts.add(u.nickname);
    }
    for (const extra of ["jenkins-ci", "sarah.jenkins", "it-ops-2", "release_bot7", "Bot", "abbot", "no-reply", "x-svc-"]) texts.add(extra);
    const agents = new Set((org.events ?? []).map((e) => e.userAgent ?? "").filter((a) => a !== ""));
    let hits = 0;
    for (const key of ["nameWord", "nameLeadingWord", "nameAfterTeamWord", "nameToken", "roleMailbox"] as const) {
      for (const text of texts) {
        const answer = fast[key].test(text);
        expect(linear[key].test(text), `${key} ${text}`).toBe(answer);
        if (answer) hits++;
      }
    }
    for (const agent of agents) expect(linear.automationUserAgent.test(agent), agent).toBe(fast.automationUserAgent.test(agent));
    expect(hits).toBeGreaterThan(20);
    expect(texts.size).toBeGreaterThan(100);
  });
});
