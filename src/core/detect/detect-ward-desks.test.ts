// A ward's desk or a hospital role whoever is on shift holds ("4 West Nurses Station", "ED Charge
// Nurse", "Transfer Center RN"), and a role on duty ("Pharmacy On Duty"): the shift's nurses sign
// in to it by turns, and each sign-in now waits for an email code; and a vendor's support login
// ("Philips Support") its engineers share. Reviewed as shared; a person who writes their role
// beside their name at their own mailbox stays human.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, HOUR, REF_MS, wrongRuns } from "../../../test/helpers/people-audit.js";
import { ADDRESSES, judged, person, recentUi, team, teamSignIns, untitled } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

describe("a ward's desk or a role on shift, signed in to by its shift", () => {
  it.each([
    ["EVV CVICU Nurse Station", "ns.cvicu.evv@health.example"],
    ["4 West Nurses Station", "4west.station@health.example"],
    ["5 East Unit Clerk", "evv-5-east-ns@health.example"],
    ["Step-Down Charge Desk", "stepdown.station@health.example"],
    ["ED Charge Nurse", "edcharge.evv@health.example"],
    ["House Supervisor - BGR", "housesupervisor.bgr@health.example"],
    ["Bed Placement Coordinator", "bedplacement.evv@health.example"],
    ["Rapid Response RN", "rrt.rn.evv@health.example"],
    ["Transfer Center RN", "transfercenter.evv@health.example"],
    ["Patient Flow Coordinator", "patientflow.evv@health.example"],
    ["Pharmacy On Duty", "rx.onduty.evv@health.example"],
    ["Nashville 3 North Station", "3north.station2@health.example"],
    ["Merrillville Cath Lab Station", "cathlab.station@health.example"],
    ["Dialysis Nurses Station - PNS", "ns.dialysis.pns@health.example"],
    ["Nursing Supervisor - Nights", "nightsupervisor.evv@health.example"],
    ["Lab Shift Lead", "lab.shiftlead.cha@health.example"],
    ["Rad Tech Lead", "radtech.lead.ind@health.example"],
    ["Epic Vendor Support", "epic.vendor@health.example"],
    ["Philips Support", "philips.support@health.example"],
    ["Cisco TAC Access", "cisco.tac@health.example"],
  ])("%s at %s is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });
});

describe("a vendor's support login waiting for the next call", () => {
  /** Invited, no profile, UI last used `uiDaysAgo` days ago (null: never), signed in to `signIns` times in the log. */
  const waiting = (seed: number, name: string, email: string, uiDaysAgo: number | null, signIns: number): Finding =>
    judged(
      seed,
      account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-servicedesk", id: "ari:jsm", lastActiveTimestamp: uiDaysAgo === null ? null : new Date(REF_MS - uiDaysAgo * DAY).toISOString() }] }),
      Array.from({ length: signIns }, (_, i) => ev("x", REF_MS - (5 + i * 7) * DAY + (14 + seed) * HOUR, { ip: "71.202.16.4", userAgent: BROWSER })),
    );
  // A hospital's vendor logins, dormant or signed in to once by the vendor's engineer: were `human`.
  it.each([
    ["Philips Support", "philips.support@health.example", null, 0],
    ["Agfa PACS Vendor", "agfa.vendor@health.example", 200, 0],
    ["Nuance Support", "nuance.support@health.example", 12, 1],
    ["Epic Vendor Support", "epic.vendor@health.example", 20, 1],
  ] as const)("%s at %s is reviewed", (name, email, uiDaysAgo, signIns) => {
    none(wrong(notHuman, (seed) => waiting(seed, name, email, uiDaysAgo, signIns)));
  });

  // Signed in to on several days by one person from one place: a person's own login.
  it("Tom Support at tom.support@, signed in to weekly, stays human", () => {
    none(wrong(isHuman, (seed) => waiting(seed, "Tom Support", "tom.support@health.example", 1, 5)));
  });
});

describe("people with a ward's or a role's words beside their name", () => {
  it.each([
    ["Mary Smith Charge Nurse", "mary.smith@health.example"],
    ["Mary Smith (Charge Nurse)", "mary.smith@health.example"],
    ["Dana Lee – Rapid Response RN", "dana.lee@health.example"],
    ["Patient Flow Coordinator – Jane Doe", "jane.doe@health.example"],
    ["Tom Clerk", "tom.clerk@health.example"],
    ["Anna Station", "anna.station@health.example"],
    ["Ruth Supervisor", "ruth.supervisor@health.example"],
    ["Ken Duty", "ken.duty@health.example"],
    ["Mary Smith Charge Nurse", "msmith@health.example"],
    ["Wei Zhang Tech Lead", "wei.zhang@health.example"],
    ["Priya Nair Shift Lead", "pnair@health.example"],
    ["Tom North Station", "tom.north@health.example"],
    ["Tom Support", "tom.support@health.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["ED Charge Nurse", "maria.lopez@health.example", "Registered Nurse"],
    ["Transfer Center RN", "jkim@health.example", "RN Clinical Ladder III"],
  ])("%s at %s, synced with the person's job title %s, stays human", (name, email, jobTitle) => {
    none(wrong(isHuman, (seed) => person(seed, name, email, { jobTitle })));
  });
});

describe("a desk's or a device's account whose job title is a device's or its own name", () => {
  /** Synced with `jobTitle` and a department, signed in to from three desks with an email code each. */
  const titled = (seed: number, name: string, email: string, jobTitle: string): Finding =>
    judged(seed, account("x", { name, email, ...EMPTY, jobTitle, department: "Nursing Administration", ...recentUi }), teamSignIns(seed, ADDRESSES, true));
  it.each([
    ["PACU Nurses Station - KNX", "pacu.station2@health.example", "Shared Workstation"],
    ["Nursing Huddle Board", "nursing-huddle-board.vld@health.example", "Display"],
    ["Patient Flow Coordinator", "patientflow.evv@health.example", "Patient Flow Coordinator"],
    ["ED Charge Nurse - EVV", "edcharge.evv@health.example", "ED Charge Nurse"],
  ])("%s at %s, titled %s, is reviewed", (name, email, jobTitle) => {
    none(wrong(notHuman, (seed) => titled(seed, name, email, jobTitle)));
  });

  it.each([
    ["Mary Smith", "mary.smith@health.example", "Display Technician"],
    ["Mary Smith – Charge Nurse", "mary.smith@health.example", "Charge Nurse"],
    ["Kiosk Anna", "anna.kiosk@health.example", "Registered Nurse"],
  ])("%s at %s, titled %s, stays human", (name, email, jobTitle) => {
    none(wrong(isHuman, (seed) => person(seed, name, email, { jobTitle })));
  });
});
