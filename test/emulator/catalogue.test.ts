import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { routeDefinitions } from "../../src/emulator/routes.js";
import { ENDPOINTS } from "../../src/providers/atlassian/endpoints.js";
import { REPO_ROOT } from "../helpers/run-cli.js";

// The emulator is a second opinion on Atlassian's API: its routes are written from the
// documentation, not from the client's catalogue. These tests keep the two honest with each
// other: every route the client calls must be one the emulator serves, and the emulator must not
// borrow anything from the client.

/** `METHOD /path/{}/...`: a route with its parameter names erased. */
const shape = (method: string, path: string): string => `${method} ${path.replace(/\{\w+\}/g, "{}")}`;

describe("the provider's endpoint catalogue against the emulator's route table", () => {
  it("every endpoint the client calls is served by the emulator, with the same authentication", () => {
    const served = new Map(routeDefinitions().map((r) => [shape(r.method, r.path), r]));
    const missing: string[] = [];
    const wrongAuth: string[] = [];
    for (const endpoint of Object.values(ENDPOINTS)) {
      const route = served.get(shape(endpoint.method, endpoint.path));
      if (!route) missing.push(`${endpoint.id}: ${endpoint.method} ${endpoint.path}`);
      else if (route.auth !== endpoint.auth) wrongAuth.push(`${endpoint.id}: client ${endpoint.auth}, emulator ${route.auth}`);
    }
    expect(missing, `the client calls routes the emulator does not serve:\n${missing.join("\n")}`).toEqual([]);
    expect(wrongAuth, wrongAuth.join("\n")).toEqual([]);
  });

  it("the comparison notices a route the emulator does not serve", () => {
    const served = new Set(routeDefinitions().map((r) => shape(r.method, r.path)));
    expect(served.has(shape("POST", "/admin/v1/orgs/{orgId}/users/{userId}/roles/assign"))).toBe(true);
    expect(served.has(shape("POST", "/admin/v1/orgs/{orgId}/directory/users/{accountId}/suspend-access"))).toBe(false);
  });

  it("route templates are unique and every one names its source", () => {
    const routes = routeDefinitions();
    const shapes = routes.map((r) => shape(r.method, r.path));
    expect(new Set(shapes).size).toBe(shapes.length);
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
    for (const r of routes) expect(r.source, r.id).not.toBe("");
  });
});

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return typescriptFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}

describe("the emulator's independence", () => {
  const providers = resolve(REPO_ROOT, "src", "providers");
  const dirs = [resolve(REPO_ROOT, "src", "emulator"), resolve(REPO_ROOT, "src", "commands", "emulator")];

  it("src/emulator and its command import nothing from src/providers", () => {
    const offending: string[] = [];
    let files = 0;
    for (const dir of dirs) {
      for (const file of typescriptFiles(dir)) {
        files++;
        for (const spec of specifiers(readFileSync(file, "utf8"))) {
          if (!spec.startsWith(".")) continue;
          const target = resolve(dirname(file), spec);
          if (target === providers || target.startsWith(`${providers}/`)) offending.push(`${relative(REPO_ROOT, file)} imports ${spec}`);
        }
      }
    }
    expect(files).toBeGreaterThan(4);
    expect(offending, offending.join("\n")).toEqual([]);
  });

  it("the import scan finds a provider import when there is one", () => {
    const sample = `import { ENDPOINTS } from "../providers/atlassian/endpoints.js";\nconst m = await import("../providers/x.js");`;
    const targets = specifiers(sample).map((s) => resolve(REPO_ROOT, "src", "emulator", s));
    expect(targets.every((t) => t.startsWith(`${providers}/`))).toBe(true);
    expect(targets).toHaveLength(2);
  });
});
