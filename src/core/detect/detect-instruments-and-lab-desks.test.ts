// Readings from a manufacturer's and a university consortium's orgs, all `human` before:
// - RPA robots named in Japanese for automation or as the robot persona Robo Taro ("ジドウカ
//   ユーザー01" at `jidouka01@`, "ロボ太郎"), and a dormant "Power Automate" account;
// - a lab's instruments that upload their runs ("Espectrómetro de Masas", `cromatografo.hplc@`)
//   and a notifier in Portuguese ("Notificador HPC");
// - hardware test benches ("testbench-osa-1" at `hil1@`, "EOL 검사기 8"), a migration tool
//   ("backlog2jira" at `redmine-migrate@`), Azure DevOps and a marketplace's test seller;
// - a lab's and a unit's shared accounts, named with the lab's or the management's word first
//   and one word after "de" ("Laboratório de Robótica", "Gestão de Projetos"), and an IT-services
//   firm's delivery accounts for its clients ("Delivery Hartwell Insurance", "BGL Delivery");
// - a robot persona with a Polish surname that says so ("Ewa Robotyczna").
import { describe, expect, it } from "vitest";
import { atLeastLikelyBot, codedWorkdays, invitedRecent as invited, isHuman, judgedAmongColleagues as judged, lcg, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;

/** A browser's sign-in each weekday morning with an email code, then a step every 4-12 minutes until about 15:00. */
const workdays = (seed: number): Raw[] => codedWorkdays(lcg(seed * 61 + 5));

describe("robots named for automation in Japanese, and Power Automate", () => {
  it.each([
    ["ジドウカ ユーザー01", "jidouka01@nishikaze.example"],
    ["ロボ太郎", "robotaro@nishikaze.example"],
    ["ロボ太郎 2", "robotaro2@nishikaze.example"],
    ["Power Automate", "powerautomate@nishikaze.example"],
    ["Ewa Robotyczna", "ewa.robotyczna@nordhafen.example"],
  ])("%s at %s, at work in the UI each workday, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });

  // Lobos in katakana begins with the robot's ロボ; a given name in kanji alone is a person's.
  it.each([
    ["ロボス カルロス", "carlos.lobos@nishikaze.example"],
    ["山田 太郎", "taro.yamada@nishikaze.example"],
    ["Taro Jido", "taro.jido@nishikaze.example"],
    ["Ewa Robak", "ewa.robak@nordhafen.example"],
  ])("%s at %s stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });
});

describe("a lab's instruments and notifiers", () => {
  it.each([
    ["Espectrómetro de Masas", "espectrometro.de.masas@utejo.example"],
    ["Cromatógrafo HPLC 2", "cromatografo.hplc@utejo.example"],
    ["Microscopio Confocal", "microscopio.confocal@utejo.example"],
    ["Notificador HPC", "navigator-jobs@utejo.example"],
  ])("%s at %s, at work in the UI each workday, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });
});

describe("test benches, migration tools, Azure DevOps and test sellers", () => {
  it.each([
    ["testbench-osa-1", "hil1@nishikaze.example"],
    ["EOL 검사기 8", "eol-8@nishikaze.example"],
    ["backlog2jira", "redmine-migrate@nishikaze.example"],
    ["Azure DevOps Pipelines", "azdo-pipelines@nprhealth.example"],
    ["Test Seller 05", "test.seller05@marktlo.example"],
  ])("%s at %s, at work in the UI each workday, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });

  // Bench is a surname; a seller's or a buyer's title is a person's job.
  it.each([
    ["Anna Bench", "anna.bench@nishikaze.example"],
    ["Tess Seller", "tess.seller@marktlo.example"],
    ["김검사", "kim.geomsa@nishikaze.example"],
  ])("%s at %s stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });
});

describe("a lab's and a unit's shared account, named with its word first", () => {
  it.each([
    ["Laboratório de Robótica", "lab.robotica@utejo.example"],
    ["Laboratorio de Neurociencias", "lab.neuro@utejo.example"],
    ["Gestão de Projetos", "projetos@utejo.example"],
    ["Departamento de Física", "fisica@utejo.example"],
    ["Delivery Hartwell Insurance", "hic-delivery@trivance.example"],
    ["BGL Delivery", "delivery.bgl@trivance.example"],
  ])("%s at %s, signed in to each workday, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });

  it.each([
    ["Ana Gestão", "ana.gestao@utejo.example"],
    ["Rita Mendes (Laboratório de Robótica)", "rita.mendes@utejo.example"],
    ["Pedro Departamento", "pedro.departamento@utejo.example"],
    ["Priya Nair (Delivery Manager)", "priya.nair@trivance.example"],
  ])("%s at %s stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });
});
