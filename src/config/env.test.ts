import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../paths.js";
import { ENV_VARS, envFlag } from "./env.js";

describe(".env.example", () => {
  const text = readFileSync(join(packageRoot(), ".env.example"), "utf8");
  const listed = [...text.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);

  it("lists every variable bot2svc reads, each with a comment above it", () => {
    expect(listed.sort()).toEqual(Object.keys(ENV_VARS).sort());
    const lines = text.split("\n");
    for (const name of Object.keys(ENV_VARS)) {
      const index = lines.findIndex((line) => line.startsWith(`${name}=`));
      expect(lines[index - 1], `${name} needs a comment line`).toMatch(/^# /);
    }
  });

  it("holds no secret values", () => {
    for (const line of text.split("\n")) {
      if (/_(API_KEY|TOKEN)=/.test(line)) expect(line).toMatch(/=$/);
    }
  });
});

describe("envFlag", () => {
  it.each([
    ["1", true],
    ["true", true],
    ["YES", true],
    ["0", false],
    ["", false],
    [undefined, false],
  ])("%s → %s", (value, expected) => {
    expect(envFlag(value)).toBe(expected);
  });
});
