// A retail chain's store accounts, named by the store's place with the shop's word last ("Seattle
// Store", "Paris Rivoli Store") or by the word and the store's number ("store0494"), at a mailbox
// that holds the word anywhere (`nice.store@`, `store0288@`, `birmingham.store@`): the staff on
// shift share each. 24 of them in an independent generator's retail orgs were `human`, as one
// person at a time signs in. Each is reviewed as shared (`shopNamedByPlace`); a person whose
// surname is the word is not.
import { describe, expect, it } from "vitest";
import { deskDaysAmongGivenNames, invitedUntitled, judgedInOrg } from "../../../test/helpers/org-words.js";
import { account, explain, lcg, officeDays, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "callowayfinch.example";
/** The chain's other stores, named by their number ("store0420"): their names' first word is the shop's. */
const otherStores = (): Raw[] => [420, 534, 717].map((n) => account(`s${n}`, { name: `store0${n}`, email: `store0${n}@${DOMAIN}`, managementSource: "invited", jobTitle: null, department: null, picture: null }));
const judged = (seed: number, name: string, mailbox: string, fields: Raw = {}) => deskDaysAmongGivenNames(DOMAIN, seed, invitedUntitled(name, `${mailbox}${DOMAIN}`, fields), otherStores());

describe("a store's account named by its place", () => {
  it.each([
    ["Seattle Store", "store0288@"],
    ["Nice Store", "nice.store@"],
    ["Paris Rivoli Store", "paris.store@"],
    ["Edinburgh Store", "store0412@"],
    ["store0494", "birmingham.store@"],
    ["Iguatemi Loja 12", "loja12.iguatemi@"],
  ])("%s at `%s` is reviewed as shared", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = judged(seed, name, mailbox);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.some((s) => s.id === "shared-use"), explain(f)).toBe(true);
    }
  });
  it("so is one whose job title is the shop's word alone (Store)", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, "Curitiba Store", "curitiba.store@", { jobTitle: "Store" });
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
});

describe("people and accounts that are not a store's", () => {
  it.each([
    ["Anna Store", "anna.store@", "a given name of the org's people before the word"],
    ["Erik Shop", "erik.shop@", "a given name of the org's people before the word"],
    ["Seattle Store", "seattle.jones@", "a mailbox without the shop's word"],
    ["Store Seattle", "store.seattle2@", "the word first, not last (another rule's to judge)"],
    ["Kenji Outlet", "kenji.outlet@", "two words at a mailbox of both, in an org with no chain of outlets"],
  ])("%s at `%s` (%s) is `human`", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = judged(seed, name, mailbox);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
  it("a person's profile (a department the IdP keeps, 2SV) keeps a shop's word a surname (Liu Store at `liu.store@`)", () => {
    for (const seed of SEEDS) {
      for (const fields of [{ managementSource: "synced", department: "Finance" }, { mfaEnabled: true }]) {
        const f = judged(seed, "Liu Store", "liu.store@", fields);
        expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
      }
    }
  });
  it("a store's name beside a person's job title is `human` (Seattle Store, titled Store Manager)", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, "Seattle Store", "seattle.store@", { jobTitle: "Store Manager", department: "Retail" });
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
  it("in an org too small for its names to tell, `human`", () => {
    for (const seed of SEEDS) {
      const f = judgedInOrg(DOMAIN, invitedUntitled("Seattle Store", `seattle.store@${DOMAIN}`), officeDays(lcg(seed * 17 + 3), "a"), true);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
