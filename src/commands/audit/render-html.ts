import type { AuditReport, Finding } from "../../core/detect/types.js";
import type { BaselineStatus } from "./baseline.js";
import {
  RECOMMENDATION_LABEL,
  VERDICT_LABEL,
  baselineNote,
  displayTime,
  formatWeight,
  listedReason,
  rankedSignals,
  summarySentence,
  visibleFindings,
  type RenderOptions,
} from "./render-common.js";

/** How many signals the "most common signals" chart shows. */
export const HTML_TOP_SIGNALS = 8;

// Inline so that the page is one file that can be mailed or attached to a ticket; no external
// fonts, images or scripts, so it renders the same offline.
const STYLE = `
:root { color-scheme: light dark; --muted: #667085; --line: #d0d5dd; --bar: #d92d20; --bar2: #b54708; --bar3: #175cd3; --ok: #067647; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; }
.meta { color: var(--muted); margin-top: 0; }
.summary { font-weight: 600; }
.counts { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
.counts b { display: block; font-size: 1.4rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5rem; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; margin-bottom: .4rem; }
.bar { display: grid; grid-template-columns: 10rem 1fr 3rem; align-items: center; gap: .5rem; margin: .2rem 0; }
.bar span.track { background: color-mix(in srgb, var(--line) 40%, transparent); border-radius: 3px; height: .9rem; }
.bar span.fill { display: block; height: 100%; border-radius: 3px; background: var(--bar); }
.bar .n { text-align: right; font-variant-numeric: tabular-nums; }
.fill.v-likely-bot { background: var(--bar2); } .fill.v-human { background: var(--bar3); } .fill.v-service-account, .fill.v-app { background: var(--ok); }
.fill.sig { background: var(--bar3); }
.controls { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: .75rem 0; }
.controls input, .controls select { font: inherit; padding: .3rem .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: Canvas; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.v { font-weight: 600; white-space: nowrap; }
.v-bot { color: #d92d20; } .v-likely-bot { color: #b54708; } .v-human { color: #175cd3; }
.v-service-account, .v-app { color: var(--ok); }
.r-critical, .r-high { color: #d92d20; } .r-medium { color: #b54708; }
.c-new { color: #d92d20; font-weight: 600; }
.email, .id { color: var(--muted); }
.admin { font-size: .8em; border: 1px solid currentColor; border-radius: 4px; padding: 0 .3em; margin-left: .3em; }
ul.signals { margin: 0; padding-left: 1.1rem; }
code { font-size: .9em; }
.empty { font-size: 1.2rem; color: var(--ok); font-weight: 600; }
.warnings li { color: #b54708; }
tr:target { outline: 2px solid #175cd3; }
@media (max-width: 40rem) {
  body { margin: 1rem auto; }
  .bar { grid-template-columns: 7rem 1fr 2.5rem; }
  thead { display: none; }
  table, tbody, tr, td { display: block; width: 100%; }
  tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: .75rem; }
  td { border: 0; padding: .25rem .6rem; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
}
@media print {
  .controls, th button::after { display: none; }
  th { position: static; }
  tr { break-inside: avoid; }
  body { max-width: none; }
}
`;

// Sorting and filtering for the findings table. It reads data- attributes only and never
// builds HTML from them, so directory data cannot become markup.
const SCRIPT = `
(() => {
  const table = document.getElementById("findings");
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const search = document.getElementById("filter-text");
  const verdict = document.getElementById("filter-verdict");
  const count = document.getElementById("shown");
  const apply = () => {
    const text = search.value.trim().toLowerCase();
    const v = verdict.value;
    let shown = 0;
    for (const row of rows) {
      const ok = (v === "" || row.dataset.verdict === v) && (text === "" || row.textContent.toLowerCase().includes(text));
      row.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = String(shown);
  };
  search.addEventListener("input", apply);
  verdict.addEventListener("change", apply);
  for (const th of table.tHead.rows[0].cells) {
    const button = th.querySelector("button");
    if (!button) continue;
    button.addEventListener("click", () => {
      const key = th.dataset.key;
      const numeric = th.dataset.type === "number";
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const value = (row) => (numeric ? Number(row.dataset[key]) : row.dataset[key] || "");
      rows.sort((a, b) => {
        const x = value(a), y = value(b);
        const order = numeric ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      for (const row of rows) body.appendChild(row);
    });
  }
  apply();
})();
`;

// Sort keys for the verdict and risk columns: most urgent first when sorted descending.
const VERDICT_RANK: Record<string, number> = { bot: 5, "likely-bot": 4, human: 3, "service-account": 2, app: 1 };
const RISK_RANK: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/**
 * A self-contained HTML page: summary, charts of verdicts and of the most common signals, a
 * sortable and filterable findings table with an anchor per account, the people who should
 * enable two-step verification, warnings, and the org and reference time. Inline CSS and one
 * inline script; every piece of directory data is escaped. Readable printed and on a phone.
 */
export function renderAuditHtml(report: AuditReport, options: RenderOptions): string {
  const s = report.summary;
  const title = `bot2svc audit: ${report.org.name || report.org.id}`;
  const findings = visibleFindings(report, options.includeHumans);
  const noBots = s.bot + s.likelyBot === 0;
  const change = new Map<string, BaselineStatus>((options.baseline?.changes ?? []).map((c) => [c.accountId, c.status]));
  const counts: [string, number][] = [
    ["Bots", s.bot],
    ["Likely bots", s.likelyBot],
    ["Enable 2SV", s.enable2sv],
    ["Humans", s.human],
    ["Service accounts", s.serviceAccount],
    ["Apps", s.app],
    ["Accounts checked", s.accounts],
  ];
  const body = [
    "<header>",
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">Organization <code>${esc(report.org.id)}</code> · activity judged as of <time datetime="${esc(report.referenceTime)}">${esc(displayTime(report.referenceTime))}</time> · generated <time datetime="${esc(report.generatedAt)}">${esc(displayTime(report.generatedAt))}</time></p>`,
    `<p class="${noBots ? "summary empty" : "summary"}">${esc(summarySentence(s))}</p>`,
    ...(options.baseline ? [`<p class="baseline">${esc(baselineNote(options.baseline))}</p>`] : []),
    `<ul class="counts">${counts.map(([label, n]) => `<li><b>${n}</b>${esc(label)}</li>`).join("")}</ul>`,
    "</header>",
    charts(report),
  ];
  if (findings.length > 0) {
    const verdicts = [...new Set(findings.map((f) => f.verdict))];
    body.push(
      '<section id="findings-section">',
      "<h2>Findings</h2>",
      '<div class="controls">',
      '<label>Filter <input id="filter-text" type="search" placeholder="name, email, signal…"></label>',
      `<label>Verdict <select id="filter-verdict"><option value="">all</option>${verdicts.map((v) => `<option value="${esc(v)}">${esc(VERDICT_LABEL[v])}</option>`).join("")}</select></label>`,
      `<span><span id="shown">${findings.length}</span> of ${findings.length} shown</span>`,
      "</div>",
      '<table id="findings">',
      `<thead><tr>${options.baseline ? sortable("Change", "change", "text") : ""}${sortable("Verdict", "verdictRank", "number")}${sortable("Score", "score", "number")}${sortable("Risk", "risk", "number")}${sortable("Account", "name", "text")}<th>Recommendation</th><th>Signals</th></tr></thead>`,
      "<tbody>",
      ...findings.map((f) => row(f, options.baseline ? (change.get(f.accountId) ?? "") : undefined)),
      "</tbody>",
      "</table>",
      "</section>",
    );
  }
  const resolved = options.baseline?.changes.filter((c) => c.status === "resolved") ?? [];
  if (resolved.length > 0) {
    body.push(
      '<section id="resolved">',
      "<h2>Resolved since the baseline</h2>",
      `<ul>${resolved.map((c) => `<li>${esc(c.name || c.accountId)} <span class="email">${esc(c.email ?? c.accountId)}</span></li>`).join("")}</ul>`,
      "</section>",
    );
  }
  const twoStep = report.findings.filter((f) => f.recommendation === "enable-2sv");
  if (twoStep.length > 0) {
    body.push(
      '<section id="enable-2sv">',
      "<h2>People who should enable two-step verification</h2>",
      "<p>They get email one-time passcodes at login; two-step verification (passkey, authenticator app or SMS) replaces them.</p>",
      `<ul>${twoStep.map((f) => `<li><a href="#${esc(anchor(f))}">${esc(f.name || f.accountId)}</a> <span class="email">${esc(f.email ?? f.accountId)}</span></li>`).join("")}</ul>`,
      "</section>",
    );
  }
  if (report.warnings.length > 0) {
    body.push('<section id="warnings">', "<h2>Warnings</h2>", `<ul class="warnings">${report.warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul>`, "</section>");
  }
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network: the page may run its own inline script and style, nothing else.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    ...body,
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function sortable(label: string, key: string, type: "number" | "text"): string {
  return `<th data-key="${key}" data-type="${type}"><button type="button">${esc(label)}</button></th>`;
}

function charts(report: AuditReport): string {
  const s = report.summary;
  const verdicts: [string, string, number][] = [
    ["bot", "Bots", s.bot],
    ["likely-bot", "Likely bots", s.likelyBot],
    ["human", "Humans", s.human],
    ["service-account", "Service accounts", s.serviceAccount],
    ["app", "Apps", s.app],
  ];
  const signalCounts = new Map<string, number>();
  for (const f of report.findings) {
    if (f.verdict !== "bot" && f.verdict !== "likely-bot") continue;
    for (const id of new Set(f.signals.filter((sig) => sig.weight > 0).map((sig) => sig.id))) signalCounts.set(id, (signalCounts.get(id) ?? 0) + 1);
  }
  const signals = [...signalCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, HTML_TOP_SIGNALS);
  const bars = (items: [string, string, number, string][], max: number) =>
    items
      .map(
        ([key, label, n, cls]) =>
          `<div class="bar" data-key="${esc(key)}"><span>${esc(label)}</span><span class="track"><span class="fill ${cls}" style="width:${max === 0 ? 0 : ((100 * n) / max).toFixed(1)}%"></span></span><span class="n">${n}</span></div>`,
      )
      .join("");
  const verdictMax = Math.max(0, ...verdicts.map((v) => v[2]));
  const signalMax = Math.max(0, ...signals.map((x) => x[1]));
  return [
    '<section class="charts" aria-label="Charts">',
    `<figure class="chart" id="chart-verdicts"><figcaption>Accounts by verdict</figcaption>${bars(
      verdicts.map(([v, label, n]) => [v, label, n, `v-${v}`]),
      verdictMax,
    )}</figure>`,
    `<figure class="chart" id="chart-signals"><figcaption>Most common signals among bots and likely bots</figcaption>${
      signals.length === 0 ? "<p>None.</p>" : bars(signals.map(([id, n]) => [id, id, n, "sig"]), signalMax)
    }</figure>`,
    "</section>",
  ].join("\n");
}

function anchor(f: Finding): string {
  return `account-${f.accountId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function row(f: Finding, change: string | undefined): string {
  const signals = [
    ...(f.listed ? [`<li>${esc(listedReason(f.listed))}</li>`] : []),
    ...rankedSignals(f).map((sig) => `<li><code>${esc(sig.id)}</code> (${esc(formatWeight(sig.weight))}): ${esc(sig.evidence)}</li>`),
  ];
  const account =
    `<a href="#${esc(anchor(f))}">${esc(f.name || f.accountId)}</a>${f.isAdmin ? '<span class="admin">admin</span>' : ""}` +
    `<br><span class="email">${esc(f.email ?? "")}</span>` +
    `<br><span class="id">${esc(f.accountId)}</span>`;
  const data =
    `data-verdict="${esc(f.verdict)}" data-score="${f.score}" data-risk="${RISK_RANK[f.risk] ?? 0}" data-name="${esc((f.name || f.accountId).toLowerCase())}"` +
    ` data-change="${esc(change ?? "")}" data-verdict-rank="${VERDICT_RANK[f.verdict] ?? 0}"`;
  return (
    `<tr id="${esc(anchor(f))}" ${data}>` +
    (change === undefined ? "" : `<td class="c-${esc(change)}" data-label="Change">${esc(change)}</td>`) +
    `<td class="v v-${esc(f.verdict)}" data-label="Verdict">${esc(VERDICT_LABEL[f.verdict])}</td>` +
    `<td class="num" data-label="Score">${esc(f.score.toFixed(1))}</td>` +
    `<td class="r-${esc(f.risk)}" data-label="Risk">${esc(f.risk)}</td>` +
    `<td data-label="Account">${account}</td>` +
    `<td data-label="Recommendation">${esc(RECOMMENDATION_LABEL[f.recommendation])}</td>` +
    `<td data-label="Signals">${signals.length > 0 ? `<ul class="signals">${signals.join("")}</ul>` : "no signals"}</td></tr>`
  );
}

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
