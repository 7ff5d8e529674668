import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { makeColors } from "./colors.js";
import { spinnerFactory } from "./spinner.js";

/**
 * A fake terminal that records what a spinner draws. Redrawing calls moveCursor/clearLine; past
 * `limit` calls it throws, so a spinner that erases without end fails the test instead of hanging it.
 */
function fakeTerminal(columns: number, limit = 10_000) {
  const chunks: string[] = [];
  let cursorCalls = 0;
  const cursor = () => {
    if (++cursorCalls > limit) throw new Error(`more than ${limit} cursor movements`);
    return true;
  };
  const stream = Object.assign(new EventEmitter(), {
    isTTY: true,
    columns,
    rows: 24,
    write(chunk: string | Uint8Array) {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      if (chunks.length > limit) throw new Error(`more than ${limit} writes`);
      return true;
    },
    cursorTo: cursor,
    moveCursor: cursor,
    clearLine: cursor,
  });
  return { stream, text: () => chunks.join(""), cursorCalls: () => cursorCalls };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runSpinner(columns: number) {
  const term = fakeTerminal(columns);
  const make = await spinnerFactory(true, term.stream as unknown as NodeJS.WriteStream, makeColors(false));
  const spinner = make();
  spinner.start("Reading the snapshot");
  await wait(250);
  spinner.update("Scoring 50 accounts");
  await wait(250);
  spinner.succeed("Audited 50 accounts");
  return term;
}

describe("spinner", () => {
  it("animates on a terminal with a width", async () => {
    const term = await runSpinner(80);
    expect(term.cursorCalls()).toBeGreaterThan(0);
    expect(term.text()).toContain("✔ Audited 50 accounts\n");
  });

  it("prints plain progress lines, without redrawing, on a terminal that reports 0 columns", async () => {
    const term = await runSpinner(0);
    expect(term.cursorCalls()).toBe(0);
    expect(term.text()).not.toMatch(/\u001b\[\d*[ABKG]/);
    expect(term.text()).toBe("- Reading the snapshot\n✔ Audited 50 accounts\n");
  });
});
