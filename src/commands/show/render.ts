import type { ChalkInstance } from "chalk";
import type { Migration, Plan } from "../../core/plan/schema.js";

/** What a plan would do, counted the way the summary line says it. Actions count unblocked migrations only. */
export interface PlanCounts {
  /** Every migration in the plan, blocked or not. */
  migrations: number;
  /** Migrations with no blocker: what apply will carry out. */
  ready: number;
  /** Migrations with at least one blocker. */
  blocked: number;
  /** Service accounts to create (= ready). */
  create: number;
  /** Tokens to mint, through the API or by hand. */
  tokens: number;
  /** Of `tokens`, how many an admin creates by hand in admin.atlassian.com. */
  manualTokens: number;
  roles: number;
  /** Groups that can be copied (not synced from the IdP). */
  groups: number;
  /** Groups synced from the IdP, which the admin API cannot copy. */
  syncedGroups: number;
  suspend: number;
  deactivate: number;
  revokeTokens: number;
  /** Old accounts left as they are (`none`). */
  keep: number;
  /** Warnings across all migrations. */
  warnings: number;
}

/** Counts what a plan would do. */
export function planCounts(plan: Plan): PlanCounts {
  const ready = plan.migrations.filter((m) => m.blockers.length === 0);
  const action = (a: Migration["oldAccount"]["action"]) => ready.filter((m) => m.oldAccount.action === a).length;
  return {
    migrations: plan.migrations.length,
    ready: ready.length,
    blocked: plan.migrations.length - ready.length,
    create: ready.length,
    tokens: ready.length,
    manualTokens: ready.filter((m) => m.credential.mint === "manual").length,
    roles: ready.reduce((n, m) => n + m.appRoles.length, 0),
    groups: ready.reduce((n, m) => n + m.groups.filter((g) => !g.synced).length, 0),
    syncedGroups: ready.reduce((n, m) => n + m.groups.filter((g) => g.synced).length, 0),
    suspend: action("suspend"),
    deactivate: action("deactivate"),
    revokeTokens: action("revoke-tokens"),
    keep: action("none"),
    warnings: plan.migrations.reduce((n, m) => n + m.warnings.length, 0),
  };
}

/**
 * True when apply would change something: a migration with no blocker. A blocked migration is
 * not a change; `plan --detailed-exitcode` exits 2 only for applicable ones.
 */
export function planHasChanges(plan: Plan): boolean {
  return plan.migrations.some((m) => m.blockers.length === 0);
}

/**
 * The Terraform-style one-line summary, e.g.
 * `Plan: 3 service accounts to create, 3 tokens to mint (1 manual), 3 bot accounts to suspend. 1 blocked.`
 */
export function summaryLine(plan: Plan): string {
  if (plan.migrations.length === 0) return "No changes. No bot accounts to migrate.";
  const c = planCounts(plan);
  if (c.ready === 0) {
    return `No changes. ${c.blocked === 1 ? "The only migration is blocked" : `All ${c.blocked} migrations are blocked`}; apply has nothing to do until the blockers are resolved.`;
  }
  const parts = [
    `${plural(c.create, "service account")} to create`,
    `${plural(c.tokens, "token")} to mint${c.manualTokens > 0 ? ` (${c.manualTokens} manual)` : ""}`,
  ];
  if (c.suspend > 0) parts.push(`${plural(c.suspend, "bot account")} to suspend`);
  if (c.deactivate > 0) parts.push(`${plural(c.deactivate, "bot account")} to deactivate`);
  if (c.revokeTokens > 0) parts.push(`tokens of ${plural(c.revokeTokens, "bot account")} to revoke`);
  if (c.suspend + c.deactivate + c.revokeTokens === 0) parts.push("0 bot accounts to decommission");
  return `Plan: ${parts.join(", ")}.${c.blocked > 0 ? ` ${c.blocked} blocked.` : ""}`;
}

const SYNCED_WARNING = /^group .* is synced from your identity provider/;

/**
 * Renders a plan for review: a header, one block per migration (`+` creates, `~` changes the old
 * account, `!` needs attention), blockers in red, warnings in yellow, cut-over notes, and the
 * counted summary. With colours off the text has no ANSI codes.
 */
export function renderPlanSummary(plan: Plan, colors: ChalkInstance): string {
  const lines: string[] = [];
  const from = plan.source.type === "audit" ? `the audit report${plan.source.file ? ` ${plan.source.file}` : ""}` : `the ${plan.provider.name} provider`;
  lines.push(colors.bold(`Plan ${plan.id} for ${plan.org.name || plan.org.id} (${plan.org.id})`));
  lines.push(colors.dim(`Made ${plan.createdAt} from ${from}; findings as of ${plan.referenceTime}.`));
  lines.push(colors.dim(`Secrets go to: ${sinkText(plan)}.`));
  if (plan.migrations.length === 0) {
    lines.push("", colors.green(summaryLine(plan)));
    return `${lines.join("\n")}\n`;
  }
  for (const m of plan.migrations) lines.push("", ...renderMigration(m, plan, colors));
  lines.push("", colors.bold(summaryLine(plan)));
  return `${lines.join("\n")}\n`;
}

function renderMigration(m: Migration, plan: Plan, colors: ChalkInstance): string[] {
  const add = (text: string) => `${colors.green("+")} ${text}`;
  const change = (text: string) => `${colors.yellow("~")} ${text}`;
  const attention = (text: string) => colors.yellow(`! ${text}`);
  const indent = (line: string) => `    ${line}`;
  const who = m.source.email ?? m.source.name;
  const blocked = m.blockers.length > 0;
  const lines: string[] = [];
  lines.push(
    `${add(colors.bold(`service account "${m.serviceAccount.displayName}"`))} ${colors.dim(`from ${who} (${m.source.accountId}; ${m.source.verdict}, score ${m.source.score}${m.source.isAdmin ? ", admin" : ""})`)}${blocked ? ` ${colors.red("BLOCKED")}` : ""}`,
  );
  const body: string[] = [];
  for (const reason of m.source.reasons) body.push(colors.dim(`why: ${reason}`));
  for (const r of m.appRoles) body.push(add(`role ${r.key} ${roleName(r.role)} on ${siteName(r.resource, plan)}`));
  for (const g of m.groups) {
    body.push(g.synced ? attention(`group ${g.name}: synced from IdP, cannot be copied`) : add(`group ${g.name}`));
  }
  const c = m.credential;
  const how = c.mint === "api" ? "minted via API" : colors.yellow("MANUAL step: create it in admin.atlassian.com");
  body.push(add(`token ${c.label} (${c.scopes.join(", ")}; expires in ${plural(c.expiryDays, "day")}; ${how})`));
  body.push(oldAccountLine(m, who, change));
  for (const b of m.blockers) body.push(colors.red(`✗ blocked (${b.code}): ${b.message}`));
  for (const w of m.warnings) if (!SYNCED_WARNING.test(w)) body.push(colors.yellow(`! warning: ${w}`));
  if (m.cutover.gatewayUrls.length > 0) body.push(`cut-over: ${m.cutover.gatewayUrls.join(", ")} (env ${m.cutover.envVars.join(", ")})`);
  for (const note of m.cutover.notes) body.push(colors.dim(`  - ${note}`));
  return [...lines, ...body.map(indent)];
}

function oldAccountLine(m: Migration, who: string, change: (text: string) => string): string {
  const { action, soakDays, tokenIds } = m.oldAccount;
  const when = `after verification${soakDays > 0 ? ` (soak ${plural(soakDays, "day")})` : ""}`;
  switch (action) {
    case "suspend":
      return change(`${who}: suspend ${when}`);
    case "deactivate":
      return change(`${who}: deactivate ${when}`);
    case "revoke-tokens":
      return change(`${who}: revoke ${plural(tokenIds.length, "API token")} ${when}; the account stays active`);
    case "none":
      return `  ${who}: left as it is (no decommission)`;
  }
}

function sinkText(plan: Plan): string {
  const sink = plan.secretSink;
  if (sink === null) return "not set (pass --secrets-dir or --secret-command to apply)";
  return sink.type === "env-file" ? `a 0600 .env file per account in ${sink.dir}` : `the command \`${sink.command}\``;
}

/** `atlassian/user` → `user` (older plans: `ari:cloud:jira-software::role/product/member` → `member`). */
function roleName(role: string): string {
  return role.split("/").pop() || role;
}

/** `ari:cloud:jira::site/<cloudId>` → the site's host when the plan knows it. */
function siteName(resource: string, plan: Plan): string {
  const cloudId = /site\/([^/]+)$/.exec(resource)?.[1];
  const site = cloudId === undefined ? undefined : plan.org.sites?.find((s) => s.cloudId === cloudId);
  if (site === undefined) return resource;
  return site.url.replace(/^https?:\/\//, "").replace(/\/+$/, "");
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
