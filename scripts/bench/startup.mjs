// Section "startup": how long the built CLI takes to start, against a bare `node -e 0` on the
// same machine. `bot2svc --help` loads no command module; `bot2svc audit --help` loads only
// audit's. Runs alternate so a noisy neighbour hurts both alike; the median is reported.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const name = "startup";
export const description = "bot2svc --help and audit --help wall time vs a bare `node -e 0` (target: within 3x)";

const MAX_RATIO = 3;

function timeMs(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "ignore"] });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(env) {
  const bin = join(env.root, "bin", "bot2svc.js");
  const rounds = Math.max(10, env.runs * 5);
  const bare = [];
  const help = [];
  const auditHelp = [];
  for (let i = 0; i < rounds; i++) {
    bare.push(timeMs(["-e", "0"]));
    help.push(timeMs([bin, "--help"]));
    auditHelp.push(timeMs([bin, "audit", "--help"]));
  }
  const nodeMs = median(bare);
  const helpMs = median(help);
  const auditMs = median(auditHelp);
  return {
    rows: [
      { metric: "node -e 0", value: nodeMs.toFixed(1), unit: "ms" },
      { metric: "bot2svc --help", value: helpMs.toFixed(1), unit: "ms" },
      { metric: "bot2svc --help / node -e 0", value: (helpMs / nodeMs).toFixed(2), unit: "x", target: `<= ${MAX_RATIO}`, ok: helpMs / nodeMs <= MAX_RATIO },
      { metric: "bot2svc audit --help", value: auditMs.toFixed(1), unit: "ms" },
      { metric: "bot2svc audit --help / node -e 0", value: (auditMs / nodeMs).toFixed(2), unit: "x" },
    ],
  };
}
