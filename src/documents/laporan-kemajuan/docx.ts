// The laporan kemajuan as an editable Word file (portrait). Layout only: the words and figures
// come from laporanKemajuanModel; the Kurva S is the same SVG as the PDF's, as a PNG.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Plan } from "../../domain/plan/schema.js";
import { kurvaSSvg } from "../charts/kurva-s-svg.js";
import { findChartFonts, svgToPngAsync } from "../charts/rasterize.js";
import { literalText } from "../literal-text.js";
import { CHART_FONT } from "../pdf-fonts.js";
import { textWidthMm } from "../sk/layout.js";
import { p, run } from "../aksi-perubahan/docx.js";
import { laporanKemajuanModel, type LaporanKemajuanModel, type ProgressReportOptions, type SignatureBlock } from "./model.js";

const tw = convertMillimetersToTwip;
const TABLE_SIZE = 18;
const BODY_SIZE = 22;
const PT_TO_PX = 96 / 72;

const heading = (text: string) => p(text, { bold: true, before: 240, after: 120, keepNext: true });

function pairs(rows: Array<{ label: string; value: string; strong?: boolean }>): Paragraph[] {
  return rows.map(
    (r) =>
      new Paragraph({
        children: [run(r.label), new TextRun({ text: "\t" }), run(":"), new TextRun({ text: "\t" }), run(r.value, { bold: r.strong ?? false })],
        tabStops: [
          { type: TabStopType.LEFT, position: tw(62) },
          { type: TabStopType.LEFT, position: tw(66) },
        ],
        indent: { left: tw(66), hanging: tw(66) },
      }),
  );
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const borders = { top: border, bottom: border, left: border, right: border };
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const noBorders = { top: none, bottom: none, left: none, right: none };

function cell(text: string, widthTwips: number, opts: { header?: boolean; bold?: boolean; align?: "left" | "center" | "right" } = {}): TableCell {
  const align = opts.header || opts.align === "center" ? AlignmentType.CENTER : opts.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return new TableCell({
    children: [new Paragraph({ alignment: align, children: [run(text, { size: TABLE_SIZE, bold: opts.header || opts.bold })] })],
    width: { size: widthTwips, type: WidthType.DXA },
    borders,
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
  });
}

function table(columns: readonly string[], fractions: readonly number[], textWidth: number, rows: string[][], figureFrom: number, footer?: string[]): Table {
  const widths = fractions.map((f) => Math.round(tw(textWidth * f)));
  const align = (i: number): "left" | "center" | "right" => (i === 0 ? "center" : i >= figureFrom ? "right" : "left");
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c, widths[i]!, { header: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i]!, { align: align(i) })) })),
      ...(footer ? [new TableRow({ cantSplit: true, children: footer.map((c, i) => cell(c, widths[i]!, { bold: true, align: i >= figureFrom ? "right" : "left" })) })] : []),
    ],
  });
}

function signatureCell(s: SignatureBlock, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: noBorders,
    children: [
      ...s.lead.map((l) => p(l, { center: true })),
      p(s.role, { center: true, after: 1000 }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(s.name, { bold: true, underline: true })] }),
      ...(s.nipLine ? [p(s.nipLine, { center: true })] : []),
    ],
  });
}

export async function laporanKemajuanDocxDocument(m: LaporanKemajuanModel): Promise<Document> {
  const width = textWidthMm(m.page);
  const widthTw = Math.round(tw(width));
  const fontsFound = findChartFonts();
  const chart = kurvaSSvg({ ...m.chart, fontFamily: CHART_FONT });
  await fontsFound;
  const png = await svgToPngAsync(chart, 1.5);
  const widthPt = Math.min((width * 72) / 25.4, chart.width);
  const heightPt = (chart.height * widthPt) / chart.width;
  const children: Array<Paragraph | Table> = [
    p(m.title, { bold: true, center: true, size: 28 }),
    p(m.subtitle, { bold: true, center: true, after: 240 }),
    heading("A. Identitas dan Periode"),
    ...pairs(m.identity),
    heading("B. Ringkasan Kemajuan (kumulatif, deviasi = realisasi − rencana)"),
    ...pairs(m.summary),
    ...(m.statusNote ? [p(m.statusNote, { italics: true, before: 120 })] : []),
    heading("C. Kurva S"),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new ImageRun({ type: "png", data: png.png, transformation: { width: Math.round(widthPt * PT_TO_PX), height: Math.round(heightPt * PT_TO_PX) } })],
    }),
    p(m.chartCaption, { italics: true, center: true, size: TABLE_SIZE, after: 120 }),
    ...m.baselineNotes.map((n) => p(n, { size: 20, after: 60 })),
    heading("D. Kemajuan Tiap Kegiatan"),
    table(m.activityColumns, m.activityWidths, width, m.activities, m.figureFrom),
    heading("E. Realisasi Anggaran per Kode Rekening"),
    table(m.accountColumns, [0.06, 0.3, 0.17, 0.17, 0.17, 0.13], width, m.accounts, 2, m.accountTotal),
  ];
  if (m.spending.length > 0) children.push(p("Rincian belanja dalam periode laporan:", { before: 160, after: 80 }), table(m.spendingColumns, [0.17, 0.3, 0.19, 0.14, 0.2], width, m.spending, 3));
  children.push(heading("F. Kendala dan Tindak Lanjut"));
  if (m.obstacles.length === 0) children.push(p("Tidak ada kendala yang dilaporkan dalam periode ini.", { italics: true }));
  else children.push(table(["Tanggal", "Kendala", "Tindak lanjut", "Pelapor"], [0.17, 0.33, 0.33, 0.17], width, m.obstacles.map((o) => [o.date, o.note, o.followUp, o.reportedBy ?? "—"]), 99));
  children.push(
    p("", { after: 240 }),
    new Table({
      width: { size: widthTw, type: WidthType.DXA },
      columnWidths: [Math.round(widthTw / 2), Math.round(widthTw / 2)],
      rows: [new TableRow({ cantSplit: true, children: [signatureCell(m.signatures.left, Math.round(widthTw / 2)), signatureCell(m.signatures.right, Math.round(widthTw / 2))] })],
    }),
  );
  return new Document({
    creator: "Rencana Layanan",
    title: literalText(`${m.title} ${m.subtitle}`).slice(0, 1000),
    styles: { default: { document: { run: { font: literalText(m.page.font), size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(m.page.widthMm), height: tw(m.page.heightMm) },
            margin: { top: tw(m.page.marginsMm.top), bottom: tw(m.page.marginsMm.bottom), left: tw(m.page.marginsMm.left), right: tw(m.page.marginsMm.right) },
          },
        },
        children,
      },
    ],
  });
}

export async function renderLaporanKemajuanDocx(plan: Plan, options: ProgressReportOptions): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(await laporanKemajuanDocxDocument(laporanKemajuanModel(plan, options))));
}
