import { http, HttpResponse } from "msw";
import { admit, type HandlerContext } from "./common.js";

/** User management API: a user's API tokens (plain array), minting (unofficial), lifecycle. */
export function userManagementHandlers(ctx: HandlerContext) {
  const { org } = ctx;
  const base = `${org.baseUrl}/users/:accountId/manage`;
  let minted = 0;
  return [
    http.get(`${base}/api-tokens`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      return HttpResponse.json(org.userTokens[String(params.accountId)] ?? []);
    }),
    http.post(`${base}/api-tokens`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const body = (await request.json()) as { label: string; expiry?: string };
      if (body.expiry === undefined) return HttpResponse.json([{ code: "INVALID_EXPIRY", message: "expiry is required" }], { status: 400 });
      minted += 1;
      const id = `minted-${minted}`;
      (org.userTokens[String(params.accountId)] ??= []).push({ id, label: body.label, createdAt: "2026-11-01T00:00:00Z", lastAccess: null, expiry: body.expiry });
      org.writes.push(`mint ${id} for ${String(params.accountId)}`);
      return HttpResponse.json({ id, token: `fake-minted-secret-${minted}-abcdef` });
    }),
    http.delete(`${base}/api-tokens/:tokenId`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const list = org.userTokens[String(params.accountId)] ?? [];
      org.userTokens[String(params.accountId)] = list.filter((t) => t.id !== params.tokenId);
      org.writes.push(`revoke ${String(params.tokenId)}`);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${base}/lifecycle/:action`, async ({ request, params }) => {
      const denied = await admit(ctx, request, params);
      if (denied) return denied;
      const user = org.users.find((u) => u.accountId === params.accountId);
      if (!user) return HttpResponse.json([{ code: "USER_NOT_FOUND", message: "No such user" }], { status: 404 });
      if (params.action === "disable") user.accountStatus = "inactive";
      if (params.action === "enable") user.accountStatus = "active";
      org.writes.push(`${String(params.action)} ${user.accountId}`);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
