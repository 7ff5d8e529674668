import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/main.js";
import { REPO_ROOT, makeTempDir } from "../helpers/run-cli.js";

const BIN = join(REPO_ROOT, "bin", "bot2svc.js");
const BUILT = join(REPO_ROOT, "dist", "cli.js");

// A module resolution hook that reports every file the process loads, one `LOADED <url>` line
// on stderr; registered with --import before the CLI starts.
const HOOKS = `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith("file:")) process.stderr.write("LOADED " + result.url + "\\n");
  return result;
}`;
const REGISTER = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

/** The npm packages a run of the built CLI loads. */
function packagesLoadedBy(args: string[]): { code: number | null; packages: string[] } {
  const run = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(REGISTER)}`, BIN, ...args], {
    cwd: makeTempDir(),
    env: { PATH: process.env.PATH ?? "" },
    encoding: "utf8",
  });
  const packages = new Set<string>();
  for (const match of run.stderr.matchAll(/^LOADED .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(match[1]!);
  return { code: run.status, packages: [...packages].sort() };
}

beforeAll(() => {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build\` first (\`npm test\` builds before running vitest).`);
});

describe("start-up", () => {
  // The time itself is measured by `npm run bench -- startup`; this keeps the cause in check:
  // help loads commander and nothing heavier (zod, axios, chalk, ora, inquirer, dotenv).
  const cases: [string, string[]][] = [["bot2svc", []], ...COMMANDS.map((c): [string, string[]] => [`bot2svc ${c.name}`, [c.name]])];
  it.each(cases)("%s --help loads no library but commander", (_label, command) => {
    const { code, packages } = packagesLoadedBy([...command, "--help"]);
    expect(code).toBe(0);
    expect(packages).toEqual(["commander"]);
  });

  it("a command that runs loads its libraries (the check above can fail)", () => {
    const { code, packages } = packagesLoadedBy(["audit", "--demo", "--format", "json"]);
    expect(code).toBe(0);
    expect(packages).toEqual(expect.arrayContaining(["commander", "zod"]));
  });
});
