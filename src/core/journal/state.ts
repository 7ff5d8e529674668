import { OPTIONAL_STEPS, STEP_NAMES, type StepName } from "../plan/schema.js";
import type { JournalData, JournalRecord } from "./journal.js";

/**
 * The step name used for records about a migration as a whole (skipped because of blockers),
 * as opposed to one of its steps.
 */
export const MIGRATION_STEP = "migration";

/** `in-progress` means an intent without an outcome: the run stopped (or crashed) inside the step. */
export type StepStatus = "pending" | "in-progress" | "done" | "failed" | "skipped" | "waiting";

export interface StepState {
  status: StepStatus;
  /** Data of the latest record of the step. */
  data?: JournalData;
  error?: string;
  /** Time of the latest record of the step. */
  time?: string;
  /** True when a `rolled-back` record follows the step's last `done`. */
  rolledBack: boolean;
}

export type MigrationOutcome = "done" | "failed" | "waiting" | "pending" | "blocked" | "rolled-back";

export interface MigrationJournalState {
  migrationId: string;
  planId: string;
  steps: Record<StepName, StepState>;
  /** What this journal created or changed, by id, for rollback. */
  created: {
    marker?: string;
    /** The bot account being migrated. */
    sourceAccountId?: string;
    sourceEmail?: string;
    serviceAccountId?: string;
    serviceAccountAccountId?: string;
    email?: string;
    /** Tokens minted for the service account (some may have been revoked and re-minted since). */
    tokenIds: string[];
    /** Groups the service account was added to. */
    groupIds: string[];
    /** The old account's id and what decommission did to it. */
    oldAccountId?: string;
    decommissionAction?: string;
    /** The old account's status and account status before decommission. */
    previousStatus?: string;
    previousAccountStatus?: string;
    /** The label of the minted token. */
    tokenLabel?: string;
    /** Groups the group step meant to add (known even when it crashed half-way). */
    plannedGroupIds: string[];
    /** The SCIM user and directory of the idp step, and whether that user was active before it. */
    idpAccountId?: string;
    idpOrgId?: string;
    idpWasActive?: boolean;
    /** True when the decommission said an idp step follows: the migration is not done without it. */
    idpPlanned?: boolean;
  };
  outcome: MigrationOutcome;
  /** The step the migration waits at (manual token or soak) and until when. */
  waiting?: { step: StepName; reason: string; until?: string };
  /** The failed step and its error. */
  failed?: { step: StepName; error: string };
  /** Sequence number of the latest record for this migration. */
  lastSeq: number;
}

function emptySteps(): Record<StepName, StepState> {
  return Object.fromEntries(STEP_NAMES.map((s) => [s, { status: "pending", rolledBack: false }])) as Record<StepName, StepState>;
}

function isStep(step: string): step is StepName {
  return (STEP_NAMES as readonly string[]).includes(step);
}

function str(data: JournalData | undefined, key: string): string | undefined {
  const value = data?.[key];
  return typeof value === "string" ? value : undefined;
}

function strs(data: JournalData | undefined, key: string): string[] {
  const value = data?.[key];
  return Array.isArray(value) ? value : [];
}

function addUnique(list: string[], values: readonly (string | undefined)[]): void {
  for (const value of values) if (value !== undefined && !list.includes(value)) list.push(value);
}

/**
 * Folds journal records (oldest first) into the state of each migration: which steps are done,
 * pending, failed or waiting, and which ids were created. `planId` restricts it to one plan.
 */
export function journalState(records: readonly JournalRecord[], planId?: string): Map<string, MigrationJournalState> {
  const states = new Map<string, MigrationJournalState>();
  const blocked = new Set<string>();
  for (const record of records) {
    if (planId !== undefined && record.planId !== planId) continue;
    let state = states.get(record.migrationId);
    if (state === undefined) {
      state = {
        migrationId: record.migrationId,
        planId: record.planId,
        steps: emptySteps(),
        created: { tokenIds: [], groupIds: [], plannedGroupIds: [] },
        outcome: "pending",
        lastSeq: record.seq,
      };
      states.set(record.migrationId, state);
    }
    state.lastSeq = Math.max(state.lastSeq, record.seq);
    if (record.step === MIGRATION_STEP) {
      if (record.phase === "skipped") blocked.add(record.migrationId);
      continue;
    }
    if (!isStep(record.step)) continue;
    blocked.delete(record.migrationId);
    const step = state.steps[record.step];
    const data = record.data;
    collectIds(state, record.step, data, record.phase);
    if (record.phase === "rollback-intent") continue;
    if (record.phase === "rolled-back") {
      step.rolledBack = true;
      continue;
    }
    step.status = record.phase === "intent" ? "in-progress" : record.phase;
    step.time = record.time;
    if (data !== undefined) step.data = data;
    else delete step.data;
    if (record.error !== undefined) step.error = record.error;
    else delete step.error;
    if (record.phase === "done" || record.phase === "intent") step.rolledBack = false;
  }
  for (const state of states.values()) finish(state, blocked);
  return states;
}

function collectIds(state: MigrationJournalState, step: StepName, data: JournalData | undefined, phase: string): void {
  const created = state.created;
  switch (step) {
    case "create":
      created.marker = str(data, "marker") ?? created.marker;
      created.sourceAccountId = str(data, "sourceAccountId") ?? created.sourceAccountId;
      created.sourceEmail = str(data, "sourceEmail") ?? created.sourceEmail;
      created.serviceAccountId = str(data, "serviceAccountId") ?? created.serviceAccountId;
      created.serviceAccountAccountId = str(data, "serviceAccountAccountId") ?? created.serviceAccountAccountId;
      created.email = str(data, "email") ?? created.email;
      break;
    case "group":
      addUnique(created.groupIds, strs(data, "addedGroupIds"));
      addUnique(created.plannedGroupIds, strs(data, "groupIds"));
      break;
    case "mint":
    case "deliver":
      addUnique(created.tokenIds, [str(data, "tokenId")]);
      created.tokenLabel = str(data, "label") ?? created.tokenLabel;
      break;
    case "decommission":
      created.oldAccountId = str(data, "oldAccountId") ?? created.oldAccountId;
      created.decommissionAction = str(data, "action") ?? created.decommissionAction;
      created.previousStatus = str(data, "previousStatus") ?? created.previousStatus;
      created.previousAccountStatus = str(data, "previousAccountStatus") ?? created.previousAccountStatus;
      if (str(data, "idpAccountId") !== undefined) created.idpPlanned = true;
      break;
    case "idp": {
      created.idpAccountId = str(data, "idpAccountId") ?? created.idpAccountId;
      created.idpOrgId = str(data, "idpOrgId") ?? created.idpOrgId;
      if (phase !== "intent") break;
      // A repeated intent after one that never finished keeps "was active": the first attempt may have deactivated it.
      const before = state.steps.idp.status;
      const wasActive = data?.wasActive === true;
      created.idpWasActive = (before === "in-progress" || before === "failed") && created.idpWasActive === true ? true : wasActive;
      break;
    }
    default:
      break;
  }
}

function finish(state: MigrationJournalState, blocked: Set<string>): void {
  delete state.waiting;
  delete state.failed;
  const entries = STEP_NAMES.map((name) => [name, state.steps[name]] as const);
  const failed = entries.find(([, s]) => s.status === "failed");
  const waiting = entries.find(([, s]) => s.status === "waiting");
  const touched = entries.filter(([, s]) => s.status !== "pending");
  if (blocked.has(state.migrationId)) state.outcome = "blocked";
  else if (touched.length > 0 && entries.every(([, s]) => s.status === "pending" || s.rolledBack)) state.outcome = "rolled-back";
  else if (failed) {
    state.outcome = "failed";
    state.failed = { step: failed[0], error: failed[1].error ?? "failed" };
  } else if (waiting) {
    state.outcome = "waiting";
    state.waiting = {
      step: waiting[0],
      reason: str(waiting[1].data, "reason") ?? "waiting",
      ...(str(waiting[1].data, "until") !== undefined ? { until: str(waiting[1].data, "until") as string } : {}),
    };
  } else if (entries.every(([name, s]) => s.status === "done" || s.status === "skipped" || (s.status === "pending" && isOptionalStep(state, name)))) state.outcome = "done";
  else state.outcome = "pending";
}

/**
 * True when the migration may be done without the step: an optional step (idp) its journal
 * never mentions, unless the decommission recorded that the plan has it.
 */
export function isOptionalStep(state: MigrationJournalState, step: StepName): boolean {
  if (!OPTIONAL_STEPS.includes(step)) return false;
  return !(step === "idp" && state.created.idpPlanned === true);
}

/** True when the step needs no more work: done, or skipped on purpose. */
export function isStepComplete(state: MigrationJournalState | undefined, step: StepName): boolean {
  const s = state?.steps[step];
  return s !== undefined && !s.rolledBack && (s.status === "done" || s.status === "skipped");
}
