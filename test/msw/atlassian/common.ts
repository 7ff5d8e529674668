import { HttpResponse } from "msw";
import type { RequestRecorder } from "../recorder.js";
import type { FakeOrg } from "./fake-org.js";

/** What every handler factory gets. */
export interface HandlerContext {
  org: FakeOrg;
  recorder: RequestRecorder;
}

/** Atlassian's organizations-API error body. */
export function apiError(status: number, code: string, detail: string): Response {
  return HttpResponse.json({ errors: [{ id: `err-${status}`, status: String(status), code, title: detail, detail }] }, { status });
}

/**
 * Records the request and checks the bearer key and org id the way Atlassian does; returns an
 * error response to send, or undefined to go on.
 */
export async function admit(ctx: HandlerContext, request: Request, params: Record<string, unknown>): Promise<Response | undefined> {
  await ctx.recorder.record(request);
  if (request.headers.get("authorization") !== `Bearer ${ctx.org.apiKey}`) return apiError(401, "ADMIN-401", "Unauthorized");
  if (params.orgId !== undefined && params.orgId !== ctx.org.orgId) return apiError(404, "ADMIN-404-2", "Organization not found");
  return undefined;
}

/** Cuts a page at an opaque offset cursor. */
export function page<T>(items: readonly T[], cursor: string | null | undefined, limit: number | undefined, maxPage: number): { data: T[]; next: string | null } {
  const start = cursor ? Number(Buffer.from(cursor, "base64url").toString("utf8").replace("offset:", "")) : 0;
  const size = Math.min(limit ?? maxPage, maxPage);
  const data = items.slice(start, start + size);
  const end = start + data.length;
  return { data, next: end < items.length ? Buffer.from(`offset:${end}`).toString("base64url") : null };
}
