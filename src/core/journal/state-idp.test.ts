import { describe, expect, it } from "vitest";
import type { JournalData, JournalPhase, JournalRecord } from "./journal.js";
import { journalState } from "./state.js";

const STEPS = ["create", "grant", "group", "mint", "deliver", "verify"] as const;

function records(tail: [string, JournalPhase, JournalData?][]): JournalRecord[] {
  const all: [string, JournalPhase, JournalData?][] = [...STEPS.flatMap((s): [string, JournalPhase][] => [[s, "intent"], [s, "done"]]), ...tail];
  return all.map(([step, phase, data], i) => ({ seq: i + 1, time: "2026-01-01T00:00:00.000Z", runId: "r", planId: "p", migrationId: "m-1", step, phase, ...(data ? { data } : {}) }));
}

const stateOf = (tail: [string, JournalPhase, JournalData?][]) => journalState(records(tail)).get("m-1");

describe("the idp step in the journal state", () => {
  it("is optional only when the decommission does not say one follows", () => {
    expect(stateOf([["decommission", "intent"], ["decommission", "done"]])?.outcome).toBe("done");
    const planned = stateOf([["decommission", "intent", { idpAccountId: "u-1" }], ["decommission", "done"]]);
    expect(planned?.outcome).toBe("pending");
    expect(planned?.created.idpPlanned).toBe(true);
    expect(stateOf([["decommission", "intent", { idpAccountId: "u-1" }], ["decommission", "done"], ["idp", "intent", { idpAccountId: "u-1" }], ["idp", "done", { idpAccountId: "u-1", changed: true }]])?.outcome).toBe("done");
  });

  it("keeps 'was active' from an attempt that stopped without an outcome, and not from a finished one", () => {
    const dec: [string, JournalPhase, JournalData?][] = [["decommission", "intent"], ["decommission", "done"]];
    const crashed = stateOf([...dec, ["idp", "intent", { idpAccountId: "u-1", wasActive: true }], ["idp", "intent", { idpAccountId: "u-1", wasActive: false }], ["idp", "done", { idpAccountId: "u-1", changed: false }]]);
    expect(crashed?.created.idpWasActive).toBe(true);
    const failed = stateOf([...dec, ["idp", "intent", { idpAccountId: "u-1", wasActive: true }], ["idp", "failed"], ["idp", "intent", { idpAccountId: "u-1", wasActive: false }]]);
    expect(failed?.created.idpWasActive).toBe(true);
    expect(failed?.created.idpAccountId).toBe("u-1");
    const byHand = stateOf([...dec, ["idp", "intent", { idpAccountId: "u-1", wasActive: false }], ["idp", "done", { idpAccountId: "u-1", changed: false }]]);
    expect(byHand?.created.idpWasActive).toBe(false);
    const again = stateOf([...dec, ["idp", "intent", { wasActive: true }], ["idp", "done", { changed: true }], ["idp", "rolled-back"], ["idp", "intent", { wasActive: false }]]);
    expect(again?.created.idpWasActive).toBe(false);
  });
});
