// Section "patterns": the audit of the bundled demo org (fixtures/demo-org.json) with the
// built-in detection patterns (V8's engine) against the same patterns given in a config file
// (which run on the linear-time engine), wall time of the whole CLI run, median of alternating
// runs. A config pattern can never hang the audit; this shows what that costs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./lib/env.mjs";

export const name = "patterns";
export const description = "audit of fixtures/demo-org.json: built-in patterns vs the same patterns from a config file (linear-time engine)";

function timeMs(bin, cwd, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, stdio: ["ignore", "ignore", "ignore"], env: { ...process.env, NO_COLOR: "1" } });
  if (result.status !== 0 && result.status !== 2) throw new Error(`bot2svc ${args.join(" ")} exited with ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}


export async function run(env) {
  const bin = join(env.root, "bin", "bot2svc.js");
  // The built-in lists, read from their source: simple string literals.
  const source = readFileSync(join(env.root, "src", "core", "detect", "config.ts"), "utf8");
  const list = (name) => {
    const body = new RegExp(`export const ${name}: readonly string\\[\\] = \\[([\\s\\S]*?)\\];`).exec(source)?.[1];
    if (body === undefined) throw new Error(`cannot find ${name} in src/core/detect/config.ts`);
    return [...body.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`));
  };
  const DEFAULT_NAME_PATTERNS = list("DEFAULT_NAME_PATTERNS");
  const DEFAULT_ROLE_MAILBOX_PATTERNS = list("DEFAULT_ROLE_MAILBOX_PATTERNS");
  const DEFAULT_AUTOMATION_USER_AGENTS = list("DEFAULT_AUTOMATION_USER_AGENTS");
  const builtIn = mkdtempSync(join(tmpdir(), "bot2svc-bench-patterns-"));
  const configured = mkdtempSync(join(tmpdir(), "bot2svc-bench-patterns-"));
  // The same patterns plus one that matches nothing in the org: the config path, same verdicts.
  const detection = {
    namePatterns: [...DEFAULT_NAME_PATTERNS, "zz-never-zz"],
    roleMailboxPatterns: [...DEFAULT_ROLE_MAILBOX_PATTERNS],
    automationUserAgents: [...DEFAULT_AUTOMATION_USER_AGENTS],
  };
  writeFileSync(join(configured, "bot2svc.config.json"), JSON.stringify({ detection }));
  const snapshot = join(env.root, "fixtures", "demo-org.json");
  const args = ["audit", "--snapshot", snapshot, "--format", "json"];
  const rounds = Math.max(5, env.runs * 3);
  const a = [];
  const b = [];
  for (let i = 0; i < rounds; i++) {
    a.push(timeMs(bin, builtIn, args));
    b.push(timeMs(bin, configured, args));
  }
  const builtInMs = median(a);
  const configuredMs = median(b);
  return {
    rows: [
      { metric: "audit demo org, built-in patterns", value: builtInMs.toFixed(1), unit: "ms" },
      { metric: "audit demo org, patterns from config (linear engine)", value: configuredMs.toFixed(1), unit: "ms" },
      { metric: "config / built-in", value: (configuredMs / builtInMs).toFixed(2), unit: "x" },
    ],
  };
}
