// Sign-ins by the dozen on a working day: a manual tester signs in again and again in fresh
// profiles of several browsers (each time with an email code where 2SV is off); a robot that signs
// in as often drives one browser, whatever its user agent says.
import { describe, expect, it } from "vitest";
import { account, anyOf, atLeastLikelyBot, CLOUD, DAY, ev, findingOf, isHuman, MIN, OFFICE, officeColleagues, REF_MS, signInsAllDay, snapshotOf, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0";
const SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15";
const EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80";

const judge = (user: Raw, events: (seed: number) => Raw[]) => (seed: number) => {
  const c = officeColleagues(seed);
  return findingOf(snapshotOf([user, ...c.users], [...c.events, ...events(seed)]), "p");
};

describe("a manual tester signing in all day from several browsers", () => {
  // Failed before: likely-bot on every run (`login-flood`, and the floor for an account a script runs as).
  it("invited, without 2SV, answering an email code at each sign-in, is `human` and told to enable 2SV", () => {
    const user = account("p", { name: "Priya Raman", email: "priya.raman@acme.com", jobTitle: "QA Engineer", managementSource: "invited", mfaEnabled: false });
    const runs = [1, 2, 3, 4, 5].map(judge(user, (seed) => signInsAllDay(seed, "p", anyOf([CHROME, FIREFOX, SAFARI, EDGE]), OFFICE, true)));
    expect(runs.filter((f) => !isHuman(f.verdict)).map((f) => f.verdict)).toEqual([]);
    expect(runs.every((f) => f.recommendation === "enable-2sv")).toBe(true);
  });
  it("IdP-synced with 2SV, from the office, is `human`", () => {
    const user = account("p", { name: "Jonas Berg", email: "jonas.berg@acme.com", jobTitle: "Test Engineer" });
    expect(wrongRuns([1, 2, 3], isHuman, judge(user, (seed) => signInsAllDay(seed, "p", anyOf([CHROME, FIREFOX, SAFARI]), OFFICE, false)))).toEqual([]);
  });
});

describe("a robot signing in as often", () => {
  // One browser: a script drives it, whether the user agent says headless or not.
  it("from one desktop Chrome, at random office hours from the office, stays at least `likely-bot`", () => {
    const user = account("p", { name: "Release Checks", email: "release-checks@acme.com", managementSource: "invited", mfaEnabled: false, jobTitle: null, department: null, picture: null });
    expect(wrongRuns([1, 2, 3, 4, 5], atLeastLikelyBot, judge(user, (seed) => signInsAllDay(seed, "p", anyOf([CHROME]), OFFICE, true)))).toEqual([]);
  });
  it("from a cloud address, one browser at a time with two in turn, stays at least `likely-bot`", () => {
    const user = account("p", { name: "UI Checks", email: "ui-checks@acme.com", managementSource: "invited", mfaEnabled: false, jobTitle: null, department: null, picture: null });
    expect(wrongRuns([1, 2, 3, 4, 5], atLeastLikelyBot, judge(user, (seed) => signInsAllDay(seed, "p", anyOf([CHROME, FIREFOX]), CLOUD, true)))).toEqual([]);
  });
  it("rotating four browsers' user agents around the clock at a fixed cadence, stays at least `likely-bot`", () => {
    const user = account("p", { name: "Dana Price", email: "dana.price@acme.com", managementSource: "invited", mfaEnabled: false });
    const agents = [CHROME, FIREFOX, SAFARI, EDGE];
    const rotating = (): Raw[] => {
      const out: Raw[] = [];
      for (let t = REF_MS - 20 * DAY, k = 0; t < REF_MS; t += 30 * MIN, k++) {
        const userAgent = agents[k % agents.length] as string;
        out.push(ev("p", t - 20_000, { action: "email_otp_sent", ip: CLOUD, userAgent }), ev("p", t, { ip: CLOUD, userAgent }));
      }
      return out;
    };
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(user, rotating))).toEqual([]);
  });
});
