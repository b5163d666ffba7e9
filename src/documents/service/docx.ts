// The service standard's documents as editable Word files: the Keputusan adopting the standard
// (the team decree's writer, the standard as lampiran) and the berita acara of the forum.
import { AlignmentType, BorderStyle, convertMillimetersToTwip, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { procedureFlowchartSvg } from "../charts/procedure-flowchart-svg.js";
import { findChartFonts, svgToPngAsync } from "../charts/rasterize.js";
import { assertDecreeAuthority } from "../../domain/decree/authority.js";
import { pageSetup, type Letterhead } from "../../domain/decree/model.js";
import type { Plan } from "../../domain/plan/schema.js";
import { beritaAcaraModel, skmReportModel, standardDecreeModel, standardTable } from "../../domain/service/documents.js";
import type { SkmSummary } from "../../domain/service/skm-summary.js";
import { literalText } from "../literal-text.js";
import { textWidthMm } from "../sk/layout.js";
import { decreeDocxDocument } from "../sk/docx.js";

const tw = convertMillimetersToTwip;
const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const borders = { top: border, bottom: border, left: border, right: border };

function p(text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; size?: number; underline?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: opts.after ?? 0 },
    ...(opts.align ? { alignment: opts.align } : {}),
    children: [new TextRun({ text: literalText(text), ...(opts.bold ? { bold: true } : {}), ...(opts.size ? { size: opts.size } : {}), ...(opts.underline ? { underline: {} } : {}) })],
  });
}

/** A bordered table; `fractions` of the text width per column; the first row bold. */
function table(rows: string[][][], fractions: number[], textWidthMm: number): Table {
  const widths = fractions.map((f) => Math.round(tw(textWidthMm * f)));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (row, r) =>
        new TableRow({
          children: row.map(
            (lines, c) =>
              new TableCell({
                width: { size: widths[c] ?? 0, type: WidthType.DXA },
                borders,
                margins: { left: 80, right: 80, top: 40, bottom: 40 },
                children: (lines.length > 0 ? lines : [""]).map((l) => p(l, { bold: r === 0, size: 22 })),
              }),
          ),
        }),
    ),
  });
}

const PT_TO_PX = 96 / 72;

function standardTableDocx(plan: Plan, textWidthMm: number): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const g of standardTable(plan).groups) {
    out.push(table([[[g.title], ["Komponen"], ["Uraian"]], ...g.rows.map((r) => [[r.no], [r.component], r.lines])], [0.25, 0.25, 0.5], textWidthMm));
    out.push(p(""));
  }
  return out;
}

/** The procedure drawn as a flowchart on a page of its own, as in the PDF: scaled to the text width and page height. */
async function flowchartDocx(plan: Plan, page: { widthMm: number; heightMm: number; marginsMm: { top: number; bottom: number; left: number; right: number } }): Promise<Paragraph[]> {
  const steps = plan.serviceStandard?.procedure ?? [];
  if (steps.length === 0) return [];
  await findChartFonts();
  const flow = procedureFlowchartSvg(steps);
  const png = await svgToPngAsync(flow, 2);
  const mmToPt = 72 / 25.4;
  const maxWidthPt = (page.widthMm - page.marginsMm.left - page.marginsMm.right) * mmToPt;
  // Room below the heading on the page.
  const maxHeightPt = (page.heightMm - page.marginsMm.top - page.marginsMm.bottom) * mmToPt - 60;
  const scale = Math.min(1, maxWidthPt / flow.width, maxHeightPt / flow.height);
  return [
    new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: "BAGAN ALUR PROSEDUR PELAYANAN", bold: true })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: "png", data: png.png, transformation: { width: Math.round(flow.width * scale * PT_TO_PX), height: Math.round(flow.height * scale * PT_TO_PX) }, altText: { name: "Bagan alur", title: "Bagan alur prosedur pelayanan", description: steps.map((s, i) => `${i + 1}. ${s.text}`).join("; ") } })],
    }),
  ];
}

export async function renderStandardDecreeDocx(plan: Plan): Promise<Uint8Array> {
  assertDecreeAuthority(plan);
  const m = standardDecreeModel(plan);
  const doc = decreeDocxDocument(m, [...standardTableDocx(plan, textWidthMm(m.page)), ...(await flowchartDocx(plan, m.page))]);
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function renderBeritaAcaraDocx(plan: Plan): Promise<Uint8Array> {
  const m = beritaAcaraModel(plan);
  const page = pageSetup(plan);
  const width = textWidthMm(page);
  const children: Array<Paragraph | Table> = [];
  children.push(...letterheadDocx(m.letterhead));
  children.push(p(m.title, { bold: true, align: AlignmentType.CENTER, size: 28 }));
  children.push(p(m.subtitle, { bold: true, align: AlignmentType.CENTER, after: 240 }));
  children.push(p(m.opening, { align: AlignmentType.JUSTIFIED, after: 120 }));
  children.push(table([[["No"], ["Nama"], ["Unsur yang diwakili"]], ...m.participants.map((x) => [[x.no], [x.name], [x.group]])], [0.08, 0.42, 0.5], width));
  children.push(p("", { after: 120 }));
  children.push(p("Masukan yang diterima dan tindak lanjutnya:", { after: 120 }));
  children.push(table([[["No"], ["Dari"], ["Masukan"], ["Tindak lanjut"]], ...m.inputs.map((x) => [[x.no], [x.from], [x.text], [x.followUp]])], [0.08, 0.22, 0.35, 0.35], width));
  children.push(p("", { after: 120 }));
  children.push(p(m.closing, { align: AlignmentType.JUSTIFIED, after: 240 }));
  children.push(p(m.placeDate, { align: AlignmentType.RIGHT, after: 240 }));
  for (const s of m.signers) {
    children.push(p(s.label, { align: AlignmentType.CENTER, after: 960 }));
    children.push(p(s.name, { bold: true, underline: true, align: AlignmentType.CENTER, after: 240 }));
  }
  return packed(plan, `${m.title} ${m.subtitle}`, children);
}

/** The laporan hasil SKM of a period as an editable Word file. */
export async function renderSkmReportDocx(plan: Plan, summary: SkmSummary | undefined, today: string): Promise<Uint8Array> {
  const m = skmReportModel(plan, summary, today);
  const page = pageSetup(plan);
  const width = textWidthMm(page);
  const children: Array<Paragraph | Table> = [];
  children.push(...letterheadDocx(m.letterhead));
  children.push(p(m.title, { bold: true, align: AlignmentType.CENTER, size: 28 }));
  children.push(p(m.service, { bold: true, align: AlignmentType.CENTER }));
  children.push(p(m.period, { align: AlignmentType.CENTER, after: 240 }));
  const heading = (text: string) => children.push(p(text, { bold: true, after: 80 }));
  const list = (lines: string[]) => (lines.length === 0 ? [p("—")] : lines.map((l, i) => p(`${i + 1}. ${l}`, { after: 40 }))).forEach((x) => children.push(x));
  heading("A. Responden");
  children.push(p(m.respondents, { after: 120 }));
  if (m.profile.length > 0) children.push(table([[["Karakteristik"], ["Kategori"], ["Jumlah"], ["%"]], ...m.profile.map((r) => [[r.characteristic], [r.category], [r.count], [r.percent]])], [0.25, 0.35, 0.2, 0.2], width));
  heading("B. Nilai per unsur pelayanan");
  children.push(table([[["No"], ["Unsur"], ["NRR"], ["NRR × 25"], ["Mutu"]], ...m.unsur.map((u) => [[u.no], [u.name], [u.nrr], [u.value], [u.mutu]])], [0.07, 0.43, 0.15, 0.15, 0.2], width));
  heading("C. Indeks Kepuasan Masyarakat");
  children.push(p(m.ikm, { after: 120 }));
  heading("D. Prioritas perbaikan (unsur terendah)");
  list(m.priority);
  heading("E. Saran responden");
  list(m.suggestions);
  heading("F. Rencana tindak lanjut");
  list(m.followUp);
  children.push(p(m.placeDate, { align: AlignmentType.RIGHT, after: 240 }));
  children.push(p(m.position, { align: AlignmentType.CENTER, after: 960 }));
  children.push(p(m.name, { bold: true, underline: true, align: AlignmentType.CENTER }));
  return packed(plan, `${m.title} ${m.service}`, children);
}

/** A one-section Word file on the plan's page with its font. */
async function packed(plan: Plan, title: string, children: Array<Paragraph | Table>): Promise<Uint8Array> {
  const page = pageSetup(plan);
  const doc = new Document({
    creator: "Rencana Layanan",
    title: literalText(title).slice(0, 1000),
    styles: { default: { document: { run: { font: literalText(page.font), size: page.fontSizePt * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(page.widthMm), height: tw(page.heightMm) },
            margin: { top: tw(page.marginsMm.top), bottom: tw(page.marginsMm.bottom), left: tw(page.marginsMm.left), right: tw(page.marginsMm.right) },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function letterheadDocx(l: Letterhead): Paragraph[] {
  return [
    ...(l.government ? [p(l.government, { bold: true, align: AlignmentType.CENTER, size: 28 })] : []),
    p(l.office, { bold: true, align: AlignmentType.CENTER, size: 32 }),
    ...l.contactLines.map((c) => p(c, { align: AlignmentType.CENTER, size: 20 })),
    p("", { after: 240 }),
  ];
}
