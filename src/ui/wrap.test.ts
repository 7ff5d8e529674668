import { describe, expect, it } from "vitest";
import { makeColors } from "./colors.js";
import { Logger } from "./logger.js";
import { Redactor } from "./redact.js";
import { wrapParagraph } from "./wrap.js";

describe("wrapParagraph", () => {
  it("wraps at spaces within the width, with a hanging indent", () => {
    expect(wrapParagraph("why: one two three four five six", 16, { first: "  ", rest: "       " })).toEqual(["  why: one two", "       three", "       four five", "       six"]);
  });

  it("keeps a word longer than the line whole, on a line of its own", () => {
    const url = "https://api.atlassian.com/ex/jira/dfe9caf7-2a73-4d4a-abb2-7ce4ee3327dd";
    expect(wrapParagraph(`use ${url} now`, 20)).toEqual(["use", url, "now"]);
  });

  it("starts each line of the text on a new line, keeping its own leading spaces", () => {
    expect(wrapParagraph("Steps:\n  1. open the admin page\n  2. done", 18)).toEqual(["Steps:", "  1. open the", "  admin page", "  2. done"]);
  });

  it("measures colour codes as nothing and carries an open colour to the next line", () => {
    const c = makeColors(true);
    const lines = wrapParagraph(c.dim("alpha beta gamma delta"), 11, { first: "", rest: "  " });
    expect(lines.map((l) => l.replace(/\u001b\[\d+m/g, ""))).toEqual(["alpha beta", "  gamma", "  delta"]);
    expect(lines[0]).toBe("\u001b[2malpha beta\u001b[0m");
    expect(lines[1]).toBe("  \u001b[2mgamma\u001b[0m");
    expect(lines[2]).toBe("  \u001b[2mdelta\u001b[22m");
  });

  it("leaves each paragraph on one line without a width", () => {
    expect(wrapParagraph("a b c", undefined, { first: "- " })).toEqual(["- a b c"]);
  });
});

describe("Logger width", () => {
  const capture = (width?: number) => {
    let out = "";
    const logger = new Logger({ write: (s: string) => (out += s) }, "info", makeColors(false), new Redactor(), width);
    return { logger, text: () => out };
  };

  it("wraps a message under its text when the width is known", () => {
    const { logger, text } = capture(30);
    logger.warn("Left out deploy@acme.com: org or site admin");
    logger.info("✔ jenkins@acme.com: service account created");
    expect(text()).toBe("warning Left out\n        deploy@acme.com: org\n        or site admin\n✔ jenkins@acme.com: service\n  account created\n");
  });

  it("keeps one line per message without a width (piped, no COLUMNS)", () => {
    const { logger, text } = capture();
    logger.warn("Left out deploy@acme.com: org or site admin; re-run with --include-admins to migrate it");
    expect(text().split("\n")).toHaveLength(2);
  });
});
