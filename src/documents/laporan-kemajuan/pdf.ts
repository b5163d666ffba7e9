// The laporan kemajuan as a PDF (pdfmake, portrait). Layout only: the words and figures come
// from laporanKemajuanModel.
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { Plan } from "../../domain/plan/schema.js";
import { kurvaSSvg } from "../charts/kurva-s-svg.js";
import { literalText } from "../literal-text.js";
import { CHART_FONT, usePdfFont } from "../pdf-fonts.js";
import { mmToPt, textWidthMm } from "../sk/layout.js";
import { fontNote, pdfBytes } from "../sk/pdf.js";
import { pdfInlines } from "../sk/pdf-text.js";
import { laporanKemajuanModel, type LaporanKemajuanModel, type ProgressReportOptions, type SignatureBlock } from "./model.js";

const TABLE_FONT_SIZE = 9;
const t = pdfInlines;

function heading(text: string): Content {
  return { text, bold: true, margin: [0, 12, 0, 6], headlineLevel: 1 };
}

const tableLayout = { paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2 };

function table(columns: readonly string[], widths: readonly number[], rows: string[][], figureFrom: number, footer?: string[]): Content {
  const body: TableCell[][] = [
    columns.map((c): TableCell => ({ text: c, bold: true, alignment: "center" })),
    ...rows.map((r) => r.map((c, i): TableCell => ({ text: t(c), alignment: i === 0 ? "center" : i >= figureFrom ? "right" : "left" }))),
    ...(footer ? [footer.map((c, i): TableCell => ({ text: t(c), bold: true, alignment: i >= figureFrom ? "right" : "left" }))] : []),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1, widths: widths.map((f) => `${(f * 100).toFixed(2)}%`), body },
    fontSize: TABLE_FONT_SIZE,
    layout: tableLayout,
  };
}

function pairs(rows: Array<{ label: string; value: string; strong?: boolean }>): Content {
  return {
    table: { widths: [mmToPt(62), mmToPt(4), "*"], body: rows.map((r): TableCell[] => [{ text: t(r.label) }, { text: ":" }, { text: t(r.value), bold: r.strong ?? false }]) },
    layout: "noBorders",
  };
}

function signatureStack(s: SignatureBlock, width: string): Content {
  return {
    width,
    stack: [...s.lead.map((l) => ({ text: t(l) })), { text: s.role }, { text: " ", margin: [0, 0, 0, 42] }, { text: t(s.name), bold: true, decoration: "underline" }, ...(s.nipLine ? [{ text: t(s.nipLine) }] : [])],
    alignment: "center",
  } as Content;
}

export function laporanKemajuanPdfDefinition(m: LaporanKemajuanModel): TDocumentDefinitions {
  const font = usePdfFont(m.page.font);
  const widthPt = mmToPt(textWidthMm(m.page));
  const chartFont = usePdfFont(CHART_FONT);
  const chart = kurvaSSvg({ ...m.chart, fontFamily: CHART_FONT });
  const content: Content[] = [
    { text: m.title, bold: true, fontSize: 14, alignment: "center" },
    { text: t(m.subtitle), bold: true, alignment: "center", margin: [0, 0, 0, 12] },
    heading("A. Identitas dan Periode"),
    pairs(m.identity),
    heading("B. Ringkasan Kemajuan (kumulatif, deviasi = realisasi − rencana)"),
    pairs(m.summary),
    ...(m.statusNote ? [{ text: t(m.statusNote), italics: true, margin: [0, 6, 0, 0] } as Content] : []),
    heading("C. Kurva S"),
    { svg: chart.svg, width: Math.min(widthPt, chart.width), alignment: "center", font: chartFont } as Content,
    { text: t(m.chartCaption), italics: true, fontSize: TABLE_FONT_SIZE, alignment: "center", margin: [0, 4, 0, 6] },
    ...m.baselineNotes.map((n): Content => ({ text: t(n), fontSize: 10, margin: [0, 0, 0, 3] })),
    heading("D. Kemajuan Tiap Kegiatan"),
    table(m.activityColumns, m.activityWidths, m.activities, m.figureFrom),
    heading("E. Realisasi Anggaran per Kode Rekening"),
    table(m.accountColumns, [0.06, 0.3, 0.17, 0.17, 0.17, 0.13], m.accounts, 2, m.accountTotal),
  ];
  if (m.spending.length > 0) {
    content.push({ text: "Rincian belanja dalam periode laporan:", margin: [0, 8, 0, 4] }, table(m.spendingColumns, [0.17, 0.3, 0.19, 0.14, 0.2], m.spending, 3));
  }
  content.push(heading("F. Kendala dan Tindak Lanjut"));
  if (m.obstacles.length === 0) content.push({ text: "Tidak ada kendala yang dilaporkan dalam periode ini.", italics: true });
  else content.push(table(["Tanggal", "Kendala", "Tindak lanjut", "Pelapor"], [0.17, 0.33, 0.33, 0.17], m.obstacles.map((o) => [o.date, o.note, o.followUp, o.reportedBy ?? "—"]), 99));
  content.push({
    unbreakable: true,
    margin: [0, 24, 0, 0],
    columns: [
      signatureStack(m.signatures.left, "50%"),
      signatureStack(m.signatures.right, "50%"),
    ],
  });
  return {
    pageSize: { width: mmToPt(m.page.widthMm), height: mmToPt(m.page.heightMm) },
    pageMargins: [mmToPt(m.page.marginsMm.left), mmToPt(m.page.marginsMm.top), mmToPt(m.page.marginsMm.right), mmToPt(m.page.marginsMm.bottom)],
    defaultStyle: { font, fontSize: 11, lineHeight: 1.05 },
    pageBreakBefore: (node) => node.headlineLevel === 1 && (node.startPosition.verticalRatio ?? 0) > 0.8,
    footer: (page: number, pages: number): Content => ({ text: `${page}/${pages}`, alignment: "center", fontSize: 9 }),
    info: {
      title: literalText(`${m.title} ${m.subtitle}`).slice(0, 1000),
      author: "Rencana Layanan",
      creator: "Rencana Layanan",
      subject: literalText(fontNote(m.page.font)),
      keywords: "Laporan kemajuan, Kurva S, pengawasan",
    },
    content,
  };
}

export async function renderLaporanKemajuanPdf(plan: Plan, options: ProgressReportOptions): Promise<Uint8Array> {
  return pdfBytes(laporanKemajuanPdfDefinition(laporanKemajuanModel(plan, options)));
}
