// Child process: the floor every reader is compared with, a bare JSON.parse of the file text.
import { readFile } from "node:fs/promises";

const [file] = process.argv.slice(2);
const text = await readFile(file, "utf8");
globalThis.gc?.();
const cpu = process.cpuUsage();
const started = performance.now();
const data = JSON.parse(text);
const parseMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ parseMs, cpuMs: (user + system) / 1000, keys: Object.keys(data).length, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
