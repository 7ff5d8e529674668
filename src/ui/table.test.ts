import { describe, expect, it } from "vitest";
import { makeColors } from "./colors.js";
import { renderTable, terminalSafe, truncateText, wrapText } from "./table.js";

describe("wrapText", () => {
  it("wraps at word boundaries", () => {
    expect(wrapText("the quick brown fox jumps over", 10, 5)).toEqual(["the quick", "brown fox", "jumps over"]);
  });

  it("cuts what does not fit in the last allowed line with an ellipsis", () => {
    const lines = wrapText("API token `jenkins-prod` used 2026-10-31 (less than a day before); last UI activity never", 30, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("API token `jenkins-prod` used");
    expect(lines[1]!.endsWith("…")).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
  });

  it("cuts words longer than a line", () => {
    expect(wrapText("a abcdefghijkl b", 5, 5)).toEqual(["a", "abcde", "fghij", "kl b"]);
  });

  it("returns no lines for empty text", () => {
    expect(wrapText("  ", 10, 2)).toEqual([]);
  });
});

describe("truncateText", () => {
  it("prefers a word boundary near the end", () => {
    expect(truncateText("alpha beta gamma delta", 18)).toBe("alpha beta gamma…");
  });
});

describe("terminalSafe", () => {
  it("replaces control characters but keeps newlines", () => {
    expect(terminalSafe("a\u001b[2Jb\nc\u009bd")).toBe("a\uFFFD[2Jb\nc\uFFFDd");
  });
});

describe("renderTable", () => {
  it("writes no colour codes when colour is off, and bold headers when on", () => {
    const spec = { head: ["A", "B"], rows: [["1", "2"]] };
    expect(renderTable({ ...spec, colors: makeColors(false) })).not.toMatch(/\u001b/);
    expect(renderTable({ ...spec, colors: makeColors(true) })).toContain("\u001b[1mA\u001b[22m");
  });
});
