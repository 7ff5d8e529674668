import type { ChalkInstance } from "chalk";
import type { AuditReport, Finding, Recommendation, Risk, Verdict } from "../../core/detect/types.js";
import { fitColumns, renderTable, squeezeColumns, terminalSafe, truncateText, visibleWidth, wrapText, type ColumnAlign, type ColumnFit } from "../../ui/table.js";
import {
  EMPTY_STATE,
  VERDICT_LABEL,
  baselineNote,
  displayTime,
  rankedReasons,
  summarySentence,
  topReasons,
  visibleFindings,
  type RenderOptions,
} from "./render-common.js";

/** Widest reason line; narrower when the terminal is narrow, but never below `MIN_REASON_WIDTH`. */
export const REASON_WIDTH = 60;
const MIN_REASON_WIDTH = 24;
const NAME_WIDTH = 36;
const MIN_ACCOUNT_WIDTH = 20;
// Below this the account column is cut further rather than hiding it: it is what a row is about.
const LAST_RESORT_ACCOUNT_WIDTH = 8;
const REASONS_PER_ROW = 2;
const LINES_PER_REASON = 2;

/** The columns `--columns` may name, in their display order. */
export const AUDIT_TABLE_COLUMNS = ["change", "verdict", "score", "risk", "confidence", "account", "id", "recommendation", "reasons"] as const;
export type AuditTableColumn = (typeof AUDIT_TABLE_COLUMNS)[number];
/** What the table shows unless `--columns` says otherwise (`change` is added with `--baseline`). */
export const DEFAULT_AUDIT_TABLE_COLUMNS: readonly AuditTableColumn[] = ["verdict", "score", "risk", "account", "recommendation", "reasons"];

// Short forms keep the table within a common terminal width; the other formats spell them out.
const RECOMMENDATION_SHORT: Record<Recommendation, string> = {
  "migrate-to-service-account": "migrate",
  review: "review",
  "enable-2sv": "enable 2SV",
  none: "none",
};

/** How one column reads a finding. `width` is the column's content width once the table is fitted. */
interface ColumnDef {
  header: string;
  align?: ColumnAlign;
  flexible: boolean;
  min: number;
  /** Lines of the cell, coloured; `width` is undefined with `--wide` (nothing is cut). */
  cell(f: Finding, c: ChalkInstance, width: number | undefined, layout: Layout): string[];
  /** The widest the column wants to be. */
  natural(findings: readonly Finding[], layout: Layout): number;
}

interface Layout {
  columns: AuditTableColumn[];
  /** Risk printed under the verdict instead of in its own column. */
  riskUnderVerdict: boolean;
  wide: boolean;
  change: ReadonlyMap<string, string>;
}

const widest = (lines: readonly string[]) => Math.max(0, ...lines.map(visibleWidth));

const COLUMN_DEFS: Record<AuditTableColumn, ColumnDef> = {
  change: {
    header: "Change",
    flexible: false,
    min: 6,
    cell: (f, c, _w, layout) => [changeCell(layout.change.get(f.accountId) ?? "", c)],
    natural: (findings, layout) => widest(["Change", ...findings.map((f) => layout.change.get(f.accountId) ?? "")]),
  },
  verdict: {
    header: "Verdict",
    flexible: false,
    min: 7,
    cell: (f, c, _w, layout) => [verdictCell(f.verdict, c), ...(layout.riskUnderVerdict ? [riskCell(f.risk, c, `${f.risk} risk`)] : [])],
    natural: (findings, layout) =>
      widest(["Verdict", ...findings.map((f) => VERDICT_LABEL[f.verdict]), ...(layout.riskUnderVerdict ? findings.map((f) => `${f.risk} risk`) : [])]),
  },
  score: {
    header: "Score",
    align: "right",
    flexible: false,
    min: 5,
    cell: (f) => [f.score.toFixed(1)],
    natural: (findings) => widest(["Score", ...findings.map((f) => f.score.toFixed(1))]),
  },
  risk: {
    header: "Risk",
    flexible: false,
    min: 4,
    cell: (f, c) => [riskCell(f.risk, c, f.risk)],
    natural: (findings) => widest(["Risk", ...findings.map((f) => f.risk)]),
  },
  confidence: {
    header: "Confidence",
    flexible: false,
    min: 10,
    cell: (f) => [f.confidence],
    natural: () => "Confidence".length,
  },
  account: {
    header: "Account",
    flexible: true,
    min: MIN_ACCOUNT_WIDTH,
    cell: (f, c, width) => {
      const admin = f.isAdmin ? " (admin)" : "";
      const cut = (text: string, room: number | undefined) => (room === undefined ? text : truncateText(text, Math.max(1, room)));
      const name = cut(terminalSafe(f.name || f.accountId), width === undefined ? undefined : width - admin.length);
      return [`${name}${admin === "" ? "" : ` ${c.magenta("(admin)")}`}`, c.dim(cut(terminalSafe(f.email ?? f.accountId), width))];
    },
    natural: (findings, layout) =>
      Math.min(
        layout.wide ? Number.POSITIVE_INFINITY : NAME_WIDTH + 8,
        widest(["Account", ...findings.flatMap((f) => [`${f.name || f.accountId}${f.isAdmin ? " (admin)" : ""}`, f.email ?? f.accountId])]),
      ),
  },
  // An id is something people copy: it is never cut; names and reasons give up the width instead.
  id: {
    header: "Account id",
    flexible: false,
    min: 12,
    cell: (f) => [terminalSafe(f.accountId)],
    natural: (findings) => widest(["Account id", ...findings.map((f) => f.accountId)]),
  },
  recommendation: {
    header: "Action",
    flexible: false,
    min: 6,
    cell: (f, c) => [f.recommendation === "none" ? c.dim("none") : RECOMMENDATION_SHORT[f.recommendation]],
    natural: (findings) => widest(["Action", ...findings.map((f) => RECOMMENDATION_SHORT[f.recommendation])]),
  },
  reasons: {
    header: "Top reasons",
    flexible: true,
    min: MIN_REASON_WIDTH,
    cell: (f, c, width, layout) => {
      const reasons = layout.wide ? rankedReasons(f) : topReasons(f, REASONS_PER_ROW);
      if (reasons.length === 0) return [c.dim("no signals")];
      // Two characters go to the bullet and its indent.
      const room = (width ?? REASON_WIDTH + 2) - 2;
      return reasons.flatMap((r) =>
        wrapText(terminalSafe(r), room, layout.wide ? Number.POSITIVE_INFINITY : room < REASON_WIDTH / 2 ? LINES_PER_REASON + 1 : LINES_PER_REASON).map((line, i) => `${i === 0 ? "•" : " "} ${line}`),
      );
    },
    natural: (findings) => Math.min(REASON_WIDTH + 2, widest(["Top reasons", ...findings.flatMap((f) => topReasons(f, REASONS_PER_ROW).map((r) => `• ${r}`))])),
  },
};

/**
 * The terminal view: a header naming the org and reference time, one row per finding that needs
 * attention, and a counted summary (or the empty state). Warnings are not part of it; the
 * command logs them on stderr.
 *
 * The table fits `options.width`: reasons and account names are wrapped and cut first; if that
 * is not enough the score column goes, the risk moves under the verdict, and finally the reasons
 * go, so that verdict, account and recommendation stay readable on a narrow terminal. `wide`
 * shows every column and every reason uncut.
 */
export function renderAuditTable(report: AuditReport, options: RenderOptions): string {
  const c = options.colors;
  const lines: string[] = [];
  const width = options.wide === true ? undefined : options.width;
  // Prose is wrapped to the width too; only the table's own lines are measured against it.
  const prose = (text: string, style: (s: string) => string = (s) => s) =>
    (width === undefined ? [text] : wrapText(text, width, Number.POSITIVE_INFINITY)).map((line) => style(line));
  const title = `Audit of ${terminalSafe(report.org.name || report.org.id)}`;
  const meta = `(org ${terminalSafe(report.org.id)}, as of ${displayTime(report.referenceTime)})`;
  if (width === undefined || title.length + 1 + meta.length <= width) lines.push(`${c.bold(title)} ${c.dim(meta)}`);
  else lines.push(...prose(title, c.bold), ...prose(meta, c.dim));
  lines.push("");
  const findings = visibleFindings(report, options.includeHumans);
  const change = new Map((options.baseline?.changes ?? []).map((ch) => [ch.accountId, ch.status]));
  if (findings.length > 0) {
    const requested = [...(options.columns ?? [...(options.baseline ? (["change"] as const) : []), ...DEFAULT_AUDIT_TABLE_COLUMNS])];
    const { layout, widths, hidden } = chooseLayout(findings, requested, width, options.wide === true, change);
    const defs = layout.columns.map((k) => COLUMN_DEFS[k]);
    lines.push(
      renderTable({
        head: defs.map((d) => d.header),
        rows: findings.map((f) => defs.map((d, i) => d.cell(f, c, widths?.[i], layout).join("\n"))),
        colors: c,
        align: defs.map((d) => d.align ?? "left"),
        ...(widths ? { widths } : {}),
      }),
    );
    if (hidden.length > 0) {
      lines.push(...prose(`${hidden.join(" and ")} hidden to fit ${options.width} columns; --wide shows everything.`, c.dim));
    }
    lines.push("");
  }
  const note = options.baseline ? baselineNote(options.baseline) : undefined;
  if (note !== undefined) lines.push(...prose(note));
  const summary = summarySentence(report.summary);
  const noBots = report.summary.bot + report.summary.likelyBot === 0;
  lines.push(...prose(summary, noBots ? (s) => s.replace(EMPTY_STATE, c.green(EMPTY_STATE)) : c.bold));
  return `${lines.join("\n")}\n`;
}

/**
 * Picks the columns and their widths for a terminal `width` (undefined: no limit). Each step
 * gives up something less important than the last, until the table fits.
 */
function chooseLayout(
  findings: readonly Finding[],
  requested: AuditTableColumn[],
  width: number | undefined,
  wide: boolean,
  change: ReadonlyMap<string, string>,
): { layout: Layout; widths: number[] | undefined; hidden: string[] } {
  const base: Layout = { columns: requested, riskUnderVerdict: false, wide, change };
  if (width === undefined) return { layout: base, widths: undefined, hidden: [] };
  const without = (layout: Layout, column: AuditTableColumn): Layout => ({ ...layout, columns: layout.columns.filter((k) => k !== column) });
  const steps: { layout: Layout; hidden: string[] }[] = [{ layout: base, hidden: [] }];
  let current = base;
  const hidden: string[] = [];
  if (current.columns.includes("score")) {
    current = without(current, "score");
    hidden.push("Score");
    steps.push({ layout: current, hidden: [...hidden] });
  }
  if (current.columns.includes("risk") && current.columns.includes("verdict")) {
    current = { ...without(current, "risk"), riskUnderVerdict: true };
    steps.push({ layout: current, hidden: [...hidden] });
  }
  if (current.columns.includes("reasons")) {
    current = without(current, "reasons");
    hidden.push("Reasons");
    steps.push({ layout: current, hidden: [...hidden] });
  }
  for (const step of steps) {
    const widths = fitColumns(fits(findings, step.layout), width);
    if (widths) return { layout: step.layout, widths, hidden: step.hidden };
  }
  // Nothing fits at the minimum widths: cut the flexible columns further, down to a last resort.
  const last = steps[steps.length - 1]!;
  return { layout: last.layout, widths: squeezeColumns(fits(findings, last.layout), width, LAST_RESORT_ACCOUNT_WIDTH), hidden: last.hidden };
}

function fits(findings: readonly Finding[], layout: Layout): ColumnFit[] {
  return layout.columns.map((k) => {
    const def = COLUMN_DEFS[k];
    const natural = def.natural(findings, layout);
    // Even as a last resort the id stays whole: a table a little too wide beats an id that cannot be copied.
    return { natural, min: k === "id" ? natural : Math.min(def.min, natural), flexible: def.flexible };
  });
}

function changeCell(status: string, c: ChalkInstance): string {
  if (status === "new") return c.red.bold("new");
  if (status === "changed") return c.yellow("changed");
  return c.dim(status);
}

function verdictCell(verdict: Verdict, c: ChalkInstance): string {
  const label = VERDICT_LABEL[verdict];
  switch (verdict) {
    case "bot":
      return c.red.bold(label);
    case "likely-bot":
      return c.yellow(label);
    case "human":
      return c.cyan(label);
    default:
      return c.green(label);
  }
}

function riskCell(risk: Risk, c: ChalkInstance, text: string): string {
  switch (risk) {
    case "critical":
      return c.red.bold(text);
    case "high":
      return c.red(text);
    case "medium":
      return c.yellow(text);
    default:
      return c.dim(text);
  }
}
