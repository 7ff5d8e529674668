import { http, HttpResponse } from "msw";
import { admit, apiError, page, type HandlerContext } from "./common.js";

/** API Access API: org token inventory, service accounts and their tokens (query cursor). */
export function apiAccessHandlers(ctx: HandlerContext) {
  const { org } = ctx;
  const base = `${org.baseUrl}/admin/api-access/v1/orgs/:orgId`;
  let created = 0;
  const query = (request: Request) => {
    const url = new URL(request.url);
    const size = url.searchParams.get("pageSize");
    return { cursor: url.searchParams.get("cursor"), pageSize: size === null ? undefined : Number(size) };
  };
  return [
    http.get(`${base}/api-tokens`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const q = query(request);
      const p = page(org.apiTokens, q.cursor, q.pageSize, org.pageSize);
      return HttpResponse.json({ data: p.data, links: { self: q.cursor, next: p.next, prev: null } });
    }),
    http.get(`${base}/service-accounts/api-tokens`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const q = query(request);
      const p = page(org.serviceAccountTokens, q.cursor, q.pageSize, org.pageSize);
      return HttpResponse.json({ data: p.data, links: { next: p.next } });
    }),
    http.get(`${base}/service-accounts`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const q = query(request);
      const startAt = new URL(request.url).searchParams.get("startAt");
      const p = page(org.serviceAccounts, q.cursor ?? startAt, q.pageSize, org.pageSize);
      const next =
        p.next !== null && org.absoluteServiceAccountLinks ? `${org.baseUrl}/admin/api-access/v1/orgs/${org.orgId}/service-accounts?startAt=${p.next}` : p.next;
      return HttpResponse.json({ items: p.data, links: { next, prev: null }, total: org.serviceAccounts.length });
    }),
    http.get(`${base}/service-accounts/:serviceAccountId/api-tokens`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      if (org.serviceAccountTokenRoute === "missing") return apiError(404, "NOT_FOUND", "Request failed to match any route.");
      if (new URL(request.url).searchParams.has("pageSize") || new URL(request.url).searchParams.has("limit")) {
        return apiError(400, "ADMIN-400-24", "no page size is documented for this route");
      }
      const sa = org.serviceAccounts.find((s) => s.id === params.serviceAccountId);
      if (!sa) return apiError(404, "ADMIN-404-11", "Service account not found");
      // Minted tokens live with the user-management fake; both lists describe the same tokens.
      const minted = (org.userTokens[sa.atlassianId] ?? []).map((t) => ({ id: t.id, label: t.label, createdAt: t.createdAt, expiresAt: t.expiry, lastActiveAt: t.lastAccess }));
      const listed = org.serviceAccountTokens.filter((t) => t.serviceAccountId === sa.id || t.serviceAccountId === sa.atlassianId);
      return HttpResponse.json({ data: [...listed, ...minted], links: {} });
    }),
    http.get(`${base}/service-accounts/oauth-clients`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const q = query(request);
      const p = page(org.oauthClients, q.cursor, q.pageSize, org.pageSize);
      return HttpResponse.json({ data: p.data, links: { self: q.cursor, next: p.next, prev: null } });
    }),
    http.delete(`${base}/service-accounts/:serviceAccountId/api-tokens`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const sa = org.serviceAccounts.find((s) => s.id === params.serviceAccountId);
      if (!sa) return apiError(404, "ADMIN-404-11", "Service account not found");
      org.serviceAccountTokens = org.serviceAccountTokens.filter((t) => t.serviceAccountId !== sa.id && t.serviceAccountId !== sa.atlassianId);
      org.userTokens[sa.atlassianId] = [];
      org.writes.push(`revoke all tokens of ${sa.id}`);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${base}/service-accounts`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as { displayName: string; description?: string };
      created += 1;
      const sa = {
        id: `sa-coll-new-${created}`,
        atlassianId: `sa-acct-new-${created}`,
        email: `${body.displayName.toLowerCase().replace(/\W+/g, "-")}-${created}@serviceaccount.atlassian.com`,
        displayName: body.displayName,
        description: body.description ?? null,
        status: "ACTIVE",
      };
      org.serviceAccounts.push(sa);
      org.writes.push(`create ${sa.id}`);
      return HttpResponse.json(sa, { status: 201 });
    }),
    http.delete(`${base}/service-accounts/:serviceAccountId`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const i = org.serviceAccounts.findIndex((s) => s.id === params.serviceAccountId);
      if (i < 0) return apiError(404, "ADMIN-404-11", "Service account not found");
      org.serviceAccounts.splice(i, 1);
      org.writes.push(`delete ${String(params.serviceAccountId)}`);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
