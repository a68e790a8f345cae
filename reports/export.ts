import type { Cell, ReportTable } from './tables.js';

/**
 * CSV and XLSX of the reports. A text cell that a spreadsheet would read as a formula (starting
 * with = + - @, or a tab or carriage return) is prefixed with an apostrophe (OWASP's CSV injection
 * advice): a service or queue name comes from content a council edits.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet; numbers are left as they are. */
export function guardCell(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

function csvField(value: Cell): string {
  const v = guardCell(value);
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One table as CSV (RFC 4180, CRLF), with a byte-order mark so Excel reads it as UTF-8. */
export function tableToCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => csvField(c.label)), ...table.rows.map((r) => table.columns.map((c) => csvField(r[c.key] ?? null)))];
  return '\ufeff' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\ */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Report';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** Every table as a sheet of one workbook: a heading row, numbers as numbers, percentages and seconds with one decimal. */
export async function tablesToXlsx(tables: ReportTable[], meta: { title: string; council: string }): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs is the heaviest import of the server (about half a
  // second), and most processes never export a report.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Council assistant';
  workbook.title = meta.title;
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, used));
    sheet.columns = table.columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(12, Math.min(40, c.label.length + 2)), style: c.kind === 'percent' || c.kind === 'seconds' ? { numFmt: '0.0' } : {} }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, guardCell(row[c.key] ?? null)])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file name safe in a Content-Disposition header: letters, digits, dashes and dots. */
export function fileName(...parts: string[]): string {
  return parts
    .join('-')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-+/g, '-');
}
