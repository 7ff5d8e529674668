import { readInputText } from "../fs/read-text.js";
import { InputError } from "../errors.js";
import { writeFileAtomic } from "../fs/atomic-write.js";
import { parseJsonText, validateWith } from "../validation.js";
import { fingerprintVintage } from "./fingerprint.js";
import { scopeProblems } from "./scopes.js";
import { gatewayUrlProblems, MAX_TOKEN_EXPIRY_DAYS, PLAN_KIND, PLAN_VERSION, planSchema, type Plan } from "./schema.js";

/**
 * Reads and validates a plan file. Errors come in classes, each reported at once: unreadable
 * file, bad JSON (with line and column), wrong kind or version (one sentence), schema problems
 * (every one, by JSON path), then semantic problems (duplicates, markers, fingerprints).
 */
export async function readPlanFile(file: string, options: { displayName?: string } = {}): Promise<Plan> {
  // Messages name the file the way the user typed it, while reading uses the resolved path.
  const name = options.displayName ?? file;
  const text = await readInputText(file, { label: "plan file", hint: "Make a plan with `bot2svc plan --out FILE`.", displayName: name });
  return parsePlan(text, name);
}

/** Parses plan JSON text; `file` is only used in messages. */
export function parsePlan(text: string, file: string): Plan {
  const data = parseJsonText(text, file, "plan");
  return validatePlan(data, file);
}

/** Validates already-parsed plan data: header, schema, then the rules zod cannot express. */
export function validatePlan(data: unknown, file: string): Plan {
  checkHeader(data, file);
  const plan = validateWith(planSchema, data, file, "plan");
  const problems = findPlanProblems(plan);
  if (problems.length > 0) {
    throw new InputError(`${file} is not a consistent plan (${problems.length} problem${problems.length === 1 ? "" : "s"})`, {
      code: "PLAN_INVALID",
      details: problems,
      hint: "Make a fresh plan with `bot2svc plan` rather than editing these fields by hand.",
    });
  }
  return plan;
}

// The header is checked first so that a snapshot or an audit report passed by mistake gets one
// clear sentence instead of a screenful of schema errors.
function checkHeader(data: unknown, file: string): void {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new InputError(`${file} is not a bot2svc plan: expected a JSON object at the top level`, { code: "SCHEMA_INVALID" });
  }
  const record = data as Record<string, unknown>;
  if (record.kind !== PLAN_KIND) {
    throw new InputError(`${file} is not a bot2svc plan: kind is ${JSON.stringify(record.kind)}, expected "${PLAN_KIND}"`, {
      code: "SCHEMA_INVALID",
      hint: "Pass a file written by `bot2svc plan --out FILE`.",
    });
  }
  if (record.version !== PLAN_VERSION) {
    throw new InputError(
      `${file} has plan version ${JSON.stringify(record.version)}; this bot2svc reads plan version ${PLAN_VERSION} only`,
      { code: "SCHEMA_INVALID", hint: "Make the plan again with this version of bot2svc." },
    );
  }
}

/**
 * Rules across fields and migrations, by JSON path: unique migration ids, source accounts,
 * markers and token labels; markers that carry this plan's id; fingerprints that match the
 * recorded state; token scopes a service account's token may carry; token expiry within
 * Atlassian's one-year cap.
 */
export function findPlanProblems(plan: Plan): string[] {
  const problems: string[] = [];
  const seen = { id: new Map<string, number>(), account: new Map<string, number>(), label: new Map<string, number>() };
  plan.migrations.forEach((m, i) => {
    const at = `migrations[${i}]`;
    if (!isMigrationIdOf(m.id, m.source.accountId)) {
      problems.push(`${at}.id: "${m.id}" is not the id derived from source.accountId "${m.source.accountId}" (expected "${migrationIdOf(m.source.accountId)}")`);
    }
    const firstId = seen.id.get(m.id);
    if (firstId !== undefined) problems.push(`${at}.id: duplicate migration id "${m.id}" (also migrations[${firstId}])`);
    else seen.id.set(m.id, i);
    const firstAccount = seen.account.get(m.source.accountId);
    if (firstAccount !== undefined) {
      problems.push(`${at}.source.accountId: account "${m.source.accountId}" is migrated twice (also migrations[${firstAccount}])`);
    } else seen.account.set(m.source.accountId, i);
    const firstLabel = seen.label.get(m.credential.label);
    if (firstLabel !== undefined) {
      problems.push(`${at}.credential.label: duplicate token label "${m.credential.label}" (also migrations[${firstLabel}])`);
    } else seen.label.set(m.credential.label, i);
    const marker = markerOf(plan.id, m.id);
    if (m.serviceAccount.marker !== marker) {
      problems.push(`${at}.serviceAccount.marker: expected "${marker}" (plan id and migration id)`);
    } else if (!hasMarker(m.serviceAccount.description, marker)) {
      problems.push(`${at}.serviceAccount.description: must contain the marker "${marker}" so apply can find the account it created`);
    }
    // A plan the previous release made (its fingerprint covers the token's scopes, not the rest of
    // it) is still accepted, so that an apply paused before an upgrade can be resumed.
    const vintage = fingerprintVintage(m);
    if (vintage === "before-scopes" || vintage === "edited") {
      problems.push(
        vintage === "before-scopes"
          ? `${at}.source.fingerprint: does not cover credential.scopes: the plan was made by an earlier bot2svc, or its fingerprint was recomputed by hand; make the plan again`
          : `${at}.source.fingerprint: does not match source.state, cutover.gatewayUrls, appRoles, groups and credential (scopes, label, expiryDays, mint) (they were edited after planning)`,
      );
    }
    problems.push(...scopeProblems(m).map((p) => `${at}.${p}`));
    if (m.credential.expiryDays > MAX_TOKEN_EXPIRY_DAYS) {
      problems.push(`${at}.credential.expiryDays: Atlassian caps API tokens at ${MAX_TOKEN_EXPIRY_DAYS} days`);
    }
  });
  problems.push(...gatewayUrlProblems(plan));
  return problems;
}

/** The id the planner gives the migration of an account, before making it unique in its plan. */
export function migrationIdOf(accountId: string): string {
  return `m-${accountId.replace(/[^A-Za-z0-9_.-]/g, "-")}`;
}

/**
 * True when `id` is an id the planner can give the migration of this account: `migrationIdOf`,
 * or that with `-2`, `-3`, … when two accounts of a plan would otherwise share one.
 */
export function isMigrationIdOf(id: string, accountId: string): boolean {
  const base = migrationIdOf(accountId);
  return id === base || (id.startsWith(`${base}-`) && /^[2-9]\d*$/.test(id.slice(base.length + 1)));
}

/**
 * True when a service account's description carries exactly this marker: `bot2svc:p:m-a` is
 * not found in a description that holds `bot2svc:p:m-a-2`.
 */
export function hasMarker(description: string | null | undefined, marker: string): boolean {
  if (typeof description !== "string" || marker === "") return false;
  let from = 0;
  for (;;) {
    const at = description.indexOf(marker, from);
    if (at < 0) return false;
    const before = at === 0 ? "" : (description[at - 1] as string);
    const after = description[at + marker.length] ?? "";
    if (!MARKER_CHAR.test(before) && !MARKER_CHAR.test(after)) return true;
    from = at + 1;
  }
}

const MARKER_CHAR = /^[A-Za-z0-9_.:-]$/;

/** The marker apply looks for in a service account's description: `bot2svc:<planId>:<migrationId>`. */
export function markerOf(planId: string, migrationId: string): string {
  return `bot2svc:${planId}:${migrationId}`;
}

/** The plan as the JSON text written to disk: two-space indent, trailing newline. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * Validates a plan and writes it atomically (readers never see half a plan). An invalid plan
 * is refused before anything is written.
 */
export async function writePlanFile(file: string, plan: Plan): Promise<void> {
  const checked = validatePlan(plan, file);
  await writeFileAtomic(file, serializePlan(checked));
}
