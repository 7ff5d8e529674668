import type { AuditReport, Finding } from "../../core/detect/types.js";
import {
  RECOMMENDATION_LABEL,
  VERDICT_LABEL,
  displayTime,
  formatWeight,
  listedReason,
  rankedSignals,
  summarySentence,
  visibleFindings,
  type RenderOptions,
} from "./render-common.js";

// Inline so that the page is one file that can be mailed or attached to a ticket; no scripts,
// no external fonts or images, so it renders the same offline.
const STYLE = `
:root { color-scheme: light dark; --muted: #667085; --line: #d0d5dd; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
.meta { color: var(--muted); margin-top: 0; }
.summary { font-weight: 600; }
.counts { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
.counts b { display: block; font-size: 1.4rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: Canvas; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.v { font-weight: 600; white-space: nowrap; }
.v-bot { color: #d92d20; } .v-likely-bot { color: #b54708; } .v-human { color: #175cd3; }
.v-service-account, .v-app { color: #067647; }
.r-critical, .r-high { color: #d92d20; } .r-medium { color: #b54708; }
.email, .id { color: var(--muted); }
.admin { font-size: .8em; border: 1px solid currentColor; border-radius: 4px; padding: 0 .3em; margin-left: .3em; }
ul.signals { margin: 0; padding-left: 1.1rem; }
code { font-size: .9em; }
.empty { font-size: 1.2rem; color: #067647; font-weight: 600; }
`;

/** A self-contained HTML page: inline CSS, no scripts, every piece of text escaped. */
export function renderAuditHtml(report: AuditReport, options: RenderOptions): string {
  const s = report.summary;
  const title = `bot2svc audit: ${report.org.name || report.org.id}`;
  const findings = visibleFindings(report, options.includeHumans);
  const noBots = s.bot + s.likelyBot === 0;
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
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">Organization <code>${esc(report.org.id)}</code> · activity judged as of ${esc(displayTime(report.referenceTime))} · generated ${esc(displayTime(report.generatedAt))}</p>`,
    `<p class="${noBots ? "summary empty" : "summary"}">${esc(summarySentence(s))}</p>`,
    `<ul class="counts">${counts.map(([label, n]) => `<li><b>${n}</b>${esc(label)}</li>`).join("")}</ul>`,
  ];
  if (findings.length > 0) {
    body.push(
      "<table>",
      "<thead><tr><th>Verdict</th><th>Score</th><th>Risk</th><th>Account</th><th>Recommendation</th><th>Signals</th></tr></thead>",
      "<tbody>",
      ...findings.map(row),
      "</tbody>",
      "</table>",
    );
  }
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function row(f: Finding): string {
  const signals = [
    ...(f.listed ? [`<li>${esc(listedReason(f.listed))}</li>`] : []),
    ...rankedSignals(f).map((sig) => `<li><code>${esc(sig.id)}</code> (${esc(formatWeight(sig.weight))}): ${esc(sig.evidence)}</li>`),
  ];
  const account =
    `${esc(f.name || f.accountId)}${f.isAdmin ? '<span class="admin">admin</span>' : ""}` +
    `<br><span class="email">${esc(f.email ?? "")}</span>` +
    `<br><span class="id">${esc(f.accountId)}</span>`;
  return (
    `<tr><td class="v v-${esc(f.verdict)}">${esc(VERDICT_LABEL[f.verdict])}</td>` +
    `<td class="num">${esc(f.score.toFixed(1))}</td>` +
    `<td class="r-${esc(f.risk)}">${esc(f.risk)}</td>` +
    `<td>${account}</td>` +
    `<td>${esc(RECOMMENDATION_LABEL[f.recommendation])}</td>` +
    `<td>${signals.length > 0 ? `<ul class="signals">${signals.join("")}</ul>` : "no signals"}</td></tr>`
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
