// A person's own mailbox is their name without its accents: `lajos.bot@` for Bót Lajos (a
// Hungarian name, surname first). The word `bot` in it names no machine: the name as written
// holds none.
import { describe, expect, it } from "vitest";
import { account, findingOf, isHuman, lcg, officeColleagues, officeDays, snapshotOf, wrongRuns } from "../../../test/helpers/people-audit.js";

describe("a person whose mailbox is their accented name written plainly", () => {
  for (const [name, email] of [["Bót Lajos", "lajos.bot@acme.com"], ["Lajos Bót", "bot.lajos@acme.com"]] as const) {
    // Failed before: likely-bot on every run (the automation-identity floor: "named like automation", email codes without 2SV).
    it(`${name} at ${email}, invited, answering an email code at each sign-in, is \`human\` and told to enable 2SV`, () => {
      const user = account("p", { name, email, managementSource: "invited", mfaEnabled: false, jobTitle: null, department: null, picture: null });
      const judge = (seed: number) => {
        const c = officeColleagues(seed);
        return findingOf(snapshotOf([user, ...c.users], [...c.events, ...officeDays(lcg(seed * 7 + 3), "p", true)]), "p");
      };
      expect(wrongRuns([1, 2, 3], isHuman, judge)).toEqual([]);
      expect(judge(1).recommendation).toBe("enable-2sv");
    });
  }
});
