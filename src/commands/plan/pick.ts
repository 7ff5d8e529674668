import type { Context } from "../../context.js";
import type { Finding, Verdict } from "../../core/detect/types.js";
import type { CheckboxChoice } from "../../ui/prompts.js";

export interface PickOptions {
  /** Verdicts pre-checked in the list. Default: `bot` only, so likely bots are a deliberate choice. */
  checked?: readonly Verdict[];
  /** Terminal width; each choice is cut to fit one line of it (the checkbox takes 4 columns). */
  width?: number;
}

/**
 * Lets a person choose which candidate bots to migrate with a checkbox list showing name, email,
 * verdict, score and the strongest reason. Returns the chosen account ids in candidate order.
 * No candidates: returns an empty list without prompting.
 */
export async function pickMigrations(candidates: readonly Finding[], ctx: Pick<Context, "prompts">, options: PickOptions = {}): Promise<string[]> {
  if (candidates.length === 0) return [];
  const checked = options.checked ?? ["bot"];
  const nameWidth = Math.min(28, Math.max(...candidates.map((c) => c.name.length)));
  const emailWidth = Math.min(36, Math.max(...candidates.map((c) => (c.email ?? "").length)));
  const choices: CheckboxChoice<string>[] = candidates.map((c) => {
    const reason = topReason(c);
    return {
      name: [
        c.name.slice(0, nameWidth).padEnd(nameWidth),
        (c.email ?? c.accountId).slice(0, Math.max(emailWidth, 12)).padEnd(emailWidth),
        c.verdict.padEnd(10),
        `score ${c.score}`.padEnd(10),
        c.isAdmin ? "admin " : "",
        reason === undefined ? "" : `— ${truncate(reason, 70)}`,
      ]
        .join(" ")
        .trimEnd(),
      value: c.accountId,
      checked: checked.includes(c.verdict),
      ...(reason === undefined ? {} : { description: reason }),
    };
  });
  // A choice that wraps breaks the list's layout: cut each to one line of the terminal.
  if (options.width !== undefined) {
    const room = Math.max(20, options.width - 4);
    for (const choice of choices) choice.name = truncate(choice.name, room);
  }
  const picked = new Set(await ctx.prompts.checkbox("Which accounts should become service accounts? (space to toggle, enter to confirm)", choices));
  return candidates.filter((c) => picked.has(c.accountId)).map((c) => c.accountId);
}

function topReason(finding: Finding): string | undefined {
  const strongest = [...finding.signals].filter((s) => s.weight > 0).sort((a, b) => b.weight - a.weight)[0];
  return strongest?.evidence;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
