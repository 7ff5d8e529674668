import type { ChalkInstance } from "chalk";
import type { Migration, Plan } from "../../core/plan/schema.js";
import { joinLines, sanitizeText, singleLine } from "../../core/text/sanitize.js";
import { visibleWidth } from "../../ui/table.js";
import { wrapParagraph } from "../../ui/wrap.js";

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

/** How a plan is laid out for review. */
export interface RenderPlanOptions {
  /** Columns to wrap every line to (the terminal's width); without it, one line per item. */
  width?: number;
}

/**
 * Renders a plan for review: a header, the cut-over notes that several migrations share
 * (printed once, numbered), one block per migration (`+` creates, `~` changes the old account,
 * `!` needs attention), blockers in red, warnings in yellow, and the counted summary. Every
 * line is wrapped to `width` with a hanging indent; URLs and emails are never cut. Text from
 * the plan (names, reasons, notes) is sanitized before it is laid out, so an escape sequence
 * in a name cannot reach the terminal and the widths are those on screen. With colours off the
 * text has no ANSI codes.
 */
export function renderPlanSummary(rawPlan: Plan, colors: ChalkInstance, options: RenderPlanOptions = {}): string {
  const plan = sanitizeStrings(rawPlan);
  const { width } = options;
  const lines: string[] = [];
  const para = (text: string, first = "", rest?: string) => lines.push(...wrapParagraph(text, width, rest === undefined ? { first } : { first, rest }));
  const from = plan.source.type === "audit" ? `the audit report${plan.source.file ? ` ${plan.source.file}` : ""}` : `the ${plan.provider.name} provider`;
  para(colors.bold(`Plan ${plan.id} for ${plan.org.name || plan.org.id} (${plan.org.id})`));
  para(colors.dim(`Made ${plan.createdAt} from ${from}; findings as of ${plan.referenceTime}.`));
  para(colors.dim(`Secrets go to: ${sinkText(plan)}.`));
  if (plan.migrations.length === 0) {
    lines.push("");
    para(colors.green(summaryLine(plan)));
    return `${joinLines(lines)}\n`;
  }
  const shared = sharedNotes(plan);
  if (shared.length > 0) {
    lines.push("");
    para(colors.bold("Cut-over notes shared by several migrations (each migration lists the ones that apply):"));
    shared.forEach((note, i) => para(`${note.text} ${colors.dim(`(${plural(note.count, "migration")})`)}`, `  [${i + 1}] `));
  }
  for (const m of plan.migrations) {
    lines.push("");
    lines.push(...renderMigration(m, plan, colors, width, shared));
  }
  lines.push("");
  para(colors.bold(summaryLine(plan)));
  return `${joinLines(lines)}\n`;
}

/** A cut-over note as it reads for any migration, and how many migrations carry it. */
interface SharedNote {
  text: string;
  count: number;
}

/**
 * The cut-over notes that appear in more than one migration, in order of first appearance. A
 * note that differs only by the migration's own old account ("…, not jenkins@acme.com") counts
 * as the same note, worded for any migration.
 */
function sharedNotes(plan: Plan): SharedNote[] {
  const counts = new Map<string, number>();
  for (const m of plan.migrations) for (const key of new Set(m.cutover.notes.map((n) => genericNote(n, m)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([text, count]) => ({ text, count }));
}

/**
 * A note with the migration's old email replaced by a phrase that fits any migration. Only an
 * email is distinctive enough to replace; a display name may be a word of the note itself.
 */
function genericNote(note: string, m: Migration): string {
  const email = m.source.email;
  return email === null || email === "" ? note : note.split(email).join("the old account's email");
}

function renderMigration(m: Migration, plan: Plan, colors: ChalkInstance, width: number | undefined, shared: readonly SharedNote[]): string[] {
  const add = (text: string) => `${colors.green("+")} ${text}`;
  const change = (text: string) => `${colors.yellow("~")} ${text}`;
  const attention = (text: string) => colors.yellow(`! ${text}`);
  const who = m.source.email ?? m.source.name;
  const blocked = m.blockers.length > 0;
  const lines: string[] = [];
  /** One item of the block: indented `indent` columns, continuation lines `hang` columns further. */
  const item = (text: string, hang = 2, indent = 4) => lines.push(...wrapParagraph(text, width, { first: " ".repeat(indent), rest: " ".repeat(indent + hang) }));
  lines.push(
    ...wrapParagraph(
      `${add(colors.bold(`service account "${m.serviceAccount.displayName}"`))} ${colors.dim(`from ${who} (${m.source.accountId}; ${m.source.verdict}, score ${m.source.score}${m.source.isAdmin ? ", admin" : ""})`)}${blocked ? ` ${colors.red("BLOCKED")}` : ""}`,
      width,
      { rest: "    " },
    ),
  );
  for (const reason of m.source.reasons) item(colors.dim(`why: ${reason}`), 5);
  for (const r of m.appRoles) item(add(`role ${r.key} ${roleName(r.role)} on ${siteName(r.resource, plan)}`));
  for (const g of m.groups) {
    item(g.synced ? attention(`group ${g.name}: synced from IdP, cannot be copied`) : add(`group ${g.name}`));
  }
  const c = m.credential;
  const how = c.mint === "api" ? "minted via API" : colors.yellow("MANUAL step: create it in admin.atlassian.com");
  item(add(`token ${c.label} (${c.scopes.join(", ")}; expires in ${plural(c.expiryDays, "day")}; ${how})`));
  item(oldAccountLine(m, who, change));
  if (m.idp !== undefined) item(change(`deactivate ${m.idp.email ?? m.idp.accountId} (SCIM user ${m.idp.accountId}) in ${m.idp.name}, after the old account`));
  for (const b of m.blockers) item(colors.red(`✗ blocked (${b.code}): ${b.message}`));
  for (const w of m.warnings) if (!SYNCED_WARNING.test(w)) item(colors.yellow(`! warning: ${w}`));
  if (m.cutover.gatewayUrls.length > 0) lines.push(...cutoverLines(m.cutover, width));
  const numbers: string[] = [];
  const own: string[] = [];
  for (const note of m.cutover.notes) {
    const index = shared.findIndex((s) => s.text === genericNote(note, m));
    if (index >= 0) numbers.push(`[${index + 1}]`);
    else own.push(note);
  }
  if (numbers.length > 0) item(colors.dim(`- shared notes ${numbers.join(" ")} above`), 2, 6);
  for (const note of own) item(colors.dim(`- ${note}`), 2, 6);
  return lines;
}

/**
 * The gateway URLs to switch to: one line when it fits, otherwise one URL a line under a
 * heading, indented as far as the longest URL allows so that each can be copied whole.
 */
function cutoverLines(cutover: Migration["cutover"], width: number | undefined): string[] {
  const env = `env ${cutover.envVars.join(", ")}`;
  const oneLine = `    cut-over: ${cutover.gatewayUrls.join(", ")} (${env})`;
  if (width === undefined || visibleWidth(oneLine) <= width) return [oneLine];
  const longest = Math.max(...cutover.gatewayUrls.map((u) => visibleWidth(u)));
  const indent = 6 + longest <= width ? "      " : "    ";
  return [...wrapParagraph(`cut-over (${env}) to:`, width, { first: "    ", rest: "      " }), ...cutover.gatewayUrls.map((u) => `${indent}${u}`)];
}

/**
 * A copy of `value` with every string made safe to print (see `sanitizeText`) and kept on one
 * line (see `singleLine`): a line break in a name, label or reason is shown escaped.
 */
function sanitizeStrings<T>(value: T): T {
  if (typeof value === "string") return sanitizeText(singleLine(value)) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => sanitizeStrings(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeStrings(v)])) as T;
  }
  return value;
}

function oldAccountLine(m: Migration, who: string, change: (text: string) => string): string {
  const { action, soakDays, tokenIds } = m.oldAccount;
  const when = `after verification${soakDays > 0 ? ` (soak ${plural(soakDays, "day")})` : ""}`;
  switch (action) {
    case "suspend":
      return change(`${who}: suspend ${when}`);
    case "deactivate":
      return change(`${who}: deactivate ${when}`);
    case "revoke-tokens": {
      // Only the account's own tokens can be revoked (apply revokes those it finds on the account);
      // an id the plan lists beyond them is counted apart, not promised.
      const own = new Set(m.source.state.tokenIds);
      const revocable = tokenIds.filter((id) => own.has(id)).length;
      const other = tokenIds.length - revocable;
      return change(
        `${who}: revoke ${plural(revocable, "API token")} ${when}; the account stays active${other > 0 ? ` (${plural(other, "listed token id")} not on this account, not revoked)` : ""}`,
      );
    }
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
