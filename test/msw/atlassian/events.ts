import { http, HttpResponse } from "msw";
import { admit, page, type HandlerContext } from "./common.js";

/**
 * events-stream, paginated the v1 way: `links.next` is a full URL and `meta.next` a cursor.
 * Like Atlassian (ACCESS-1603) the next URL drops `from` and `to`, and a request without them
 * is served unfiltered, so a client that does not re-add them reads events outside its window.
 */
export function eventHandlers(ctx: HandlerContext) {
  const { org } = ctx;
  return [
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
      const p = page(inWindow, url.searchParams.get("cursor"), limit, org.pageSize);
      const next = p.next === null ? null : `${org.baseUrl}/admin/v1/orgs/${org.orgId}/events-stream?cursor=${p.next}&limit=${limit}&sortOrder=asc`;
      return HttpResponse.json({ data: p.data, meta: { next: p.next, page_size: p.data.length }, links: { self: request.url, next } });
    }),
  ];
}
