import { z } from "zod";

/** The exact `kind` every plan file carries. */
export const PLAN_KIND = "bot2svc.plan";
/** The only plan format version this build reads and writes. */
export const PLAN_VERSION = 1;
/** Atlassian caps API tokens at one year. */
export const MAX_TOKEN_EXPIRY_DAYS = 365;

const isoTime = z.iso.datetime({ offset: false, message: "expected an ISO 8601 UTC timestamp" });

/**
 * Characters that must never reach a name a person reads or a file a shell sources: C0 and C1
 * controls (newlines, ESC, NUL), line and paragraph separators, and bidirectional overrides.
 */
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_TEXT_RUNS = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+/g;

/** True when the text holds a control character, a line separator or a bidi override. */
export function hasUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** The text with every run of control characters, separators, overrides and spaces made one space, trimmed. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_TEXT_RUNS, " ").trim();
}


export const oldAccountActionSchema = z.enum(["revoke-tokens", "suspend", "deactivate", "none"]);
export type OldAccountAction = z.infer<typeof oldAccountActionSchema>;

/** The steps of one migration, in execution order. */
export const STEP_NAMES = ["create", "grant", "group", "mint", "deliver", "verify", "decommission", "idp"] as const;
/** Steps only some migrations have: a journal that never mentions them has nothing left to do there. */
export const OPTIONAL_STEPS: readonly StepName[] = ["idp"];
export const stepNameSchema = z.enum(STEP_NAMES);
export type StepName = z.infer<typeof stepNameSchema>;

/**
 * The state of the source account the plan was computed from. `apply` re-reads the account and
 * refuses the plan when the fingerprint of the current state differs, naming what changed.
 */
export const sourceStateSchema = z
  .object({
    status: z.string(),
    accountStatus: z.string(),
    groupIds: z.array(z.string()),
    /** `key|resourceId|role` per product access entry, sorted. */
    productAccess: z.array(z.string()),
    /** Ids of the account's API tokens, sorted. */
    tokenIds: z.array(z.string()),
    platformRoles: z.array(z.string()),
  })
  .strict();
export type SourceState = z.infer<typeof sourceStateSchema>;

export const blockerSchema = z
  .object({
    code: z.string().min(1),
    message: z.string().min(1),
  })
  .strict();
export type Blocker = z.infer<typeof blockerSchema>;

export const migrationSchema = z
  .object({
    /** Stable id of this migration inside the plan, e.g. `m-5b10ac8d82e05b22cc7d4ef5`. */
    id: z.string().min(1),
    source: z
      .object({
        accountId: z.string().min(1),
        name: z.string(),
        email: z.string().nullable(),
        verdict: z.enum(["bot", "likely-bot"]),
        score: z.number(),
        isAdmin: z.boolean(),
        /** Top reasons from the audit, for the reviewer. */
        reasons: z.array(z.string()),
        /** sha256 (hex) of the canonical JSON of `state`. */
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "expected a sha256 hex digest"),
        state: sourceStateSchema,
      })
      .strict(),
    serviceAccount: z
      .object({
        displayName: z
          .string()
          .min(1)
          .max(100)
          .refine((t) => !hasUnsafeText(t), { message: "must not contain control characters, line breaks or bidirectional overrides" }),
        /** Provenance; contains `marker` so a re-run can find the account it created. */
        description: z
          .string()
          .min(1)
          .refine((t) => !hasUnsafeText(t), { message: "must not contain control characters, line breaks or bidirectional overrides" }),
        /** `bot2svc:<plan id>:<migration id>` — how apply recognises its own service account. */
        marker: z.string().min(1),
      })
      .strict(),
    appRoles: z.array(
      z
        .object({
          key: z.string().min(1),
          role: z.string().min(1),
          resource: z.string().min(1),
        })
        .strict(),
    ),
    groups: z.array(
      z
        .object({
          id: z.string().min(1),
          name: z.string(),
          /** IdP-synced groups cannot be copied by the admin API; kept here, flagged, never silently dropped. */
          synced: z.boolean(),
        })
        .strict(),
    ),
    credential: z
      .object({
        label: z.string().min(1).max(100),
        scopes: z.array(z.string().min(1)).min(1),
        expiryDays: z
          .number()
          .int("expected a whole number of days")
          .min(1, "expected at least 1 day")
          .max(MAX_TOKEN_EXPIRY_DAYS, `Atlassian caps API tokens at ${MAX_TOKEN_EXPIRY_DAYS} days`),
        /** `api` when the provider can mint tokens; `manual` when an admin creates it in admin.atlassian.com. */
        mint: z.enum(["api", "manual"]),
      })
      .strict(),
    cutover: z
      .object({
        /**
         * Gateway base URLs consumers must switch to (service-account tokens do not work on the
         * site URL): `https://api.atlassian.com/ex/{jira|confluence}/{cloudId}` of the org's own
         * sites (see `gatewayUrlProblems`). Covered by `source.fingerprint`.
         */
        gatewayUrls: z.array(z.string()),
        /** Env var names written to the secret sink. */
        envVars: z.array(z.string()),
        notes: z.array(z.string()),
      })
      .strict(),
    oldAccount: z
      .object({
        action: oldAccountActionSchema,
        /** Days to wait after verification before decommissioning; 0 = at once. */
        soakDays: z.number().int().min(0).max(365),
        /** Token ids of the old account that `revoke-tokens` revokes (and that suspend/deactivate leave dead). */
        tokenIds: z.array(z.string()),
      })
      .strict(),
    /**
     * The same bot in an identity provider that speaks SCIM (from `plan --correlate`), still
     * active there: `apply` deactivates it after the decommission and `rollback` reactivates it.
     * Covered by `source.fingerprint`.
     */
    idp: z
      .object({
        provider: z.literal("scim"),
        /** The SCIM directory's id, `scim:<base URL>`; apply refuses a SCIM provider pointed elsewhere. */
        orgId: z.string().min(1),
        name: z.string(),
        /** The SCIM user id. */
        accountId: z.string().min(1),
        email: z.string().nullable(),
        matchedBy: z.enum(["email", "name"]),
      })
      .strict()
      .optional(),
    warnings: z.array(z.string()),
    blockers: z.array(blockerSchema),
  })
  .strict();
export type Migration = z.infer<typeof migrationSchema>;

export const secretSinkSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("env-file"), dir: z.string().min(1) }).strict(),
  z.object({ type: z.literal("command"), command: z.string().min(1) }).strict(),
]);
export type SecretSink = z.infer<typeof secretSinkSchema>;

export const planSchema = z
  .object({
    kind: z.literal(PLAN_KIND),
    version: z.literal(PLAN_VERSION),
    /** Random id; part of every marker, so two plans never adopt each other's accounts. */
    id: z.string().min(1),
    createdAt: isoTime,
    /** The instant the findings were judged against. */
    referenceTime: isoTime,
    org: z
      .object({
        id: z.string().min(1),
        name: z.string(),
        /** Sites of the org when the plan was made, so a reviewer sees site URLs rather than cloud ids. */
        sites: z
          .array(z.object({ cloudId: z.string().min(1), url: z.string(), products: z.array(z.string()) }).strict())
          .optional(),
      })
      .strict(),
    provider: z.object({ name: z.string().min(1), baseUrl: z.string().optional() }).strict(),
    /** Where the findings came from. */
    source: z.object({ type: z.enum(["provider", "audit"]), file: z.string().optional() }).strict(),
    /** Default secret sink; `apply --secrets-dir` / `--secret-command` override it. */
    secretSink: secretSinkSchema.nullable(),
    /** Org admins are only migrated when the plan was made with --include-admins. */
    includeAdmins: z.boolean(),
    migrations: z.array(migrationSchema),
  })
  .strict();
export type Plan = z.infer<typeof planSchema>;

/** Where Atlassian serves the API gateway that service-account tokens work through. */
export const ATLASSIAN_GATEWAY_ORIGIN = "https://api.atlassian.com";

const GATEWAY_PATH = /^\/ex\/(jira|confluence)\/([A-Za-z0-9_-]+)$/;

/** The parts of a gateway URL `{origin}/ex/{product}/{cloudId}`; null for anything else. */
export function parseGatewayUrl(text: string): { origin: string; product: "jira" | "confluence"; cloudId: string } | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const match = GATEWAY_PATH.exec(url.pathname);
  if (match === null || url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") return null;
  // The text must be exactly the canonical form: no dot segments, encodings or other tricks.
  if (`${url.origin}${url.pathname}` !== text) return null;
  return { origin: url.origin, product: match[1] as "jira" | "confluence", cloudId: match[2] as string };
}

/** True for a plain-http origin that stays on this machine (a local emulator in a rehearsal). */
function isLoopbackOrigin(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Origins a gateway URL may have: Atlassian's gateway, or the origin of a provider base URL that
 * serves the gateway itself (https, or plain http on this machine for a local emulator).
 */
export function allowedGatewayOrigins(providerBaseUrl: string | undefined): string[] {
  const origins = [ATLASSIAN_GATEWAY_ORIGIN];
  if (providerBaseUrl === undefined || providerBaseUrl === "") return origins;
  try {
    const url = new URL(providerBaseUrl);
    if (url.protocol === "https:" || (url.protocol === "http:" && isLoopbackOrigin(url))) {
      if (!origins.includes(url.origin)) origins.push(url.origin);
    }
  } catch {
    // An unparsable base URL allows nothing beyond Atlassian's gateway.
  }
  return origins;
}

/**
 * Problems with the gateway URLs of a plan, by JSON path: each must be
 * `{gateway origin}/ex/{jira|confluence}/{cloudId}` on an allowed origin, for a cloud id of one of
 * the org's sites (when the plan lists them).
 */
export function gatewayUrlProblems(plan: Pick<Plan, "migrations" | "org" | "provider">): string[] {
  const problems: string[] = [];
  const origins = allowedGatewayOrigins(plan.provider.baseUrl);
  const sites = plan.org.sites !== undefined && plan.org.sites.length > 0 ? new Set(plan.org.sites.map((s) => s.cloudId)) : undefined;
  plan.migrations.forEach((m, i) => {
    m.cutover.gatewayUrls.forEach((text, j) => {
      const at = `migrations[${i}].cutover.gatewayUrls[${j}]`;
      const parsed = parseGatewayUrl(text);
      if (parsed === null) {
        problems.push(`${at}: ${JSON.stringify(text)} is not a gateway URL ${ATLASSIAN_GATEWAY_ORIGIN}/ex/{jira|confluence}/{cloudId}`);
      } else if (!origins.includes(parsed.origin)) {
        problems.push(`${at}: ${JSON.stringify(text)} is not on ${origins.join(" or ")}`);
      } else if (sites !== undefined && !sites.has(parsed.cloudId)) {
        problems.push(`${at}: cloud id ${parsed.cloudId} is not one of the org's sites (${[...sites].join(", ")})`);
      }
    });
  });
  return problems;
}
