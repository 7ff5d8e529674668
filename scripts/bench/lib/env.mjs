// What the runner hands to every section: where things are, and how to run a measurement in a
// fresh Node process.
import { spawn } from "node:child_process";
import { join } from "node:path";

/**
 * @param {{ root: string, dir: string, accounts: number, runs: number, log: (line: string) => void }} options
 */
export function createEnv({ root, dir, accounts, runs, log }) {
  const distIndex = join(root, "dist", "index.js");
  const generated = new Map();

  /**
   * Runs `node --expose-gc script ...args` and returns the JSON object the script prints as the
   * last line of stdout. The script gets BENCH_DIST (dist/index.js) in its environment.
   */
  function child(script, args = [], nodeFlags = []) {
    return new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, ["--expose-gc", ...nodeFlags, script, ...args], {
        env: { ...process.env, BENCH_DIST: distIndex },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      proc.stdout.on("data", (chunk) => (out += chunk));
      proc.on("error", reject);
      proc.on("close", (code) => {
        if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
        const last = out.trim().split("\n").pop() ?? "";
        try {
          resolve(JSON.parse(last));
        } catch {
          reject(new Error(`${script} did not print a JSON result: ${last.slice(0, 200)}`));
        }
      });
    });
  }

  /**
   * Generates a snapshot with the demo-org generator (in its own process, so generation memory
   * never counts towards a measurement) and returns `{ file, counts, bytes }`. Same options, same
   * file: sections share it.
   */
  async function snapshot(options) {
    const key = JSON.stringify(options);
    if (!generated.has(key)) {
      const file = join(dir, `org-${generated.size + 1}.json`);
      log(`generating ${options.accounts} accounts into ${file} ...`);
      generated.set(key, child(join(root, "scripts", "bench", "lib", "generate.mjs"), [file, key]));
    }
    return generated.get(key);
  }

  return { root, dir, distIndex, accounts, runs, child, snapshot, log };
}

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
