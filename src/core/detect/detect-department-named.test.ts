// A team's account named as one of the org's departments, in the org's own words ("Nursing
// Education", "Credentialing Office", "Supply Chain Requests"), at a team's mailbox, signed in to
// by its members from their desks: reviewed as shared. The words are learned from the org: its
// departments and job titles, and the first words of its people's names. A person whose given name
// is one of the org's words ("Grant" beside a "Grant Administration") and a role's account held by
// one person ("Chief Engineer - JEA") stay human; so does a department's name at a mailbox shaped
// as a person's (`nursing.education@`), where Grace Ward, a ward in one org, is a nurse in another.
import { describe, expect, it } from "vitest";
import { account, EMPTY, findingOf, lcg, officeDays, snapshotOf, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { ADDRESSES, recentUi, teamSignIns } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

const GIVEN = ["Maria", "John", "Aisha", "Wei", "Tomás", "Priya", "Olga", "Kwame"] as const;
const SURNAMES = ["Santos", "Baker", "Khan", "Zhang", "Ruiz", "Nair", "Petrova", "Mensah", "Lopez", "Fischer"] as const;
const WORK = [
  ["Nursing Education", "Nurse Educator"],
  ["Medical Staff Credentialing", "Credentialing Specialist"],
  ["Supply Chain", "Buyer"],
  ["Clinical Informatics", "Informatics Analyst"],
  ["Commercial", "Account Manager"],
  ["Grant Administration", "Grants Officer"],
  ["Marine Engineering", "Chief Engineer"],
  ["Patient Access", "Registration Clerk"],
  ["Critical Care Nursing", "Staff Nurse"],
  ["Nursing Administration", "Nurse Manager"],
  ["Health Informatics", "Clinical Analyst"],
] as const;

/** 48 people of a hospital group's departments (`p0`..`p47`), each signing in on weekdays from the office, and their sign-ins. */
function staff(seed: number): { users: Raw[]; events: Raw[] } {
  const r = lcg(seed * 17 + 3);
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 48; i++) {
    const given = GIVEN[i % GIVEN.length] as string;
    const surname = SURNAMES[(i * 7) % SURNAMES.length] as string;
    const [department, jobTitle] = WORK[i % WORK.length] as readonly [string, string];
    users.push(account(`p${i}`, { name: `${given} ${surname}`, email: `${given.toLowerCase()}.${surname.toLowerCase()}${i}@health.example`, department, jobTitle }));
    events.push(...officeDays(lcg(Math.floor(r() * 1e9)), `p${i}`));
  }
  return { users, events };
}
/**
 * Account `x` (synced, no profile, signed in to on weekdays from three desks with an email code at
 * each sign-in) among the staff and `others`, judged.
 */
function shared(seed: number, name: string, email: string, others: Raw[] = []): Finding {
  const { users, events } = staff(seed);
  const theirs = others.flatMap((u, i) => officeDays(lcg(seed * 101 + i), u["accountId"] as string));
  const x = account("x", { name, email, managementSource: "synced", ...EMPTY, ...recentUi });
  return findingOf(snapshotOf([...users, ...others, x], [...events, ...theirs, ...teamSignIns(seed, ADDRESSES, true)]), "x");
}
/** Two more people named Grant. */
const GRANTS = [0, 1].map((i) => account(`g${i}`, { name: `Grant ${SURNAMES[i]}`, email: `grant.${(SURNAMES[i] as string).toLowerCase()}@health.example` }));

describe("a team's account named as one of the org's departments", () => {
  it.each([
    ["Nursing Education", "nursing-education@health.example"],
    ["Nursing Education", "nursingeducation.evv@health.example"],
    ["Credentialing Office", "credentialing@health.example"],
    ["Supply Chain Requests", "supplychain@health.example"],
    ["Clinical Informatics", "clininformatics@health.example"],
    ["Commercial Team Sohar", "commercial@health.example"],
    ["Patient Access Training", "pa.training@health.example"],
  ])("%s at %s is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => shared(seed, name, email)));
  });
});

describe("people and a role's account among the same words", () => {
  it.each([
    ["Grant Miller", "gm@health.example", "a given name that is a department's word, no other Grant in the org"],
    ["Grant Miller", "grant.miller@health.example", "the same at his own mailbox"],
    ["Grant Nursing", "grant.n@health.example", "a surname that is a department's word, the given name another person's too"],
    ["Chief Engineer - JEA", "chief.engineer.jea@health.example", "a role's account one person holds, its title's words the org's"],
    ["Maria Commercial", "maria.c@health.example", "a given name others have"],
    ["Nursing Education", "nursing.education@health.example", "a mailbox shaped as a person's, given name and surname: no word of the org's tells a department's from a person's there"],
  ])("%s at %s (%s), signing in from three desks with codes, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => shared(seed, name, email, name === "Grant Nursing" ? GRANTS : [])));
  });
});
