// The team decree as an editable Word file. Layout only: the words come from decreeModel.
// The two-column "Menimbang : a. …" layout uses tab stops with hanging indents (what a typist
// does in Word), so the file stays easy to edit and LibreOffice reads it in order.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import { konsepHeaderParagraph, parafBlock, verificationFooter } from "../marks/docx.js";
import type { DocumentMarks } from "../marks/marks.js";
import { decreeModel, type DecreeModel, type Dictum, type Point, type SignatureBlock } from "../../domain/decree/model.js";
import { assertDecreeAuthority } from "../../domain/decree/authority.js";
import type { Plan } from "../../domain/plan/schema.js";
import { literalText } from "../literal-text.js";
import { textWidthPt } from "../text-measure.js";
import { appendixHeadingGeometry, COPY_LABEL_MM, MEMBER_COLUMN_WIDTHS, SK_COLUMNS_MM, textWidthMm } from "./layout.js";
import { closingFits } from "./closing.js";

const tw = convertMillimetersToTwip;

/** Every user string passes here on its way into the file. */
function run(text: string, opts: { bold?: boolean; underline?: boolean; size?: number; allCaps?: boolean } = {}): TextRun {
  return new TextRun({
    text: literalText(text),
    ...(opts.bold ? { bold: true } : {}),
    ...(opts.underline ? { underline: {} } : {}),
    ...(opts.size ? { size: opts.size } : {}),
  });
}

/** Text with tabs: each segment is a run, separated by real tab characters. */
function tabbed(segments: readonly string[], opts: { bold?: boolean } = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  segments.forEach((s, i) => {
    if (i > 0) children.push(new TextRun({ text: "\t" }));
    if (s) children.push(run(s, opts));
  });
  return children;
}

function para(children: ParagraphChild[], options: Omit<IParagraphOptions, "children"> = {}): Paragraph {
  return new Paragraph({ spacing: { after: 0, line: 240 }, ...options, children });
}

function centered(text: string, opts: { bold?: boolean; size?: number; after?: number } = {}): Paragraph {
  return para([run(text, opts)], { alignment: AlignmentType.CENTER, spacing: { after: opts.after ?? 0 } });
}

function blank(): Paragraph {
  return para([]);
}

const c = SK_COLUMNS_MM;

/**
 * One row of the two-column body: "Label : a. text" with the text hanging at its column.
 * `label` and `point` may be empty (continuation rows).
 */
function bodyRow(label: string, colon: boolean, point: string | undefined, text: string, after = 0, keep = false): Paragraph {
  const stops = [
    { type: TabStopType.LEFT, position: tw(c.colon) },
    { type: TabStopType.LEFT, position: tw(c.content) },
    ...(point !== undefined ? [{ type: TabStopType.LEFT, position: tw(c.pointText) }] : []),
  ];
  const segments = point !== undefined ? [label, colon ? ":" : "", point, text] : [label, colon ? ":" : "", text];
  const hang = point !== undefined ? c.pointText : c.content;
  return para(tabbed(segments), {
    tabStops: stops,
    indent: { left: tw(hang), hanging: tw(hang) },
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after },
    ...(keep ? { keepNext: true, keepLines: true } : {}),
  });
}

function subpointRow(point: Point, keep = false): Paragraph {
  // The first line starts at the hanging position (the point text column): "1)" tab text.
  return para(tabbed([point.label, point.text]), {
    tabStops: [{ type: TabStopType.LEFT, position: tw(c.subpointText) }],
    indent: { left: tw(c.subpointText), hanging: tw(c.subpointText - c.pointText) },
    alignment: AlignmentType.JUSTIFIED,
    ...(keep ? { keepNext: true, keepLines: true } : {}),
  });
}

function pointRows(label: string, points: readonly Point[], afterLast = 120, keep = false): Paragraph[] {
  const out: Paragraph[] = [];
  points.forEach((p, i) => {
    const last = i === points.length - 1;
    out.push(bodyRow(i === 0 ? label : "", i === 0 && label !== "", p.label, p.text, last && !p.subpoints ? afterLast : 0, keep));
    for (const s of p.subpoints ?? []) out.push(subpointRow(s, keep));
  });
  return out;
}

/** A dictum: "KESATU : text" and its points; `keep` holds it with what follows (the signature). */
function dictumRows(d: Dictum, keep = false): Paragraph[] {
  return [bodyRow(d.ordinal, true, undefined, d.text, d.points ? 0 : 120, keep), ...(d.points ? pointRows("", d.points, 120, keep) : [])];
}

/** The signature block's paragraphs, indented to the right half; each keeps with the next. */
function signature(block: SignatureBlock, withPlaceAndDate: boolean, textWidth: number): Paragraph[] {
  const left = textWidth * 0.5;
  const indent = { left: tw(left) };
  const keep = { keepNext: true, keepLines: true } as const;
  const line = (text: string, opts: { bold?: boolean; underline?: boolean } = {}, alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER) =>
    para([run(text, opts)], { indent, alignment, ...keep });
  const out: Paragraph[] = [];
  if (withPlaceAndDate) {
    out.push(line(block.placeLine, {}, AlignmentType.LEFT));
    out.push(
      para([run(block.dateLine, { underline: false })], {
        indent,
        ...keep,
        spacing: { after: 120 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
      }),
    );
  }
  for (const l of block.officeLines) out.push(line(l));
  for (let i = 0; i < 4; i++) out.push(para([], { ...keep, indent }));
  out.push(line(block.name, { bold: true, underline: true }));
  if (block.rank) out.push(line(block.rank));
  if (block.nipLine) out.push(line(block.nipLine));
  return out;
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/**
 * What must stay on one page, as one borderless table row that cannot split: Word and
 * LibreOffice both honour "row cannot break across pages", while chains of keep-with-next
 * paragraphs are given up by LibreOffice when they run long. The paragraphs keep their
 * indents and tab stops inside the full-width cell.
 */
function unsplittable(children: Paragraph[], textWidth: number): Table {
  const width = Math.round(tw(textWidth));
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER }, margins: { left: 0, right: 0, top: 0, bottom: 0 } })],
      }),
    ],
  });
}

function copiesToRows(m: DecreeModel): Paragraph[] {
  // No Tembusan block when the decree is copied to no one.
  if (m.copiesTo.items.length === 0) return [];
  const keep = { keepNext: true, keepLines: true } as const;
  return [
    para([], keep),
    para([run(m.copiesTo.heading)], keep),
    ...m.copiesTo.items.map((item, i) =>
      para(tabbed([item.label, item.text]), {
        tabStops: [{ type: TabStopType.LEFT, position: tw(COPY_LABEL_MM) }],
        indent: { left: tw(COPY_LABEL_MM), hanging: tw(COPY_LABEL_MM) },
        ...(i < m.copiesTo.items.length - 1 ? keep : { keepLines: true }),
      }),
    ),
  ];
}

/**
 * The end of the decree: the last dictum, the signature and (where it fits) the Tembusan on one
 * page. The signature is never split and never stands alone; when the last dictum is too long
 * to share a page, its last lines are kept with the signature instead.
 */
function closing(m: DecreeModel, textWidth: number): Array<Paragraph | Table> {
  const last = m.dictums[m.dictums.length - 1];
  const fits = closingFits(m);
  const sign = [blank(), ...signature(m.signature, true, textWidth)];
  const copies = copiesToRows(m);
  if (!last) return [unsplittable(sign, textWidth), ...copies];
  if (!fits.dictum) return [...dictumRows(last, true), unsplittable(sign, textWidth), ...copies];
  if (!fits.copies) return [unsplittable([...dictumRows(last), ...sign], textWidth), ...copies];
  return [unsplittable([...dictumRows(last), ...sign, ...copies], textWidth)];
}

function letterhead(m: DecreeModel): Paragraph[] {
  const out: Paragraph[] = [];
  if (m.letterhead.kind === "head") {
    // The kepala daerah's kop: the office title alone, centred, no rule (indonesia.md §1.2).
    out.push(centered(m.letterhead.office, { bold: true, size: 32, after: 240 }));
    return out;
  }
  if (m.letterhead.government) out.push(centered(m.letterhead.government, { bold: true, size: 28 }));
  out.push(centered(m.letterhead.office, { bold: true, size: 32 }));
  m.letterhead.contactLines.forEach((l, i) => {
    const last = i === m.letterhead.contactLines.length - 1;
    out.push(
      para([run(l, { size: 20 })], {
        alignment: AlignmentType.CENTER,
        ...(last ? { border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: "000000", space: 4 } } } : {}),
      }),
    );
  });
  if (m.letterhead.contactLines.length === 0) {
    out.push(para([], { border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: "000000", space: 4 } } }));
  }
  out.push(blank());
  return out;
}

/** Half-points: the members table is set one point smaller so a NIP fits on one line. */
const TABLE_SIZE = 22;

function membersTable(m: DecreeModel, textWidth: number): Table {
  const widths = MEMBER_COLUMN_WIDTHS.map((f) => Math.round(tw(textWidth * f)));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (paragraphs: Paragraph[], i: number, header = false) =>
    new TableCell({
      children: paragraphs,
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      borders,
      verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
    });
  const header = new TableRow({
    tableHeader: true,
    children: m.appendix.columns.map((h, i) => cell([para([run(h, { bold: true, size: TABLE_SIZE })], { alignment: AlignmentType.CENTER })], i, true)),
  });
  const rows = m.appendix.rows.map((r, i) => {
    // The last row keeps with the signature that follows the table.
    const keep = i === m.appendix.rows.length - 1 ? ({ keepNext: true, keepLines: true } as const) : {};
    const p = (text: string, opts: Omit<IParagraphOptions, "children"> = {}) => para([run(text, { size: TABLE_SIZE })], { ...keep, ...opts });
    return new TableRow({
      cantSplit: true,
      children: [
        cell([p(r.no, { alignment: AlignmentType.CENTER })], 0),
        cell([p(r.role)], 1),
        cell([p(r.name), ...(r.nipLine ? [p(r.nipLine)] : [])], 2),
        cell([p(r.position)], 3),
      ],
    });
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows],
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function appendixHeading(m: DecreeModel): Paragraph[] {
  const numberLine = m.appendix.headingLines.find((l) => l.label === "NOMOR");
  const g = appendixHeadingGeometry(m.page, textWidthPt(numberLine?.text ?? "", m.page.font, m.page.fontSizePt));
  return m.appendix.headingLines.map((l, i) => {
    // The number never breaks: it is set smaller when even the widened column is too narrow.
    const size = l === numberLine && g.fontSizePt !== m.page.fontSizePt ? g.fontSizePt * 2 : undefined;
    return para(
      l.label ? [run(l.label), new TextRun({ text: "\t" }), run(l.text, size ? { size } : {})] : [run(l.text)],
      {
        // The Lampiran starts on a new page.
        pageBreakBefore: i === 0,
        tabStops: [{ type: TabStopType.LEFT, position: tw(g.leftMm + g.labelMm) }],
        indent: l.label ? { left: tw(g.leftMm + g.labelMm), hanging: tw(g.labelMm) } : { left: tw(g.leftMm) },
      },
    );
  });
}

/** `appendixBody` replaces the members table (the service standard's Keputusan has the standard there). */
export function decreeDocxDocument(m: DecreeModel, appendixBody?: Array<Paragraph | Table>, marks?: DocumentMarks): Document {
  const textWidth = textWidthMm(m.page);
  const body: Array<Paragraph | Table> = [];
  body.push(...letterhead(m));
  body.push(centered(m.heading.title, { bold: true }));
  body.push(centered(m.heading.number, { bold: true }));
  body.push(centered(m.heading.about, { bold: true }));
  body.push(centered(m.heading.subject, { bold: true, after: 240 }));
  body.push(centered(m.blessing, { bold: true, after: 240 }));
  body.push(centered(m.issuerLine, { bold: true, after: 240 }));
  body.push(...pointRows("Menimbang", m.considerations));
  body.push(...pointRows("Mengingat", m.legalBases, 240));
  body.push(centered(m.decides, { bold: true, after: 240 }));
  body.push(bodyRow("Menetapkan", true, undefined, m.establishes, 120));
  for (const d of m.dictums.slice(0, -1)) body.push(...dictumRows(d));
  body.push(...closing(m, textWidth));
  const appendix: Array<Paragraph | Table> = [];
  appendix.push(...appendixHeading(m));
  appendix.push(blank());
  appendix.push(centered(m.appendix.title, { bold: true, after: 240 }));
  appendix.push(...(appendixBody ?? [membersTable(m, textWidth)]));
  appendix.push(unsplittable([blank(), ...signature(m.signature, false, textWidth)], textWidth));
  appendix.push(...parafBlock(marks));
  const konsep = marks?.konsep ? [konsepHeaderParagraph()] : [];
  const footer = marks ? verificationFooter(marks) : undefined;

  return new Document({
    creator: "Rencana Layanan",
    title: literalText(`${m.heading.title} ${m.heading.number} TENTANG ${m.heading.subject}`).slice(0, 1000),
    styles: {
      default: {
        document: { run: { font: literalText(m.page.font), size: m.page.fontSizePt * 2 } },
      },
    },
    sections: [
      {
        // Page numbers "- 2 -" centred at the top from the second page; the first page (with the kop) has none.
        headers: {
          default: new Header({ children: [...konsep, new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["- ", PageNumber.CURRENT, " -"] })] })] }),
          first: new Header({ children: konsep.length > 0 ? [konsepHeaderParagraph()] : [new Paragraph({ children: [] })] }),
        },
        ...(footer ? { footers: { default: footer, first: footer } } : {}),
        properties: {
          titlePage: true,
          page: {
            size: { width: tw(m.page.widthMm), height: tw(m.page.heightMm) },
            margin: { top: tw(m.page.marginsMm.top), bottom: tw(m.page.marginsMm.bottom), left: tw(m.page.marginsMm.left), right: tw(m.page.marginsMm.right) },
          },
        },
        children: [...body, ...appendix],
      },
    ],
  });
}

/** DOCX bytes of the plan's team decree; throws DecreeAuthorityError when the signatory may not sign. */
export async function renderDecreeDocx(plan: Plan, options: { marks?: DocumentMarks } = {}): Promise<Uint8Array> {
  assertDecreeAuthority(plan);
  const buffer = await Packer.toBuffer(decreeDocxDocument(decreeModel(plan), undefined, options.marks));
  return new Uint8Array(buffer);
}
