// Child process: what `bot2svc audit --snapshot FILE` does with the data, timed in steps:
// read the file, parseSnapshot (JSON + validation + references), auditSnapshot (default config).
import { readFile } from "node:fs/promises";

const [file] = process.argv.slice(2);
const { parseSnapshot, auditSnapshot, DEFAULT_CONFIG } = await import(process.env.BENCH_DIST);
globalThis.gc?.();
const cpu = process.cpuUsage();
const t0 = performance.now();
const text = await readFile(file, "utf8");
const t1 = performance.now();
const snapshot = parseSnapshot(text, file);
const t2 = performance.now();
const report = auditSnapshot(snapshot, {
  detection: DEFAULT_CONFIG.detection,
  allowlist: DEFAULT_CONFIG.allowlist,
  denylist: DEFAULT_CONFIG.denylist,
  generatedAt: new Date(snapshot.takenAt),
});
const t3 = performance.now();
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    readMs: t1 - t0,
    parseMs: t2 - t1,
    detectMs: t3 - t2,
    totalMs: t3 - t0,
    cpuMs: (user + system) / 1000,
    summary: report.summary,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
