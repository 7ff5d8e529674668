import { http, HttpResponse } from "msw";
import type { HandlerContext } from "./common.js";

/** The API gateway's Jira `myself` and Confluence `user/current`, authenticated with Basic email:token. */
export function gatewayHandlers(ctx: HandlerContext) {
  const { org } = ctx;
  return [
    http.get(`${org.baseUrl}/ex/jira/:cloudId/rest/api/3/myself`, async ({ request }) => {
      await ctx.recorder.record(request);
      const header = request.headers.get("authorization") ?? "";
      const decoded = header.startsWith("Basic ") ? Buffer.from(header.slice(6), "base64").toString("utf8") : "";
      const cred = org.gatewayCredentials.find((c) => `${c.email}:${c.token}` === decoded);
      if (!cred) return HttpResponse.json({ errorMessages: ["Client must be authenticated to access this resource."] }, { status: 401 });
      return HttpResponse.json({ accountId: cred.accountId, emailAddress: cred.email, displayName: "SA", accountType: "app", active: true });
    }),
    http.get(`${org.baseUrl}/ex/confluence/:cloudId/wiki/rest/api/user/current`, async ({ request }) => {
      await ctx.recorder.record(request);
      const header = request.headers.get("authorization") ?? "";
      const decoded = header.startsWith("Basic ") ? Buffer.from(header.slice(6), "base64").toString("utf8") : "";
      const cred = org.gatewayCredentials.find((c) => `${c.email}:${c.token}` === decoded);
      if (!cred) return HttpResponse.json({ code: 401, message: "Unauthorized" }, { status: 401 });
      return HttpResponse.json({ type: "known", accountId: cred.accountId, email: cred.email, publicName: "SA", displayName: "SA", accountType: "app" });
    }),
  ];
}
