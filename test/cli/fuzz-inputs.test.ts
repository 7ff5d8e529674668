import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializePlan } from "../../src/core/plan/io.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { applyReport, envFor, makePlan, savePlan, startOrg } from "../apply/harness.js";
import { seededRandom } from "../../src/emulator/random.js";
import { REPO_ROOT, fixturePath, makeTempDir, runCli } from "../helpers/run-cli.js";

// Every command that reads a file gets random bytes, random JSON and mutated real files. Whatever
// it gets, it either accepts the input or fails with exit 1 and a message: never a crash report,
// never a stack trace, never a file left behind. Seeded, so a failure replays exactly.

const SEED = 0x5eed_b075;
const CASES_PER_KIND = 12;

const rng = seededRandom;

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, items: readonly T[]): T => items[int(r, items.length)] as T;

const NASTY_STRINGS = ["", " ", "\u0000", "\u001b[2J", "\u202e", "\uFEFF", "💥", "a".repeat(300), "../../etc/passwd", "__proto__", "constructor", "-1", "1e400", "null", "2026-13-45T99:99:99Z", "=cmd|x"];

function randomJson(r: Rand, depth = 0): unknown {
  const kind = int(r, depth > 4 ? 5 : 8);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return pick(r, [0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, 365, 366]);
    case 3:
    case 4:
      return pick(r, NASTY_STRINGS);
    case 5:
      return Array.from({ length: int(r, 4) }, () => randomJson(r, depth + 1));
    default: {
      const keys = ["kind", "version", "id", "users", "migrations", "org", "planId", "step", "phase", "__proto__", "x"];
      return Object.fromEntries(Array.from({ length: int(r, 5) }, () => [pick(r, keys), randomJson(r, depth + 1)]));
    }
  }
}

function randomBytes(r: Rand): Buffer {
  return Buffer.from(Array.from({ length: int(r, 400) }, () => int(r, 256)));
}

/** Paths to every value in a JSON document (capped), for structural mutations. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 4000) return out;
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

const DEEP_MARK = "__fuzz_deep_value__";

function mutateJson(r: Rand, text: string): string {
  const doc = JSON.parse(text) as unknown;
  const all = paths(doc).filter((p) => p.length > 0);
  const times = 1 + int(r, 3);
  for (let n = 0; n < times; n++) {
    const path = pick(r, all);
    let parent = doc as Record<string | number, unknown>;
    for (const part of path.slice(0, -1)) parent = (parent?.[part] ?? {}) as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    if (parent === null || typeof parent !== "object") continue;
    const op = int(r, 4);
    if (op === 0) delete parent[key];
    else if (op === 1) parent[key] = randomJson(r);
    else if (op === 2) parent[key] = r() < 0.25 ? DEEP_MARK : pick(r, NASTY_STRINGS);
    else parent[key] = typeof parent[key] === "string" ? `${String(parent[key])}${pick(r, NASTY_STRINGS)}` : [parent[key]];
  }
  // A value nested 50,000 levels deep is spliced in as text (building it as an object would
  // overflow this test's own JSON.stringify).
  return JSON.stringify(doc, null, 2).replace(`"${DEEP_MARK}"`, `${"[".repeat(50_000)}${"]".repeat(50_000)}`);
}

/** Adds one unknown field to a random object: random JSON, or a value nested 50,000 levels deep. */
function addExtraField(r: Rand, text: string): string {
  const doc = JSON.parse(text) as unknown;
  const objects = paths(doc).filter((p) => {
    let v: unknown = doc;
    for (const part of p) v = (v as Record<string | number, unknown>)[part];
    return v !== null && typeof v === "object" && !Array.isArray(v);
  });
  let target: unknown = doc;
  for (const part of pick(r, objects)) target = (target as Record<string | number, unknown>)[part];
  (target as Record<string, unknown>).extraField = r() < 0.5 ? DEEP_MARK : randomJson(r);
  return JSON.stringify(doc, null, 2).replace(`"${DEEP_MARK}"`, `${"[".repeat(50_000)}${"]".repeat(50_000)}`);
}

function mutateText(r: Rand, text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  const op = int(r, 5);
  if (op === 0) return bytes.subarray(0, int(r, bytes.length)); // truncated
  const copy = Buffer.from(bytes);
  if (op === 1) for (let i = 0; i < 1 + int(r, 8); i++) copy[int(r, copy.length)] = int(r, 256); // flipped bytes
  if (op === 2) return Buffer.concat([copy.subarray(0, int(r, copy.length)), Buffer.from(pick(r, ["{", "]", '"', ",", "\\u12", "\u0000", "{".repeat(5000)])), copy.subarray(int(r, copy.length))]);
  if (op === 3) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), copy]);
  return Buffer.concat([copy, copy]);
}

/** Inputs for one file kind: random bytes, random JSON, mutated real text (JSONL mutated by line). */
function inputsFor(seed: number, real: string, jsonl = false): Array<{ label: string; data: Buffer | string }> {
  const r = rng(seed);
  const out: Array<{ label: string; data: Buffer | string }> = [];
  for (let i = 0; i < CASES_PER_KIND; i++) {
    out.push({ label: `bytes#${i}`, data: randomBytes(r) });
    out.push({ label: `json#${i}`, data: JSON.stringify(randomJson(r)) });
    out.push({ label: `text-mutation#${i}`, data: mutateText(r, real) });
    if (jsonl) {
      const lines = real.trimEnd().split("\n");
      const at = int(r, lines.length);
      lines[at] = JSON.stringify(JSON.parse(mutateJson(r, lines[at] as string)));
      out.push({ label: `line-mutation#${i}`, data: `${lines.join("\n")}\n` });
    } else {
      out.push({ label: `json-mutation#${i}`, data: mutateJson(r, real) });
      out.push({ label: `extra-field#${i}`, data: addExtraField(r, real) });
    }
  }
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

function expectGracefulOutcome(what: string, run: { code: number; stdout: string; stderr: string }, before: string[], after: string[]): void {
  const context = `${what}\n--- exit ${run.code}\n--- stderr:\n${run.stderr.slice(0, 1500)}`;
  expect(run.stderr, context).not.toMatch(/This is a bug|Maximum call stack|\n\s+at .+:\d+:\d+|TypeError|RangeError|SyntaxError: /);
  // 0 (accepted) or 2 (accepted with findings/changes); otherwise exactly 1, with a message.
  expect([0, 1, 2], context).toContain(run.code);
  if (run.code === 1) {
    expect(run.stderr, context).toMatch(/^Error: \S/m);
    expect(after, context).toEqual(before);
  }
}

const REAL_SNAPSHOT = readFileSync(fixturePath("audit-bot.json"), "utf8");
let realPlan = "";
let realAudit = "";
let realJournal = "";
let emu: RunningEmulator | undefined;

beforeAll(async () => {
  realAudit = `${JSON.stringify(applyReport(), null, 2)}\n`;
  const plan = makePlan({ select: ["jenkins@acme.com"] });
  realPlan = serializePlan(plan);
  // A real journal: one applied migration against the emulator.
  emu = await startOrg();
  const cwd = makeTempDir();
  await savePlan(cwd, plan);
  const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
  if (run.code !== 0) throw new Error(`setting up a journal failed: ${run.stderr}`);
  realJournal = readFileSync(join(cwd, ".bot2svc", "journal.jsonl"), "utf8");
  await emu.close();
  emu = undefined;
});
afterAll(async () => {
  await emu?.close();
});

interface Target {
  name: string;
  real: () => string;
  jsonl?: boolean;
  file: string;
  argv: string[];
  /** Files besides the fuzzed one that the command needs. */
  setup?: (cwd: string) => void;
}

const TARGETS: Target[] = [
  { name: "audit --snapshot", real: () => REAL_SNAPSHOT, file: "org.json", argv: ["audit", "--snapshot", "org.json", "--format", "json"] },
  {
    name: "plan --from-audit",
    real: () => realAudit,
    file: "audit.json",
    argv: ["plan", "--from-audit", "audit.json", "--snapshot", "org.json", "--out", "plan-out.json", "--yes"],
    setup: (cwd) => writeFileSync(join(cwd, "org.json"), REAL_SNAPSHOT),
  },
  { name: "plan --snapshot", real: () => REAL_SNAPSHOT, file: "org.json", argv: ["plan", "--snapshot", "org.json", "--out", "plan-out.json", "--yes"] },
  { name: "snapshot --snapshot", real: () => REAL_SNAPSHOT, file: "org.json", argv: ["snapshot", "--snapshot", "org.json", "--out", "copy.json"] },
  { name: "show", real: () => realPlan, file: "plan.json", argv: ["show", "plan.json"] },
  { name: "apply", real: () => realPlan, file: "plan.json", argv: ["apply", "plan.json", "--yes", "--secrets-dir", "s"] },
  { name: "status", real: () => realJournal, jsonl: true, file: "journal.jsonl", argv: ["status", "--journal", "journal.jsonl"] },
  { name: "rollback", real: () => realJournal, jsonl: true, file: "journal.jsonl", argv: ["rollback", "--yes", "--journal", "journal.jsonl"] },
];

describe("fuzzed input files", () => {
  TARGETS.forEach((target, t) => {
    it(`${target.name}: exit 0/2 or exit 1 with a message; no stack trace; nothing written on failure`, async () => {
      // apply and rollback get no provider, so an accepted input stops at "no provider configured";
      // a provider is never reached with fuzzed data.
      for (const input of inputsFor(SEED + t, target.real(), target.jsonl)) {
        const cwd = makeTempDir("bot2svc-fuzz-");
        writeFileSync(join(cwd, target.file), input.data);
        target.setup?.(cwd);
        const before = listFiles(cwd);
        const run = await runCli(target.argv, { cwd });
        expectGracefulOutcome(`${target.name} ${input.label}`, run, before, listFiles(cwd));
        if (process.env.FUZZ_DEBUG) console.log(target.name, input.label, run.code, run.stderr.split("\n")[0]);
        rmSync(cwd, { recursive: true, force: true });
      }
    });
  });

  it("emulator --snapshot: refuses a bad snapshot before listening", async () => {
    const stop = new AbortController();
    stop.abort();
    for (const input of inputsFor(SEED + 99, REAL_SNAPSHOT).slice(0, 24)) {
      const cwd = makeTempDir("bot2svc-fuzz-");
      writeFileSync(join(cwd, "org.json"), input.data);
      const before = listFiles(cwd);
      const run = await runCli(["emulator", "--snapshot", "org.json", "--port", "0"], { cwd, signal: stop.signal });
      expectGracefulOutcome(`emulator ${input.label}`, run, before, listFiles(cwd));
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe("fuzzed input files, real process", () => {
  const BIN = join(REPO_ROOT, "bin", "bot2svc.js");

  function runBin(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
    });
  }

  it("the built binary fails cleanly on a deep, a binary and a truncated file", async () => {
    if (!existsSync(join(REPO_ROOT, "dist", "cli.js"))) throw new Error("dist/cli.js is missing: run `npm run build` first (`npm test` does).");
    const deep = REAL_SNAPSHOT.replace('"version": 1,', `"version": 1, "x": ${"[".repeat(60_000)}${"]".repeat(60_000)},`);
    const cases: Array<[string, Buffer | string, string[]]> = [
      ["deep snapshot", deep, ["snapshot", "--snapshot", "in.json", "--out", "out.json"]],
      ["binary plan", randomBytes(rng(SEED)), ["show", "in.json"]],
      ["truncated journal", realJournal.slice(0, Math.floor(realJournal.length / 2)), ["rollback", "--yes", "--journal", "in.json"]],
    ];
    for (const [label, data, argv] of cases) {
      const cwd = makeTempDir("bot2svc-fuzz-bin-");
      writeFileSync(join(cwd, "in.json"), data);
      const before = listFiles(cwd);
      const run = await runBin(argv, cwd);
      expectGracefulOutcome(label, run, before, listFiles(cwd));
    }
  });
});
