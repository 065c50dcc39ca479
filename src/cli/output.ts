// Printing records as a table, JSON or CSV. Tables are unstyled so output is the same on and off
// a terminal (cli-table3 colours headers by default).
import Table from "cli-table3";

export type OutputFormat = "table" | "json" | "csv";

export function renderTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const table = new Table({ head: [...headers], style: { head: [], border: [] }, wordWrap: true });
  for (const row of rows) table.push(row.map((cell) => (cell === null || cell === undefined ? "" : String(cell))));
  return table.toString();
}

/** One CSV cell (RFC 4180). Cells that a spreadsheet would run as a formula are prefixed with '. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = Array.isArray(value) ? value.join("; ") : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [headers.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))].join("\n") + "\n";
}
