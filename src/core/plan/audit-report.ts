import { readInputText } from "../fs/read-text.js";
import { z } from "zod";
import { AUDIT_REPORT_KIND, AUDIT_REPORT_VERSION, type AuditReport } from "../detect/types.js";
import { InputError } from "../errors.js";
import { parseJsonText, validateWith } from "../validation.js";

const isoTime = z.iso.datetime({ offset: true, message: "expected an ISO 8601 timestamp" });

const signalSchema = z.looseObject({
  id: z.string().min(1),
  weight: z.number(),
  evidence: z.string(),
});

const findingSchema = z.looseObject({
  accountId: z.string().min(1),
  name: z.string(),
  email: z.string().nullable(),
  verdict: z.enum(["bot", "likely-bot", "human", "service-account", "app"]),
  score: z.number(),
  confidence: z.enum(["low", "medium", "high"]),
  risk: z.enum(["low", "medium", "high", "critical"]),
  recommendation: z.enum(["migrate-to-service-account", "review", "enable-2sv", "none"]),
  signals: z.array(signalSchema),
  listed: z
    .looseObject({
      list: z.enum(["allow", "deny"]),
      owner: z.string(),
      reason: z.string(),
      expiresAt: z.string().optional(),
    })
    .optional(),
  isAdmin: z.boolean(),
});

/**
 * The audit report as `plan --from-audit` reads it. Unknown extra fields are accepted so a report
 * from a newer bot2svc with more detail still plans; every field the planner uses is checked.
 */
export const auditReportSchema = z.looseObject({
  kind: z.literal(AUDIT_REPORT_KIND),
  version: z.literal(AUDIT_REPORT_VERSION),
  org: z.looseObject({ id: z.string().min(1), name: z.string() }),
  generatedAt: isoTime,
  referenceTime: isoTime,
  summary: z.looseObject({
    accounts: z.number(),
    bot: z.number(),
    likelyBot: z.number(),
    human: z.number(),
    serviceAccount: z.number(),
    app: z.number(),
    enable2sv: z.number(),
  }),
  findings: z.array(findingSchema),
  warnings: z.array(z.string()).default([]),
});

/** Reads a `bot2svc audit --format json` report and validates it, naming the file and each bad field. */
export async function readAuditReportFile(file: string): Promise<AuditReport> {
  const text = await readInputText(file, { label: "audit report", hint: "Write one with `bot2svc audit --format json --output FILE`." });
  return parseAuditReport(text, file);
}

/** Parses audit report JSON text; `file` is only used in messages. */
export function parseAuditReport(text: string, file: string): AuditReport {
  const data = parseJsonText(text, file, "audit report");
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new InputError(`${file} is not a bot2svc audit report: expected a JSON object at the top level`, { code: "SCHEMA_INVALID" });
  }
  const record = data as Record<string, unknown>;
  if (record.kind !== AUDIT_REPORT_KIND) {
    throw new InputError(`${file} is not a bot2svc audit report: kind is ${JSON.stringify(record.kind)}, expected "${AUDIT_REPORT_KIND}"`, {
      code: "SCHEMA_INVALID",
      hint: "Write one with `bot2svc audit --format json --output FILE`.",
    });
  }
  if (record.version !== AUDIT_REPORT_VERSION) {
    throw new InputError(
      `${file} has audit report version ${JSON.stringify(record.version)}; this bot2svc reads version ${AUDIT_REPORT_VERSION} only`,
      { code: "SCHEMA_INVALID", hint: "Run the audit again with this version of bot2svc." },
    );
  }
  return validateWith(auditReportSchema, data, file, "audit report") as AuditReport;
}
