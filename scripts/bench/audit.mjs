// Section "audit": reading and classifying a large org must cost little more than parsing it.
// Both sides start from the file on disk, each in a fresh process: "JSON.parse of the file" is
// readFile + JSON.parse, the audit is readFile + parseSnapshot + auditSnapshot.
import { join } from "node:path";
import { median } from "./lib/env.mjs";

export const name = "audit";
export const description = "read + parseSnapshot + auditSnapshot vs read + JSON.parse of the same file";

const MAX_RATIO = 1.5;
const MAX_RSS_BYTES = 1.5 * 1024 ** 3;

// Tuned so that 100,000 accounts give about 50,000 API tokens and 300,000 events.
export function orgOptions(accounts) {
  return { accounts, seed: 1, takenAt: "2026-11-01T00:00:00.000Z", tokensPerAccount: 0.5, machineLogins: 4, humanLoginRate: 0.085 };
}

export async function run(env) {
  const org = await env.snapshot(orgOptions(env.accounts));
  const lib = join(env.root, "scripts", "bench", "lib");
  const parses = [];
  const audits = [];
  // Alternate the two so a noisy neighbour hurts both alike.
  for (let i = 0; i < env.runs; i++) {
    parses.push(await env.child(join(lib, "measure-json-parse.mjs"), [org.file]));
    audits.push(await env.child(join(lib, "measure-audit.mjs"), [org.file]));
  }
  const parseMs = median(parses.map((p) => p.totalMs));
  const auditMs = median(audits.map((a) => a.totalMs));
  const ratio = auditMs / parseMs;
  const rss = Math.max(...audits.map((a) => a.maxRssBytes));
  const mb = (bytes) => bytes / 1024 ** 2;
  const last = audits[audits.length - 1];
  return {
    rows: [
      { metric: "snapshot file", value: mb(org.bytes), unit: "MiB" },
      { metric: "users / API tokens / events", value: `${org.counts.accounts} / ${org.counts.apiTokens} / ${org.counts.events}` },
      { metric: "JSON.parse of the file", value: parseMs, unit: "ms" },
      { metric: "  read file", value: median(parses.map((p) => p.readMs)), unit: "ms" },
      { metric: "  JSON.parse", value: median(parses.map((p) => p.parseMs)), unit: "ms" },
      { metric: "audit total", value: auditMs, unit: "ms" },
      { metric: "  read file", value: median(audits.map((a) => a.readMs)), unit: "ms" },
      { metric: "  parseSnapshot", value: median(audits.map((a) => a.parseMs)), unit: "ms" },
      { metric: "  auditSnapshot", value: median(audits.map((a) => a.detectMs)), unit: "ms" },
      { metric: "audit / JSON.parse", value: ratio, unit: "x", target: `<= ${MAX_RATIO}`, ok: ratio <= MAX_RATIO },
      // CPU time (all threads, GC helpers included) is less sensitive to a busy machine than wall time.
      { metric: "same, in CPU time", value: median(audits.map((a) => a.cpuMs)) / median(parses.map((p) => p.cpuMs)), unit: "x" },
      { metric: "peak RSS, audit", value: mb(rss), unit: "MiB", target: `< ${mb(MAX_RSS_BYTES)} MiB`, ok: rss < MAX_RSS_BYTES },
      { metric: "peak RSS, JSON.parse of the file", value: mb(Math.max(...parses.map((p) => p.maxRssBytes))), unit: "MiB" },
      { metric: "verdicts (bot / likely / human)", value: `${last.summary.bot} / ${last.summary.likelyBot} / ${last.summary.human}` },
    ],
  };
}
