import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../core/errors.js";
import { NO_WRITE_CAPABILITIES, type ProviderModuleContext } from "./provider.js";
import { checkProvider, loadProviderModule } from "./registry.js";

const CAPS = JSON.stringify(NO_WRITE_CAPABILITIES);
const SNAPSHOT = `{ kind: "bot2svc.snapshot", version: 1, takenAt: "2026-11-01T00:00:00.000Z", org: { id: "o-1", name: "Org", directoryId: "-", sites: [] }, users: [] }`;

const MODULES: Record<string, string> = {
  "good.mjs": `export function createProvider(ctx) {
    return { name: "good", orgId: "dir-" + ctx.env.DIR, capabilities: { ...${CAPS}, deactivateAccount: true },
      async readSnapshot() { return ${SNAPSHOT}; },
      async getAccount() { return null; },
      async deactivateAccount() {} };
  }`,
  "default-export.mjs": `export default async () => ({ name: "dflt", orgId: null, capabilities: ${CAPS}, readSnapshot: async () => (${SNAPSHOT}) });`,
  "missing-method.mjs": `export function createProvider() {
    return { name: "liar", orgId: null, capabilities: { ...${CAPS}, suspendAccount: true, createServiceAccount: true },
      readSnapshot: async () => (${SNAPSHOT}), createServiceAccount: async () => ({}) };
  }`,
  "throws.mjs": `export function createProvider() { throw new Error("BOT2SVC_CSV_FILE is not set"); }`,
  "syntax-error.mjs": `export function createProvider( {`,
  "no-factory.mjs": `export const provider = {};`,
  "wrong-shape.mjs": `export function createProvider() {
    return { name: 42, capabilities: { readSnapshot: "yes", teleport: true }, readSnapshot: "not a function" };
  }`,
  "returns-nothing.mjs": `export function createProvider() {}`,
};

let dir: string;
const context: ProviderModuleContext = {
  env: { DIR: "42" },
  cwd: "/",
  now: () => new Date("2026-11-01T00:00:00.000Z"),
  warn: () => {},
  debug: () => {},
  addSecret: () => {},
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bot2svc-modules-"));
  for (const [name, text] of Object.entries(MODULES)) await writeFile(join(dir, name), text);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function loadError(name: string): Promise<InputError> {
  const error = await loadProviderModule(join(dir, name), context).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("provider modules", () => {
  it("loads a module that meets the contract and hands it the run's context", async () => {
    const p = await loadProviderModule(join(dir, "good.mjs"), context);
    expect(p.name).toBe("good");
    expect(p.orgId).toBe("dir-42");
    expect((await p.readSnapshot()).org.id).toBe("o-1");
    const dflt = await loadProviderModule(join(dir, "default-export.mjs"), context);
    expect(dflt.orgId).toBeNull();
  });

  it("names each method a true capability promises but the module lacks", async () => {
    const error = await loadError("missing-method.mjs");
    expect(error.message).toBe(`Provider module ${join(dir, "missing-method.mjs")} does not implement the provider interface`);
    expect(error.details).toEqual([
      "listServiceAccounts: missing, but capabilities.createServiceAccount is true and needs it",
      "suspendAccount: missing, but capabilities.suspendAccount is true and needs it",
      "getAccount: missing, but capabilities.suspendAccount is true and needs it",
    ]);
    expect(error.code).toBe("PROVIDER_MODULE");
  });

  it("reports a createProvider() that throws, with the module path and its message", async () => {
    const error = await loadError("throws.mjs");
    expect(error.message).toBe(`Provider module ${join(dir, "throws.mjs")} failed to start: createProvider() threw: BOT2SVC_CSV_FILE is not set`);
  });

  it("reports a module that does not load or does not exist", async () => {
    expect((await loadError("syntax-error.mjs")).message).toMatch(new RegExp(`^Cannot load provider module .*syntax-error\\.mjs: `));
    expect((await loadError("absent.mjs")).message).toBe(`Provider module ${join(dir, "absent.mjs")} does not exist.`);
  });

  it("lists every way a module has the wrong shape", async () => {
    const noFactory = await loadError("no-factory.mjs");
    expect(noFactory.message).toMatch(/must export a createProvider\(\) function/);
    expect(noFactory.details).toEqual(["exports found: provider"]);

    const wrong = await loadError("wrong-shape.mjs");
    expect(wrong.details).toEqual(
      expect.arrayContaining([
        "name: expected a non-empty string",
        "orgId: expected the directory's id (a non-empty string) or null when only the snapshot knows it",
        "readSnapshot: expected a function",
        expect.stringMatching(/^capabilities\.teleport: unknown capability \(known: readSnapshot, createServiceAccount, /),
        "capabilities.readSnapshot: expected true or false",
        "capabilities.mintToken: expected true or false",
      ]),
    );

    expect((await loadError("returns-nothing.mjs")).details).toEqual(["expected an object, got undefined"]);
  });

  it("checks built-in providers with the same rules", () => {
    expect(() => checkProvider({ name: "x", orgId: null, capabilities: NO_WRITE_CAPABILITIES, readSnapshot: () => null }, "The x provider")).not.toThrow();
    expect(() => checkProvider({ name: "x", capabilities: NO_WRITE_CAPABILITIES, readSnapshot: () => null }, "The x provider")).toThrow(
      expect.objectContaining({ details: [expect.stringMatching(/^orgId: /)] }),
    );
  });
});
