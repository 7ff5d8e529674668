/**
 * The scopes an API token of a service account may carry: Jira, Jira Service Management and
 * Confluence product scopes, classic (`read:jira-work`, `manage:jira-project`,
 * `read:confluence-content.all`, `search:confluence`, `write:servicedesk-request`) or granular
 * (`read:issue:jira`, `read:board-scope:jira-software`, `write:page:confluence`). Organization
 * administration scopes (`manage:org`, anything `…:admin`), identity scopes (`read:me`,
 * `read:account`, `offline_access`) and other products are not for a migrated bot's token.
 * Listed in docs/atlassian-api.md ("Token scopes a plan may ask for").
 */
const CLASSIC = /^(?:read|write|manage|delete|search):(?:jira|confluence|servicedesk|servicemanagement)(?:-[a-z0-9.-]+)?$/;
const GRANULAR = /^(?:read|write|delete|readonly):[a-z0-9][a-z0-9.-]*:(?:jira|jira-software|jira-service-management|confluence)$/;

export function isServiceAccountScope(scope: string): boolean {
  return CLASSIC.test(scope) || GRANULAR.test(scope);
}

/** What `--scopes` and `plan.scopes` accept, for error messages. */
export const SCOPE_DESCRIPTION = "a Jira or Confluence token scope such as read:jira-work or read:issue:jira (not an admin scope such as manage:org)";

/**
 * Problems with the token scopes of one migration, each starting with its field path
 * (`credential.scopes[2]: ...`): every scope must be one a service account's token may carry.
 */
export function scopeProblems(m: { credential: { scopes: readonly string[] } }): string[] {
  const problems: string[] = [];
  m.credential.scopes.forEach((scope, i) => {
    if (!isServiceAccountScope(scope)) problems.push(`credential.scopes[${i}]: ${JSON.stringify(scope)} is not ${SCOPE_DESCRIPTION}`);
  });
  return problems;
}
