// Attack round on the system-named token (commit 5ea5f4c): `systemTokenLabel` (features/tokens.ts)
// reads a token's label as naming the system that calls with it when one of its words (with no
// letter on either side, after lower-casing and `_ .` turned to `-`) is in one list (prod,
// production and foreign forms, jenkins, deploy, uipath, orchestrator, rpa, bot(s), monitor,
// alert(s), health-check, synthetics, connector, interface, bridge, prd, edi, ...), or 本番, 運用,
// 운영, 生产 or 生產 appear anywhere in it; `systemToken` is the most recently used such token when
// EVERY token of the account is so named, and an account otherwise `human` is raised to
// `likely-bot` (floor `system-token`, signal `script-in-use`). Tried: PEOPLE whose only token's label
// is a person's (a system word inside a longer word, personal words in German, French, Spanish,
// Polish, Turkish, Japanese, Finnish, Swedish, Korean and Chinese, a listed word that is a person's
// there: a first name, a surname, a document, a department, a hobby script), odd labels (empty,
// blank, newline, ANSI codes, NUL, RTL override, emoji, 40,000 characters), a person's several
// tokens, never-used, BLOCKED and expired tokens; then BOTS on an invented person's synced account,
// in the UI daily, calling through a system-named token (English, RPA and foreign forms, upper
// case, underscores, digits), several tokens all so named, dormant integrations, use known only
// from the log, and the floor's evidence (label and last-use date, carried verbatim with a newline,
// an ESC, backticks or 5,000 characters). Each person is a synced account with a full profile at
// work in the UI on weekdays (`officeDays`), their CLI calling 1-6 times on most weekdays; each
// robot the same account calling every 15-60 minutes 08:00-17:00 from RestSharp; six office
// colleagues in each org; seeds 1-5. Every case was also run on the tree before the change
// (d960e11, extracted with `git archive` outside the repository) to tell what the change did.
//
// First run (44 cases: 29 people, 15 bots): 19 failed, 16 people, 2 bots and one expectation of
// mine (the log-only evidence case: a last use 3.6 days back reads "3 days before", not 4; fixed).
// - 14 PEOPLE whose only token's label holds a listed word that is a person's there, all `likely-bot
//   -7.2: working-hours-only:-3 recent-ui-activity:-2 interactive-logins:-1.5 full-profile:-1
//   idp-synced:-1 token-events:0.75 no-2sv:0.5 script-in-use:0` in all five seeds (evidence "its API
//   token `<label>`, named for the system that calls with it ..., was used 2026-10-31 (1 day before
//   the reference time): a system depends on this account"); each was `human -7.2` with the same
//   signals before the change. CAUSED BY THE CHANGE, a person wrongly reviewed, 9 points below
//   the threshold, on the label alone:
//     `edi-macbook` (Edi Santoso: Edi is a first name; `edi` is listed for EDI),
//     `jan.bot laptop` (Jan Bot: Bot is a Dutch surname; `.` becomes `-`),
//     `PRD drafts` (a product manager's requirements documents; `prd` is listed),
//     `synthetic data` (a data scientist's test-data generator; `synthetics?`),
//     `team health check` (an agile coach's team health-check survey; `health-?checks?`),
//     `Power BI connector` (an analyst's own reports; `connector`; the rule's own tests call
//       `powerbi` a person's),
//     `interface design (Figma)` (a UX designer's plugin; `interface`),
//     `monitor-my-tickets` and `alert-me` (a person's own watch and reminder scripts; `monitor`, `alert`),
//     `production schedule` (a film producer's shooting schedule),
//     `Excel Auswertung Produktion` (a German manufacturing planner's Excel report: Produktion is
//       the department; ambiguous, but the same word is the factory floor far more often than a
//       deployment in such orgs),
//     `資産運用レポート` (an asset-management report: 運用 matches anywhere, and 資産運用,
//       運用ルール, 運用改善 are everyday office words, not only "operations"),
//     `매장 운영 보고서` (a retail area manager's store-operations report: 운영 is "running/managing"),
//     `生产计划` (a manufacturing planner's production plan).
//   The weakest words are the short or everyday ones (`edi`, `bot` as a name, `prd`, `monitor`,
//   `alert`, `interface`, `connector`, `synthetic`, `health-check`) and the CJK words matched
//   anywhere (運用 above all); `production`/`Produktion`/生产 are ambiguous outside software.
// - A person whose only token, `deploy`, is BLOCKED and was last used 400 days ago: `likely-bot -8:
//   working-hours-only:-3 recent-ui-activity:-2 interactive-logins:-1.5 full-profile:-1 idp-synced:-1
//   no-2sv:0.5 script-in-use:0` in all seeds, evidence "was used 2025-09-27 (400 days before the
//   reference time): a system depends on this account"; `human -8` before. CAUSED BY THE CHANGE:
//   `systemToken` takes any token with a last use, whatever its status or age, so no system can
//   depend on it. Same for a person whose only token, `prod`, expired a year ago and was last used
//   500 days ago (`likely-bot -8`, same signals; `human -8` before). The floor needs a token that
//   can still be used (ALLOWED, not expired) and a recent last use (`recentDays`), as the docs'
//   "a token in use" says.
// - BOT: a robot calling through `прод` (Russian developers' everyday word for production): `human
//   -7.2: working-hours-only:-3 recent-ui-activity:-2 interactive-logins:-1.5 full-profile:-1
//   idp-synced:-1 token-events:0.75 no-2sv:0.5`, as before the change. A bot missed; no form in
//   Cyrillic is listed (прод, продакшн, продуктив). Not a regression.
// - BOT: a robot's `prod` token beside a BLOCKED leftover `test` token last used 190 days ago:
//   `human -7.2` (same signals), as before. The blocked token counts as the person's own
//   (`ownTokenCount` counts every token, any status), so the robot is missed; a token that can no
//   longer be used should not make the account anyone's. Not a regression; the design's edge.
// Added after the first run (2 bots, both failing, both `human -7.2` with the signals above, as
// before the change): a Japanese admin's `Jenkins用` ("for Jenkins": 用 is a letter, so the word has
// a letter beside it, while `本番用` is found only because 本番 matches anywhere), and a full-width
// `ＰＲＯＤ` as a Japanese IME types it (lower-cased to full-width `ｐｒｏｄ`, never matched; NFKC
// would fold it). Misses, not regressions.
// Also seen: a label wrapped in ANSI colour codes (`\u001b[31mprod\u001b[0m`) is not read as `prod`
// (the `m` before it is a letter): the robot stays `human`; it is kept only as "does not throw".
// What the passing cases show: 13 bots gained (every one was `human` before the change, e.g. the
// RestSharp robot `human -7.2`, the invited dormant integration with a `prod` token last used 21
// days ago `human 2: empty-profile:1 no-2sv:0.5 not-idp-linked:0.5`, the dormant Jenkins one
// `human -3.7`); the evidence names the label verbatim (newline, ESC, backticks, 5,000 characters:
// nothing throws; backticks inside the label break the evidence's own backtick quoting) and the
// date of the last use, from the log where the list records none; personal words in ten languages,
// system words inside longer words and odd labels leave a person `human`.
// Fixed after the round: `systemTokenLabel` reads the whole label, not one word of it: every word
// must be a system's (SYSTEM_WORDS) or a plain qualifier (QUALIFIER_WORDS: old, new, backup, main,
// key, token, server, numbers, 用, 環境, ...), one at least a system's; the label is NFKC-folded and
// ANSI escapes are taken out first; words are split by script (Latin, Cyrillic, Hangul, Han/Kana,
// digits), so `Jenkins用` is `jenkins` + 用 and `rpa01` is `rpa` + 01; `прод`, `продакшн`,
// `продуктив` are listed; `edi` is no longer a system word. The floor also needs the system token
// to be still usable (ALLOWED, not expired at the reference time), unless the account is no longer
// active (suspended, deactivated, closed), where a blocked or expired one counts. Re-added, all
// passing in all five seeds: the 14 people above (`human`), the person with a BLOCKED `deploy` last
// used 400 days ago and the one with a `prod` that expired a year ago (`human`), and the robots
// behind `прод`, `Jenkins用`, `ＰＲＯＤ` and `\u001b[31mprod\u001b[0m` (`likely-bot`; the ANSI case
// is no longer only "does not throw").
// Changed by the fix, and so changed here:
// - `本番環境用` ("for the production environment", an everyday Japanese label) is no longer read
//   as a system's: `human -7.2: working-hours-only:-3 recent-ui-activity:-2 interactive-logins:-1.5
//   full-profile:-1 idp-synced:-1 token-events:0.75 no-2sv:0.5` in all five seeds (`likely-bot`
//   at 5ea5f4c). Han and Kana make one word, `本番環境用`, and only ONE qualifier is cut from its
//   end (用), leaving `本番環境`, which is not listed; `本番環境` and `本番用` alone still pass. A bot
//   missed, CAUSED BY THE FIX; qualifiers are now cut from the end until none is left, and
//   `本番環境用` is back in the foreign-forms case, passing.
// - After the whole suite: a bare `uipath` is no system's word any more (an earlier round's
//   person, whose attended UiPath robot calls beside her own work through a token so labelled,
//   was reviewed); `UiPath Orchestrator` still is, through `orchestrator`. `integration` and its
//   forms in other languages are system words now.
// - The evidence cases' labels `prod\nsecond line`, `prod-xxxx...` (5,000 x) and `` `prod` `rm -rf /` ``
//   are now a person's (`second`, `line`, `xxxx`, `rm`, `rf` are no system's words): `human -7.2`,
//   the same signals, in all seeds. By design of the whole-label reading; the cases now carry
//   `prod\nbackup`, `prod-` and 5,000 zeros, and `` `prod` `jenkins` ``, all passing: the label is
//   still carried verbatim. Backticks inside a label STILL break the evidence's quoting: it reads
//   "its API token ``prod` `jenkins``, named for ..." (findings.ts quotes with single backticks).
// Left out, by design: the robot's `prod` token beside a BLOCKED leftover `test` token (above).
// `ownTokenCount` counts a person's-named token whatever its status, so a token the person ever
// had of their own keeps the account theirs; the robot stays `human -7.2` (the same signals, all five
// seeds, checked after the fix) and no case asserts it.
import { describe, expect, it } from "vitest";
import { account, DAY, EMPTY, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeDays, REF_MS, snapshotOf, tokenCall, wrongRuns, isHuman, atLeastLikelyBot, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Six office workers (`c0`..`c5`) and their weekdays, so the org's statistics are a working org's. */
function colleagues(seed: number): [Raw[], Raw[]] {
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 6; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    events.push(...officeDays(lcg(seed * 53 + i), `c${i}`));
  }
  return [users, events];
}

/** A token of account `p` labelled `label`, last used at `lastMs` (null: the list does not say; undefined: the field is absent). */
function tokenOf(id: string, label: string, lastMs: number | null | undefined, extra: Raw = {}): Raw {
  const t: Raw = {
    id,
    accountId: "p",
    label,
    status: "ALLOWED",
    createdAt: iso(REF_MS - 200 * DAY),
    expiresAt: iso(REF_MS + 100 * DAY),
    ...(lastMs === undefined ? {} : { lastActiveAt: lastMs === null ? null : iso(lastMs) }),
    ...extra,
  };
  return t;
}

/** A person's own CLI or script through token `tokenId`: 1-6 calls on most weekdays, at random times in working hours, from the office. */
function personCalls(seed: number, tokenId: string, userAgent = "jira-cli/1.5"): Raw[] {
  const r = lcg(seed * 11 + 1);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.3) continue;
    for (let k = 1 + Math.floor(r() * 6); k > 0; k--) out.push(tokenCall("p", Math.floor(day + (9 + r() * 8) * HOUR), tokenId, OFFICE, userAgent));
  }
  return out;
}

/** A person-hours robot's calls through token `tokenId`: weekdays 08:00-17:00 every 15-60 minutes from the office. */
function robotCalls(seed: number, tokenId: string, userAgent = "RestSharp/106.15.0.0", from = 30, to = 1): Raw[] {
  const r = lcg(seed * 7 + 3);
  const out: Raw[] = [];
  for (let d = from; d >= to; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let t = day + (8 + r()) * HOUR; t < day + 17 * HOUR; t += (15 + r() * 45) * MIN) out.push(tokenCall("p", Math.floor(t), tokenId, OFFICE, userAgent));
  }
  return out;
}

function judge(seed: number, p: Raw, events: Raw[], tokens: Raw[]): Finding {
  const [users, others] = colleagues(seed);
  return findingOf(snapshotOf([p, ...users], [...events, ...others], tokens), "p");
}

/** A synced person at work in the UI on weekdays whose only token, `label`, their CLI uses a few times a day (last yesterday). */
function personWithLabel(seed: number, label: string, name = "Dana Reyes", overrides: Raw = {}): Finding {
  const p = account("p", { name, email: "p@acme.com", ...overrides });
  return judge(seed, p, [...officeDays(lcg(seed), "p"), ...personCalls(seed, "tk0")], [tokenOf("tk0", label, REF_MS - DAY)]);
}

/** A robot on an invented person's synced account, in the UI daily, calling through its only token `label`. */
function robotWithLabel(seed: number, label: string): Finding {
  const p = account("p", { name: "Claire Claims", email: "claire.claims@acme.com" });
  return judge(seed, p, [...officeDays(lcg(seed), "p"), ...robotCalls(seed, "tk0")], [tokenOf("tk0", label, REF_MS - DAY)]);
}

const wrong = (want: (v: Finding["verdict"]) => boolean, run: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, run);
const human = isHuman;
const reviewed = atLeastLikelyBot;
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);
const floorNote = (f: Finding): string => f.signals.find((s) => s.id === "script-in-use")?.evidence ?? "";

describe("people whose token labels name no system", () => {
  // A system word inside a person's word, with a letter on either side, or a word that only looks like one.
  it("a system word inside a person's word (`product-notes`, `reproduce-bugs`, `bottleneck-analysis`, `talbot-mbp`, ...)", () => {
    const labels = ["product-notes", "reproduce-bugs", "bottleneck-analysis", "interfaces-doc", "productivity", "Abbott laptop", "talbot-mbp", "deployable-checklist", "edition-notes", "robot-vacuum-tickets"];
    none(labels.flatMap((label) => wrong(human, (seed) => personWithLabel(seed, label)).map((w) => `${label}: ${w}`)));
  });

  // A person's own words in many languages.
  it("a person's own words in ten languages", () => {
    const labels = [
      ["Meine Aufgaben", "Jonas Becker"],
      ["Rapport hebdo", "Camille Durand"],
      ["informe semanal", "Lucía Gómez"],
      ["moje zadania", "Katarzyna Nowak"],
      ["haftalık rapor", "Ayşe Yılmaz"],
      ["自分用スクリプト", "田中 由紀"],
      ["omat tehtävät", "Aino Virtanen"],
      ["veckorapport", "Erik Lindqvist"],
      ["개인용", "김 민준"],
      ["个人脚本", "王 芳"],
    ] as const;
    none(labels.flatMap(([label, name]) => wrong(human, (seed) => personWithLabel(seed, label, name)).map((w) => `${label}: ${w}`)));
  });

  // Odd labels: empty, blank, control characters, escape codes, bidi overrides, emoji, very long.
  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["a newline", "my\ncli"],
    ["ANSI escape codes", "\u001b[31mjira\u001b[0m"],
    ["a NUL", "cli\u0000tool"],
    ["an RTL override", "\u202Edorp"],
    ["emoji", "🚀🔥🤖"],
    ["20,000 characters", "x-".repeat(20_000)],
  ])("a label with %s", (_what, label) => {
    none(wrong(human, (seed) => personWithLabel(seed, label)));
  });

  // A listed word that is a person's there, beside the person's own words: a first name, a
  // surname, a document, a survey, reports, a plugin, a watch script, a plan (failed on the first run).
  it.each([
    ["edi-macbook", "Edi Santoso"],
    ["jan.bot laptop", "Jan Bot"],
    ["PRD drafts", "Priya Raman"],
    ["synthetic data", "Tomás Ortega"],
    ["team health check", "Mia Lund"],
    ["Power BI connector", "Grace Okafor"],
    ["interface design (Figma)", "Lea Brandt"],
    ["monitor-my-tickets", "Dana Reyes"],
    ["alert-me", "Dana Reyes"],
    ["production schedule", "Oliver Hale"],
    ["Excel Auswertung Produktion", "Stefan Krüger"],
    ["資産運用レポート", "佐藤 健"],
    ["매장 운영 보고서", "이 서연"],
    ["生产计划", "李 伟"],
  ])("`%s` (%s)", (label, name) => {
    none(wrong(human, (seed) => personWithLabel(seed, label, name)));
  });

  it("a developer's several tokens, one of them `jenkins`", () => {
    none(
      wrong(human, (seed) => {
        const p = account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com" });
        return judge(seed, p, [...officeDays(lcg(seed), "p"), ...personCalls(seed, "tk0"), ...personCalls(seed + 100, "tk1", "Jenkins/2.440")], [tokenOf("tk0", "my-laptop", REF_MS - DAY), tokenOf("tk1", "Jenkins", REF_MS - 2 * DAY)]);
      }),
    );
  });

  it("a person whose only token, `prod`, was never used (neither the list nor the log says so)", () => {
    none(
      wrong(human, (seed) => {
        const p = account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com" });
        return judge(seed, p, officeDays(lcg(seed), "p"), [tokenOf("tk0", "prod", undefined)]);
      }),
    );
  });

  // No system can depend on a token that can no longer be used (failed on the first run).
  it("a person whose only token, `deploy`, is BLOCKED and was last used 400 days ago", () => {
    none(
      wrong(human, (seed) => {
        const p = account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com" });
        return judge(seed, p, officeDays(lcg(seed), "p"), [tokenOf("tk0", "deploy", REF_MS - 400 * DAY, { status: "BLOCKED", createdAt: iso(REF_MS - 700 * DAY) })]);
      }),
    );
  });

  it("a person whose only token, `prod`, expired a year ago and was last used 500 days ago", () => {
    none(
      wrong(human, (seed) => {
        const p = account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com" });
        return judge(seed, p, officeDays(lcg(seed), "p"), [tokenOf("tk0", "prod", REF_MS - 500 * DAY, { createdAt: iso(REF_MS - 800 * DAY), expiresAt: iso(REF_MS - 365 * DAY) })]);
      }),
    );
  });

  it("a person with a used `jira-cli` token and a BLOCKED `prod` token last used yesterday", () => {
    none(
      wrong(human, (seed) => {
        const p = account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com" });
        return judge(seed, p, [...officeDays(lcg(seed), "p"), ...personCalls(seed, "tk0")], [tokenOf("tk0", "jira-cli", REF_MS - DAY), tokenOf("tk1", "prod", REF_MS - DAY, { status: "BLOCKED" })]);
      }),
    );
  });
});

describe("bots behind a system-named token", () => {
  // A robot on an invented person's synced account, in the UI daily, calling through its only token.
  it("`orchestrator`, `prod`, `jenkins`, `PROD`, `UiPath_Orchestrator`, `rpa01`, `bot_runner`, `ZABBIX-ALERTS`, on a person-like synced account in the UI daily", () => {
    const labels = ["orchestrator", "prod", "jenkins", "PROD", "UiPath_Orchestrator", "rpa01", "bot_runner", "ZABBIX-ALERTS"];
    none(labels.flatMap((label) => wrong(reviewed, (seed) => robotWithLabel(seed, label)).map((w) => `${label}: ${w}`)));
  });

  it("foreign forms (`Produktion`, `本番`, `本番環境`, `本番用`, `本番環境用`, `운영`, `Producción`, `produção`, `tuotanto`), on a person-like synced account in the UI daily", () => {
    const labels = ["Produktion", "本番", "本番環境", "本番用", "本番環境用", "운영", "Producción", "produção", "tuotanto"];
    none(labels.flatMap((label) => wrong(reviewed, (seed) => robotWithLabel(seed, label)).map((w) => `${label}: ${w}`)));
  });

  // Forms the first run missed: Cyrillic, a word with 用 after it, full-width as an IME types it, ANSI colour codes.
  it.each([
    ["Russian", "прод"],
    ["Japanese, with 用", "Jenkins用"],
    ["full-width", "ＰＲＯＤ"],
    ["ANSI colour codes", "\u001b[31mprod\u001b[0m"],
  ])("%s: `%s`, on a person-like synced account in the UI daily", (_what, label) => {
    none(wrong(reviewed, (seed) => robotWithLabel(seed, label)));
  });

  it("several tokens, all system-named, one never used", () => {
    none(
      wrong(reviewed, (seed) => {
        const p = account("p", { name: "Claire Claims", email: "claire.claims@acme.com" });
        return judge(seed, p, [...officeDays(lcg(seed), "p"), ...robotCalls(seed, "tk0")], [tokenOf("tk0", "jenkins", REF_MS - DAY), tokenOf("tk1", "prod-deploy", REF_MS - 9 * DAY), tokenOf("tk2", "monitoring", null)]);
      }),
    );
  });

  // A dormant integration: an invited account, no UI for months, nothing in the log; its only token `prod` last used three weeks ago.
  it("a dormant integration whose only token `prod` was last used 3 weeks ago", () => {
    none(
      wrong(reviewed, (seed) => {
        const p = account("p", { name: "Lena Fischer", email: "lena.fischer@acme.com", managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 120 * DAY) }] });
        return judge(seed, p, [], [tokenOf("tk0", "prod", REF_MS - 21 * DAY)]);
      }),
    );
  });

  it("a dormant integration (synced person's profile) whose token `Jenkins` stopped 5 weeks ago, calls in the log", () => {
    none(
      wrong(reviewed, (seed) => {
        const p = account("p", { name: "Lena Fischer", email: "lena.fischer@acme.com", productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 200 * DAY) }] });
        return judge(seed, p, robotCalls(seed, "tk0", "Jenkins/2.440", 60, 35), [tokenOf("tk0", "Jenkins", REF_MS - 35 * DAY)]);
      }),
    );
  });

  // The token list records no last use: the calls in the log name the token.
  it("token use known only from the log (lastActiveAt absent), person-like account in the UI", () => {
    none(
      wrong(reviewed, (seed) => {
        const p = account("p", { name: "Claire Claims", email: "claire.claims@acme.com" });
        return judge(seed, p, [...officeDays(lcg(seed), "p"), ...robotCalls(seed, "tk0")], [tokenOf("tk0", "rpa-bot", undefined)]);
      }),
    );
  });

  it("names the label and the last use in the floor's evidence, from the log when the list says nothing", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Claire Claims", email: "claire.claims@acme.com" });
      const last = REF_MS - 4 * DAY + 10 * HOUR + 7 * MIN;
      const events = [...officeDays(lcg(seed), "p"), ...robotCalls(seed, "tk0", undefined, 30, 5), tokenCall("p", last, "tk0", OFFICE, "RestSharp/106.15.0.0")];
      const f = judge(seed, p, events, [tokenOf("tk0", "Orchestrator", null)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      const note = floorNote(f);
      expect(note).toContain("API token `Orchestrator`");
      expect(note).toContain(`${iso(last).slice(0, 10)} (3 days before the reference time)`);
    }
  });

  it("names the label and the last use from the token list", () => {
    for (const seed of SEEDS) {
      const f = robotWithLabel(seed, "UiPath_Orchestrator");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(floorNote(f)).toContain("API token `UiPath_Orchestrator`, named for the system that calls with it");
      expect(floorNote(f)).toContain("2026-10-31 (1 day before the reference time)");
    }
  });

  // The label is data: carried verbatim, whatever it holds.
  // Every word of the label a system's or a qualifier's, so that it names a system as a whole.
  it.each([
    ["a newline", "prod\nbackup"],
    ["an ESC", "\u001bprod"],
    ["5,000 characters", `prod-${"0".repeat(5000)}`],
    ["backticks", "`prod` `jenkins`"],
  ])("a system label with %s is carried verbatim", (_what, label) => {
    for (const seed of SEEDS) {
      const f = robotWithLabel(seed, label);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(floorNote(f)).toContain(`API token \`${label}\``);
    }
  });

});
