import { http, HttpResponse } from "msw";
import { admit, apiError, page, type HandlerContext } from "./common.js";

/** v2 users and groups: search (body cursor), one user, group memberships, suspend/restore. */
export function directoryHandlers(ctx: HandlerContext) {
  const { org } = ctx;
  const dir = `${org.baseUrl}/admin/v2/orgs/:orgId/directories/:directoryId`;
  return [
    http.post(`${dir}/users/search`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as { cursor?: string; limit?: number; accountIds?: string[] };
      const users = body.accountIds ? org.users.filter((u) => body.accountIds?.includes(u.accountId)) : org.users;
      const p = page(users, body.cursor, body.limit, org.pageSize);
      return HttpResponse.json({ data: p.data, links: { self: body.cursor ?? null, prev: null, next: p.next } });
    }),
    http.post(`${dir}/groups/search`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as { cursor?: string; limit?: number };
      const p = page(org.groups, body.cursor, body.limit, org.pageSize);
      return HttpResponse.json({ data: p.data, links: { self: body.cursor ?? null, prev: null, next: p.next } });
    }),
    http.get(`${dir}/users/:accountId`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const user = org.users.find((u) => u.accountId === params.accountId);
      return user ? HttpResponse.json({ data: user }) : apiError(404, "ADMIN-404-8", "User not found");
    }),
    http.post(`${dir}/users/:accountId/:action`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const user = org.users.find((u) => u.accountId === params.accountId);
      if (!user) return apiError(404, "ADMIN-404-8", "User not found");
      if (params.action === "suspend") user.status = "suspended";
      else if (params.action === "restore") user.status = "active";
      else return apiError(404, "ADMIN-404-0", "No route");
      org.writes.push(`${String(params.action)} ${user.accountId}`);
      return HttpResponse.json({ message: "ok" });
    }),
    http.post(`${dir}/groups/:groupId/memberships`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as { accountId?: string };
      if (!org.groups.some((g) => g.id === params.groupId)) return apiError(404, "ADMIN-404-10", "Group not found");
      org.writes.push(`add ${body.accountId} to ${String(params.groupId)}`);
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete(`${dir}/groups/:groupId/memberships/:accountId`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      org.writes.push(`remove ${String(params.accountId)} from ${String(params.groupId)}`);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${org.baseUrl}/admin/v1/orgs/:orgId/users/:accountId/roles/assign`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as { role?: string; resource?: string };
      org.writes.push(`assign ${body.role} on ${body.resource} to ${String(params.accountId)}`);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
