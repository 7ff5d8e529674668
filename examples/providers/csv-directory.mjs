// A bot2svc provider module that reads a CSV export of a directory (most IdPs and HR systems
// can export one). It is read-only: audit and plan work with it; apply needs a provider that
// can write. Use it with
//
//   BOT2SVC_CSV_FILE=directory.csv bot2svc audit --provider ./examples/providers/csv-directory.mjs
//
// Columns (header row required, any order): id, email, name, status, title, department,
// groups (separated by ";"), mfa (true/false), created, last_login (ISO 8601 times).
// See docs/providers.md.
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";

/** @type {import("bot2svc/provider").ProviderFactory} */
export function createProvider(ctx) {
  const file = ctx.env.BOT2SVC_CSV_FILE;
  if (!file) throw new Error("set BOT2SVC_CSV_FILE to the CSV export to read");
  const path = resolve(ctx.cwd, file);
  const orgId = `csv:${basename(path)}`;
  return {
    name: "csv-directory",
    orgId,
    capabilities: {
      readSnapshot: true,
      createServiceAccount: false,
      deleteServiceAccount: false,
      grantAppRole: false,
      addToGroup: false,
      removeFromGroup: false,
      mintToken: false,
      listTokens: false,
      revokeToken: false,
      verifyToken: false,
      suspendAccount: false,
      restoreAccount: false,
      deactivateAccount: false,
      reactivateAccount: false,
      listGroups: true,
    },
    // The groups alone, so apply can check a plan's group grants without building a snapshot.
    async listGroups() {
      const rows = parseCsv(await readFile(path, "utf8"));
      const names = new Set(rows.flatMap(groupsOf));
      return [...names].map((g) => ({ id: g, name: g }));
    },
    async readSnapshot(options = {}) {
      const rows = parseCsv(await readFile(path, "utf8"));
      const groups = new Map();
      /** @type {import("bot2svc/provider").User[]} */
      const users = rows.map((row, i) => {
        if (!row.id) throw new Error(`${path} row ${i + 2}: id is empty`);
        const groupIds = groupsOf(row);
        for (const g of groupIds) groups.set(g, { id: g, name: g });
        const active = (row.status ?? "active").toLowerCase() === "active";
        return {
          accountId: row.id,
          accountType: "atlassian",
          accountStatus: active ? "active" : "inactive",
          status: active ? "active" : "deactivated",
          name: row.name ?? "",
          email: row.email || null,
          jobTitle: row.title || null,
          department: row.department || null,
          picture: null,
          ...(row.mfa ? { mfaEnabled: row.mfa.toLowerCase() === "true" } : {}),
          addedToOrg: row.created || null,
          productAccess: [],
          groupIds,
        };
      });
      // The export's last login becomes one login event, so login-based rules have something to read.
      const events = rows
        .filter((row) => row.last_login)
        .map((row) => ({ id: `login-${row.id}`, time: row.last_login, action: "user_login", actorId: row.id }));
      const now = options.now ?? ctx.now();
      return {
        kind: "bot2svc.snapshot",
        version: 1,
        takenAt: now.toISOString(),
        source: { provider: "csv-directory", limitations: ["a CSV export has no API tokens and only the last login per account"] },
        org: { id: orgId, name: basename(path), directoryId: "-", sites: [] },
        users,
        groups: [...groups.values()],
        apiTokens: [],
        events,
        serviceAccounts: [],
        serviceAccountTokens: [],
      };
    },
  };
}

/**
 * The groups column of a row: names separated by ";".
 * @param {Record<string, string>} row
 * @returns {string[]}
 */
function groupsOf(row) {
  return (row.groups ?? "").split(";").map((g) => g.trim()).filter(Boolean);
}

/**
 * Rows of a CSV text as objects keyed by the header; quoted fields may hold commas and "".
 * @param {string} text
 * @returns {Record<string, string>[]}
 */
function parseCsv(text) {
  const records = [];
  let field = "";
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field), records.push(record), (record = []), (field = "");
    } else field += c;
  }
  if (field !== "" || record.length > 0) record.push(field), records.push(record);
  const [header = [], ...rows] = records.filter((r) => r.some((f) => f.trim() !== ""));
  const keys = header.map((h) => h.trim().toLowerCase());
  return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? "").trim()])));
}
