// Readings from an energy company's, a telecom's and a security firm's orgs, all `human` before:
// - RPA robots at work in the UI all day, a browser's sign-in each morning with an email code,
//   named by their suite or their persona: "RPA Finans 2" at `rpafinans2@` (the acronym in
//   capitals was read as a surname written first, and the name's number kept the mailbox from
//   reading as the name run together), "Blue Prism Runtime" at `blueprismruntime@` (a tool's name
//   of two words), "Digital medarbeider 3" (a digital co-worker in Norwegian);
// - a team's board on a TV ("Sprint Board TV") and a screen named in Hebrew ("מסך NOC");
// - a team's desk with its word first in Polish and Romanian ("Dział Reklamacji", "Echipa Suport N2").
import { describe, expect, it } from "vitest";
import { account, atLeastLikelyBot, BROWSER, DAY, ev, HOUR, invitedRecent as invited, isHuman, isWeekend, judgedAmongColleagues as judged, lcg, MIN, OFFICE, RECENT_UI as recentUi, REF_MS, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;

/** As the IdP syncs a robot's account: a department, no title or picture. */
const synced = (name: string, email: string): Raw => account("p", { name, email, jobTitle: null, picture: null, department: "Procurement", ...recentUi });
/** A person the IdP syncs, with a full profile. */
const person = (name: string, email: string): Raw => account("p", { name, email, jobTitle: "Accountant", department: "Finance", ...recentUi });

/**
 * An attended robot's workdays: a sign-in with an email code between 06:50 and 07:10, then a
 * transition or a comment every 4-12 minutes until about 15:00, from the office, in a browser.
 * A clerk at work all day leaves the same shape; the name tells them apart.
 */
function robotDays(seed: number): Raw[] {
  const r = lcg(seed * 53 + 11);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const start = Math.floor(day + (6 + 50 / 60) * HOUR + r() * 20 * MIN);
    out.push(ev("p", start - 30_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }), ev("p", start, { ip: OFFICE, userAgent: BROWSER }));
    for (let t = start + 5 * MIN; t < day + (14.5 + r()) * HOUR; t += (4 + r() * 8) * MIN) out.push(ev("p", Math.floor(t), { action: r() < 0.5 ? "issue_transitioned" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

/** A screen's sign-in each weekday between 07:00 and 10:00, an email code first; nothing else. */
function screenDays(seed: number): Raw[] {
  const r = lcg(seed * 29 + 3);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const t = Math.floor(day + (7 + r() * 3) * HOUR);
    out.push(ev("p", t - 35_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }), ev("p", t, { ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

describe("an RPA robot at work in the UI all day, named by its suite or its persona", () => {
  it.each([
    ["RPA Finans 2", "rpafinans2@havbryn.example"],
    ["RPA Faktura", "rpa.faktura@havbryn.example"],
    ["ETL Lager 3", "etllager3@havbryn.example"],
    ["Blue Prism Runtime", "blueprismruntime@havbryn.example"],
    ["Digital medarbeider 3", "digitalmedarbeider3@havbryn.example"],
    ["Digitale Mitarbeiterin 1", "digitale.mitarbeiterin1@havbryn.example"],
    ["Colaborador Digital 2", "colaborador.digital2@havbryn.example"],
  ])("%s at %s, synced from the IdP with a department, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, synced(name, email), robotDays(seed)))).toEqual([]);
  });

  // A surname in capitals written first is a person's (Sarah Jenkins, Ana Bot), and so is a name
  // whose first two words run together are no tool's, on a person's synced profile.
  it.each([
    ["JENKINS Sarah", "sarah.jenkins@havbryn.example"],
    ["BOT Ana", "ana.bot@havbryn.example"],
    ["Bluey Prismall", "bluey.prismall@havbryn.example"],
  ])("%s at %s, at work in the UI all day, stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, person(name, email), robotDays(seed)))).toEqual([]);
  });
});

describe("a board's TV and a screen named in Hebrew", () => {
  it.each([
    ["Sprint Board TV", "sprint-tv@tzurit.example"],
    ["Ops Board TV 2", "ops-board-tv2@tzurit.example"],
    ["מסך NOC", "masach-noc@tzurit.example"],
    ["מסך חדר ישיבות", "screen.meeting@tzurit.example"],
  ])("%s at %s, signing in each morning, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email), screenDays(seed)))).toEqual([]);
  });

  it.each([
    ["Maya Board", "maya.board@tzurit.example"],
    ["TV Raman", "tv.raman@tzurit.example"],
    ["מיכל כהן", "michal.cohen@tzurit.example"],
  ])("%s at %s, signing in each morning, stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invited(name, email), screenDays(seed)))).toEqual([]);
  });
});

// A telecom's complaint and support desks, named with the team's word first in Polish and
// Romanian, a PowerShell script's token in use beside people's sign-ins, were `human`.
describe("a team's account named with its word first in Polish and Romanian", () => {
  it.each([
    ["Dział Reklamacji", "reklamacje@zefir.example"],
    ["Echipa Suport N2", "suport.n2@zefir.example"],
    ["Biuro Obsługi Klienta", "bok@zefir.example"],
    ["Serviciul Clienți", "clienti@zefir.example"],
  ])("%s at %s, signed in to each morning, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email), screenDays(seed)))).toEqual([]);
  });

  it.each([
    ["Anna Kowalska (Dział Reklamacji)", "anna.kowalska@zefir.example"],
    ["Ioana Popescu – Echipa Suport", "ioana.popescu@zefir.example"],
    ["Działowski Tomasz", "tomasz.dzialowski@zefir.example"],
    ["Echim Andrei", "andrei.echim@zefir.example"],
  ])("%s at %s, signing in each morning, stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invited(name, email), screenDays(seed)))).toEqual([]);
  });
});
