import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../paths.js";
import { ENDPOINTS } from "./endpoints.js";

describe("docs/atlassian-api.md", () => {
  const doc = readFileSync(join(packageRoot(), "docs", "atlassian-api.md"), "utf8");
  const rows = doc.split("\n").filter((line) => line.startsWith("| `"));

  it("has exactly one line per catalogue endpoint, with its method, path and status", () => {
    const ids = rows.map((row) => /^\| `(\w+)`/.exec(row)?.[1]);
    expect([...ids].sort()).toEqual(Object.keys(ENDPOINTS).sort());
    for (const endpoint of Object.values(ENDPOINTS)) {
      const row = rows.find((r) => r.startsWith(`| \`${endpoint.id}\``)) ?? "";
      expect(row, endpoint.id).toContain(`${endpoint.method} \`${endpoint.path}\``);
      expect(row.split("|")[2]?.trim(), endpoint.id).toMatch(new RegExp(`^${endpoint.status}`));
    }
  });
});
