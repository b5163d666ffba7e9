// The RAB (rencana anggaran biaya) as an Excel workbook. Every amount is a live formula so the
// reader can change a volume or price and see the totals follow; the formula for a line's
// Jumlah mirrors the domain's one line-amount function (ROUND half away from zero, which equals
// half-up for the non-negative amounts a RAB holds), and tests recalculate the file with
// LibreOffice and compare against the domain.
import ExcelJS from "exceljs";
import type { Plan } from "../../domain/plan/schema.js";
import { terbilangRupiah, TERBILANG_MAX } from "../../domain/format/indonesian.js";
import { literalText } from "../literal-text.js";
import { groupBudgetByActivity, type BudgetGroup } from "./groups.js";

/** Excel shows Rupiah; the [$-421] locale (Indonesian) makes LibreOffice group with "." as Indonesia does. */
export const RUPIAH_FORMAT = '[$Rp-421] #,##0';

export const RAB_COLUMNS = [
  { header: "No", width: 6 },
  { header: "Kode Rekening", width: 20 },
  { header: "Uraian", width: 48 },
  { header: "Volume", width: 10 },
  { header: "Satuan", width: 12 },
  { header: "Harga Satuan", width: 18 },
  { header: "Pajak (%)", width: 9 },
  { header: "Jumlah", width: 20 },
  { header: "Sumber Dana", width: 18 },
] as const;

/** Excel keeps at most 32,767 characters per cell; longer text is cut visibly rather than refused. */
const EXCEL_CELL_MAX = 32_767;

function cellText(value: string | undefined): string {
  const safe = literalText(value ?? "");
  return safe.length > EXCEL_CELL_MAX ? `${safe.slice(0, EXCEL_CELL_MAX - 1)}…` : safe;
}

/** Where the rows of one activity group landed, for tests and callers that read the sheet back. */
export interface RabLayout {
  headerRow: number;
  groups: { activityId: string; headerRow: number; firstLineRow: number; lastLineRow: number; subtotalRow: number }[];
  grandTotalRow: number;
  terbilangRow: number;
}

export function totalInWords(total: number): string {
  return Math.abs(total) <= TERBILANG_MAX ? terbilangRupiah(total) : "(jumlah terlalu besar untuk ditulis dengan huruf)";
}

const thin = { style: "thin" as const };
const allBorders = { top: thin, left: thin, bottom: thin, right: thin };

export function buildRabWorkbook(plan: Plan): { workbook: ExcelJS.Workbook; layout: RabLayout; groups: BudgetGroup[] } {
  const groups = groupBudgetByActivity(plan);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rencana Layanan";
  workbook.title = cellText(`RAB ${plan.title}`);
  // No cached results are written: a reader must calculate, and this asks it to on opening.
  workbook.calcProperties = { fullCalcOnLoad: true };

  const sheet = workbook.addWorksheet("RAB", {
    pageSetup: {
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // 9 = A4; 14 = Folio 8.5 × 13 in (216 × 330 mm), Excel's nearest to F4.
      paperSize: (plan.organization.paper === "A4" ? 9 : 14) as unknown as ExcelJS.PaperSize,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&LRAB &P/&N" },
  });
  sheet.columns = RAB_COLUMNS.map((c) => ({ width: c.width }));

  const lastCol = "I";
  const titleLines = [
    "RENCANA ANGGARAN BIAYA (RAB)",
    plan.title,
    [plan.organization.unit, plan.organization.name].filter((s) => s.trim() !== "").join(" — "),
    `Tahun Anggaran ${plan.fiscalYear}`,
  ];
  titleLines.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = cellText(line);
    row.getCell(1).font = { bold: true, size: i === 0 ? 14 : 12 };
    row.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    sheet.mergeCells(`A${i + 1}:${lastCol}${i + 1}`);
  });

  const headerRow = titleLines.length + 2;
  const header = sheet.getRow(headerRow);
  RAB_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };
    cell.border = allBorders;
  });
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  sheet.views = [{ state: "frozen", ySplit: headerRow }];

  const layout: RabLayout = { headerRow, groups: [], grandTotalRow: 0, terbilangRow: 0 };
  let r = headerRow + 1;
  const firstDataRow = r;

  groups.forEach((group, gi) => {
    const groupHeader = sheet.getRow(r);
    groupHeader.getCell(1).value = String.fromCharCode(65 + (gi % 26)) + (gi >= 26 ? String(Math.floor(gi / 26)) : "");
    groupHeader.getCell(3).value = cellText(group.activityName);
    groupHeader.font = { bold: true };
    for (let c = 1; c <= 9; c++) {
      groupHeader.getCell(c).border = allBorders;
      groupHeader.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    }
    const groupHeaderRow = r++;
    const firstLineRow = r;
    group.lines.forEach((line, li) => {
      const row = sheet.getRow(r);
      row.getCell(1).value = li + 1;
      row.getCell(2).value = cellText(line.account);
      row.getCell(3).value = cellText(line.item);
      row.getCell(4).value = line.volume;
      row.getCell(5).value = cellText(line.unit);
      row.getCell(6).value = line.unitPrice;
      row.getCell(7).value = line.taxPercent ?? 0;
      // The domain's lineAmount, operation for operation (volume × price × (100 + tax) / 100, then
      // round half up), so both sides see the same binary value before rounding.
      row.getCell(8).value = { formula: `ROUND(D${r}*F${r}*(100+G${r})/100,0)` };
      row.getCell(9).value = cellText(line.source);
      row.getCell(6).numFmt = RUPIAH_FORMAT;
      row.getCell(8).numFmt = RUPIAH_FORMAT;
      row.getCell(3).alignment = { wrapText: true, vertical: "top" };
      for (let c = 1; c <= 9; c++) row.getCell(c).border = allBorders;
      r++;
    });
    const lastLineRow = r - 1;
    const subtotal = sheet.getRow(r);
    subtotal.getCell(3).value = cellText(`Jumlah ${group.activityName}`);
    // SUBTOTAL (not SUM) so the grand total below can skip these rows and never double-count.
    subtotal.getCell(8).value = { formula: `SUBTOTAL(9,H${firstLineRow}:H${lastLineRow})` };
    subtotal.getCell(8).numFmt = RUPIAH_FORMAT;
    subtotal.font = { bold: true };
    for (let c = 1; c <= 9; c++) subtotal.getCell(c).border = allBorders;
    layout.groups.push({ activityId: group.activityId, headerRow: groupHeaderRow, firstLineRow, lastLineRow, subtotalRow: r });
    r++;
  });

  const total = sheet.getRow(r);
  total.getCell(3).value = "JUMLAH TOTAL";
  total.getCell(8).value = groups.length > 0 ? { formula: `SUBTOTAL(9,H${firstDataRow}:H${r - 1})` } : 0;
  total.getCell(8).numFmt = RUPIAH_FORMAT;
  total.font = { bold: true };
  for (let c = 1; c <= 9; c++) {
    total.getCell(c).border = allBorders;
    total.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };
  }
  layout.grandTotalRow = r;
  r++;

  // Words cannot be a formula: written from the domain total, which the tests tie to the formulas.
  const grandTotal = groups.reduce((sum, g) => sum + g.total, 0);
  const words = sheet.getRow(r);
  words.getCell(1).value = cellText(`Terbilang: ${capitalise(totalInWords(grandTotal))}`);
  words.getCell(1).font = { italic: true };
  words.getCell(1).alignment = { wrapText: true };
  sheet.mergeCells(`A${r}:${lastCol}${r}`);
  layout.terbilangRow = r;

  if (groups.length === 0) {
    const note = sheet.getRow(r + 2);
    note.getCell(1).value = "Belum ada rincian anggaran dalam rencana ini.";
  }
  return { workbook, layout, groups };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The RAB workbook as .xlsx bytes. */
export async function renderBudgetXlsx(plan: Plan): Promise<Uint8Array> {
  const { workbook } = buildRabWorkbook(plan);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
