/** Reading back an exported workbook in a test: what an officer sees when they open the file. */
import ExcelJS from 'exceljs';

/** Every sheet of the file at `url`: its rows as the text of their cells. */
export async function workbookAt(url: string): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await fetch(url)).arrayBuffer());
  const out: Record<string, string[][]> = {};
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      rows.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).text));
    });
    out[ws.name] = rows;
  });
  return out;
}
