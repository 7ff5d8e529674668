import { readFile } from "node:fs/promises";
import { InputError } from "../errors.js";
import { parseJsonText, validateWith } from "../validation.js";
import { SNAPSHOT_KIND, SNAPSHOT_VERSION, snapshotSchema, type Snapshot } from "./schema.js";

/** Reads and validates a snapshot file; every problem is reported at once, naming the file. */
export async function readSnapshotFile(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT" ? `Snapshot file not found: ${file}` : `Cannot read snapshot file ${file}: ${(error as Error).message}`,
      { code: "FILE_UNREADABLE", hint: "Pass an existing file with --snapshot, or export one with `bot2svc snapshot --out FILE`." },
    );
  }
  return parseSnapshot(text, file);
}

/** Parses snapshot JSON text. `file` is used in error messages only. */
export function parseSnapshot(text: string, file: string): Snapshot {
  const data = parseJsonText(text, file, "snapshot");
  return validateSnapshot(data, file);
}

/** Validates already-parsed snapshot data: header, schema, then references. */
export function validateSnapshot(data: unknown, file: string): Snapshot {
  checkHeader(data, file);
  const snapshot = validateWith(snapshotSchema, data, file, "snapshot");
  const dangling = findReferenceProblems(snapshot);
  if (dangling.length > 0) {
    throw new InputError(`${file} has ${dangling.length} broken reference${dangling.length === 1 ? "" : "s"}`, {
      code: "SNAPSHOT_REFERENCES",
      details: dangling,
    });
  }
  return snapshot;
}

// The header is checked first so that a plan file or an audit report passed by mistake gets
// one clear sentence instead of a hundred schema errors.
function checkHeader(data: unknown, file: string): void {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new InputError(`${file} is not a snapshot: expected a JSON object at the top level`, { code: "SCHEMA_INVALID" });
  }
  const record = data as Record<string, unknown>;
  if (record.kind !== SNAPSHOT_KIND) {
    throw new InputError(
      `${file} is not a snapshot: kind is ${JSON.stringify(record.kind)}, expected "${SNAPSHOT_KIND}"`,
      { code: "SCHEMA_INVALID", details: [`kind: expected "${SNAPSHOT_KIND}"`] },
    );
  }
  if (record.version !== SNAPSHOT_VERSION) {
    throw new InputError(
      `${file} has snapshot version ${JSON.stringify(record.version)}; this bot2svc reads version ${SNAPSHOT_VERSION} only`,
      { code: "SCHEMA_INVALID", details: [`version: expected ${SNAPSHOT_VERSION}`], hint: "Re-export it with `bot2svc snapshot`." },
    );
  }
}

/** Lists every reference that does not resolve, by JSON path; also duplicate ids. */
export function findReferenceProblems(snapshot: Snapshot): string[] {
  const problems: string[] = [];
  const accountIds = new Set<string>();
  snapshot.users.forEach((u, i) => {
    if (accountIds.has(u.accountId)) problems.push(`users[${i}].accountId: duplicate account id "${u.accountId}"`);
    accountIds.add(u.accountId);
  });
  const saAccountIds = new Set<string>();
  const saIds = new Set<string>();
  snapshot.serviceAccounts.forEach((sa, i) => {
    if (saIds.has(sa.id)) problems.push(`serviceAccounts[${i}].id: duplicate service account id "${sa.id}"`);
    saIds.add(sa.id);
    saAccountIds.add(sa.accountId);
  });
  const groupIds = new Set<string>();
  snapshot.groups.forEach((g, i) => {
    if (groupIds.has(g.id)) problems.push(`groups[${i}].id: duplicate group id "${g.id}"`);
    groupIds.add(g.id);
  });
  snapshot.users.forEach((u, i) =>
    u.groupIds.forEach((g, j) => {
      if (!groupIds.has(g)) problems.push(`users[${i}].groupIds[${j}]: unknown group "${g}"`);
    }),
  );
  snapshot.serviceAccounts.forEach((sa, i) =>
    sa.groupIds.forEach((g, j) => {
      if (!groupIds.has(g)) problems.push(`serviceAccounts[${i}].groupIds[${j}]: unknown group "${g}"`);
    }),
  );
  snapshot.apiTokens.forEach((t, i) => {
    if (!accountIds.has(t.accountId)) problems.push(`apiTokens[${i}].accountId: unknown account "${t.accountId}"`);
  });
  snapshot.events.forEach((e, i) => {
    if (!accountIds.has(e.actorId) && !saAccountIds.has(e.actorId)) {
      problems.push(`events[${i}].actorId: unknown account "${e.actorId}"`);
    }
  });
  snapshot.serviceAccountTokens.forEach((t, i) => {
    if (!saIds.has(t.serviceAccountId)) {
      problems.push(`serviceAccountTokens[${i}].serviceAccountId: unknown service account "${t.serviceAccountId}"`);
    }
  });
  return problems;
}
