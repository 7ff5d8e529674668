import { http, HttpResponse } from "msw";
import { admit, apiError, page, type HandlerContext } from "./common.js";
import type { FakeOrg } from "./fake-org.js";

const EXPANDABLE = new Set(["platformRoles", "counts.resources", "productAccess", "groups"]);

/** A search result the way Atlassian returns it: productAccess and groups only when expanded. */
function searchView(user: any, expand: readonly string[]): any {
  const { productAccess, groups, platformRoles, ...rest } = user;
  return {
    ...rest,
    ...(expand.includes("platformRoles") && platformRoles !== undefined ? { platformRoles } : {}),
    ...(expand.includes("productAccess") && productAccess !== undefined ? { productAccess } : {}),
    ...(expand.includes("groups") && groups !== undefined ? { groups } : {}),
  };
}

function isServiceAccount(org: FakeOrg, accountId: string): boolean {
  return org.serviceAccounts.some((sa) => sa.atlassianId === accountId);
}

/** Writes name a real directory; `-` is offered for search, get and count only. */
function badWriteDirectory(org: FakeOrg, directoryId: unknown): Response | undefined {
  if (directoryId === "-") return apiError(400, "ADMIN-400-24", "'-' is not a directory for this operation");
  if (!org.directories.some((d) => d.directoryId === directoryId)) return apiError(404, "ADMIN-404-1", "Directory not found");
  return undefined;
}

/**
 * v2 users and groups: search (body cursor), one user's details, directories, group
 * memberships, suspend/restore, and v1 platform role grants, each as strict as the reference.
 */
export function directoryHandlers(ctx: HandlerContext) {
  const { org } = ctx;
  const dir = `${org.baseUrl}/admin/v2/orgs/:orgId/directories/:directoryId`;
  return [
    http.get(`${org.baseUrl}/admin/v2/orgs/:orgId/directories`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const accountId = new URL(request.url).searchParams.get("accountId");
      const inDirectory = accountId === null || org.users.some((u) => u.accountId === accountId && !isServiceAccount(org, accountId));
      return HttpResponse.json({ data: inDirectory ? org.directories : [], links: { self: null, prev: null, next: null } });
    }),
    http.post(`${dir}/users/search`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as { cursor?: string; limit?: number; accountIds?: string[]; expand?: string[] };
      const expand = body.expand ?? [];
      if (expand.some((x) => !EXPANDABLE.has(x))) return apiError(400, "ADMIN-400-24", "Invalid expand value");
      const users = body.accountIds ? org.users.filter((u) => body.accountIds?.includes(u.accountId)) : org.users;
      const p = page(users, body.cursor, body.limit, org.pageSize);
      return HttpResponse.json({ data: p.data.map((u) => searchView(u, expand)), links: { self: body.cursor ?? null, prev: null, next: p.next } });
    }),
    http.post(`${dir}/groups/search`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as { cursor?: string; limit?: number };
      const p = page(org.groups, body.cursor, body.limit, org.pageSize);
      return HttpResponse.json({ data: p.data, links: { self: body.cursor ?? null, prev: null, next: p.next } });
    }),
    // User details carry neither groups nor product access.
    http.get(`${dir}/users/:accountId`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const user = org.users.find((u) => u.accountId === params.accountId);
      return user ? HttpResponse.json({ data: searchView(user, []) }) : apiError(404, "ADMIN-404-8", "User not found");
    }),
    http.post(`${dir}/users/:accountId/:action`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const bad = badWriteDirectory(org, params.directoryId);
      if (bad) return bad;
      const user = org.users.find((u) => u.accountId === params.accountId);
      if (!user) return apiError(404, "ADMIN-404-8", "User not found");
      if (params.action === "suspend") user.status = "suspended";
      else if (params.action === "restore") user.status = "active";
      else return apiError(404, "ADMIN-404-0", "No route");
      org.writes.push(`${String(params.action)} ${user.accountId} in ${String(params.directoryId)}`);
      return HttpResponse.json({ message: "ok" });
    }),
    http.post(`${dir}/groups/:groupId/memberships`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const bad = badWriteDirectory(org, params.directoryId);
      if (bad) return bad;
      const body = (await request.json()) as { accountId?: string };
      const group = org.groups.find((g) => g.id === params.groupId);
      if (!group) return apiError(404, "ADMIN-404-10", "Group not found");
      if (group.externalSynced === true) return apiError(400, "ADMIN-400-24", "Members cannot be added to a group synced from an identity provider");
      const accountId = String(body.accountId);
      if (org.refuseServiceAccountTargets && isServiceAccount(org, accountId)) {
        return HttpResponse.json({ errors: [{ status: "404", code: "USER_NOT_FOUND", title: "User is not a directory user" }] }, { status: 404 });
      }
      const user = org.users.find((u) => u.accountId === accountId);
      if (user) user.groups = [...(user.groups ?? []), { id: group.id, name: group.name }];
      org.writes.push(`add ${accountId} to ${String(params.groupId)} in ${String(params.directoryId)}`);
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete(`${dir}/groups/:groupId/memberships/:accountId`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const bad = badWriteDirectory(org, params.directoryId);
      if (bad) return bad;
      org.writes.push(`remove ${String(params.accountId)} from ${String(params.groupId)} in ${String(params.directoryId)}`);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${org.baseUrl}/admin/v1/orgs/:orgId/users/:accountId/roles/:action`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as Record<string, unknown>;
      const extra = Object.keys(body).filter((k) => k !== "role" && k !== "resource");
      if (extra.length > 0 || typeof body.role !== "string" || !/^atlassian\/[a-z-]+$/.test(body.role)) {
        return apiError(400, "ADMIN-400-24", "role must be a role name such as atlassian/user");
      }
      if (typeof body.resource !== "string" || !org.workspaces.some((w) => w.id === body.resource)) return apiError(400, "ADMIN-400-24", "resource must be a workspace ARI");
      const accountId = String(params.accountId);
      if (org.refuseServiceAccountTargets && isServiceAccount(org, accountId)) {
        return HttpResponse.json({ errors: [{ status: "404", code: "USER_NOT_FOUND", title: "User is not a directory user" }] }, { status: 404 });
      }
      org.writes.push(`${String(params.action)} ${body.role} on ${body.resource} to ${accountId}`);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
