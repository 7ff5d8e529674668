// A person's own tool that polls with their token while the laptop is open (an IDE plugin, a
// desktop app, a spreadsheet add-on): a timer's beat, but on the person's working days only, a
// pause every night, starting when they start, on an account whose owner signs in on most days.
// It is the person's account, not a script's (such people were reviewed). A job keeps its start
// time or its weekends, or runs on days nobody signs in: still reviewed.
import { describe, expect, it } from "vitest";
import { account, BROWSER, CLOUD, DAY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6] as const;
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));

interface Day {
  /** Hours (UTC) the day starts between. */
  start: readonly [number, number];
  /** The owner signs in with a browser at the start, on this share of the days. */
  signIn: number;
  weekends?: boolean;
  ip?: string;
}

/** A poll every 10 minutes (a few seconds' jitter) from the day's start to 17:00-18:30, and the person's sign-in and UI work. */
function pollingDays(seed: number, id: string, o: Day): Raw[] {
  const r = lcg(seed);
  const ip = o.ip ?? OFFICE;
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if ((isWeekend(day) && !o.weekends) || r() < 0.05) continue;
    const start = day + (o.start[0] + r() * (o.start[1] - o.start[0])) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    if (r() < o.signIn) {
      out.push(ev(id, Math.floor(start - 2 * MIN), { ip, userAgent: BROWSER }));
      for (let t = start + 15 * MIN; t < end; t += (30 + r() * 90) * MIN) out.push(ev(id, Math.floor(t), { action: "issue_updated", ip, userAgent: BROWSER }));
    }
    for (let t = start; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) out.push(tokenCall(id, Math.floor(t), "tk", ip, "Jira-VSCode/3.4.1"));
  }
  return out;
}

const developer = (overrides: Raw = {}): Raw => account("p", { name: "Priya Nair", email: "priya.nair@acme.com", ...overrides });
const judge = (seed: number, o: Day, user: Raw = developer()) => findingOf(snap("laptop-timer", [user, ...colleagues()], pollingDays(seed, "p", o), [token("tk", "p", REF_MS - DAY, "vscode")]), "p");

describe("a person's plugin polling while the laptop is open", () => {
  it("is `human`, IdP-synced or invited", () => {
    for (const seed of SEEDS) {
      for (const user of [developer(), developer({ managementSource: "invited", jobTitle: null, department: null })]) {
        const f = judge(seed, { start: [7, 10], signIn: 0.9 }, user);
        expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("human");
      }
    }
  });
  // A person of routine opens the laptop within the same half-hour on most days (between 08:00
  // and 09:00 here): a schedule's share of the days, but at no clock's minute. Such people were
  // reviewed (29 of an org's 36 IDE-plugin users).
  it("is `human` when the person starts work within the same hour every day", () => {
    for (const seed of SEEDS) {
      const f = judge(seed, { start: [8, 9], signIn: 0.9 });
      expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("human");
    }
  });
});

describe("timers that are still reviewed", () => {
  it("a job that starts at the same minute every workday", () => {
    for (const seed of SEEDS) {
      const f = judge(seed, { start: [8, 8.02], signIn: 0.9 });
      expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("likely-bot");
    }
  });
  it("a job that starts within the same 20 minutes every workday (a timer with a random delay)", () => {
    for (const seed of SEEDS) {
      const f = judge(seed, { start: [8, 8.33], signIn: 0.9 });
      expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("likely-bot");
    }
  });
  it("a timer on days its owner rarely signs in", () => {
    for (const seed of SEEDS) {
      const f = judge(seed, { start: [7, 10], signIn: 0.2 });
      expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("likely-bot");
    }
  });
  it("a timer that runs on weekends too", () => {
    for (const seed of SEEDS) {
      const f = judge(seed, { start: [7, 10], signIn: 0.9, weekends: true });
      expect(f.verdict, `run ${seed}: ${explain(f)}`).not.toBe("human");
    }
  });
  it("a timer from a cloud address", () => {
    for (const seed of SEEDS) {
      const f = judge(seed, { start: [7, 10], signIn: 0.9, ip: CLOUD });
      expect(f.verdict, `run ${seed}: ${explain(f)}`).not.toBe("human");
    }
  });
});
