import { http, HttpResponse } from "msw";
import { admit, apiError, page, type HandlerContext } from "./common.js";

/**
 * events-stream, paginated the v1 way: `links.next` is a full URL and `meta.next` a cursor.
 * Like Atlassian (ACCESS-1603) the next URL drops `from` and `to`, and a request without them
 * is served unfiltered, so a client that does not re-add them reads events outside its window.
 * Like a polling stream, every page (the last one too) carries a cursor.
 */
export function eventHandlers(ctx: HandlerContext) {
  const { org } = ctx;
  return [
    // Audit Log API: product-side events of one workspace, cursor paging in the query.
    // It takes an admin's Basic email:token, not the org API key.
    http.get(`${org.baseUrl}/audit-log/v1/workspaces/:workspaceId/events`, async ({ request, params }) => {
      await ctx.recorder.record(request);
      if (!(request.headers.get("authorization") ?? "").startsWith("Basic ")) return apiError(401, "UNAUTHORIZED", "Client must be authenticated");
      void params;
      const url = new URL(request.url);
      const from = Date.parse(url.searchParams.get("from") ?? "1970-01-01T00:00:00Z");
      const to = Date.parse(url.searchParams.get("to") ?? "2999-01-01T00:00:00Z");
      const mine = org.productEvents
        .filter((e) => e.workspaceId === params.workspaceId)
        .filter((e) => Date.parse(e.attributes.time) >= from && Date.parse(e.attributes.time) <= to)
        .map(({ workspaceId: _w, ...e }) => e);
      const p = page(mine, url.searchParams.get("cursor"), Number(url.searchParams.get("limit") ?? 100), org.pageSize);
      return HttpResponse.json({ data: p.data, links: { self: request.url, next: p.next } });
    }),
    http.get(`${org.baseUrl}/admin/v1/orgs/:orgId/events-stream`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const url = new URL(request.url);
      const from = Number(url.searchParams.get("from") ?? 0);
      const to = Number(url.searchParams.get("to") ?? Number.MAX_SAFE_INTEGER);
      const limit = Number(url.searchParams.get("limit") ?? 200);
      const desc = url.searchParams.get("sortOrder") === "desc";
      const inWindow = org.events
        .filter((e) => {
          const t = Date.parse(e.attributes.time);
          return t >= from && t <= to;
        })
        .sort((a, b) => (desc ? -1 : 1) * (Date.parse(a.attributes.time) - Date.parse(b.attributes.time)));
      const cursor = url.searchParams.get("cursor");
      const p = page(inWindow, cursor, limit, org.pageSize);
      // A polling stream: the last page keeps a cursor (to the end), so a reader must stop on an
      // empty page rather than on a missing cursor.
      const token = p.next ?? Buffer.from(`offset:${inWindow.length}`).toString("base64url");
      const next = `${org.baseUrl}/admin/v1/orgs/${org.orgId}/events-stream?cursor=${token}&limit=${limit}&sortOrder=asc`;
      return HttpResponse.json({ data: p.data, meta: { next: token, page_size: p.data.length }, links: { self: request.url, next } });
    }),
  ];
}
