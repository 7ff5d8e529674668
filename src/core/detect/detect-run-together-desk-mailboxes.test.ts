// A team's desk at a mailbox that runs its display name's words together ("Reception London" at
// `receptionlondon@`, "Payroll Team" at `payrollteam@`): the role-mailbox rule read the mailbox as
// one word and left three front desks of an independent professional-services generator's orgs
// `human`, though the same desks at `reception.london@` were reviewed. The mailbox is now read as
// the name's words apart for that rule; a person's name run together (`annalindqvist@`) holds no
// role word, one whose surname is a team's word keeps the protections its dotted mailbox has, and
// one written surname first at a mailbox so run together is read as written.
import { describe, expect, it } from "vitest";
import { atLeastLikelyBot, EMPTY, isHuman, lcg, officeDays, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { invitedUntitled, judgedAmongGivenNames, teamPcDays } from "../../../test/helpers/org-words.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
/** Receptionists on shift sign in to the desk's account from the front desk's four PCs. */
const FRONT_PCS = ["81.2.69.161", "81.2.69.162", "81.2.69.163", "81.2.69.164"];
const deskDays = (seed: number, id: string): Raw[] => teamPcDays(seed, id, FRONT_PCS);
const judged = (seed: number, a: Raw, events: (seed: number, id: string) => Raw[]) => judgedAmongGivenNames("firm.example", a, events(seed, "a"));

describe("a desk's account at a mailbox of its name run together", () => {
  it.each([
    ["Reception London", "receptionlondon@firm.example"],
    ["Reception Sydney", "receptionsydney@firm.example"],
    ["Empfang Zürich", "empfangzurich@firm.example"],
    ["Empfang Zürich", "empfangzuerich@firm.example"],
  ])("%s at %s, signed in to from the front desk's PCs, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invitedUntitled(name, email), deskDays))).toEqual([]);
  });

  it("control: the same desk at `reception.london@` is at least likely-bot", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invitedUntitled("Reception London", "reception.london@firm.example"), deskDays))).toEqual([]);
  });
});

describe("people at a mailbox of their name run together", () => {
  it.each([
    ["Bada Lindqvist", "badalindqvist@firm.example"],
    ["Kofi Mensah", "kofimensah2@firm.example"],
    ["Rodrigo Sales", "rodrigosales@firm.example"],
    // Surname first, run together: a person's, though `sales.bada@` may read as a desk's.
    ["SALES Bada", "salesbada@firm.example"],
    ["Sales Bada", "salesbada@firm.example"],
    ["Care Ho", "careho@firm.example"],
    // A given name the org has not seen, after a surname in capitals as directories write it.
    ["LOHN Peter", "lohnpeter@firm.example"],
    ["PRESS Emily", "pressemily@firm.example"],
  ])("%s at %s, at work from the office with email codes, is human", (name, email) => {
    const person = { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY };
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, person, (s, id) => officeDays(lcg(s * 11 + 3), id, true)))).toEqual([]);
  });

  it("with a job title, a name the org's given names cannot tell is read as written (Lohn Peter, Payroll Clerk, at `lohnpeter@`)", () => {
    const person = { name: "Lohn Peter", email: "lohnpeter@firm.example", managementSource: "synced", mfaEnabled: false, jobTitle: "Payroll Clerk", department: "Finance", picture: null };
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, person, (s, id) => officeDays(lcg(s * 11 + 3), id, true)))).toEqual([]);
  });
});
