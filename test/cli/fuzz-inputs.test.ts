import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/config-file.js";
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

/** How a file is mutated: as one JSON document, as JSON Lines (one record a line), or as plain text lines. */
type FileKind = "json" | "jsonl" | "text";

/** Mutates one line of a text file: replaced by random JSON, or its value made nasty. */
function mutateLine(r: Rand, text: string): string {
  const lines = text.trimEnd().split("\n");
  const at = int(r, lines.length);
  const line = lines[at] as string;
  const eq = line.indexOf("=");
  lines[at] = r() < 0.3 ? JSON.stringify(randomJson(r)) : eq > 0 ? `${line.slice(0, eq + 1)}${pick(r, NASTY_STRINGS)}` : `${line}${pick(r, NASTY_STRINGS)}`;
  return `${lines.join("\n")}\n`;
}

/** Inputs for one file kind: random bytes, random JSON, mutated real text (JSONL and text mutated by line). */
function inputsFor(seed: number, real: string, kind: FileKind = "json"): Array<{ label: string; data: Buffer | string }> {
  const r = rng(seed);
  const out: Array<{ label: string; data: Buffer | string }> = [];
  for (let i = 0; i < CASES_PER_KIND; i++) {
    out.push({ label: `bytes#${i}`, data: randomBytes(r) });
    out.push({ label: `json#${i}`, data: JSON.stringify(randomJson(r)) });
    out.push({ label: `text-mutation#${i}`, data: mutateText(r, real) });
    if (kind === "jsonl") {
      const lines = real.trimEnd().split("\n");
      const at = int(r, lines.length);
      lines[at] = mutateJson(r, lines[at] as string).replace(/\n */g, "");
      out.push({ label: `line-mutation#${i}`, data: `${lines.join("\n")}\n` });
      // Complete lines (with their newline), so line parsing is reached and not only the torn-tail rule.
      out.push({ label: `json-lines#${i}`, data: `${Array.from({ length: 1 + int(r, 3) }, () => JSON.stringify(randomJson(r))).join("\n")}\n` });
      const withJunk = real.trimEnd().split("\n");
      withJunk.splice(int(r, withJunk.length + 1), 0, r() < 0.5 ? JSON.stringify(randomJson(r)) : randomBytes(r).toString("latin1").replace(/\n/g, ""));
      out.push({ label: `inserted-line#${i}`, data: Buffer.from(`${withJunk.join("\n")}\n`, r() < 0.5 ? "latin1" : "utf8") });
      // Bytes that are not UTF-8 inside a complete line, maybe followed by a torn last line.
      const raw = Buffer.from(real, "utf8");
      const cut = int(r, raw.length - 1);
      const torn = r() < 0.5 ? '{"seq":99,"time":"2026-' : "";
      out.push({ label: `bad-bytes#${i}`, data: Buffer.concat([raw.subarray(0, cut), Buffer.from([0xff, 0xfe, 0xc3]), raw.subarray(cut), Buffer.from(torn)]) });
    } else if (kind === "text") {
      out.push({ label: `line-mutation#${i}`, data: mutateLine(r, real) });
    } else {
      out.push({ label: `json-mutation#${i}`, data: mutateJson(r, real) });
      out.push({ label: `extra-field#${i}`, data: addExtraField(r, real) });
    }
  }
  return out;
}

/** Every file and directory under `dir`, with a hash of each file's content. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        out.push(`${relative(dir, p)}/`);
        walk(p);
      } else out.push(`${relative(dir, p)} ${createHash("sha256").update(readFileSync(p)).digest("hex").slice(0, 16)}`);
    }
  };
  walk(dir);
  return out.sort();
}

function expectGracefulOutcome(what: string, run: { code: number; stdout: string; stderr: string }, before: string[], after: string[], codes: readonly number[] = [0, 1, 2]): void {
  const context = `${what}\n--- exit ${run.code}\n--- stderr:\n${run.stderr.slice(0, 1500)}`;
  expect(run.stderr, context).not.toMatch(/This is a bug|Maximum call stack|\n\s+at .+:\d+:\d+|TypeError|RangeError|SyntaxError: /);
  // 0 (accepted) or 2 (accepted with findings/changes); otherwise exactly 1, with a message.
  expect(codes, context).toContain(run.code);
  if (run.code === 1) {
    expect(run.stderr, context).toMatch(/^Error: \S/m);
    expect(after, context).toEqual(before);
  }
}

const REAL_SNAPSHOT = readFileSync(fixturePath("audit-bot.json"), "utf8");
const REAL_DOTENV = readFileSync(join(REPO_ROOT, ".env.example"), "utf8");
const REAL_CONFIG = `${JSON.stringify(
  {
    ...DEFAULT_CONFIG,
    provider: "snapshot",
    atlassian: { orgId: "org-1", baseUrl: "https://api.atlassian.com", concurrency: 4 },
    allowlist: [{ email: "person0@acme.com", owner: "it", reason: "a person", expiresAt: "2027-01-01T00:00:00Z" }],
    denylist: [{ accountId: "a-jenkins", owner: "platform", reason: "CI" }],
    plan: { tokenExpiryDays: 90, oldAccount: "suspend", soakDays: 7 },
  },
  null,
  2,
)}\n`;
let realPlan = "";
let realAudit = "";
let realBaseline = "";
let realJournal = "";
let pausedPlan = "";
let pausedJournal = "";
let realTokens = "";
/** Serves the org that the real journals were written against; apply and rollback targets reach it. */
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
  // A journal paused at a manual token step, for --token-file.
  const manual = makePlan({ select: ["wiki-sync@acme.com"], capabilities: { mintToken: false } });
  pausedPlan = serializePlan(manual);
  const pausedDir = makeTempDir();
  await savePlan(pausedDir, manual);
  const paused = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd: pausedDir, env: envFor(emu) });
  if (paused.code !== 4) throw new Error(`setting up a paused journal failed: ${paused.stderr}`);
  pausedJournal = readFileSync(join(pausedDir, ".bot2svc", "journal.jsonl"), "utf8");
  realTokens = `# tokens created by hand\n${manual.migrations[0]?.id}=fuzz-token-not-a-secret-0123456789\n`;
  const audit = await runCli(["audit", "--snapshot", fixturePath("audit-bot.json"), "--format", "json"]);
  if (audit.code !== 0 && audit.code !== 2) throw new Error(`setting up a baseline failed: ${audit.stderr}`);
  realBaseline = audit.stdout;
});
afterAll(async () => {
  await emu?.close();
});

interface Target {
  name: string;
  real: () => string;
  kind?: FileKind;
  file: string;
  argv: string[];
  /** Files besides the fuzzed one that the command needs. */
  setup?: (cwd: string) => void;
  /** The environment (default: none, so no provider is configured). */
  env?: () => Record<string, string>;
  /** Exit codes that mean the input was accepted or refused cleanly (default 0, 1, 2). */
  codes?: readonly number[];
  /** A command that must reach the same verdict on the same file (both refuse it, or neither). */
  sameVerdictAs?: string[];
  /** A journal the command accepted is still one `status` accepts afterwards. */
  journalStaysReadable?: boolean;
}

const withSnapshot = (cwd: string) => writeFileSync(join(cwd, "org.json"), REAL_SNAPSHOT);
const withFile = (name: string, text: () => string) => (cwd: string) => writeFileSync(join(cwd, name), text());
const emulatorEnv = () => {
  if (emu === undefined) throw new Error("the emulator is not running");
  return envFor(emu);
};
// A command that reaches the directory may also report failed steps (3) or a pause (4) for an
// input it accepted; what matters is that it never crashes and refuses cleanly.
const REACHES_DIRECTORY = [0, 1, 2, 3, 4];

const TARGETS: Target[] = [
  { name: "audit --snapshot", real: () => REAL_SNAPSHOT, file: "org.json", argv: ["audit", "--snapshot", "org.json", "--format", "json"] },
  {
    name: "plan --from-audit",
    real: () => realAudit,
    file: "audit.json",
    argv: ["plan", "--from-audit", "audit.json", "--snapshot", "org.json", "--out", "plan-out.json", "--yes"],
    setup: withSnapshot,
  },
  { name: "plan --snapshot", real: () => REAL_SNAPSHOT, file: "org.json", argv: ["plan", "--snapshot", "org.json", "--out", "plan-out.json", "--yes"] },
  { name: "snapshot --snapshot", real: () => REAL_SNAPSHOT, file: "org.json", argv: ["snapshot", "--snapshot", "org.json", "--out", "copy.json"] },
  { name: "show", real: () => realPlan, file: "plan.json", argv: ["show", "plan.json"] },
  {
    name: "--config",
    real: () => REAL_CONFIG,
    file: "cfg.json",
    argv: ["--config", "cfg.json", "audit", "--snapshot", "org.json", "--format", "json"],
    setup: withSnapshot,
  },
  { name: ".env", real: () => REAL_DOTENV, kind: "text", file: ".env", argv: ["audit", "--snapshot", "org.json", "--format", "json"], setup: withSnapshot },
  {
    name: "audit --baseline",
    real: () => realBaseline,
    file: "last.json",
    argv: ["audit", "--snapshot", "org.json", "--format", "json", "--baseline", "last.json"],
    setup: withSnapshot,
  },
  {
    name: "audit --correlate",
    real: () => REAL_SNAPSHOT,
    file: "idp.json",
    argv: ["audit", "--snapshot", "org.json", "--format", "json", "--correlate", "idp.json"],
    setup: withSnapshot,
  },
  // Plan and journal both reach a provider: the emulator that the real journal was written against.
  {
    name: "apply (plan)",
    real: () => realPlan,
    file: "plan.json",
    argv: ["apply", "plan.json", "--yes", "--secrets-dir", "s", "--journal", "journal.jsonl"],
    setup: withFile("journal.jsonl", () => realJournal),
    env: emulatorEnv,
    codes: REACHES_DIRECTORY,
  },
  {
    name: "apply --resume (journal)",
    real: () => realJournal,
    kind: "jsonl",
    file: "journal.jsonl",
    argv: ["apply", "plan.json", "--resume", "--yes", "--secrets-dir", "s", "--journal", "journal.jsonl"],
    setup: withFile("plan.json", () => realPlan),
    env: emulatorEnv,
    codes: REACHES_DIRECTORY,
    journalStaysReadable: true,
  },
  {
    name: "apply --resume --token-file",
    real: () => realTokens,
    kind: "text",
    file: "tokens.txt",
    argv: ["apply", "plan.json", "--resume", "--token-file", "tokens.txt", "--yes", "--secrets-dir", "s", "--journal", "journal.jsonl"],
    setup: (cwd) => {
      writeFileSync(join(cwd, "plan.json"), pausedPlan);
      writeFileSync(join(cwd, "journal.jsonl"), pausedJournal);
    },
    env: emulatorEnv,
    codes: REACHES_DIRECTORY,
  },
  { name: "status", real: () => realJournal, kind: "jsonl", file: "journal.jsonl", argv: ["status", "--journal", "journal.jsonl"] },
  {
    name: "rollback",
    real: () => realJournal,
    kind: "jsonl",
    file: "journal.jsonl",
    argv: ["rollback", "--yes", "--journal", "journal.jsonl"],
    env: emulatorEnv,
    codes: [0, 1, 2, 3],
    journalStaysReadable: true,
  },
  // With no journal there is nothing to roll back, but the plan is still read and checked, as show does.
  {
    name: "rollback --plan",
    real: () => realPlan,
    file: "plan.json",
    argv: ["rollback", "--yes", "--plan", "plan.json", "--journal", "journal.jsonl"],
    sameVerdictAs: ["show", "plan.json"],
  },
];

describe("fuzzed input files", () => {
  TARGETS.forEach((target, t) => {
    it(`${target.name}: exit 0/2 or exit 1 with a message; no stack trace; nothing written on failure`, async () => {
      for (const input of inputsFor(SEED + t, target.real(), target.kind)) {
        const cwd = makeTempDir("bot2svc-fuzz-");
        writeFileSync(join(cwd, target.file), input.data);
        target.setup?.(cwd);
        const before = listFiles(cwd);
        const run = await runCli(target.argv, { cwd, ...(target.env ? { env: target.env() } : {}) });
        expectGracefulOutcome(`${target.name} ${input.label}`, run, before, listFiles(cwd), target.codes);
        if (target.sameVerdictAs !== undefined) {
          const other = await runCli(target.sameVerdictAs, { cwd });
          expect(run.code === 1, `${target.name} ${input.label}: ${target.sameVerdictAs.join(" ")} exits ${other.code}, this run ${run.code}\n${run.stderr}${other.stderr}`).toBe(other.code === 1);
        }
        if (target.journalStaysReadable === true && run.code !== 1) {
          const status = await runCli(["status", "--journal", "journal.jsonl"], { cwd });
          expect(status.code, `${target.name} ${input.label}: the journal left behind is refused\n${status.stderr}`).not.toBe(1);
        }
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
      ["journal with bytes that are not UTF-8", Buffer.concat([Buffer.from(realJournal.slice(0, 40)), Buffer.from([0xff, 0xff, 0xff]), Buffer.from(realJournal.slice(40))]), ["status", "--journal", "in.json"]],
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
