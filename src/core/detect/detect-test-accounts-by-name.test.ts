// A test account named as one, at a `test.` mailbox ("Test Servis CZ" at `test.servis@`, "Test
// Superintendent" at `test.super@`), signed in to by one tester a few times, or never: nothing
// in its use shows more than one person, and it was `human` in three independent generators'
// orgs. Its name is no one's where none of its words but the test's is a given name of the org's
// people; a person's own test account, or a surname Test written first, holds theirs.
import { describe, expect, it } from "vitest";
import { invitedUntitled, judgedInOrg } from "../../../test/helpers/org-words.js";
import { BROWSER, expectVerdictOnSeeds, explain, lcg, officeDays, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "haufler.example";

/** A few of the office's working days: a tester's sittings. */
function fewDays(seed: number): Raw[] {
  return officeDays(lcg(seed * 13 + 5), "a")
    .filter((_, i) => i % 7 === 0)
    .map((e) => ({ ...e, userAgent: BROWSER }));
}
function judged(a: Raw, events: Raw[], small = false): Finding {
  return judgedInOrg(DOMAIN, a, events, small);
}

describe("a test account named as one", () => {
  // Failed before: `human` (recent UI use, a tester's few sign-ins from the office).
  it.each([
    ["Test Servis CZ", "test.servis@"],
    ["Test Superintendent", "test.super@"],
    ["TEST Partner 2", "test.partner2@"],
    ["Tst Klant", "tst-klant@"],
    ["TEST Cajero 04", "usuario.prueba04@"],
  ])("%s at `%s` is reviewed as a test account", (name, mailbox) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(invitedUntitled(name, `${mailbox}${DOMAIN}`), fewDays(seed)));
  });
  it("so is one nobody has signed in to in the log", () => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", () => judged(invitedUntitled("Test Partner", `test.partner@${DOMAIN}`), []));
  });
  it("the finding says why, and the name alone never makes a bot", () => {
    for (const seed of SEEDS) {
      const f = judged(invitedUntitled("Test Servis CZ", `test.servis@${DOMAIN}`), fewDays(seed));
      expect(f.verdict).toBe("likely-bot");
      expect(f.signals.find((s) => s.id === "shared-use")?.evidence, explain(f)).toMatch(/a test account \("Test Servis CZ" at `test\.servis@haufler\.example`\) whose name is a test's/);
    }
  });
});

describe("people and their own test accounts keep their verdicts", () => {
  it.each([
    // A tester's own test account, with their given name in it.
    ["Test Lead Anna Berg", "test.anna.berg@"],
    ["Test Erik", "test.erik@"],
    // The surname Test, written first or last.
    ["TEST Maria", "test.maria@"],
    ["Maria Test", "test.maria@"],
    // A given name the org does not know, alone or with a surname or a tester's role: the surname
    // Test written first, or a tester's own account.
    ["TEST Ngozi", "test.ngozi@"],
    ["Test Priya", "test.priya@"],
    ["Test Lead Ngozi Adeyemi", "test.ngozi.adeyemi@"],
    ["Test J Smith", "test.jsmith@"],
    ["Tst Oluwaseun", "tst.oluwaseun@"],
    ["Test Valentina", "usuario.prueba04@"],
    // The same with a number, a note, a team's code or a role beside the given name.
    ["Test Priya 2", "test.priya2@"],
    ["TEST Li 2", "test.li2@"],
    ["TEST Ngozi (EXT)", "test.ngozi@"],
    ["Test Priya (QA)", "test.priya@"],
    ["TEST Ngozi RN", "test.ngozi@"],
    ["Test Partner Ngozi", "test.partner.ngozi@"],
    ["Test Admin Ngozi Adeyemi", "test.ngozi@"],
    // Initials after the surname Test written first in capitals.
    ["TEST KO", "test.ko@"],
  ])("%s at `%s` stays human", (name, mailbox) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invitedUntitled(name, `${mailbox}${DOMAIN}`), fewDays(seed)));
  });
  it("in a small org, whose names tell nothing, the account is left to its use", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invitedUntitled("Test Servis CZ", `test.servis@${DOMAIN}`), fewDays(seed), true));
  });
  it.each([
    ["a person's job title", { jobTitle: "Service Technician" }],
    ["the IdP keeping it", { managementSource: "synced" }],
    ["a department", { department: "Service" }],
    ["2SV on", { mfaEnabled: true }],
  ])("with %s, the account is left to its use", (_label, fields) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invitedUntitled("Test Servis CZ", `test.servis@${DOMAIN}`, fields), fewDays(seed)));
  });
  it("the test's word in a mailbox that is not a test's names no test account", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invitedUntitled("Test Servis CZ", `servis.cz@${DOMAIN}`), fewDays(seed)));
  });
});
