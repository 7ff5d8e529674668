import { http, HttpResponse } from "msw";
import { admit, apiError, page, type HandlerContext } from "./common.js";

/** getOrg and searchWorkspaces. */
export function orgHandlers(ctx: HandlerContext) {
  const { org } = ctx;
  return [
    http.get(`${org.baseUrl}/admin/v1/orgs/:orgId`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      return HttpResponse.json(
        { data: { id: org.orgId, type: "orgs", attributes: { name: org.orgName } } },
        { headers: { "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "97", "X-RateLimit-Reset": "2026-11-01T00:01:00Z" } },
      );
    }),
    http.post(`${org.baseUrl}/admin/v2/orgs/:orgId/workspaces`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as Record<string, unknown> & { cursor?: string; limit?: number };
      // With a cursor, no other body field is allowed.
      if (body.cursor !== undefined && Object.keys(body).length > 1) return apiError(400, "ADMIN-400-24", "No other field is allowed with cursor");
      const p = page(org.workspaces, body.cursor, body.limit, org.pageSize);
      return HttpResponse.json({ data: p.data, links: { self: body.cursor ?? null, next: p.next } });
    }),
  ];
}
