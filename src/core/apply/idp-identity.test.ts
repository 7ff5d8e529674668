import { describe, expect, it } from "vitest";
import type { Migration } from "../plan/schema.js";
import type { User } from "../snapshot/schema.js";
import { idpPlanProblem, idpUserProblem, userEmails } from "./idp-identity.js";

type Idp = NonNullable<Migration["idp"]>;
const idp = (extra: Partial<Idp> = {}): Idp => ({ provider: "scim", orgId: "scim:x", name: "IdP", accountId: "u-1", email: "Jenkins@acme.com", matchedBy: "email", ...extra });
const m = (i: Idp | undefined, email: string | null = "jenkins@ACME.com") => ({ source: { email, accountId: "a-1" }, idp: i }) as unknown as Pick<Migration, "source" | "idp">;
const user = (email: string | null, userName?: string) => ({ accountId: "u-1", email, ...(userName !== undefined ? { userName } : {}) }) as unknown as User;

describe("whether a plan's idp entry names the migration's own bot", () => {
  it("requires the email of an email match to be the source email, case aside, and an email for a name match", () => {
    expect(idpPlanProblem(m(idp()), "migrations[0]")).toBeUndefined();
    expect(idpPlanProblem(m(idp({ email: "ceo@acme.com" })), "migrations[0]")).toMatch(/^migrations\[0\]\.idp\.email: ceo@acme\.com is not the migration's source email jenkins@ACME\.com/);
    expect(idpPlanProblem(m(idp({ email: "jenkins.ci@idp.acme.com", matchedBy: "name" })), "migrations[0]")).toBeUndefined();
    expect(idpPlanProblem(m(idp({ email: null, matchedBy: "name" })), "migrations[3]")).toMatch(/^migrations\[3\]\.idp\.email: empty/);
    expect(idpPlanProblem(m(undefined), "migrations[0]")).toBeUndefined();
  });

  it("requires the live SCIM user to carry the entry's email as its email or userName", () => {
    expect(idpUserProblem(m(idp()), user("JENKINS@acme.com"), "migrations[0]")).toBeUndefined();
    expect(idpUserProblem(m(idp()), user(null, "jenkins@acme.com"), "migrations[0]")).toBeUndefined();
    expect(idpUserProblem(m(idp()), user("ceo@acme.com", "ceo"), "migrations[1]")).toBe("migrations[1].idp.accountId: SCIM user u-1 is ceo@acme.com, ceo, not Jenkins@acme.com");
    expect(idpUserProblem(m(idp()), user(null), "migrations[0]")).toMatch(/a user without an email/);
    expect(userEmails(user("A@x.com", "a@X.com"))).toEqual(["a@x.com"]);
  });
});
