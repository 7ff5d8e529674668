// A team's role address (payroll@, it-helpdesk@) is reviewed whenever something shows it may be
// shared or scripted; in a snapshot without an audit log nothing can show either, so it is
// reviewed too, and the evidence says why. Each test asserts the right verdict.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, OFFICE, REF_MS, snap } from "../../../test/helpers/people-audit.js";

const payroll = () => account("payroll", { name: "Payroll", email: "payroll@acme.com", managementSource: "invited", ...EMPTY });
const person = () => account("maria", { name: "Maria Santos", email: "maria.santos@acme.com" });

describe("a team's role address", () => {
  it("is reviewed in a snapshot without an audit log, with the reason", () => {
    const f = findingOf(snap("no-audit-log", [payroll(), person()], []), "payroll");
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(f.recommendation, explain(f)).toBe("review");
    expect(f.signals.find((s) => s.id === "shared-use")?.evidence, explain(f)).toMatch(/without an audit log nothing tells whether scripts or several people use it/);
    // A person's own address is no one else's business: still `human`.
    const m = findingOf(snap("no-audit-log", [payroll(), person()], []), "maria");
    expect(m.verdict, explain(m)).toBe("human");
  });

  it("used by one person in office hours, in a snapshot with an audit log, is `human`", () => {
    const events = [];
    for (let d = 20; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if ([0, 6].includes(new Date(day).getUTCDay())) continue;
      events.push(ev("payroll", day + 9 * HOUR + d * 7 * 60_000, { ip: OFFICE, userAgent: BROWSER }), ev("payroll", day + 11 * HOUR, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    const f = findingOf(snap("one-person-payroll", [payroll(), person()], events), "payroll");
    expect(f.verdict, explain(f)).toBe("human");
  });
});
