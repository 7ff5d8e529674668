// Section "startup": how long the built CLI takes to start, against a bare `node -e 0` on the
// same machine. `bot2svc --help` loads no command module; `bot2svc <command> --help` loads only
// that command's definition (its handler and libraries load when it runs). Runs alternate so a
// noisy neighbour hurts all alike; the median is reported.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { median } from "./lib/env.mjs";

export const name = "startup";
export const description = "bot2svc --help and every <command> --help wall time vs a bare `node -e 0` (target: within 3x)";

const MAX_RATIO = 3;
const COMMANDS = ["audit", "plan", "show", "emulator", "apply", "migrate", "status", "rollback", "snapshot", "doctor", "demo"];

function timeMs(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "ignore"] });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}


export async function run(env) {
  const bin = join(env.root, "bin", "bot2svc.js");
  const rounds = env.quick ? 5 : Math.max(10, env.runs * 5);
  const cases = [
    { label: "bot2svc --help", args: [bin, "--help"] },
    ...COMMANDS.map((command) => ({ label: `bot2svc ${command} --help`, args: [bin, command, "--help"] })),
  ];
  const bare = [];
  const times = cases.map(() => []);
  for (let i = 0; i < rounds; i++) {
    bare.push(timeMs(["-e", "0"]));
    cases.forEach((c, k) => times[k].push(timeMs(c.args)));
  }
  const nodeMs = median(bare);
  const rows = [{ metric: "node -e 0", value: nodeMs.toFixed(1), unit: "ms" }];
  cases.forEach((c, k) => {
    const ms = median(times[k]);
    rows.push({ metric: c.label, value: ms.toFixed(1), unit: "ms" });
    rows.push({ metric: `  / node -e 0`, value: (ms / nodeMs).toFixed(2), unit: "x", target: `<= ${MAX_RATIO}`, ok: ms / nodeMs <= MAX_RATIO });
  });
  return { rows };
}
