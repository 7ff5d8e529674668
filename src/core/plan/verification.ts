import { parseGatewayUrl, type Migration } from "./schema.js";

/**
 * How a new service account's token is verified: the gateway "current user" endpoint of a product
 * the account is given access to and the token's scopes can read.
 *
 * - Jira's `GET /ex/jira/{cloudId}/rest/api/3/myself` needs Jira access on the site and
 *   `read:jira-user` (or the granular `read:application-role:jira`, `read:group:jira`,
 *   `read:user:jira`, `read:avatar:jira`).
 * - Confluence's `GET /ex/confluence/{cloudId}/wiki/rest/api/user/current` needs Confluence access
 *   on the site and `read:confluence-user` (or the granular `read:content-details:confluence`).
 *
 * Jira is asked when the migration has Jira access; Confluence when it has Confluence access only
 * (or its scopes read only Confluence users). When neither applies the token is checked by hand.
 */
export type Verification =
  | { kind: "endpoint"; product: "jira" | "confluence"; cloudId: string; gatewayUrl: string; url: string }
  | { kind: "manual"; reason: string; instructions: string[] };

const READ_USER_SCOPES: Record<"jira" | "confluence", { classic: string; granular: readonly string[] }> = {
  jira: { classic: "read:jira-user", granular: ["read:application-role:jira", "read:group:jira", "read:user:jira", "read:avatar:jira"] },
  confluence: { classic: "read:confluence-user", granular: ["read:content-details:confluence"] },
};

const CURRENT_USER_PATH: Record<"jira" | "confluence", string> = {
  jira: "/rest/api/3/myself",
  confluence: "/wiki/rest/api/user/current",
};

/** True when the scopes let a token call the product's "current user" endpoint. */
export function scopesReadUser(scopes: readonly string[], product: "jira" | "confluence"): boolean {
  const needed = READ_USER_SCOPES[product];
  return scopes.includes(needed.classic) || needed.granular.every((s) => scopes.includes(s));
}

/** The endpoint that verifies a migration's token, or why there is none and what to do instead. */
export function verificationOf(m: Pick<Migration, "cutover" | "credential">): Verification {
  const gateways = m.cutover.gatewayUrls.flatMap((text) => {
    const parsed = parseGatewayUrl(text);
    return parsed === null ? [] : [{ ...parsed, text }];
  });
  for (const product of ["jira", "confluence"] as const) {
    const gateway = gateways.find((g) => g.product === product);
    if (gateway && scopesReadUser(m.credential.scopes, product)) {
      return { kind: "endpoint", product, cloudId: gateway.cloudId, gatewayUrl: gateway.text, url: `${gateway.text}${CURRENT_USER_PATH[product]}` };
    }
  }
  const products = [...new Set(gateways.map((g) => g.product))];
  const reason =
    products.length === 0
      ? "the service account is given no Jira or Confluence access, so no current-user endpoint will answer its token"
      : `its scopes (${m.credential.scopes.join(", ")}) include no ${products.map((p) => READ_USER_SCOPES[p].classic).join(" or ")}, which ${products.length === 1 ? "that product's" : "each product's"} current-user endpoint requires`;
  const instructions = [
    `Call an endpoint the token's scopes allow through the gateway${gateways.length > 0 ? ` (${gateways.map((g) => g.text).join(", ")})` : ""}, with HTTP Basic auth <service-account email>:<token>, and check that it answers as the service account.`,
    "Only then rely on the token: bot2svc did not verify it.",
  ];
  return { kind: "manual", reason, instructions };
}
