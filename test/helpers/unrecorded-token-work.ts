// Accounts judged where the snapshot does not say which work was a token's (tokens listed without
// their last use, events naming neither a token nor how they were authenticated), among
// colleagues whose names teach the org its given names, or teach it nothing.
import type { Finding } from "../../src/core/detect/types.js";
import { givenNamesOrg } from "./org-words.js";
import { neverUi } from "./name-attacks.js";
import { account, byTime, DAY, ev, findingOf, HOUR, iso, lcg, REF_MS, snapshotOf, type Raw } from "./people-audit.js";

/** A token of account `a` still allowed and unexpired, whose last use the list does not record. */
export const unlistedToken = (label: string, fields: Raw = {}): Raw => ({ id: "tk", accountId: "a", label, status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: iso(REF_MS + 165 * DAY), ...fields });

/** Work on issues in the daytime of most of `days` days, from two build agents, with no sign-in, the events naming no token. */
export function unattributedWork(seed: number, days = 28): Raw[] {
  const r = lcg(seed * 31 + 7);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    if (r() < 0.15) continue;
    const day = REF_MS - d * DAY;
    for (let k = 2 + Math.floor(r() * 5); k > 0; k--) out.push(ev("a", Math.floor(day + (6 + r() * 11) * HOUR), { action: r() < 0.5 ? "comment_created" : "issue_transitioned", ip: r() < 0.5 ? "196.218.46.20" : "196.218.46.21" }));
  }
  return out.sort(byTime);
}

/** Judges account `a` with its events and tokens among 120 colleagues at `domain`. */
export type Judge = (a: Raw, events: Raw[], tokens?: Raw[]) => Finding;

/**
 * Two orgs at `domain` to judge account `a` in: `amongNamed`, 120 colleagues with given names
 * (`givenNamesOrg`); `amongUnnamed`, the same colleagues with no job titles and mailboxes of an
 * initial and a surname (`bberg7@`), so no word counts as a given name of the org's.
 */
export function orgsAt(domain: string): { amongNamed: Judge; amongUnnamed: Judge } {
  const judge = (users: Raw[], theirs: Raw[]): Judge => (a, events, tokens = []) => findingOf(snapshotOf([account("a", a), ...users], [...theirs, ...events].sort(byTime), tokens), "a");
  const { users, events } = givenNamesOrg(domain);
  const plain = users.map((u, i) => {
    const [given, surname] = (u["name"] as string).split(" ") as [string, string];
    return { ...u, email: `${given[0]}${surname}${i}@${domain}`.toLowerCase(), jobTitle: null, department: null };
  });
  return { amongNamed: judge(users, events), amongUnnamed: judge(plain, events) };
}

/** An account with no profile, nothing of it in the UI, whose source records neither who manages it nor its 2SV, and `fields`. */
export const bare = (fields: Raw): Raw => ({ managementSource: undefined, mfaEnabled: undefined, jobTitle: null, department: null, picture: null, ...neverUi, ...fields });
