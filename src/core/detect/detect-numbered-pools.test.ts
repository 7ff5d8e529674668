// Accounts of a pool, numbered: a course's trainee logins ("Schulung 02", "Koulutus 02", "Kurs
// 03"), the summer's temps ("Sommervikar 3", "Afløser 5"). One trainee or temp signs in at a time
// from the office, which looks like one person's use: such accounts of two independent
// generators' orgs were `human`. Each is reviewed as shared (`numberedPool`), where its one word is
// no given name or surname of the org's people: a person's duplicate account ("Anna Berg 2",
// "Virtanen 2", "Xochitl Quispe 2") is not.
import { describe, expect, it } from "vitest";
import { deskDaysAmongGivenNames, invitedUntitled, judgedInOrg } from "../../../test/helpers/org-words.js";
import { explain, lcg, officeDays } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "nordbridge.example";

describe("a pool's numbered account", () => {
  it.each([
    ["Schulung 02", "schulung02@"],
    ["Koulutus 02", "koulutus02@"],
    ["Kurs 03", "kurs03@"],
    ["Sommervikar 3", "sommervikar3@"],
    ["Afløser 5", "afloeser5@"],
    ["Kesätyöntekijä 1", "kesatyontekija1@"],
  ])("%s at `%s` is reviewed as shared", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = deskDaysAmongGivenNames(DOMAIN, seed, invitedUntitled(name, `${mailbox}${DOMAIN}`));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.some((s) => s.id === "shared-use"), explain(f)).toBe(true);
    }
  });
});

describe("people and accounts that are not a pool's", () => {
  it.each([
    ["Anna Berg 2", "anna.berg2@", "a person's second account, a given name first"],
    ["Erik 3", "erik3@", "a given name and a number"],
    ["Schulung 02", "anna.berg2@", "a mailbox that does not start as the name does"],
    ["Schulung 02", "schulung03@", "a mailbox of another number"],
    ["Kurs 03", "kurs@", "a mailbox without the number"],
    ["Kim 2", "kim2@", "a word of three letters, a name's as often"],
    ["Xiadani Hall 2", "xiadani.hall2@", "two words: a given name and a surname as often"],
    ["Xochitl Quispe 2", "xochitlquispe2@", "two words run together in the mailbox: a person's duplicate account as often"],
    ["Vikarie Kundtjänst 6", "vikariekundtjanst6@", "two words: left, as a person's are written so too"],
    ["Virtanen 2", "virtanen2@", "a surname of the org's people"],
  ])("%s at `%s` (%s) is `human`", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = deskDaysAmongGivenNames(DOMAIN, seed, invitedUntitled(name, `${mailbox}${DOMAIN}`));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
  it("a job's numbered account is not labelled a shared desk (Backup 2)", () => {
    for (const seed of SEEDS) {
      const f = deskDaysAmongGivenNames(DOMAIN, seed, invitedUntitled("Backup 2", `backup2@${DOMAIN}`));
      expect(f.signals.some((s) => s.id === "shared-use"), explain(f)).toBe(false);
    }
  });
  it("a person's profile (a department the IdP keeps, 2SV) keeps a numbered name a person's (Siobhan 2)", () => {
    for (const seed of SEEDS) {
      for (const fields of [{ managementSource: "synced", department: "Sales" }, { mfaEnabled: true }]) {
        const f = deskDaysAmongGivenNames(DOMAIN, seed, invitedUntitled("Siobhan 2", `siobhan2@${DOMAIN}`, fields));
        expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
      }
    }
  });
  it("a numbered name beside a person's job title is `human`", () => {
    for (const seed of SEEDS) {
      const f = deskDaysAmongGivenNames(DOMAIN, seed, invitedUntitled("Schulung 02", `schulung02@${DOMAIN}`, { jobTitle: "Sachbearbeiterin", department: "Personal" }));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
  it("in an org too small for its names to tell, `human`", () => {
    for (const seed of SEEDS) {
      const f = judgedInOrg(DOMAIN, invitedUntitled("Schulung 02", `schulung02@${DOMAIN}`), officeDays(lcg(seed * 17 + 3), "a"), true);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
