import { describe, expect, it } from "vitest";
import { makePlan } from "../../../test/apply/harness.js";
import { countWrites } from "./preflight.js";
import { manualTokenInstructions, parseTokenFile } from "./manual.js";

const plan = makePlan({ select: ["jenkins@acme.com", "wiki-sync@acme.com"], capabilities: { mintToken: false } });
const [a, b] = plan.migrations.map((m) => m.id) as [string, string];

describe("parseTokenFile", () => {
  it("reads <migration id>=<token> lines, skipping blanks and comments", () => {
    const tokens = parseTokenFile(`# tokens\n\n${a}=tok-aaaaaaaa\n${b}= tok-bbbbbbbb \n`, "t.txt", plan, [a, b]);
    expect([...tokens]).toEqual([
      [a, "tok-aaaaaaaa"],
      [b, "tok-bbbbbbbb"],
    ]);
  });

  it("accepts a bare token only when exactly one migration waits", () => {
    expect([...parseTokenFile("ATATT-bare-token\n", "t.txt", plan, [b])]).toEqual([[b, "ATATT-bare-token"]]);
    expect(() => parseTokenFile("ATATT-bare-token\n", "t.txt", plan, [a, b])).toThrow(/single token, but 2 migrations wait/);
  });

  it("names bad lines without echoing the token", () => {
    const error = (() => {
      try {
        parseTokenFile(`${a}=ok-token\nm-unknown=SECRET-VALUE\n`, "t.txt", plan, [a]);
      } catch (e) {
        return e as Error & { details: string[] };
      }
      throw new Error("expected a failure");
    })();
    expect(error.details).toEqual(["line 2: expected <migration id>=<token> for a migration of this plan"]);
    expect(JSON.stringify(error)).not.toContain("SECRET-VALUE");
  });

  it("numbers bad lines as they are in the file, comments and blank lines included", () => {
    let details: string[] = [];
    try {
      parseTokenFile(`# tokens\n\n${a}=ok-token\nm-unknown=SECRET-VALUE\n${b}=two words\n`, "t.txt", plan, [a, b]);
    } catch (e) {
      details = (e as { details: string[] }).details;
    }
    expect(details).toEqual(["line 4: expected <migration id>=<token> for a migration of this plan", `line 5: the token of ${b} holds a space`]);
  });

  it("refuses a token with a character pasted along, naming it and not the token", () => {
    const error = (() => {
      try {
        parseTokenFile(`SECRET\u200bVALUE\n`, "t.txt", plan, [a]);
      } catch (e) {
        return e as Error & { details: string[] };
      }
      throw new Error("expected a failure");
    })();
    expect(error.details).toEqual(["line 1: the token holds a character that is not printable ASCII (U+200B)"]);
    expect(JSON.stringify(error)).not.toContain("SECRET");
    expect(() => parseTokenFile(`${a}=tok\u00a0en\n`, "t.txt", plan, [a])).toThrow(/not a valid token file/);
  });
});

describe("manualTokenInstructions", () => {
  it("says exactly where to click and what to enter", () => {
    const m = plan.migrations[0];
    if (m === undefined) throw new Error("no migration");
    const lines = manualTokenInstructions(m, { email: "sa@serviceaccount.atlassian.com" }, new Date("2026-11-01T00:00:00Z"));
    expect(lines.join("\n")).toContain(`Directory → Service accounts → ${m.serviceAccount.displayName}`);
    expect(lines.join("\n")).toContain(`Label: ${m.credential.label}`);
    expect(lines.join("\n")).toContain(`Scopes: ${m.credential.scopes.join(", ")}`);
    expect(lines.join("\n")).toMatch(/Expiry: 2027-11-01 \(365 days\)/);
  });
});

describe("countWrites", () => {
  it("counts the directory writes still to make (manual mints are not ours)", () => {
    // jenkins: create + 1 role + 1 group + suspend; wiki: create + 1 role + 1 group + suspend.
    expect(countWrites(plan.migrations, new Map())).toBe(8);
  });
});
