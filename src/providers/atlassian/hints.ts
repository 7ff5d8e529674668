import type { HintInput } from "../../http/index.js";
import { ENDPOINTS, type EndpointId } from "./endpoints.js";

const NEW_KEY = "create a new key in Atlassian Administration > Settings > API keys, set BOT2SVC_ATLASSIAN_API_KEY, and run `bot2svc doctor`";

// Scopes a scoped org API key needs per endpoint (docs/atlassian-api.md §7); user-management
// and role/lifecycle calls need a key without scopes.
const SCOPES: Partial<Record<EndpointId, string>> = {
  searchWorkspaces: "read:workspaces:admin",
  searchUsers: "read:directories:admin",
  listDirectories: "read:directories:admin",
  listServiceAccountOAuthClients: "read:service-accounts-tokens:admin",
  revokeServiceAccountTokens: "delete:service-accounts-tokens:admin",
  searchGroups: "read:groups:admin",
  listApiTokens: "read:tokens:admin",
  eventsStream: "read:events:admin",
  listServiceAccounts: "read:service-accounts:admin",
  listServiceAccountTokens: "read:service-accounts-tokens:admin",
  listTokensOfServiceAccount: "read:service-accounts-tokens:admin",
  createServiceAccount: "write:service-accounts:admin",
  deleteServiceAccount: "write:service-accounts:admin",
};

/** Atlassian-specific advice for a failed request; undefined falls back to the HTTP layer's hints. */
export function atlassianHint(input: HintInput): string | undefined {
  const id = input.endpoint.id as EndpointId;
  const endpoint = ENDPOINTS[id] as (typeof ENDPOINTS)[EndpointId] | undefined;
  if (input.kind === "network") {
    const local = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(input.host);
    if (input.errorCode === "ECONNREFUSED" && local) return `Nothing listens at ${input.host}: start \`bot2svc emulator\` or fix BOT2SVC_ATLASSIAN_BASE_URL.`;
    return `Could not reach ${input.host}: check the network and proxy settings, and BOT2SVC_ATLASSIAN_BASE_URL.`;
  }
  const status = input.status ?? 0;
  if (input.authType === "basic") {
    if (status === 401 || status === 403) {
      if (id === "verifyMyself") {
        return "The token was refused: it may be wrong or expired, lack read:jira-user, or belong to an account without Jira on this site. Service-account tokens work only through the gateway (https://api.atlassian.com/ex/jira/{cloudId}), not the site URL.";
      }
      if (id === "verifyConfluenceUser") {
        return "The token was refused: it may be wrong or expired, lack read:confluence-user, or belong to an account without Confluence on this site. Service-account tokens work only through the gateway (https://api.atlassian.com/ex/confluence/{cloudId}), not the site URL.";
      }
      return "The token was refused: it may be wrong, expired or missing a scope. Service-account tokens work only through the gateway (https://api.atlassian.com/ex/jira/{cloudId}), not the site URL.";
    }
    if (status === 404) return "The gateway does not know this cloud id; check the site's cloudId.";
  }
  if (status === 401) return `The API key is wrong or expired: ${NEW_KEY}.`;
  if (status === 403) {
    if (input.apiCode === "ADMIN-403-3") return "The API key's owner may not manage this organization; use a key created by an organization admin.";
    const scope = SCOPES[id];
    return scope
      ? `The API key lacks permission: a key with scopes needs ${scope}; or use a key WITHOUT scopes (Atlassian Administration > Settings > API keys).`
      : "The API key lacks permission: user-management calls need an API key created WITHOUT scopes (Atlassian Administration > Settings > API keys).";
  }
  if (status === 404 && input.apiCode === "ADMIN-404-2") return "Organization not found: check BOT2SVC_ATLASSIAN_ORG_ID (shown beside the key in Atlassian Administration > Settings > API keys).";
  if (status === 404 && endpoint?.status === "experimental") return `${id} is an experimental Atlassian endpoint and may not be served for this organization yet.`;
  if (status === 402) return "This needs a paid subscription or Atlassian Guard for the organization.";
  if (status === 409 && id === "createServiceAccount") return "The service-account quota may be full (5 free, 250 with Guard Standard, 1,000 on Enterprise); delete unused ones or upgrade.";
  if (status === 429) return "Atlassian kept rate-limiting the requests; wait a minute and re-run with --concurrency 1.";
  if (status >= 500) return "Atlassian returned a server error; try again later (reads and idempotent writes were already retried).";
  return undefined;
}
