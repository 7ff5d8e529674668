import { joinLines } from "../text/sanitize.js";
import { isStepComplete, type MigrationJournalState } from "../journal/state.js";
import type { Migration, Plan, StepName } from "../plan/schema.js";
import { verificationOf } from "../plan/verification.js";

/** What the verify step will do: the endpoint it asks, or that the check is left to the admin. */
function verifyText(m: Migration): string {
  const v = verificationOf(m);
  return v.kind === "endpoint" ? `verify the token with GET ${v.url}` : `not verified by bot2svc (${v.reason}); check it by hand`;
}

/** One step as `apply --dry-run` shows it. */
export interface StepPreview {
  step: StepName;
  /** What the step would do, in a sentence. */
  text: string;
  /** `done` when the journal says it already happened; `blocked` for a blocked migration. */
  state: "pending" | "done" | "blocked";
}

export interface MigrationPreview {
  migration: Migration;
  steps: StepPreview[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The steps of every migration with what each would do, marking what the journal has done. */
export function describeApply(plan: Plan, states: ReadonlyMap<string, MigrationJournalState>, sinkText: string): MigrationPreview[] {
  return plan.migrations.map((m) => {
    const state = states.get(m.id);
    const blocked = m.blockers.length > 0;
    const mark = (step: StepName, text: string): StepPreview => ({
      step,
      text,
      state: blocked ? "blocked" : isStepComplete(state, step) ? "done" : "pending",
    });
    const copyable = m.groups.filter((g) => !g.synced);
    const synced = m.groups.filter((g) => g.synced);
    const old = m.oldAccount;
    const who = m.source.email ?? m.source.accountId;
    const soak = old.soakDays > 0 ? ` after a ${old.soakDays}-day soak` : "";
    const decommission =
      old.action === "none"
        ? `leave ${who} as it is`
        : old.action === "revoke-tokens"
          ? `revoke ${plural(old.tokenIds.length, "API token")} of ${who}${soak}`
          : `${old.action} ${who}${soak}`;
    return {
      migration: m,
      steps: [
        mark("create", `create service account "${m.serviceAccount.displayName}" (or adopt the one marked ${m.serviceAccount.marker})`),
        mark("grant", m.appRoles.length === 0 ? "no app roles to grant" : `grant ${m.appRoles.map((r) => `${r.key} ${r.role.split("/").pop() ?? r.role}`).join(", ")}`),
        mark(
          "group",
          `${copyable.length === 0 ? "no groups to add" : `add to ${copyable.map((g) => g.name).join(", ")}`}${synced.length > 0 ? ` (synced, cannot copy: ${synced.map((g) => g.name).join(", ")})` : ""}`,
        ),
        mark(
          "mint",
          `${m.credential.mint === "api" ? "mint" : "ask an admin to create (manual step)"} API token "${m.credential.label}" (${m.credential.scopes.join(" ")}; ${m.credential.expiryDays} days)`,
        ),
        mark("deliver", `deliver the token to ${sinkText}`),
        mark("verify", verifyText(m)),
        mark("decommission", decommission),
        ...(m.idp !== undefined
          ? [mark("idp", `deactivate ${m.idp.email ?? m.idp.accountId} (SCIM user ${m.idp.accountId}) in ${m.idp.name}, the identity provider`)]
          : []),
      ],
    };
  });
}

/** Plain-text rendering of `describeApply` for `--dry-run`. */
export function renderApplyPreview(previews: readonly MigrationPreview[]): string {
  const lines: string[] = [];
  for (const p of previews) {
    const m = p.migration;
    const blocked = m.blockers.length > 0;
    lines.push(`${m.source.email ?? m.source.name} (${m.source.accountId}) → "${m.serviceAccount.displayName}"${blocked ? ` (blocked: ${m.blockers.map((b) => b.message).join("; ")})` : ""}`);
    for (const s of p.steps) {
      const tag = s.state === "done" ? "done " : s.state === "blocked" ? "skip " : "     ";
      lines.push(`  ${tag} ${s.step.padEnd(12)} ${s.text}`);
    }
  }
  return `${joinLines(lines)}\n`;
}
