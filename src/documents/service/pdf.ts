// The service standard's documents as PDF (pdfmake): the Keputusan adopting the standard (the team
// decree's layout with the standard as lampiran), the berita acara and the maklumat poster.
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { assertDecreeAuthority } from "../../domain/decree/authority.js";
import { PAPER_SIZES_MM, pageSetup, type Letterhead } from "../../domain/decree/model.js";
import type { Plan } from "../../domain/plan/schema.js";
import { beritaAcaraModel, maklumatModel, skmReportModel, standardDecreeModel, standardTable } from "../../domain/service/documents.js";
import type { SkmSummary } from "../../domain/service/skm-summary.js";
import { literalText } from "../literal-text.js";
import { procedureFlowchartSvg } from "../charts/procedure-flowchart-svg.js";
import { CHART_FONT, usePdfFont } from "../pdf-fonts.js";
import { mmToPt, textWidthMm } from "../sk/layout.js";
import { decreePdfDefinition, pdfBytes } from "../sk/pdf.js";
import { pdfInlines as t } from "../sk/pdf-text.js";

/** The lampiran: the 14 components in their two groups, a bordered table. */
export function standardTablePdf(plan: Plan): Content[] {
  const table = standardTable(plan);
  const steps = plan.serviceStandard?.procedure ?? [];
  const flow = procedureFlowchartSvg(steps);
  const flowchart: Content[] =
    steps.length === 0
      ? []
      : [
          { text: "BAGAN ALUR PROSEDUR PELAYANAN", bold: true, alignment: "center", margin: [0, 6, 0, 6], pageBreak: "before" },
          { svg: flow.svg, width: flow.width, alignment: "center", font: usePdfFont(CHART_FONT), margin: [0, 0, 0, 12] },
        ];
  return [...standardGroupsPdf(table), ...flowchart];
}

function standardGroupsPdf(table: ReturnType<typeof standardTable>): Content[] {
  return table.groups.map(
    (g): Content => ({
      margin: [0, 0, 0, 12],
      fontSize: 11,
      table: {
        headerRows: 1,
        widths: ["7%", "30%", "63%"],
        body: [
          [{ text: t(g.title), bold: true, colSpan: 3 }, "", ""],
          ...g.rows.map((r): TableCell[] => [{ text: t(r.no), alignment: "center" }, { text: t(r.component) }, { stack: r.lines.map((l) => ({ text: t(l) })) }]),
        ],
      },
    }),
  );
}

export async function renderStandardDecreePdf(plan: Plan): Promise<Uint8Array> {
  assertDecreeAuthority(plan);
  return pdfBytes(decreePdfDefinition(standardDecreeModel(plan), standardTablePdf(plan)));
}

function letterheadPdf(l: Letterhead, widthPt: number): Content[] {
  const out: Content[] = [];
  if (l.government) out.push({ text: t(l.government), bold: true, fontSize: 14, alignment: "center" });
  out.push({ text: t(l.office), bold: true, fontSize: 16, alignment: "center" });
  for (const line of l.contactLines) out.push({ text: t(line), fontSize: 10, alignment: "center" });
  out.push({ canvas: [{ type: "line", x1: 0, y1: 4, x2: widthPt, y2: 4, lineWidth: 2 }], margin: [0, 0, 0, 12] });
  return out;
}

function pageOf(plan: Plan): Pick<TDocumentDefinitions, "pageSize" | "pageMargins" | "defaultStyle"> & { widthPt: number } {
  const page = pageSetup(plan);
  return {
    pageSize: { width: mmToPt(page.widthMm), height: mmToPt(page.heightMm) },
    pageMargins: [mmToPt(page.marginsMm.left), mmToPt(page.marginsMm.top), mmToPt(page.marginsMm.right), mmToPt(page.marginsMm.bottom)],
    defaultStyle: { font: usePdfFont(page.font), fontSize: page.fontSizePt, lineHeight: 1.15 },
    widthPt: mmToPt(textWidthMm(page)),
  };
}

export async function renderBeritaAcaraPdf(plan: Plan): Promise<Uint8Array> {
  const m = beritaAcaraModel(plan);
  const { widthPt, ...page } = pageOf(plan);
  const content: Content[] = [
    ...letterheadPdf(m.letterhead, widthPt),
    { text: m.title, bold: true, alignment: "center", fontSize: 14 },
    { text: t(m.subtitle), bold: true, alignment: "center", margin: [0, 0, 0, 12] },
    { text: t(m.opening), alignment: "justify", margin: [0, 0, 0, 6] },
    {
      table: { headerRows: 1, widths: ["8%", "42%", "50%"], body: [["No", "Nama", "Unsur yang diwakili"].map((h) => ({ text: h, bold: true })), ...m.participants.map((p) => [t(p.no), t(p.name), t(p.group)])] },
      fontSize: 11,
      margin: [0, 0, 0, 12],
    },
    { text: "Masukan yang diterima dan tindak lanjutnya:", margin: [0, 0, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: ["8%", "22%", "35%", "35%"],
        body: [["No", "Dari", "Masukan", "Tindak lanjut"].map((h) => ({ text: h, bold: true })), ...m.inputs.map((x) => [t(x.no), t(x.from), t(x.text), t(x.followUp)])],
      },
      fontSize: 11,
      margin: [0, 0, 0, 12],
    },
    { text: t(m.closing), alignment: "justify", margin: [0, 0, 0, 12] },
    { text: t(m.placeDate), alignment: "right", margin: [0, 0, 0, 12] },
    {
      unbreakable: true,
      columns: m.signers.map((s) => ({ width: "*", alignment: "center", stack: [{ text: t(s.label) }, { text: " ", margin: [0, 36, 0, 0] }, { text: t(s.name), bold: true, decoration: "underline" }] })),
    },
  ];
  return pdfBytes({ ...page, info: { title: literalText(`${m.title} ${m.subtitle}`).slice(0, 1000), author: "Rencana Layanan", creator: "Rencana Layanan" }, content });
}

export type PosterPaper = "A4" | "A3";
const POSTER_SIZES_MM = { A4: PAPER_SIZES_MM.A4, A3: { width: 297, height: 420 } } as const;

/** The maklumat as a poster: large type scaled to the paper, the QR code to the public page. */
export async function renderMaklumatPdf(plan: Plan, paper: PosterPaper, publicBaseUrl: string): Promise<Uint8Array> {
  const m = maklumatModel(plan, publicBaseUrl);
  const size = POSTER_SIZES_MM[paper];
  const scale = paper === "A3" ? Math.SQRT2 : 1;
  const margin = mmToPt(20 * scale);
  const widthPt = mmToPt(size.width) - 2 * margin;
  const font = usePdfFont(pageSetup(plan).font);
  const content: Content[] = [
    ...letterheadPdf(m.letterhead, widthPt),
    { text: m.title, bold: true, alignment: "center", fontSize: 28 * scale, margin: [0, 24 * scale, 0, 6 * scale] },
    { text: t(m.service), bold: true, alignment: "center", fontSize: 14 * scale, margin: [0, 0, 0, 24 * scale] },
    { text: t(`“${m.text}”`), alignment: "center", fontSize: 20 * scale, lineHeight: 1.35, margin: [12 * scale, 0, 12 * scale, 36 * scale] },
    {
      columns: [
        { width: "*", stack: [{ qr: m.url, fit: 110 * scale, margin: [0, 0, 0, 4] }, { text: t(m.url), fontSize: 8 * scale }] },
        {
          width: "55%",
          alignment: "center",
          fontSize: 12 * scale,
          stack: [{ text: t(m.placeDate) }, { text: t(`${m.position},`), bold: true }, { text: " ", margin: [0, 40 * scale, 0, 0] }, { text: t(m.name), bold: true, decoration: "underline" }, ...(m.nipLine ? [{ text: t(m.nipLine) }] : [])],
        },
      ],
    },
  ];
  return pdfBytes({
    pageSize: { width: mmToPt(size.width), height: mmToPt(size.height) },
    pageMargins: [margin, margin, margin, margin],
    defaultStyle: { font, fontSize: 12 * scale },
    info: { title: literalText(`${m.title} ${m.service}`).slice(0, 1000), author: "Rencana Layanan", creator: "Rencana Layanan", subject: literalText(m.url) },
    content,
  });
}

/** The laporan hasil SKM of a period as PDF. */
export async function renderSkmReportPdf(plan: Plan, summary: SkmSummary | undefined, today: string): Promise<Uint8Array> {
  const m = skmReportModel(plan, summary, today);
  const { widthPt, ...page } = pageOf(plan);
  const heading = (text: string): Content => ({ text, bold: true, margin: [0, 10, 0, 4] });
  const list = (lines: string[]): Content => (lines.length === 0 ? { text: "—" } : { ol: lines.map((l) => ({ text: t(l) })) });
  const content: Content[] = [
    ...letterheadPdf(m.letterhead, widthPt),
    { text: m.title, bold: true, alignment: "center", fontSize: 14 },
    { text: t(m.service), bold: true, alignment: "center" },
    { text: t(m.period), alignment: "center", margin: [0, 0, 0, 12] },
    heading("A. Responden"),
    { text: t(m.respondents), margin: [0, 0, 0, 6] },
    ...(m.profile.length > 0
      ? [{ table: { headerRows: 1, widths: ["25%", "35%", "20%", "20%"], body: [["Karakteristik", "Kategori", "Jumlah", "%"].map((h) => ({ text: h, bold: true })), ...m.profile.map((r) => [t(r.characteristic), t(r.category), r.count, r.percent])] }, fontSize: 10 } as Content]
      : []),
    heading("B. Nilai per unsur pelayanan"),
    { table: { headerRows: 1, widths: ["7%", "43%", "15%", "15%", "20%"], body: [["No", "Unsur", "NRR", "NRR × 25", "Mutu"].map((h) => ({ text: h, bold: true })), ...m.unsur.map((u) => [u.no, t(u.name), u.nrr, u.value, t(u.mutu)])] }, fontSize: 10 },
    heading("C. Indeks Kepuasan Masyarakat"),
    { text: t(m.ikm) },
    heading("D. Prioritas perbaikan (unsur terendah)"),
    list(m.priority),
    heading("E. Saran responden"),
    list(m.suggestions),
    heading("F. Rencana tindak lanjut"),
    list(m.followUp),
    { text: t(m.placeDate), alignment: "right", margin: [0, 16, 0, 6] },
    { unbreakable: true, alignment: "center", margin: [widthPt / 2, 0, 0, 0], stack: [{ text: t(m.position) }, { text: " ", margin: [0, 36, 0, 0] }, { text: t(m.name), bold: true, decoration: "underline" }] },
  ];
  return pdfBytes({ ...page, info: { title: literalText(`${m.title} ${m.service}`).slice(0, 1000), author: "Rencana Layanan", creator: "Rencana Layanan" }, content });
}
