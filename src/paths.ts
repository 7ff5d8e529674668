import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The package root (where package.json of bot2svc lives), from src/ in tests or dist/ when built. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string };
      if (pkg.name === "bot2svc") return (root = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the bot2svc package root");
    dir = parent;
  }
}

/** The bundled demo org snapshot. */
export function demoSnapshotPath(): string {
  return join(packageRoot(), "fixtures", "demo-org.json");
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}
