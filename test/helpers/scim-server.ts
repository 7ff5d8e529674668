// A real SCIM 2.0 server for tests: SCIMMY's resource model and SCIMMY's Express routers, with
// an in-memory store behind the handlers. SCIMMY leaves storage, filtering and paging to the
// application's handlers, so the egress handler below applies the filter and slices the
// `startIndex`/`count` window itself, reporting the true `totalResults`.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

export interface StoredResource {
  id: string;
  [key: string]: unknown;
}

export interface ScimServerOptions {
  token: string;
  /** Largest page the server returns (ServiceProviderConfig filter.maxResults). */
  maxResults?: number;
  /** Whether the server advertises PATCH support. */
  patch?: boolean;
  /** Answer every list request from the first resource, as a server without paging does. */
  ignoreStartIndex?: boolean;
}

export interface RunningScimServer {
  /** SCIM base URL, e.g. http://127.0.0.1:PORT/scim/v2 */
  baseUrl: string;
  users: Map<string, StoredResource>;
  groups: Map<string, StoredResource>;
  /** Users whose writes the server refuses with a SCIM error (400 mutability). */
  protectedUsers: Set<string>;
  /** Query strings of list requests, in order (to count pages). */
  listRequests: { path: string; startIndex: number | undefined; count: number | undefined; filter: string | undefined }[];
  /** PATCH and PUT requests, in order. */
  writes: { method: string; id: string }[];
  addUser(user: Record<string, unknown>): StoredResource;
  addGroup(group: Record<string, unknown>): StoredResource;
  close(): Promise<void>;
}

interface RequestContext {
  query: Record<string, unknown>;
}

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Starts the server on 127.0.0.1 with a random port. SCIMMY's configuration is process-wide. */
export async function startScimServer(options: ScimServerOptions): Promise<RunningScimServer> {
  const users = new Map<string, StoredResource>();
  const groups = new Map<string, StoredResource>();
  const protectedUsers = new Set<string>();
  const listRequests: RunningScimServer["listRequests"] = [];
  const writes: RunningScimServer["writes"] = [];
  const maxResults = options.maxResults ?? 200;


  const stamp = (existing: StoredResource | undefined): { created: string; lastModified: string } => {
    const now = new Date().toISOString();
    const created = (existing?.meta as { created?: string } | undefined)?.created ?? now;
    return { created, lastModified: now };
  };

  const egress = (store: Map<string, StoredResource>) => (resource: InstanceType<typeof SCIMMY.Types.Resource>, ctx?: RequestContext) => {
    const r = resource as unknown as { id?: string; filter?: { match(values: unknown[]): unknown[] }; constraints?: Record<string, unknown> };
    if (r.id !== undefined) {
      const found = store.get(r.id);
      if (found === undefined) throw new SCIMMY.Types.Error(404, "", `Resource ${r.id} not found`);
      return found as never;
    }
    const all = [...store.values()];
    // SCIMMY's Filter.match throws on a resource that lacks a multi-valued attribute the filter
    // names (e.g. `emails.value` on a user without emails), so each resource is matched alone.
    const filter = r.filter;
    const matched = filter === undefined ? all : all.filter((item) => {
      try {
        return filter.match([item]).length > 0;
      } catch {
        return false;
      }
    });
    const startIndex = options.ignoreStartIndex ? 1 : Math.max(1, positiveInt(ctx?.query.startIndex) ?? 1);
    const count = Math.min(positiveInt(ctx?.query.count) ?? maxResults, maxResults);
    // SCIMMY's ListResponse takes its paging numbers from the resource's constraints.
    r.constraints = { startIndex, itemsPerPage: count, totalResults: matched.length };
    return matched.slice(startIndex - 1, startIndex - 1 + count) as never;
  };

  const ingress = (store: Map<string, StoredResource>, kind: "user" | "group") => (resource: InstanceType<typeof SCIMMY.Types.Resource>, instance: unknown) => {
    const id = (resource as unknown as { id?: string }).id;
    if (kind === "user" && id !== undefined && protectedUsers.has(id)) {
      throw new SCIMMY.Types.Error(400, "mutability", `User ${id} is managed by policy and cannot be changed`);
    }
    if (id !== undefined && !store.has(id)) throw new SCIMMY.Types.Error(404, "", `Resource ${id} not found`);
    const existing = id === undefined ? undefined : store.get(id);
    const data = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
    delete data.schemas;
    const stored: StoredResource = { ...data, id: id ?? randomUUID(), meta: stamp(existing) };
    store.set(stored.id, stored);
    return stored as never;
  };

  const degress = (store: Map<string, StoredResource>) => (resource: InstanceType<typeof SCIMMY.Types.Resource>) => {
    const id = (resource as unknown as { id?: string }).id;
    if (id === undefined || !store.delete(id)) throw new SCIMMY.Types.Error(404, "", `Resource ${id} not found`);
  };

  SCIMMY.Resources.declare(SCIMMY.Resources.User, { egress: egress(users), ingress: ingress(users, "user"), degress: degress(users) });
  SCIMMY.Resources.declare(SCIMMY.Resources.Group, { egress: egress(groups), ingress: ingress(groups, "group"), degress: degress(groups) });
  if (!SCIMMY.Schemas.declared(SCIMMY.Schemas.EnterpriseUser.definition)) SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);

  const app = express();
  app.use((req, _res, next) => {
    const q = req.query as Record<string, unknown>;
    if (req.method === "GET" && /\/(Users|Groups)\/?$/.test(req.path)) {
      listRequests.push({
        path: req.path,
        startIndex: positiveInt(q.startIndex),
        count: positiveInt(q.count),
        filter: typeof q.filter === "string" ? q.filter : undefined,
      });
    }
    const write = /\/Users\/([^/]+)$/.exec(req.path);
    if ((req.method === "PATCH" || req.method === "PUT") && write?.[1] !== undefined) writes.push({ method: req.method, id: decodeURIComponent(write[1]) });
    if (req.method === "PATCH" && options.patch === false) {
      res501(_res);
      return;
    }
    next();
  });
  const routers = new SCIMMYRouters({
      type: "bearer",
      docUri: "https://example.com/scim-auth",
      handler: (req) => {
        if (req.header("Authorization") !== `Bearer ${options.token}`) throw new Error("Bearer token not accepted");
        return "test-admin";
      },
      context: (req): RequestContext => ({ query: req.query as Record<string, unknown> }),
  });
  // The routers set SCIMMY's feature flags when they are built; this server's come after.
  SCIMMY.Config.set("patch", options.patch ?? true);
  SCIMMY.Config.set("filter", { supported: true, maxResults });
  SCIMMY.Config.set("bulk", false);
  SCIMMY.Config.set("sort", false);
  app.use("/scim/v2", routers);

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    users,
    groups,
    protectedUsers,
    listRequests,
    writes,
    addUser(user) {
      const instance = new SCIMMY.Schemas.User({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], ...user }, "in");
      const stored = ingress(users, "user")({} as never, instance) as unknown as StoredResource;
      return stored;
    },
    addGroup(group) {
      const stored: StoredResource = { ...group, id: randomUUID(), meta: stamp(undefined) };
      groups.set(stored.id, stored);
      return stored;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// A server that does not implement PATCH answers 501 with a SCIM error body (RFC 7644 §3.12).
function res501(res: express.Response): void {
  res
    .status(501)
    .type("application/scim+json")
    .send({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "501", detail: "PATCH is not supported" });
}
