// A load test's pool of users, a war room's TV named with its site's code, and demo accounts that
// sales people and clients sign in to by turns: reviewed (at least `likely-bot`). Beside them,
// people whose names or sign-ins hold the same words or agents stay `human`.
import { describe, expect, it } from "vitest";
import { account, EMPTY, ev, REF_MS, DAY, HOUR, MIN, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { ADDRESSES, judged, personDays, recentUi, untitled, person } from "../../../test/helpers/name-attacks.js";
import { CLOUD_RUNNERS, planDays, between, loadTestUser } from "../../../test/helpers/sign-in-plans.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);
const invited = (name: string, email: string): Raw => account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi });
describe("a load test's pool of users", () => {
  it.each([
    ["Perf User 007", "perf_user_007@infotech.example", "Gatling/3.12.0"],
    ["Load Test User 12", "loadtest.user12@infotech.example", "k6/0.52.0 (https://k6.io/)"],
    ["QA Pool 04", "qa.pool04@infotech.example", "Artillery (https://artillery.io)"],
    ["Perftest 3", "perftest3@infotech.example", "Mozilla/5.0 (compatible; BlazeMeter)"],
    ["Lasttest-Benutzer 07", "lasttest.benutzer07@infotech.example", "Apache-HttpClient/4.5.14 (Java/17.0.9)"],
    ["Usuario Prueba Carga 12", "usuario.carga12@infotech.example", "NeoLoad/9.2 (Windows)"],
    ["Perf Tester 04", "perf.tester04@infotech.example", "Mozilla/5.0 (compatible; LoadRunner)"],
    ["VU Locust 031", "vu.locust031@infotech.example", "locust/2.20.0"],
  ])("%s at %s, signing in in bursts from a cloud runner with %s, is reviewed", (name, email, agent) => {
    none(wrong(notHuman, (seed) => judged(seed, invited(name, email), loadTestUser(seed, agent))));
  });

  it.each([
    ["Perf User 011", "perfuser011@infotech.example"],
    ["Load Test User 40", "load_test_user_40@infotech.example"],
    ["Perftest 9", "perftest9@infotech.example"],
    ["Lasttest-Benutzer 011", "lasttestbenutzer011@infotech.example"],
    ["Utilisateur test de charge 07", "test.charge07@infotech.example"],
    ["Performance User 011", "performance.user011@infotech.example"],
  ])("%s at %s, created with the pool and never used, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [] }))));
  });
});

describe("a war room's TV or a lobby's display, its site's code after a dash", () => {
  it.each([
    ["War Room TV - HYD", "warroom.tv.hyd@infotech.example"],
    ["Lobby Display – BLR2", "lobby.display.blr2@infotech.example"],
  ])("%s at %s, signing in from one address every few days with an email code, is reviewed", (name, email) => {
    const tv = "Mozilla/5.0 (Linux; Android 11; BRAVIA 4K VH2 Build/RTT1.211012.001) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Mobile Safari/537.36";
    none(wrong(notHuman, (seed) => judged(seed, invited(name, email), planDays(seed, (_day, r) => (r() < 0.2 ? [{ h: between(r, 0, 24), ip: "14.143.235.7", ua: tv, work: 0 }] : []), true))));
  });
});

describe("demo accounts that sales people and clients sign in to by turns", () => {
  /** A few sign-ins a week, each after an email code, from people's offices and homes in several countries. */
  const demoSignIns = (seed: number): Raw[] => {
    const homes = [...ADDRESSES, "49.36.24.9", "73.81.213.40", "195.70.32.8"];
    return planDays(seed, (_day, r) => (r() < 0.3 ? [{ h: between(r, 4, 18), ip: homes[Math.floor(r() * homes.length)] as string }] : []), true);
  };
  it.each([
    ["Demo User - Meridian Health", "demo.mrdh@infotech.example"],
    ["Presales Demo", "presales.demo@infotech.example"],
    ["Client Demo MRDH", "clientdemo.mrdh@infotech.example"],
    ["Sales Demo 2", "sales-demo2@infotech.example"],
  ])("%s at %s is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => judged(seed, invited(name, email), demoSignIns(seed))));
  });
});

describe("people beside the same words and agents (pins)", () => {
  it.each([
    ["Maria Demo", "maria.demo@infotech.example"],
    ["Demo Kalogeropoulos", "demo.kalogeropoulos@infotech.example"],
    ["Pat Smith (Performance Testing)", "pat.smith@infotech.example"],
    ["Priya Nair - Load Testing", "priya.nair@infotech.example"],
    ["Emma Clark - TV", "emma.clark@infotech.example"],
    ["Raman TV - BLR", "raman.tv@infotech.example"],
    ["Anna Screen - HR", "anna.screen@infotech.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it("a performance tester at work in the browser who tried Gatling against her own account three times stays human", () => {
    none(
      wrong(isHuman, (seed) => {
        const tries = [3, 10, 17].map((d) => ev("x", REF_MS - d * DAY + 14 * HOUR + seed * MIN, { ip: CLOUD_RUNNERS[0], userAgent: "Gatling/3.12.0" }));
        return judged(seed, account("x", { name: "Kavya Rao", email: "kavya.rao@infotech.example", jobTitle: "Performance Test Engineer", ...recentUi }), [...personDays(seed), ...tries]);
      }),
    );
  });

  it("a synced performance engineer whose name carries no pool's words stays human", () => {
    none(wrong(isHuman, (seed) => person(seed, "Suresh Perfumo", "suresh.perfumo@infotech.example")));
  });
});
