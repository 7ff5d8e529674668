import { http, HttpResponse } from "msw";
import { admit, page, type HandlerContext } from "./common.js";

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
      const body = (await request.json()) as { cursor?: string; limit?: number };
      const p = page(org.workspaces, body.cursor, body.limit, org.pageSize);
      return HttpResponse.json({ data: p.data, links: { self: body.cursor ?? null, next: p.next } });
    }),
  ];
}
