import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REDACTED, Redactor, redactClipped, redactSecrets } from "./redact.js";
import { replaceUnsafeChars, sanitizeText, joinLines, singleLine } from "./sanitize.js";

describe("sanitizeText", () => {
  it("shows escape sequences, C1 controls and bidi overrides as visible escapes", () => {
    const hostile = "a\u001b]0;owned\u0007b\u001b[2Jc\u009bd\u202eexe.jpg\u2066e\u0000";
    const out = sanitizeText(hostile);
    expect(out).toBe("a\\u001b]0;owned\\u0007b\\u001b[2Jc\\u009bd\\u202eexe.jpg\\u2066e\\u0000");
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it("keeps tabs, newlines and CRLF but not a bare carriage return", () => {
    expect(sanitizeText("a\tb\nc\r\nd\re")).toBe("a\tb\nc\r\nd\\u000de");
  });

  it("keeps or strips only this CLI's own colour codes when asked to", () => {
    const text = "\u001b[31mred\u001b[39m \u001b[1mbold\u001b[22m \u001b[8mhidden\u001b[0m \u001b[2K";
    expect(sanitizeText(text, { ownColors: "keep" })).toBe("\u001b[31mred\u001b[39m \u001b[1mbold\u001b[22m \\u001b[8mhidden\u001b[0m \\u001b[2K");
    expect(sanitizeText(text, { ownColors: "strip" })).toBe("red bold \\u001b[8mhidden \\u001b[2K");
    expect(sanitizeText(text)).not.toContain("\u001b");
  });

  it("stays valid inside JSON strings", () => {
    const json = JSON.stringify({ name: "x\u202ey\u0085z" });
    expect(JSON.parse(sanitizeText(json))).toEqual({ name: "x\u202ey\u0085z" });
  });

  it("replaces with a fixed character for tables", () => {
    expect(replaceUnsafeChars("a\u001b[2Jb\u202ec", "\uFFFD")).toBe("a\uFFFD[2Jb\uFFFDc");
  });
});

describe("singleLine", () => {
  it("escapes every line break a terminal or editor honours, and leaves the rest to sanitizeText", () => {
    expect(singleLine("a\nX=1\rb\u000bc\u000cd\u0085e\u2028f\u2029g\th")).toBe("a\\u000aX=1\\u000db\\u000bc\\u000cd\\u0085e\\u2028f\\u2029g\th");
    expect(joinLines(["one", "two\nthree"])).toBe("one\ntwo\\u000athree");
    expect(sanitizeText("x\u2028y")).toBe("x\\u2028y");
  });
});

describe("redaction", () => {
  it("scrubs longer secrets first so no part of an overlapping one is left", () => {
    expect(redactSecrets("u:tok123456 and tok123456", ["tok123456", "u:tok123456"])).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it("the Redactor ignores short secrets and scrubs Authorization values", () => {
    const r = new Redactor();
    r.add("abc");
    r.add("secret-value-1");
    expect(r.redact("abc secret-value-1 Bearer abcdefghijkl")).toBe(`abc ${REDACTED} Bearer ${REDACTED}`);
  });

  it("blanks a secret cut off at the end of clipped text", () => {
    expect(redactClipped("out: supersec", "supersecret", 13)).toBe(`out: ${REDACTED}`);
  });

  it("is written once: no other source file builds its own [REDACTED] replacement", () => {
    const root = join(import.meta.dirname, "..", "..");
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".ts") && !name.endsWith(".test.ts") && readFileSync(path, "utf8").includes("[REDACTED]")) {
          offenders.push(relative(root, path));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([join("core", "text", "redact.ts")]);
  });
});

describe("encoded secret forms", () => {
  it("scrubs a token's URL-encoded, hex and base64 forms, also inside longer base64", () => {
    const token = "tok/en+with?odd&chars=3xF~~~";
    for (const prefix of ["", "a", "ab", '{"token":"']) {
      const b64 = Buffer.from(`${prefix}${token}"}`).toString("base64");
      const out = redactSecrets(`x ${b64} y`, [token]);
      expect(out, prefix).toContain(REDACTED);
      expect(out).not.toContain(Buffer.from(token).toString("base64").slice(4, 20));
    }
    expect(redactSecrets(Buffer.from(token).toString("hex"), [token])).toBe(REDACTED);
    expect(redactSecrets(Buffer.from(token).toString("hex").toUpperCase(), [token])).toBe(REDACTED);
    expect(redactSecrets(encodeURIComponent(token), [token])).toBe(REDACTED);
    expect(redactSecrets(Buffer.from(token).toString("base64url"), [token])).toContain(REDACTED);
    expect(redactSecrets("nothing to see", [token])).toBe("nothing to see");
  });
});
