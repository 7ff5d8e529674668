// Team desks, duty desks and integrations named in Turkish, Polish, Japanese and the Nordic
// languages, and desks the shifts share every day: reviewed (at least `likely-bot`). Beside them,
// people whose names hold the same words stay `human`.
import { describe, expect, it } from "vitest";
import { account, EMPTY, OFFICE, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { judged, recentUi, team, untitled } from "../../../test/helpers/name-attacks.js";
import { between, planDays, shiftSignIns, technicalUser, type SignIn } from "../../../test/helpers/sign-in-plans.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

/** A desk on two shifts every day from its own PC (one address), synced, no profile. */
const twoShiftDesk = (seed: number, name: string, email: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "synced", ...EMPTY, ...recentUi }), shiftSignIns(seed, [6, 14], () => OFFICE, { skip: 0.1 }));
/** On call every day: the ward PC at 07:00-08:00, 14:00-16:00 and 22:00-23:30, one sign-in in five skipped. */
const onCall = (_day: number, r: () => number): SignIn[] => {
  const out: SignIn[] = [];
  for (const [lo, hi] of [[7, 8], [14, 16], [22, 23.5]] as const) if (r() >= 0.2) out.push({ h: between(r, lo, hi), ip: OFFICE });
  return out;
};
const onCallPerson = (seed: number, name: string, email: string): Finding => judged(seed, account("x", { name, email, jobTitle: null, ...recentUi }), planDays(seed, onCall) as Raw[]);

describe("team and duty desks named in Turkish, Polish and Japanese, used by a team with email codes", () => {
  it.each([
    ["Kadıköy Şubesi", "sube.kadikoy@bank.example", "a branch's account"],
    ["Ödeme Operasyonları Ekibi", "odeme.operasyon@bank.example", "a team's, the mailbox the stem of its words"],
    ["Çağrı Merkezi Vardiya", "cm.vardiya@bank.example", "a call centre's shift"],
    ["Dyżur Płatności", "dyzur.platnosci@bank.example", "a payments duty desk"],
    ["QAラボ 共用", "qa-lab@denki.example", "a lab's, shared"],
    ["Hankinnat", "int-hankinnat@virasto.example", "procurement's, an internal tag first"],
    ["Klager", "sys-klager@styrelse.example", "complaints', a system tag first"],
  ])("%s at %s (%s) is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });
});

describe("desks the shifts share every day from their own PC, the first word what they handle", () => {
  it.each([
    ["Crew Tracking", "crewtracking@airline.example"],
    ["Technik Leitstand", "technik.leitstand@airline.example"],
  ])("%s at %s is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => twoShiftDesk(seed, name, email)));
  });
});

describe("an integration named for what it carries, joined by a hyphen to the word for integration", () => {
  it.each([
    ["Kundenkät-integration", "kundenkat@myndighet.example"],
    ["Asiakaskysely-integraatio", "asiakaskysely@virasto.example"],
    ["Tilastot-integraatio 7", "tilastot7@virasto.example"],
  ])("%s at %s, its token in use beside office sign-ins, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => technicalUser(seed, name, email)));
  });
});

describe("people beside the same words (pins)", () => {
  it.each([
    ["Anna Control", "anna.control@hospital.example"],
    ["Tom Tracking", "tom.tracking@hospital.example"],
    ["Lena Hangar", "lena.hangar@hospital.example"],
  ])("%s at %s, on call every day, whose surname is a desk's word, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => onCallPerson(seed, name, email)));
  });

  it.each([
    ["Mehmet Şube", "mehmet.sube@bank.example"],
    ["Ayşe Vardiya", "ayse.vardiya@bank.example"],
    ["Kenji Kyōyū", "kenji.kyoyu@denki.example"],
    ["Anna Nilsson-Integration", "anna.nilsson@myndighet.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});
