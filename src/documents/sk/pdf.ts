// The team decree as a print-ready PDF (pdfmake). Layout only: the words come from decreeModel.
import { basename } from "node:path";
import pdfmake from "pdfmake";
import { markPdf } from "../marks/pdf.js";
import type { DocumentMarks } from "../marks/marks.js";
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { assertDecreeAuthority } from "../../domain/decree/authority.js";
import { decreeModel, type DecreeModel, type Dictum, type Point, type SignatureBlock } from "../../domain/decree/model.js";
import type { Plan } from "../../domain/plan/schema.js";
import { literalText } from "../literal-text.js";
import { withFallbackFonts } from "../pdf-fallback.js";
import { resolvePdfFontFiles, usePdfFont } from "../pdf-fonts.js";
import { textWidthPt } from "../text-measure.js";
import { closingFits } from "./closing.js";
import { appendixHeadingGeometry, COPY_LABEL_MM, MEMBER_COLUMN_WIDTHS, mmToPt, SK_COLUMNS_MM, textWidthMm } from "./layout.js";
import { pdfInlines } from "./pdf-text.js";

const c = SK_COLUMNS_MM;
const t = pdfInlines;
/** A table cell of user text. */
const cell = (s: string): TableCell => ({ text: pdfInlines(s) });

/** Borderless, paddingless table: the "Menimbang : a. …" grid. */
export const GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 1,
};

const GRID_WIDTHS = [mmToPt(c.colon), mmToPt(c.content - c.colon), mmToPt(c.pointText - c.content), "*"];

function pointCell(p: Point): Content {
  if (!p.subpoints) return { text: t(p.text), alignment: "justify" };
  return {
    stack: [
      { text: t(p.text), alignment: "justify" },
      ...p.subpoints.map(
        (s): Content => ({
          columns: [
            { width: mmToPt(c.subpointText - c.pointText), text: t(s.label) },
            { width: "*", text: t(s.text), alignment: "justify" },
          ],
        }),
      ),
    ],
  };
}

function pointRows(label: string, points: readonly Point[]): TableCell[][] {
  return points.map((p, i) => [i === 0 ? cell(label) : "", i === 0 && label ? ":" : "", cell(p.label), pointCell(p)]);
}

function spacer(): TableCell[] {
  return [{ text: " ", fontSize: 6, colSpan: 4 }, "", "", ""];
}

function grid(rows: TableCell[][]): Content {
  return { table: { widths: GRID_WIDTHS, body: rows }, layout: GRID_LAYOUT };
}

function dictumRows(d: Dictum): TableCell[][] {
  return [[cell(d.ordinal), ":", { text: t(d.text), colSpan: 2, alignment: "justify" }, ""], ...(d.points ? pointRows("", d.points) : []), spacer()];
}

function signature(block: SignatureBlock, withPlaceAndDate: boolean): Content {
  const stack: Content[] = [];
  if (withPlaceAndDate) {
    stack.push({ text: t(block.placeLine) });
    stack.push({ text: t(block.dateLine) });
    stack.push({ canvas: [{ type: "line", x1: 0, y1: 2, x2: 220, y2: 2, lineWidth: 0.75 }], margin: [0, 0, 0, 4] });
  }
  for (const l of block.officeLines) stack.push({ text: t(l), alignment: "center" });
  stack.push({ text: " ", margin: [0, 0, 0, 48] });
  stack.push({ text: t(block.name), bold: true, decoration: "underline", alignment: "center" });
  if (block.rank) stack.push({ text: t(block.rank), alignment: "center" });
  if (block.nipLine) stack.push({ text: t(block.nipLine), alignment: "center" });
  return { columns: [{ width: "50%", text: "" }, { width: "*", stack }], unbreakable: true, margin: [0, 6, 0, 0] };
}

function letterhead(m: DecreeModel, widthPt: number): Content[] {
  const out: Content[] = [];
  // The kepala daerah's kop: the office title alone, centred, no rule (indonesia.md §1.2).
  if (m.letterhead.kind === "head") return [{ text: t(m.letterhead.office), bold: true, fontSize: 16, alignment: "center", margin: [0, 0, 0, 12] }];
  if (m.letterhead.government) out.push({ text: t(m.letterhead.government), bold: true, fontSize: 14, alignment: "center" });
  out.push({ text: t(m.letterhead.office), bold: true, fontSize: 16, alignment: "center" });
  for (const l of m.letterhead.contactLines) out.push({ text: t(l), fontSize: 10, alignment: "center" });
  out.push({
    canvas: [
      { type: "line", x1: 0, y1: 4, x2: widthPt, y2: 4, lineWidth: 2.25 },
      { type: "line", x1: 0, y1: 7, x2: widthPt, y2: 7, lineWidth: 0.75 },
    ],
    margin: [0, 0, 0, 12],
  });
  return out;
}

const MEMBERS_LAYOUT: CustomTableLayout = { paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 2, paddingBottom: () => 2 };

/**
 * The members table and the signature under it. The last row is set as a table of its own,
 * drawn flush under the others, so that it and the signature stay together on one page.
 */
function membersAndSignature(m: DecreeModel): Content[] {
  const header: TableCell[] = m.appendix.columns.map((h) => ({ text: h, bold: true, alignment: "center" }));
  const rows: TableCell[][] = m.appendix.rows.map((r): TableCell[] => [
    { text: t(r.no), alignment: "center" },
    cell(r.role),
    // A NIP never breaks across lines.
    { stack: [{ text: t(r.name) }, ...(r.nipLine ? [{ text: t(r.nipLine), noWrap: true }] : [])] },
    cell(r.position),
  ]);
  const widths = MEMBER_COLUMN_WIDTHS.map((f) => `${f * 100}%`);
  // Rows stay whole unless one may be taller than a page (pdfmake would drop it).
  const whole = m.appendix.rows.every((r) => r.name.length + r.position.length <= 1000);
  const lastRow = rows.pop();
  const table: Content = {
    table: { headerRows: 1, ...(whole ? { dontBreakRows: true, keepWithHeaderRows: 1 } : {}), widths, body: [header, ...rows] },
    fontSize: 11,
    layout: MEMBERS_LAYOUT,
  };
  if (!lastRow || !whole) return [{ ...table, table: { ...table.table, body: [header, ...rows, ...(lastRow ? [lastRow] : [])] } }, signature(m.signature, false)];
  return [
    table,
    { unbreakable: true, stack: [{ table: { widths, body: [lastRow] }, fontSize: 11, layout: MEMBERS_LAYOUT }, signature(m.signature, false)] },
  ];
}

function appendixHeading(m: DecreeModel): Content {
  const numberLine = m.appendix.headingLines.find((l) => l.label === "NOMOR");
  const g = appendixHeadingGeometry(m.page, textWidthPt(numberLine?.text ?? "", m.page.font, m.page.fontSizePt));
  const body: TableCell[][] = m.appendix.headingLines.map((l) => {
    if (!l.label) return [{ text: t(l.text), colSpan: 2 }, ""];
    // The number never breaks: set smaller when even the widened column is too narrow.
    if (l === numberLine) return [cell(l.label), { text: t(l.text), noWrap: true, fontSize: g.fontSizePt }];
    return [cell(l.label), cell(l.text)];
  });
  return {
    columns: [
      { width: mmToPt(g.leftMm), text: "" },
      { width: "*", table: { widths: [mmToPt(g.labelMm), "*"], body }, layout: GRID_LAYOUT },
    ],
    pageBreak: "before",
    margin: [0, 0, 0, 18],
  };
}

/** What the PDF says about the font: a serif with the same metrics stands in when Bookman cannot be embedded. */
export function fontNote(family: string): string {
  const file = basename(resolvePdfFontFiles(family).normal);
  const squashed = family.replace(/\s+/g, "").toLowerCase();
  if (file.replace(/[-_\s]/g, "").toLowerCase().startsWith(squashed)) return `Font: ${family} (${file})`;
  return `Font: "${family}" is not embeddable here; substituted by a metric-similar serif (${file}). / Huruf "${family}" diganti huruf serif berukuran serupa (${file}).`;
}

function copiesTo(m: DecreeModel): Content[] {
  if (m.copiesTo.items.length === 0) return [];
  const items = m.copiesTo.items.map(
    (i): Content => ({
      columns: [
        { width: mmToPt(COPY_LABEL_MM), text: t(i.label) },
        { width: "*", text: t(i.text) },
      ],
    }),
  );
  return [{ unbreakable: true, margin: [0, 18, 0, 0], stack: [{ text: t(m.copiesTo.heading) }, ...items] }];
}

/**
 * The end of the decree: the last dictum, the signature and (where it fits) the Tembusan as one
 * unbreakable block, so the signature is never split and never alone on a page.
 */
function closing(m: DecreeModel): Content[] {
  const last = m.dictums[m.dictums.length - 1];
  const fits = closingFits(m);
  const sign = signature(m.signature, true);
  if (!last || !fits.dictum) return [...(last ? [grid(dictumRows(last))] : []), sign, ...copiesTo(m)];
  const together: Content[] = [grid(dictumRows(last)), sign];
  if (!fits.copies) return [{ unbreakable: true, stack: together }, ...copiesTo(m)];
  return [{ unbreakable: true, stack: [...together, ...copiesTo(m)] }];
}

/** `appendixBody` replaces the members table (the service standard's Keputusan has the standard there). */
export function decreePdfDefinition(m: DecreeModel, appendixBody?: Content[]): TDocumentDefinitions {
  const font = usePdfFont(m.page.font);
  const widthPt = mmToPt(textWidthMm(m.page));
  const content: Content[] = [
    ...letterhead(m, widthPt),
    { text: t(m.heading.title), bold: true, alignment: "center" },
    { text: t(m.heading.number), bold: true, alignment: "center" },
    { text: t(m.heading.about), bold: true, alignment: "center" },
    { text: t(m.heading.subject), bold: true, alignment: "center", margin: [0, 0, 0, 12] },
    { text: m.blessing, bold: true, alignment: "center", margin: [0, 0, 0, 12] },
    { text: t(m.issuerLine), bold: true, alignment: "center", margin: [0, 0, 0, 12] },
    grid([...pointRows("Menimbang", m.considerations), spacer(), ...pointRows("Mengingat", m.legalBases)]),
    { text: m.decides, bold: true, alignment: "center", margin: [0, 12, 0, 12] },
    grid([["Menetapkan", ":", { text: t(m.establishes), colSpan: 2, alignment: "justify" }, ""], spacer(), ...m.dictums.slice(0, -1).flatMap(dictumRows)]),
    ...closing(m),
    appendixHeading(m),
    { text: t(m.appendix.title), bold: true, alignment: "center", margin: [0, 0, 0, 12] },
    ...(appendixBody ? [...appendixBody, signature(m.signature, false)] : membersAndSignature(m)),
  ];
  return {
    pageSize: { width: mmToPt(m.page.widthMm), height: mmToPt(m.page.heightMm) },
    pageMargins: [mmToPt(m.page.marginsMm.left), mmToPt(m.page.marginsMm.top), mmToPt(m.page.marginsMm.right), mmToPt(m.page.marginsMm.bottom)],
    defaultStyle: { font, fontSize: m.page.fontSizePt, lineHeight: 1.1 },
    // Page numbers "- 2 -" centred at the top from the second page; the first page (with the kop) has none.
    header: (page: number): Content => (page > 1 ? { text: `- ${page} -`, alignment: "center", margin: [0, mmToPt(10), 0, 0] } : { text: "" }),
    info: {
      title: literalText(`${m.heading.title} ${m.heading.number} TENTANG ${m.heading.subject}`).slice(0, 1000),
      author: "Rencana Layanan",
      creator: "Rencana Layanan",
      subject: literalText(fontNote(m.page.font)),
      keywords: "Keputusan, Tata Naskah Dinas",
    },
    content,
  };
}

/** PDF bytes of a definition, every character in a font that has it (pdf-fallback.ts). */
export async function pdfBytes(definition: TDocumentDefinitions): Promise<Uint8Array> {
  const buffer = await pdfmake.createPdf(withFallbackFonts(definition)).getBuffer();
  return new Uint8Array(buffer);
}

/** PDF bytes of the plan's team decree; throws DecreeAuthorityError when the signatory may not sign. */
export async function renderDecreePdf(plan: Plan, options: { marks?: DocumentMarks } = {}): Promise<Uint8Array> {
  assertDecreeAuthority(plan);
  const m = decreeModel(plan);
  return pdfBytes(markPdf(decreePdfDefinition(m), options.marks, { left: mmToPt(m.page.marginsMm.left), right: mmToPt(m.page.marginsMm.right) }));
}
