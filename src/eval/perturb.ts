import type { AuditEvent, Snapshot } from "../core/snapshot/schema.js";
import { Random } from "../demo/random.js";

/**
 * Ways a real audit log differs from a clean one. Each returns a new snapshot and leaves its
 * input alone; the labels stay valid, because they describe the accounts, not the log.
 */
export interface Perturbation {
  name: string;
  description: string;
  apply(snapshot: Snapshot, seed: number): Snapshot;
  /** The email-OTP challenges of the perturbed log, for the enable-2sv tally (default: actions that say "otp"). */
  isOtpAction?: (action: string) => boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OTP = /otp/i;
const LOGIN = /login/i;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function withEvents(snapshot: Snapshot, events: AuditEvent[]): Snapshot {
  return { ...snapshot, events };
}

function sortByTime(events: AuditEvent[]): AuditEvent[] {
  return events.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

function shiftIso(value: string | null | undefined, ms: number): string | null | undefined {
  return value ? iso(Date.parse(value) + ms) : value;
}

export const PERTURBATIONS: readonly Perturbation[] = [
  { name: "none", description: "the clean org", apply: (s) => s },
  {
    name: "drop-30%",
    description: "a random 30% of events lost",
    apply: (s, seed) => {
      const r = new Random(seed * 31 + 1);
      return withEvents(s, s.events.filter(() => !r.chance(0.3)));
    },
  },
  {
    name: "jitter-20min",
    description: "every event time moved by up to ±20 minutes",
    apply: (s, seed) => {
      const r = new Random(seed * 31 + 2);
      const takenAt = Date.parse(s.takenAt);
      const events = s.events.map((e) => ({ ...e, time: iso(Math.min(takenAt - 1000, Date.parse(e.time) + (r.next() - 0.5) * 40 * 60_000)) }));
      return withEvents(s, sortByTime(events));
    },
  },
  {
    name: "shift-tz+7h",
    description: "the whole org seven hours east (every timestamp and the snapshot time)",
    apply: (s) => {
      const d = 7 * HOUR;
      return {
        ...s,
        takenAt: iso(Date.parse(s.takenAt) + d),
        users: s.users.map((u) => ({
          ...u,
          addedToOrg: shiftIso(u.addedToOrg, d),
          productAccess: u.productAccess.map((p) => ({ ...p, lastActiveTimestamp: shiftIso(p.lastActiveTimestamp, d) })),
        })),
        apiTokens: s.apiTokens.map((t) => ({ ...t, lastActiveAt: shiftIso(t.lastActiveAt, d), createdAt: shiftIso(t.createdAt, d), expiresAt: shiftIso(t.expiresAt, d) })),
        serviceAccounts: s.serviceAccounts.map((sa) => ({ ...sa, createdAt: shiftIso(sa.createdAt, d) })),
        serviceAccountTokens: s.serviceAccountTokens.map((t) => ({ ...t, createdAt: shiftIso(t.createdAt, d), expiresAt: shiftIso(t.expiresAt, d) })),
        ...(s.oauthClients ? { oauthClients: s.oauthClients.map((c) => ({ ...c, createdAt: shiftIso(c.createdAt, d), updatedAt: shiftIso(c.updatedAt, d) })) } : {}),
        events: s.events.map((e) => ({ ...e, time: iso(Date.parse(e.time) + d) })),
      };
    },
  },
  { name: "strip-otp", description: "no email OTP events at all", apply: (s) => withEvents(s, s.events.filter((e) => !OTP.test(e.action))) },
  {
    name: "rename-otp",
    description: "OTP events under an unknown action key",
    apply: (s) => withEvents(s, s.events.map((e) => (OTP.test(e.action) ? { ...e, action: "auth_challenge_4" } : e))),
  },
  {
    name: "rename-otp-named",
    description: "OTP events under another key whose name still says otp",
    apply: (s) => withEvents(s, s.events.map((e) => (OTP.test(e.action) ? { ...e, action: "idp.email-otp.issued" } : e))),
  },
  {
    name: "rename-otp-code",
    description: "OTP events under a key that calls them a verification code",
    apply: (s) => withEvents(s, s.events.map((e) => (OTP.test(e.action) ? { ...e, action: "email_verification_code_sent" } : e))),
    isOtpAction: (action) => action === "email_verification_code_sent",
  },
  {
    name: "strip-user-agents",
    description: "no user agents recorded",
    apply: (s) =>
      withEvents(
        s,
        s.events.map(({ userAgent: _, ...e }) => e),
      ),
  },
  {
    name: "strip-token-ids",
    description: "events carry no tokenId or authType",
    apply: (s) =>
      withEvents(
        s,
        s.events.map(({ tokenId: _t, authType: _a, ...e }) => e),
      ),
  },
  {
    name: "strip-profile",
    description: "no job title, department, picture or identity-provider management recorded",
    apply: (s) => ({
      ...s,
      users: s.users.map(({ jobTitle: _j, department: _d, picture: _p, managementSource: _m, ...u }) => u),
    }),
  },
  { name: "strip-events", description: "no audit events at all", apply: (s) => withEvents(s, []) },
  {
    name: "window-10d",
    description: "only the last 10 days of events",
    apply: (s) => {
      const from = Date.parse(s.takenAt) - 10 * DAY;
      return withEvents(s, s.events.filter((e) => Date.parse(e.time) >= from));
    },
  },
  {
    name: "logins-only",
    description: "the audit log records sign-ins and OTP challenges only",
    apply: (s) => withEvents(s, s.events.filter((e) => LOGIN.test(e.action) || OTP.test(e.action))),
  },
  {
    name: "no-last-active",
    description: "no product's last-active time recorded",
    apply: (s) => ({ ...s, users: s.users.map((u) => ({ ...u, productAccess: u.productAccess.map((p) => ({ ...p, lastActiveTimestamp: null })) })) }),
  },
  {
    name: "logins-no-last-active",
    description: "sign-ins and OTP challenges only, and no last-active times",
    apply: (s, seed) => {
      let out = s;
      for (const name of ["logins-only", "no-last-active"]) out = PERTURBATIONS.find((p) => p.name === name)!.apply(out, seed);
      return out;
    },
  },
  {
    name: "combined",
    description: "drop 30%, jitter ±20 min, no user agents, no OTP events",
    apply: (s, seed) => {
      let out = s;
      for (const name of ["drop-30%", "jitter-20min", "strip-user-agents", "strip-otp"]) out = PERTURBATIONS.find((p) => p.name === name)!.apply(out, seed);
      return out;
    },
  },
];

/** The email-OTP challenges of a perturbation's log: its own test, or actions that say "otp". */
export function otpActionOf(p: Perturbation): (action: string) => boolean {
  return p.isOtpAction ?? ((action) => OTP.test(action));
}
