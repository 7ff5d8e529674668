// Plain-text table for benchmark rows: metric | value | target | result.

/** @param {{ metric: string, value: string | number, unit?: string, target?: string, ok?: boolean }[]} rows */
export function formatTable(rows) {
  const cells = rows.map((r) => [
    r.metric,
    `${typeof r.value === "number" ? formatNumber(r.value) : r.value}${r.unit ? ` ${r.unit}` : ""}`,
    r.target ?? "",
    r.ok === undefined ? "" : r.ok ? "ok" : "MISSED",
  ]);
  const head = ["metric", "value", "target", "result"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => (i === 1 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

function formatNumber(n) {
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  return n.toLocaleString("en-US", { minimumFractionDigits: n < 10 ? 2 : 0, maximumFractionDigits: n < 10 ? 2 : 0 });
}
