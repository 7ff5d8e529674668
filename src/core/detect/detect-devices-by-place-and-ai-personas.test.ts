// A telecom's crews share a rugged tablet per team and its NOC a wall screen per site, named by
// team, device and place in the local language ("Fältteam Surfplatta Luleå 2", "NOC Näyttö
// Espoo", "Feltlag Nettbrett Bergen"). New integrations come as AI personas ("AI Triage
// Assistant") or are named for the two products they join ("SAP-JIRA IF", `slack-jira@`); a
// factory's office in China is named as one ("深圳工厂 生产办公室"). People's names hold none of
// these words before a place, and start with a given name of the org's people.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { givenNamesOrg } from "../../../test/helpers/org-words.js";
import { byTime, account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, REF_MS, snap, type Raw } from "../../../test/helpers/people-audit.js";

/** Workdays for five weeks: a sign-in from the site each morning, a few updates in the day. */
function crewDays(seed: number, id: string): Raw[] {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const start = day + (6 + r() * 2) * HOUR;
    events.push(ev(id, Math.floor(start), { ip: "94.234.10.7", userAgent: BROWSER }));
    for (let k = 0; k < 4; k++) events.push(ev(id, Math.floor(start + (1 + r() * 8) * HOUR), { action: "issue_updated", ip: "94.234.10.7", userAgent: BROWSER }));
  }
  return events;
}

function org(user: Raw, others: Raw[] = []): Snapshot {
  const { users, events } = givenNamesOrg("tele.example");
  return snap("nordic-telecom", [account("a", user), ...others, ...users], [...crewDays(7, "a"), ...events].sort(byTime));
}

describe("devices named by team, device and place", () => {
  const devices: [string, string][] = [
    ["Fältteam Surfplatta Luleå 2", "faltteam.lulea2"],
    ["Kenttäryhmä Tabletti Oulu 1", "kenttaryhma.oulu1"],
    ["Feltlag Nettbrett Bergen", "feltlag.bergen"],
    ["NOC Näyttö Espoo", "noc-naytto"],
    ["NOC Ekraan Tallinn", "noc-ekraan"],
  ];
  for (const [name, mailbox] of devices) {
    it(`"${name}" at ${mailbox}@, invited with no profile, is not \`human\``, () => {
      const f = findingOf(org({ name, email: `${mailbox}@tele.example`, managementSource: "invited", ...EMPTY }), "a");
      expect(f.verdict, explain(f)).not.toBe("human");
    });
  }

  const people: [string, string][] = [
    ["Erik Display Lindqvist", "erik.lindqvist"],
    ["Sofia Ekraan Strand", "sofia.strand"],
    ["Ayşe Ekran Yıldız", "ayse.yildiz"],
    ["Lars Tablet Hansen", "lars.hansen"],
  ];
  for (const [name, mailbox] of people) {
    it(`"${name}" at ${mailbox}@ (a given name of the org first) stays \`human\``, () => {
      const f = findingOf(org({ name, email: `${mailbox}@tele.example`, managementSource: "invited", ...EMPTY }), "a");
      expect(f.verdict, explain(f)).toBe("human");
    });
  }
});

describe("a wall screen in an org whose other NOC accounts make NOC a first word it knows", () => {
  const noc = [
    account("n1", { name: "NOC Shift Mailbox", email: "noc-shift@tele.example", ...EMPTY }),
    account("n2", { name: "NOC Duty Phone", email: "noc-duty@tele.example", ...EMPTY }),
  ];
  it('"NOC Näyttö Espoo" at noc-naytto@ (the device in the mailbox, joined by a hyphen) is not `human`', () => {
    const f = findingOf(org({ name: "NOC Näyttö Espoo", email: "noc-naytto@tele.example", managementSource: "invited", ...EMPTY }, noc), "a");
    expect(f.verdict, explain(f)).not.toBe("human");
  });
  it('"Erik Näyttö Lindqvist" at erik.naytto@ (his own mailbox) stays `human`', () => {
    const f = findingOf(org({ name: "Erik Näyttö Lindqvist", email: "erik.naytto@tele.example", managementSource: "invited", ...EMPTY }, noc), "a");
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("AI personas", () => {
  for (const name of ["AI Triage Assistant", "AI Agent", "GenAI Support Bot", "AI Release Notes Copilot"]) {
    it(`"${name}" is not \`human\``, () => {
      const f = findingOf(org({ name, email: "ai-triage@tele.example", managementSource: "synced", ...EMPTY }), "a");
      expect(f.verdict, explain(f)).not.toBe("human");
    });
  }
  for (const [name, mailbox] of [["Ai Nakamura", "ai.nakamura"], ["AI Ling (Support Agent)", "ling.ai"], ["AI Ling - Support Agent", "ling.ai"], ["Tan Ai Ling", "ailing.tan"]] as const) {
    it(`"${name}" at ${mailbox}@, titled Support Agent, stays \`human\``, () => {
      const f = findingOf(org({ name, email: `${mailbox}@tele.example`, jobTitle: "Support Agent" }), "a");
      expect(f.verdict, explain(f)).toBe("human");
    });
  }
});

describe("two products joined, and a Chinese office", () => {
  const named: [string, string][] = [
    ["SAP-JIRA IF", "asteria-if"],
    ["jira-sheets-sync", "kpi-jikei"],
    ["Slack Workflow", "slack-jira"],
    ["Helga Brücke", "asana-trello"],
    ["深圳工厂 生产办公室", "sz-factory-office"],
    ["Fab2 值班室", "fab2-shift-office"],
  ];
  for (const [name, mailbox] of named) {
    it(`"${name}" at ${mailbox}@, synced, is not \`human\``, () => {
      const f = findingOf(org({ name, email: `${mailbox}@tele.example`, ...EMPTY }), "a");
      expect(f.verdict, explain(f)).not.toBe("human");
    });
  }
  const people: [string, string][] = [
    ["Sarah Jenkins", "sarah.jenkins"],
    ["Maria Sap", "maria.sap"],
    ["Jira Admin Erik", "erik.admin"],
    ["Mary Jenkins - SAP", "mary.jenkins"],
    ["Emma Slack - Salesforce", "emma.slack"],
    ["Tom Becker (Jira-Confluence Admin)", "tom.becker"],
    ["Sam Jenkins", "sap.jenkins"],
    ["张伟 (办公室)", "zhang.wei"],
    ["张伟 总经理办公室", "zhang.wei"],
    ["王芳 办公室主任", "wang.fang"],
  ];
  for (const [name, mailbox] of people) {
    it(`"${name}" at ${mailbox}@, invited with no title, stays \`human\``, () => {
      const f = findingOf(org({ name, email: `${mailbox}@tele.example`, managementSource: "invited", jobTitle: null }), "a");
      expect(f.verdict, explain(f)).toBe("human");
    });
  }
});
