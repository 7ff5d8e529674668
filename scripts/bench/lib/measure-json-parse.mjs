// Child process: the floor every reader is compared with, JSON.parse of the file. It starts where
// the audit starts (reading the file from disk), so the two totals measure the same journey.
import { readFile } from "node:fs/promises";

const [file] = process.argv.slice(2);
globalThis.gc?.();
const cpu = process.cpuUsage();
const t0 = performance.now();
const text = await readFile(file, "utf8");
const t1 = performance.now();
const data = JSON.parse(text);
const t2 = performance.now();
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    readMs: t1 - t0,
    parseMs: t2 - t1,
    totalMs: t2 - t0,
    cpuMs: (user + system) / 1000,
    keys: Object.keys(data).length,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
