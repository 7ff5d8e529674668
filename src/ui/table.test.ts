import stringWidth from "string-width";
import { beforeAll, describe, expect, it } from "vitest";
import { makeColors } from "./colors.js";
import { fitLine, loadDisplayWidths, renderTable, terminalSafe, truncateText, visibleWidth, wrapText } from "./table.js";

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

describe("wide characters and accents stored apart", () => {
  beforeAll(loadDisplayWidths);
  // "José" as NFD writes it (e and a combining acute), Hangul, Hanzi and a katakana name.
  const names = ["Jira 알림봇", "钉钉机器人", "Jose\u0301 Pe\u0301rez", "ロボ 太郎", "Ana Lobo"];

  it("measures the columns a line takes, not its characters", () => {
    expect(visibleWidth("알림봇")).toBe(6);
    expect(visibleWidth("Jose\u0301")).toBe(4);
    expect(visibleWidth("\u001b[1m钉钉\u001b[22m")).toBe(4);
  });

  it("keeps every line of a table as wide as the others", () => {
    const table = renderTable({ head: ["Name", "Verdict"], rows: names.map((n) => [n, "likely-bot"]), colors: makeColors(false) });
    // Measured as a terminal lays them out (string-width), not by the function under test.
    const widths = new Set(table.split("\n").map((line) => stringWidth(line)));
    expect([...widths]).toHaveLength(1);
  });

  it("keeps every line as wide as the widths given, cutting wide names by columns", () => {
    const table = renderTable({ head: ["Name", "Verdict"], rows: names.map((n) => [n, "bot"]), colors: makeColors(false), widths: [7, 7] });
    for (const line of table.split("\n")) expect([line, stringWidth(line)]).toEqual([line, 1 + (7 + 3) * 2]);
  });

  it("cuts a line between characters, never a letter from its accent", () => {
    expect(fitLine("钉钉机器人", 6)).toBe("钉钉…");
    expect(fitLine("Jose\u0301 Pe\u0301rez", 5)).toBe("Jose\u0301…");
    for (const n of names) for (let w = 1; w <= 12; w++) expect([n, w, stringWidth(fitLine(n, w)) <= w]).toEqual([n, w, true]);
  });
});
