import { describe, expect, it } from "vitest";
import { detectionConfigSchema } from "../config.js";
import { canonicalAction, compileMatchers, RecentAnswers } from "./matchers.js";
import type { TextMatcher } from "../linear-regex.js";

/** A matcher that counts how often it is asked. */
function counting(pattern: RegExp): TextMatcher & { calls: number } {
  const matcher = {
    calls: 0,
    test(text: string): boolean {
      matcher.calls++;
      return pattern.test(text);
    },
  };
  return matcher;
}

describe("RecentAnswers", () => {
  it("answers as the matcher it wraps, running it once for a text asked again soon", () => {
    const inner = counting(/bot/i);
    const recent = new RecentAnswers(inner);
    const mailbox = "deploy-bot";
    const name = "Sarah Jenkins";
    expect([recent.test(mailbox), recent.test(name), recent.test(mailbox), recent.test(name), recent.test(mailbox)]).toEqual([true, false, true, false, true]);
    expect(inner.calls).toBe(2);
    // An equal text built anew is the same question.
    expect(recent.test(["deploy", "bot"].join("-"))).toBe(true);
    expect(inner.calls).toBe(2);
  });

  it("forgets the oldest texts, never answering for a text it no longer holds", () => {
    const inner = counting(/^a/);
    const recent = new RecentAnswers(inner);
    const texts = ["a1", "b1", "a2", "b2", "a3", "b3", "a1", "b1"];
    expect(texts.map((t) => recent.test(t))).toEqual(texts.map((t) => t.startsWith("a")));
    // Six distinct texts, then two that had been pushed out of the last four: all eight run.
    expect(inner.calls).toBe(8);
    expect(recent.test("b3")).toBe(false);
    expect(inner.calls).toBe(8);
  });

  it("keeps the compiled bot-name patterns' answers unchanged", () => {
    const config = detectionConfigSchema.parse({});
    const matchers = compileMatchers(config);
    const plain = new RegExp(`(?:^|[^a-z0-9])(?:${config.namePatterns.map((s) => `(?:${s})`).join("|")})\\d*(?:[^a-z0-9]|$)`, "i");
    for (const text of ["jenkins", "sarah.jenkins", "Sarah Jenkins", "abbot", "release_bot7", "jenkins", "x-svc-", "Sarah Jenkins", ""]) {
      expect(matchers.nameWord.test(text), text).toBe(plain.test(text));
    }
  });
});

describe("canonicalAction", () => {
  it("reads the sign-in in any letter case, separator or product prefix", () => {
    for (const key of ["user_login", "USER_LOGIN", "user.login", "UserLogin", "user-login", "jira:user_login", "Confluence.User.Login"]) expect(canonicalAction(key)).toBe("user_login");
  });
  it("writes other keys in lower case with words joined by `_`, and leaves other names alone", () => {
    expect(canonicalAction("USER_EMAIL_OTP_CHALLENGE")).toBe("user_email_otp_challenge");
    expect(canonicalAction("emailOtpSent")).toBe("email_otp_sent");
    expect(canonicalAction("user_logout")).toBe("user_logout");
    expect(canonicalAction("user_login_failed")).toBe("user_login_failed");
    expect(canonicalAction("jira:user_login_email_challenge")).toBe("jira_user_login_email_challenge");
  });
});
