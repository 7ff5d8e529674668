// An account named for the system it connects, an integration's noun last ("Lansweeper
// Connector", "Jira Server Bridge", "Meditech Interface (retired)", "Old Cerner Alerts"): reviewed
// (at least `likely-bot`) however it is used, or when nothing in the log says it is used at all,
// as an idle integration's account leaves no trace; so is a service's name in one word
// ("Skjematjeneste", "Meddelandeförmedling"). Beside them, people whose names end in such a
// word (a surname: Kees Bridge, Tom Hook) or carry their project after their name at their own
// mailbox (Priya Nair Migration at `priya.nair@`) stay `human`. A surname's noun after two words no
// rule knows ("Lotus Notes Bridge", "Ascom Unite Gateway") is left to the account's use: Mary Ann
// Bridge and Marie Gateway are written so too.
import { describe, expect, it } from "vitest";
import { guest, person, personDays, recentUi, team, unloggedInvited, untitled } from "../../../test/helpers/name-attacks.js";
import { account, EMPTY, wrongRuns } from "../../../test/helpers/people-audit.js";
import { inOrg, type OrgShape } from "../../../test/helpers/org-words.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
type Judge = (seed: number, name: string, email: string) => Finding;
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const NOBODYS: readonly [string, Judge][] = [["team", team], ["guest", guest], ["unlogged", unloggedInvited], ["untitled", untitled]];
const PEOPLE: readonly [string, Judge][] = [["untitled", untitled], ["person", person], ["team", team]];
function wrongEverywhere(name: string, email: string, want: (v: Finding["verdict"]) => boolean, ways: readonly [string, Judge][]): string[] {
  return ways.flatMap(([label, judge]) => wrongRuns(SEEDS, want, (seed) => judge(seed, name, email)).map((w) => `${label}: ${w}`));
}
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

describe("an account named for the system it connects", () => {
  it.each([
    ["Lansweeper Connector", "lansweeper@health.example"],
    ["Jira Server Bridge", "jira-dc-bridge@health.example"],
    ["Meditech Interface (retired)", "meditech.iface@health.example"],
    ["Old Cerner Alerts", "cerner-alerts-old@health.example"],
    ["COVID Staffing Tracker", "covid-staffing@health.example"],
    ["Roster PDF Publisher", "roster.publisher@air.example"],
    ["Beckman REMISOL Interface - PNS", "remisol@health.example"],
    ["Sysmex WAM Middleware", "sysmex.wam.tlh@health.example"],
    ["Kafka Listener", "kafka-listener@it.example"],
    ["SVN Commit Hook", "svn-hook@it.example"],
  ])("%s at %s is reviewed, whoever signs in and when no one does", (name, email) => {
    none(wrongEverywhere(name, email, notHuman, NOBODYS));
  });
});

describe("a service's or a relay's name in one word, in a Nordic language or German", () => {
  it.each([
    ["Skjematjeneste", "skjematjeneste@agency.example"],
    ["Meddelandeförmedling", "meddelandeforedling@agency.example"],
    ["Lomakepalvelu", "lomakepalvelu@agency.example"],
    ["Formulardienst 2", "formulardienst2@agency.example"],
  ])("%s at %s is reviewed, whoever signs in and when no one does", (name, email) => {
    none(wrongEverywhere(name, email, notHuman, NOBODYS));
  });

  it.each([
    ["Björklund", "bjorklund@agency.example"],
    ["Dienstmann", "dienstmann@agency.example"],
    ["Tjenestvold", "tjenestvold@agency.example"],
    ["Palvelainen", "palvelainen@agency.example"],
  ])("%s at %s, a surname alone, stays human", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, PEOPLE));
  });
});

describe("people whose names end in such a word (pins)", () => {
  it.each([
    ["Kees Bridge", "kees.bridge@uni.example"],
    ["Kees Bridge", "kees@uni.example"],
    ["Anna Maria Bridge", "anna.bridge@uni.example"],
    ["Tom Hook", "tom.hook@uni.example"],
    ["Sarah Relay", "sarah.relay@uni.example"],
    ["Jan de Bridge", "jan.debridge@uni.example"],
    ["Priya Nair Migration", "priya.nair@uni.example"],
    ["Priya Nair (Interface)", "priya.nair@uni.example"],
    ["Anna Berg – Interface Analyst", "anna.berg@uni.example"],
    ["Lena Fischer - Migration Tracker", "lena.fischer@uni.example"],
  ])("%s at %s stays human", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, PEOPLE));
  });

  // In an org, the count of given names decides: "Epic" starts a person's name there.
  const shape: OrgShape = { n: 24, work: [["Nursing", "Registered Nurse"], ["Information Technology", "Analyst"]] };
  it("Skye Connector, untitled at skye.connector@, stays human beside two colleagues named Skye", () => {
    const others = [
      account("o1", { name: "Skye Morgan", email: "skye.morgan@health.example", jobTitle: "Registered Nurse", department: "Nursing" }),
      account("o2", { name: "Skye Patel", email: "skye.patel@health.example", jobTitle: "Analyst", department: "Information Technology" }),
    ];
    const skye = account("x", { name: "Skye Connector", email: "skye.connector@health.example", ...EMPTY, ...recentUi });
    none(wrongRuns(SEEDS, isHuman, (seed) => inOrg(seed, skye, personDays(seed), shape, others)));
  });
});
