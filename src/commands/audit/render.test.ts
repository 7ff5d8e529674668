import { describe, expect, it } from "vitest";
import { RULE_IDS } from "../../core/detect/rule-ids.js";
import { makeFinding, makeReport, mixedReport } from "../../../test/helpers/audit-report.js";
import { makeColors } from "../../ui/colors.js";
import { truncateText } from "../../ui/table.js";
import { AUDIT_FORMATS, renderAudit, type AuditFormat } from "./render.js";
import { summarySentence } from "./render-common.js";
import { textCell } from "./render-csv.js";

const ANSI = /\u001b\[/;
const plain = { colors: makeColors(false), includeHumans: false };
const coloured = { colors: makeColors(true), includeHumans: false };

function render(format: AuditFormat, report = mixedReport(), options = plain): string {
  return renderAudit(report, format, options);
}

/** Parses RFC 4180 text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe("summarySentence", () => {
  it.each([
    [
      { accounts: 230, bot: 12, likelyBot: 5, human: 200, serviceAccount: 3, app: 4, enable2sv: 8 },
      "Found 12 bots, 5 likely bots among 230 accounts; 8 people should enable two-step verification. 3 service accounts and 4 apps are already non-human.",
    ],
    [
      { accounts: 1, bot: 1, likelyBot: 0, human: 0, serviceAccount: 0, app: 0, enable2sv: 0 },
      "Found 1 bot, 0 likely bots among 1 account.",
    ],
    [
      { accounts: 40, bot: 0, likelyBot: 0, human: 38, serviceAccount: 1, app: 0, enable2sv: 1 },
      "No bot accounts found. Checked 40 accounts; 1 person should enable two-step verification. 1 service account and 0 apps is already non-human.",
    ],
    [{ accounts: 0, bot: 0, likelyBot: 0, human: 0, serviceAccount: 0, app: 0, enable2sv: 0 }, "No bot accounts found. Checked 0 accounts."],
    [
      { accounts: 50, bot: 2, likelyBot: 6, human: 40, serviceAccount: 2, app: 0, enable2sv: 0, migrated: 3, inactive: 2 },
      "Found 2 bots, 6 likely bots among 50 accounts. 3 accounts already migrated to service accounts and 2 inactive accounts need nothing. 2 service accounts and 0 apps are already non-human.",
    ],
    [
      { accounts: 5, bot: 0, likelyBot: 1, human: 4, serviceAccount: 0, app: 0, enable2sv: 0, inactive: 1 },
      "Found 0 bots, 1 likely bot among 5 accounts. 1 inactive account needs nothing.",
    ],
  ])("%j", (summary, expected) => {
    expect(summarySentence(summary)).toBe(expected);
  });
});

describe("truncateText", () => {
  it("keeps short text and cuts long text to the width with an ellipsis", () => {
    expect(truncateText("short", 60)).toBe("short");
    const long = "API token `jenkins-prod` used 2026-10-31 23:55, 4 hours before the snapshot; UI never";
    const cut = truncateText(long, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
  });

  it("flattens line breaks", () => {
    expect(truncateText("a\nb\r\nc", 60)).toBe("a b c");
  });
});

describe("table", () => {
  it("shows the header, actionable rows in report order, and the counted summary", () => {
    const out = render("table");
    expect(out).not.toMatch(ANSI);
    const lines = out.split("\n");
    expect(lines[0]).toBe("Audit of Acme (org org-acme, as of 2026-11-01 00:00 UTC)");
    const jenkins = out.indexOf("Jenkins CI");
    const sync = out.indexOf("Data Sync");
    const ann = out.indexOf("Ann Abbot");
    expect(jenkins).toBeGreaterThan(0);
    expect(sync).toBeGreaterThan(jenkins);
    expect(ann).toBeGreaterThan(sync);
    expect(out).toContain("(admin)");
    expect(out).toMatch(/│ migrate +│/);
    expect(out).toMatch(/│ enable 2SV +│/);
    expect(out).toContain("9.5");
    // Accounts that are already non-human are counted, not listed.
    expect(out).not.toContain("Deploy SA");
    expect(out).not.toContain("Slack");
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      "Found 1 bot, 1 likely bot among 25 accounts; 1 person should enable two-step verification. 1 service account and 1 app are already non-human.",
    );
  });

  it("lists the top two reasons, strongest first, in the direction of the verdict", () => {
    const out = render("table");
    // Long evidence wraps onto a second line under its bullet.
    expect(out).toMatch(/• API token `jenkins-prod` used 2026-10-31, last UI activity +│\n.*│ {3}never +│/);
    expect(out).toContain("720 logins at a fixed 60-minute cadence");
    // Third signal of the bot is not a top-two reason.
    expect(out).not.toContain("look like a service");
    // For the likely bot, the bot-ward signal comes before the human-ward one.
    expect(out.indexOf("API token `sync` used")).toBeLessThan(out.indexOf("Used Jira in the browser"));
    // For a person told to enable 2SV, the passcode evidence explains the advice and comes first.
    expect(out.indexOf("12 email OTP challenges")).toBeLessThan(out.indexOf("Used Confluence in the browser"));
  });

  it("wraps long evidence onto two lines of at most 60 characters and cuts the rest", () => {
    const evidence = `${"very long evidence ".repeat(10)}END`;
    const out = render("table", makeReport([makeFinding({ signals: [{ id: "x", weight: 1, evidence }] })]));
    expect(out).not.toContain("END");
    const lines = out.split("\n").filter((l) => l.includes("very long evidence"));
    expect(lines).toHaveLength(2);
    const cells = lines.map((l) => l.slice(l.lastIndexOf("│", l.length - 2) + 1, -1).trim().replace(/^• /, ""));
    for (const cell of cells) expect(cell.length).toBeLessThanOrEqual(60);
    expect(cells[1]!.endsWith("…")).toBe(true);
  });

  it("narrows the reasons to fit a narrow terminal", () => {
    const evidence = "word ".repeat(30).trim();
    const report = makeReport([makeFinding({ signals: [{ id: "x", weight: 1, evidence }] })]);
    const wide = renderAudit(report, "table", plain).split("\n");
    const narrow = renderAudit(report, "table", { ...plain, width: 100 }).split("\n");
    const widest = (lines: string[]) => Math.max(...lines.filter((l) => l.startsWith("│")).map((l) => l.length));
    expect(widest(narrow)).toBeLessThanOrEqual(100);
    expect(widest(wide)).toBeGreaterThan(100);
  });

  it("lists every account with includeHumans", () => {
    const out = render("table", mixedReport(), { ...plain, includeHumans: true });
    expect(out).toContain("Deploy SA");
    expect(out).toContain("Slack");
  });

  it("has a distinct empty state that still counts the accounts checked", () => {
    const out = render("table", makeReport([], { extraAccounts: 42 }));
    expect(out).toContain("No bot accounts found. Checked 42 accounts.");
    expect(out).not.toContain("┌");
  });

  it("colours verdicts only when colour is on", () => {
    expect(render("table", mixedReport(), coloured)).toMatch(ANSI);
    expect(render("table", makeReport([], { extraAccounts: 3 }), plain)).not.toMatch(ANSI);
  });

  it("neutralises terminal escape sequences in directory data", () => {
    const out = render("table", makeReport([makeFinding({ name: "Evil\u001b]0;pwned\u0007\u001b[31mRed" })]));
    expect(out).not.toMatch(/[\u001b\u0007]/);
    expect(out).toContain("Evil\uFFFD]0;pwned\uFFFD\uFFFD[31mRed");
  });

  it("does not print warnings (the command logs them on stderr)", () => {
    const out = render("table", makeReport([makeFinding()], { warnings: ["allowlist entry for x expired"] }));
    expect(out).not.toContain("allowlist entry");
  });
});

describe("json", () => {
  it("is the report itself, versioned", () => {
    const report = mixedReport();
    const parsed = JSON.parse(render("json", report)) as Record<string, unknown>;
    expect(parsed).toEqual(report);
    expect(parsed.kind).toBe("bot2svc.audit");
    expect(parsed.version).toBe(1);
    expect(Object.keys(parsed)).toEqual(
      expect.arrayContaining(["org", "generatedAt", "referenceTime", "summary", "findings", "warnings"]),
    );
  });
});

describe("markdown mentions and links", () => {
  it("neutralises @mentions, bare URLs, www hosts and email autolinks from directory data", () => {
    const f = makeFinding({
      name: "Ping @octocat and @acme/security",
      email: "bot@acme.com",
      signals: [{ id: "x", weight: 1, evidence: "Calls https://hooks.example.com and www.example.org" }],
    });
    const out = render("markdown", makeReport([f]));
    expect(out).not.toMatch(/@(?!&#8203;)/);
    expect(out).not.toMatch(/https?:\/\//);
    expect(out).not.toMatch(/\bwww\./i);
    expect(out).toContain("@&#8203;octocat");
    expect(out).toContain("https:&#8203;//hooks.example.com");
  });
});

describe("csv", () => {
  it("has a header and one row per finding, every finding included", () => {
    const out = render("csv");
    expect(out.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual(["accountId", "name", "email", "verdict", "score", "confidence", "risk", "recommendation", "reasons"]);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toEqual([
      "acc-jenkins",
      "Jenkins CI",
      "jenkins@acme.com",
      "bot",
      "9.5",
      "high",
      "critical",
      "migrate-to-service-account",
      "API token `jenkins-prod` used 2026-10-31, last UI activity never | 720 logins at a fixed 60-minute cadence from 1 datacenter IP. | Name and mailbox look like a service (jenkins)",
    ]);
    expect(rows[5]![2]).toBe("");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    const f = makeFinding({ name: 'Build, "Nightly"\nBot', signals: [{ id: "x", weight: 1, evidence: "a,b" }] });
    const out = render("csv", makeReport([f]));
    expect(out).toContain('"Build, ""Nightly""\nBot"');
    expect(out).toContain('"a,b"');
    expect(parseCsv(out)[1]![1]).toBe('Build, "Nightly"\nBot');
  });

  it("defuses formula injection", () => {
    const f = makeFinding({
      name: "=HYPERLINK(\"http://evil\",\"x\")",
      email: "+1@acme.com",
      signals: [{ id: "x", weight: 1, evidence: "@SUM(A1)" }],
    });
    const row = parseCsv(render("csv", makeReport([f])))[1]!;
    expect(row[1]).toBe("'=HYPERLINK(\"http://evil\",\"x\")");
    expect(row[2]).toBe("'+1@acme.com");
    expect(row[8]).toBe("'@SUM(A1)");
    expect(textCell("-2+3")).toBe("'-2+3");
    expect(textCell("plain")).toBe("plain");
    // Negative scores are numbers, not text, and stay as they are.
    expect(parseCsv(render("csv", makeReport([makeFinding({ score: -1.5 })])))[1]![4]).toBe("-1.5");
  });

  it("is only a header when there are no findings", () => {
    expect(render("csv", makeReport([]))).toBe("accountId,name,email,verdict,score,confidence,risk,recommendation,reasons\r\n");
  });
});

describe("markdown", () => {
  it("has a heading, a counts table and a findings table", () => {
    const out = render("markdown");
    expect(out.startsWith("## bot2svc audit: Acme\n")).toBe(true);
    expect(out).toContain("| Bots | 1 |");
    expect(out).toContain("| **Accounts checked** | **25** |");
    expect(out).toContain("| Verdict | Score | Risk | Account | Recommendation | Top reasons |");
    expect(out).toMatch(/\| \*\*bot\*\* \| 9\.5 \| critical \| Jenkins CI \(admin\)<br>jenkins@&#8203;acme\.com \|/);
    expect(out).toContain("### Signals");
    expect(out).not.toContain("<details>");
  });

  it("escapes pipes, line breaks and markup in directory data", () => {
    const f = makeFinding({
      name: "a|b\nc <img src=x> [x](http://evil)",
      signals: [{ id: "x", weight: 1, evidence: "label `a|b`" }],
    });
    const out = render("markdown", makeReport([f]));
    const row = out.split("\n").find((l) => l.startsWith("| **bot**"))!;
    expect(row).toContain("a\\|b c &lt;img src=x&gt; \\[x\\](http:&#8203;//evil)");
    expect(row).toContain("label \\`a\\|b\\`");
    // Still exactly 6 cells: the escaped pipes do not split the row.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(out).not.toContain("<img");
  });

  it("has the empty state", () => {
    const out = render("markdown", makeReport([], { extraAccounts: 7 }));
    expect(out).toContain("**No bot accounts found. Checked 7 accounts.**");
    expect(out).not.toContain("### Findings");
  });

  it("folds the signals into <details> when there are many findings", () => {
    const many = Array.from({ length: 12 }, (_, i) => makeFinding({ accountId: `acc-${i}`, name: `Bot ${i}` }));
    const out = render("markdown", makeReport(many));
    expect(out).toContain("<details><summary>All signals (12 findings)</summary>");
    expect(out).toContain("</details>");
    expect(out).toContain("`channel-divergence` (+5)");
  });
});

describe("sarif", () => {
  it("is SARIF 2.1.0 with rules and one result per actionable finding", () => {
    const sarif = JSON.parse(render("sarif")) as {
      $schema: string;
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: { logicalLocations: { name: string; fullyQualifiedName: string }[] }[];
        }[];
      }[];
    };
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe("bot2svc");
    const ruleIds = run.tool.driver.rules.map((r) => r.id);
    // Each result is filed under the rule of the finding's strongest signal; the level is the verdict's.
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ["bot2svc/channel-divergence", "error"],
      [expect.stringMatching(/^bot2svc\/[a-z0-9-]+$/), "warning"],
      ["bot2svc/email-otp", "note"],
    ]);
    for (const r of run.results) expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
    // One rule per signal the detector has, used or not, each with help text of its own.
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    expect(ruleIds).toEqual(expect.arrayContaining([...RULE_IDS.map((id) => `bot2svc/${id}`), "bot2svc/listed", "bot2svc/script-in-use"]));
    expect(ruleIds.length).toBeGreaterThan(new Set(run.results.map((r) => r.ruleId)).size + 20);
    for (const rule of run.tool.driver.rules as unknown as { help: { text: string }; name: string }[]) {
      expect(rule.help.text.length).toBeGreaterThan(40);
      expect(rule.help.text).not.toMatch(/^The detection signal /);
      expect(rule.name).toMatch(/^[A-Z][A-Za-z]+$/);
    }
    const first = run.results[0]!;
    expect(first.locations[0]!.logicalLocations[0]).toMatchObject({ name: "acc-jenkins", fullyQualifiedName: "org-acme/acc-jenkins" });
    const located = first as unknown as {
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
    };
    expect(located.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: "atlassian/org-acme/accounts/acc-jenkins" }, region: { startLine: 1, startColumn: 1 } });
    expect(located.partialFingerprints["bot2svc/accountId/v1"]).toBe("org-acme/acc-jenkins");
    expect(located.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}$/);
    expect(first.message.text).toContain("Jenkins CI (jenkins@acme.com) is a user account used by automation");
    expect(first.message.text).toContain("Recommendation: migrate to a service account.");
    expect(first.message.text).not.toMatch(/\.[;.]/);
  });

  it("has no results when nothing needs attention", () => {
    const sarif = JSON.parse(render("sarif", makeReport([], { extraAccounts: 3 }))) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toEqual([]);
  });
});

describe("html", () => {
  it("is one self-contained page: inline style and script, nothing loaded from elsewhere", () => {
    const out = render("html");
    expect(out.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(out).toContain("<style>");
    expect(out).not.toMatch(/<link|\bsrc=|https?:\/\/|url\(/i);
    expect(out.match(/<script>/g)).toHaveLength(1);
    expect(out).toContain("default-src 'none'");
    expect(out).toContain('id="chart-verdicts"');
    expect(out).toContain('id="enable-2sv"');
    expect(out).toContain("<title>bot2svc audit: Acme</title>");
    expect(out).toContain("Found 1 bot, 1 likely bot among 25 accounts");
    expect(out).toContain("<code>channel-divergence</code> (+5)");
  });

  it("escapes every piece of directory data", () => {
    const f = makeFinding({
      name: `<script>alert("x")</script>`,
      email: `a'b"@acme.com`,
      signals: [{ id: "<b>", weight: 1, evidence: "x & <i>y</i>" }],
    });
    const out = render("html", makeReport([f], { org: { id: "o", name: "<Acme & Co>" } }));
    expect(out.match(/<script>/g)).toHaveLength(1);
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(out).toContain("a&#39;b&quot;@acme.com");
    expect(out).toContain("<code>&lt;b&gt;</code>");
    expect(out).toContain("x &amp; &lt;i&gt;y&lt;/i&gt;");
    expect(out).toContain("<title>bot2svc audit: &lt;Acme &amp; Co&gt;</title>");
  });

  it("has the empty state", () => {
    const out = render("html", makeReport([], { extraAccounts: 5 }));
    expect(out).toContain("No bot accounts found. Checked 5 accounts.");
    expect(out).not.toContain('<table id="findings">');
  });

  it("lists warnings", () => {
    const out = render("html", makeReport([makeFinding()], { warnings: ["allowlist entry for x expired"] }));
    expect(out).toContain('<section id="warnings">');
    expect(out).toContain("allowlist entry for x expired");
  });
});

describe("every format", () => {
  it.each(AUDIT_FORMATS)("%s ends with a newline and has no ANSI codes even with colour on", (format) => {
    const out = renderAudit(mixedReport(), format, format === "table" ? plain : coloured);
    expect(out.endsWith("\n")).toBe(true);
    expect(out).not.toMatch(ANSI);
  });
});
