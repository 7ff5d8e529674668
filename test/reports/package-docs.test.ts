import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/run-cli.js";

/** Source files of the program (tests excluded). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every `docs/<name>.md` the program's messages or the README point at (`atlassian-api.md §…` included). */
function referencedDocs(): Map<string, string> {
  const refs = new Map<string, string>();
  const scan = (file: string) => {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:docs\/)?([a-z][a-z0-9-]*\.md)\b/g)) {
      const doc = `docs/${m[1]}`;
      if (m[0].startsWith("docs/") || m[1] === "atlassian-api.md") refs.set(doc, relative(REPO_ROOT, file));
    }
  };
  for (const file of sourceFiles(join(REPO_ROOT, "src"))) scan(file);
  scan(join(REPO_ROOT, "README.md"));
  return refs;
}

describe("the npm package", () => {
  it("ships every doc that the program's messages and the README refer to", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, npm_config_loglevel: "silent" } });
    const files = new Set((JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    const refs = referencedDocs();
    expect(refs.has("docs/providers.md")).toBe(true);
    const missing = [...refs].filter(([doc]) => !files.has(doc)).map(([doc, from]) => `${doc} (referred to in ${from})`);
    expect(missing).toEqual([]);
  });
});
