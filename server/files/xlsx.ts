/**
 * Excel in and out (.xlsx, with exceljs). Officers' rosters come from many hands: numbers typed as numbers
 * (phones, 工号), dates typed as real Excel dates or as text. Everything is read back as the text a person sees, so
 * the rules in src/core decide what a cell means, not the spreadsheet's cell type.
 */
import type ExcelJS from 'exceljs';

/**
 * exceljs is loaded on the first import or export, not when the function starts: it is the largest part of every
 * bundle that has Excel in it, and evaluating it cost each cold instance about a second of CPU on calls (a sign-up,
 * a look at a case) that never touch a sheet.
 */
let loaded: Promise<typeof ExcelJS> | undefined;
function excel(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJS }).default ?? m);
  return loaded;
}
import { shanghaiDateKey } from '../../src/core/time';
import { AppError } from '../../src/core/errors';

export interface SheetRows {
  header: string[];
  /** Data rows with the row number a person sees in Excel (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

/** Excel stores a date as a local wall-clock time without zone; exceljs hands it back as that time in UTC. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result);
    if ('error' in value) return '';
  }
  return '';
}

export const MAX_ROWS = 20_000;

/** The first worksheet of an .xlsx file. A file that is not an .xlsx is refused in Chinese, never a crash. */
export async function readFirstSheet(buffer: Buffer): Promise<SheetRows> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', '无法读取文件：请上传 Excel（.xlsx）格式的文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new AppError('VALIDATION_FAILED', '文件中没有工作表或内容为空');
  if (sheet.rowCount > MAX_ROWS + 1) throw new AppError('VALIDATION_FAILED', `一次最多导入 ${MAX_ROWS} 行，请拆分文件`);
  const width = sheet.columnCount;
  const read = (r: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(r.getCell(i + 1).value));
  const header = read(sheet.getRow(1));
  const rows: SheetRows['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) rows.push({ row: rowNumber, cells: read(row) });
  });
  return { header, rows };
}

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

export interface SheetDef<T> {
  name: string;
  columns: Column<T>[];
  rows: T[];
  /** A line under the table (e.g. how to fill the template, or that the totals reconcile). */
  note?: string;
}

/** Sheets of different row types go into one workbook: each is checked against its own row type here. */
export interface Sheet {
  name: string;
  headers: { header: string; width: number }[];
  cells: (string | number | null)[][];
  note?: string;
}

export function sheet<T>(def: SheetDef<T>): Sheet {
  return {
    name: def.name,
    headers: def.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) })),
    cells: def.rows.map((row) => def.columns.map((c) => c.value(row))),
    note: def.note,
  };
}

/** Sheets with a bold frozen header; numbers stay numbers (amounts in yuan), everything else is text. */
export async function buildWorkbook(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = '工会会员服务';
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.headers.map((h) => ({ header: h.header, width: h.width }));
    ws.getRow(1).font = { bold: true };
    for (const row of s.cells) ws.addRow(row);
    if (s.note) {
      ws.addRow([]);
      ws.addRow([s.note]).font = { italic: true, color: { argb: 'FF666666' } };
    }
  }
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out);
}

/** Dates in exports are Shanghai calendar days. */
export function excelDate(date: Date | null | undefined): string {
  return date ? shanghaiDateKey(date) : '';
}
