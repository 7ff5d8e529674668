import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, makeTempDir } from "../helpers/run-cli.js";

const TSC = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");

/** Type-checks JavaScript provider modules (JSDoc) against the `bot2svc/provider` contract. */
function typeCheck(files: string[]): { status: number | null; output: string } {
  const dir = makeTempDir("bot2svc-types-");
  const config = join(dir, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        allowJs: true,
        checkJs: true,
        noEmit: true,
        strict: true,
        skipLibCheck: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        types: ["node"],
        typeRoots: [join(REPO_ROOT, "node_modules", "@types")],
        paths: { "bot2svc/provider": [join(REPO_ROOT, "src", "provider-api.ts")] },
      },
      files,
    }),
  );
  const run = spawnSync(process.execPath, [TSC, "-p", config], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("the provider contract's types", () => {
  it("are what `bot2svc/provider` ships: the package exports the declarations tsup builds", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
    expect(pkg.exports["./provider"]).toEqual({ types: "./dist/provider.d.ts", import: "./dist/provider.js" });
    const tsup = readFileSync(join(REPO_ROOT, "tsup.config.ts"), "utf8");
    expect(tsup).toMatch(/dts: \{ entry: \{ provider: "src\/provider-api\.ts" \}/);
    expect(pkg.files).toContain("examples/providers");
  });

  it("accept the example provider and refuse a module that breaks the contract", () => {
    const dir = makeTempDir("bot2svc-types-bad-");
    const bad = join(dir, "bad.mjs");
    writeFileSync(
      bad,
      `/** @type {import("bot2svc/provider").ProviderFactory} */
export function createProvider() {
  return { name: "bad", orgId: null, capabilities: { readSnapshot: true }, readSnapshot: async () => ({ kind: "bot2svc.snapshot" }) };
}
`,
    );
    // One program for both files: the example must have no error, the broken module must.
    const result = typeCheck([join(REPO_ROOT, "examples", "providers", "csv-directory.mjs"), bad]);
    expect(result.status).not.toBe(0);
    expect(result.output).not.toMatch(/csv-directory\.mjs/);
    expect(result.output).toMatch(/bad\.mjs\(3,/);
    expect(result.output).toMatch(/createServiceAccount|version|takenAt/);
  });
}, 120_000);
