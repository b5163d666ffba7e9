// The plan book as an editable Word file: lays out the blocks of model.ts. Charts go in as PNG
// (rendered from the same SVG the PDF uses), because Word and LibreOffice both show PNG.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from "docx";
import { zipSync } from "fflate";
import { randomUUID } from "node:crypto";
import type { Plan } from "../../domain/plan/schema.js";
import { findChartFonts, svgToPngAsync, type PngPicture } from "../charts/rasterize.js";
import type { SvgPicture } from "../charts/gantt-svg.js";
import { literalLines } from "../literal-text.js";
import type { Align, Block, Cell, PlanBookDocument, Run } from "./blocks.js";
import { computePlanBookData, planBookModel } from "./model.js";
import type { ScheduleOptions } from "../../domain/schedule/index.js";
import { konsepHeaderParagraph } from "../marks/docx.js";
import type { DocumentMarks } from "../marks/marks.js";

const tw = convertMillimetersToTwip;
const PT_TO_PX = 96 / 72;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Runs with user text made XML-safe; "\n" inside a run becomes a line break. */
function textRuns(runs: Run[], sizePt?: number): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    literalLines(r.text).forEach((line, i) => {
      out.push(
        new TextRun({
          text: line,
          ...(i > 0 ? { break: 1 } : {}),
          ...(r.bold ? { bold: true } : {}),
          ...(r.italic ? { italics: true } : {}),
          ...(sizePt ? { size: Math.round(sizePt * 2) } : {}),
        }),
      );
    });
  }
  return out;
}

const TABLE_TEXT_SIZES = [8, 9, 10, 11, 12] as const;
const tableStyleId = (sizePt: number) => `TabelTeks${Math.round(sizePt)}`;

interface Geometry {
  /** text width in points for the current orientation */
  textWidthPt: number;
  /** text height in points for the current orientation */
  textHeightPt: number;
  /** the pictures, rasterised beforehand */
  pngs: Map<SvgPicture, PngPicture>;
}

/** 1.5 px per pt ≈ 108 dpi at natural size: sharp enough on paper, half the cost of 144 dpi. */
const RASTER_SCALE = 1.5;

/** A table as docx's objects: the reference tableXml is tested against (rendering uses tableXml). */
export function tableOf(block: Extract<Block, { kind: "table" }>, geo: Geometry, bodySizePt: number): Table {
  const total = block.widths.reduce((a, b) => a + b, 0);
  const widthTw = Math.floor(geo.textWidthPt * 20);
  const columnWidths = block.widths.map((w) => Math.floor((w / total) * widthTw));
  const sizePt = block.fontSizePt ?? bodySizePt - 1;
  const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
  const makeRow = (cells: Cell[], isHeader: boolean) => {
    let col = 0;
    return new TableRow({
      // Only what differs from Word's defaults: every element here is repeated per row.
      ...(isHeader ? { tableHeader: true } : {}),
      children: cells.map((c) => {
        const span = c.colSpan ?? 1;
        const width = columnWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return new TableCell({
          ...(span > 1 ? { columnSpan: span } : {}),
          width: { size: width, type: WidthType.DXA },
          ...(c.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: c.fill.replace("#", "") } } : {}),
          // Size and spacing come from a paragraph style, not from every run.
          children: [new Paragraph({ style: tableStyleId(sizePt), ...(c.align && c.align !== "left" ? { alignment: ALIGN[c.align] } : {}), children: textRuns(c.runs) })],
        });
      }),
    });
  };
  // Borders and cell margins are set once on the table, not on every cell: a 1,000-line RAB
  // would otherwise carry them 16,000 times and the file would take seconds to write.
  return new Table({
    width: { size: widthTw, type: WidthType.DXA },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    columnWidths,
    rows: [makeRow(block.header, true), ...block.rows.map((r) => makeRow(r, false))],
  });
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };
const xmlText = (s: string) => s.replace(/[&"'<>]/g, (c) => XML_ESCAPES[c]!);

/** The runs of textRuns as WordprocessingML, exactly as docx writes them. */
function runsXml(runs: Run[]): string {
  let out = "";
  for (const r of runs) {
    const props = r.bold || r.italic ? `<w:rPr>${r.bold ? "<w:b/><w:bCs/>" : ""}${r.italic ? "<w:i/><w:iCs/>" : ""}</w:rPr>` : "";
    literalLines(r.text).forEach((line, i) => {
      out += `<w:r>${props}${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`;
    });
  }
  return out;
}

/**
 * The same table as tableOf, written straight to XML (tested byte for byte against tableOf):
 * docx's object tree and serialiser took about half the render time for the ~17,000 cells of a
 * 500-activity plan book.
 */
export function tableXml(block: Extract<Block, { kind: "table" }>, geo: Pick<Geometry, "textWidthPt">, bodySizePt: number): string {
  const total = block.widths.reduce((a, b) => a + b, 0);
  const widthTw = Math.floor(geo.textWidthPt * 20);
  const columnWidths = block.widths.map((w) => Math.floor((w / total) * widthTw));
  const style = `<w:pStyle w:val="${tableStyleId(block.fontSizePt ?? bodySizePt - 1)}"/>`;
  const border = 'w:val="single" w:color="808080" w:sz="4"/>';
  const sides = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} ${border}`).join("");
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widthTw}"/><w:tblBorders>${sides}</w:tblBorders>`,
    '<w:tblCellMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="60"/><w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="60"/></w:tblCellMar></w:tblPr>',
    `<w:tblGrid>${columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
  ];
  const row = (cells: Cell[], isHeader: boolean) => {
    let col = 0;
    let xml = isHeader ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (const c of cells) {
      const span = c.colSpan ?? 1;
      let width = 0;
      for (let i = col; i < col + span && i < columnWidths.length; i++) width += columnWidths[i]!;
      col += span;
      const shading = c.fill ? `<w:shd w:fill="${xmlText(c.fill.replace("#", ""))}" w:color="auto" w:val="clear"/>` : "";
      const align = c.align && c.align !== "left" ? `<w:jc w:val="${c.align === "justify" ? "both" : c.align}"/>` : "";
      xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${shading}</w:tcPr>`;
      xml += `<w:p><w:pPr>${style}${align}</w:pPr>${runsXml(c.runs)}</w:p></w:tc>`;
    }
    return `${xml}</w:tr>`;
  };
  parts.push(row(block.header, true));
  for (const r of block.rows) parts.push(row(r, false));
  parts.push("</w:tbl>");
  return parts.join("");
}

function pictureOf(block: Extract<Block, { kind: "picture" }>, geo: Geometry, bodySizePt: number): Paragraph[] {
  const png = geo.pngs.get(block.picture);
  if (!png) throw new Error("picture was not rasterised");
  // Fit the text area; leave room for the caption under it.
  const scale = Math.min(1, geo.textWidthPt / block.picture.width, (geo.textHeightPt - 40) / block.picture.height);
  const widthPt = block.picture.width * scale;
  const heightPt = block.picture.height * scale;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 60 },
      children: [
        new ImageRun({
          type: "png",
          data: png.png,
          transformation: { width: Math.round(widthPt * PT_TO_PX), height: Math.round(heightPt * PT_TO_PX) },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: textRuns([{ text: block.caption, italic: true }], bodySizePt - 2) }),
  ];
}

/** Tables written as XML by tableXml, each standing in the document as a placeholder paragraph until packing. */
export interface RawTables {
  /** unique per render, so no user text can be mistaken for a placeholder */
  nonce: string;
  xml: string[];
}

const placeholderText = (tables: RawTables, index: number) => `${tables.nonce}:${index}`;

function blockElements(block: Block, geo: Geometry, bodySizePt: number, firstInSection: boolean, tables: RawTables): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading": {
      const level = block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      return [
        new Paragraph({
          heading: level,
          alignment: block.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
          // A section already starts a page: breaking again would leave a blank one.
          pageBreakBefore: block.level === 1 && !firstInSection,
          keepNext: true,
          spacing: { before: block.level === 1 ? 0 : 240, after: 120 },
          children: textRuns([{ text: block.text, bold: true }]),
        }),
      ];
    }
    case "paragraph":
      return [
        new Paragraph({
          alignment: ALIGN[block.align ?? "left"],
          spacing: { after: Math.round((block.spaceAfterPt ?? 6) * 20) },
          children: textRuns(block.runs, block.sizePt),
        }),
      ];
    case "list":
      return block.items.map((item) => {
        const indent = tw(7 + item.level * 7);
        return new Paragraph({
          indent: { left: indent, hanging: tw(7) },
          spacing: { after: 40 },
          children: [new TextRun({ text: `${item.marker}\t` }), ...textRuns(item.runs)],
          tabStops: [{ type: "left", position: indent }],
        });
      });
    case "table":
      tables.xml.push(tableXml(block, geo, bodySizePt));
      return [new Paragraph({ children: [new TextRun(placeholderText(tables, tables.xml.length - 1))] }), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case "picture":
      return pictureOf(block, geo, bodySizePt);
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
    case "section":
      return [];
  }
}

export async function planBookDocx(doc: PlanBookDocument, pngs: Promise<Map<SvgPicture, PngPicture>>, marks?: DocumentMarks): Promise<{ document: Document; tables: RawTables }> {
  const tables: RawTables = { nonce: `rl-table-${randomUUID()}`, xml: [] };
  const page = doc.page;
  const bodySizePt = page.fontSizePt - 1;
  const margin = { top: tw(page.marginsMm.top), bottom: tw(page.marginsMm.bottom), left: tw(page.marginsMm.left), right: tw(page.marginsMm.right) };
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [...textRuns([{ text: `${doc.footer} — halaman ` }], 8), new TextRun({ children: [PageNumber.CURRENT], size: 16 })],
      }),
    ],
  });
  const sectionOf = (orientation: "portrait" | "landscape", children: (Paragraph | Table)[]): ISectionOptions => ({
    properties: {
      page: {
        size: { width: tw(page.widthMm), height: tw(page.heightMm), orientation: orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin,
      },
    },
    footers: { default: footer },
    ...(marks?.konsep ? { headers: { default: new Header({ children: [konsepHeaderParagraph()] }) } } : {}),
    children,
  });
  const geometry = (orientation: "portrait" | "landscape"): Geometry => {
    const [w, h] = orientation === "landscape" ? [page.heightMm, page.widthMm] : [page.widthMm, page.heightMm];
    const mmToPt = 72 / 25.4;
    return {
      textWidthPt: (w - page.marginsMm.left - page.marginsMm.right) * mmToPt,
      textHeightPt: (h - page.marginsMm.top - page.marginsMm.bottom) * mmToPt,
      pngs: new Map(),
    };
  };

  // Pictures are rasterised on the thread pool while this thread builds the tables: their
  // places are kept as placeholders and filled once the PNGs are there.
  type Pending = { picture: Extract<Block, { kind: "picture" }>; geo: Geometry };
  const drafts: { orientation: "portrait" | "landscape"; items: (Paragraph | Table | Pending)[] }[] = [];
  const coverGeo = geometry("portrait");
  // The cover is its own section so the chapters start on a fresh page.
  drafts.push({
    orientation: "portrait",
    items: doc.cover.flatMap((b): (Paragraph | Table | Pending)[] => (b.kind === "picture" ? [{ picture: b, geo: coverGeo }] : blockElements(b, coverGeo, page.fontSizePt, false, tables))),
  });
  let current: (typeof drafts)[number] = { orientation: "portrait", items: [] };
  for (const block of doc.blocks) {
    if (block.kind === "section") {
      if (current.items.length > 0) drafts.push(current);
      current = { orientation: block.orientation, items: [] };
      continue;
    }
    const geo = geometry(current.orientation);
    if (block.kind === "picture") current.items.push({ picture: block, geo });
    else current.items.push(...blockElements(block, geo, bodySizePt, current.items.length === 0, tables));
  }
  if (current.items.length > 0) drafts.push(current);
  const rendered = await pngs;
  const sections: ISectionOptions[] = drafts.map((d) =>
    sectionOf(
      d.orientation,
      d.items.flatMap((item) => ("picture" in item ? pictureOf(item.picture, { ...item.geo, pngs: rendered }, bodySizePt) : [item])),
    ),
  );

  const document = new Document({
    creator: "Rencana Layanan",
    title: literalLines(doc.title).join(" "),
    styles: {
      paragraphStyles: TABLE_TEXT_SIZES.map((size) => ({
        id: tableStyleId(size),
        name: `Tabel teks ${size}`,
        basedOn: "Normal",
        run: { size: size * 2 },
        paragraph: { spacing: { after: 0 } },
      })),
      default: {
        document: { run: { font: page.font, size: Math.round(bodySizePt * 2) } },
        heading1: { run: { font: page.font, size: Math.round((page.fontSizePt + 2) * 2), bold: true } },
        heading2: { run: { font: page.font, size: Math.round(page.fontSizePt * 2), bold: true } },
        heading3: { run: { font: page.font, size: Math.round(bodySizePt * 2), bold: true, italics: true } },
      },
    },
    sections,
  });
  return { document, tables };
}

type PackageFiles = Map<string, string | Uint8Array>;

/**
 * Packs like Packer.toBuffer, with the placeholder paragraphs replaced by their tables' XML.
 * docx 9 has no public way to reach the package's XML before zipping, so this uses its
 * compiler (docx is pinned; the tests fail loudly if that ever changes) and zips the parts
 * in the same order with fflate, as docx does.
 */
export function packWithTables(document: Document, tables: RawTables): Uint8Array {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document) => PackageFiles } }).compiler;
  if (typeof compiler?.compile !== "function") throw new Error("docx's Packer no longer has the compiler this renderer relies on");
  const files = compiler.compile(document);
  const body = files.get("word/document.xml");
  if (typeof body !== "string") throw new Error("docx's compiler gave no word/document.xml");
  const placeholder = new RegExp(`<w:p><w:r><w:t xml:space="preserve">${tables.nonce}:(\\d+)</w:t></w:r></w:p>`, "g");
  let replaced = 0;
  files.set(
    "word/document.xml",
    body.replace(placeholder, (_m, index: string) => {
      replaced++;
      return tables.xml[Number(index)]!;
    }),
  );
  if (replaced !== tables.xml.length) throw new Error(`placed ${replaced} of ${tables.xml.length} tables`);
  const encoder = new TextEncoder();
  return zipSync(Object.fromEntries([...files].map(([path, data]) => [path, typeof data === "string" ? encoder.encode(data) : data])));
}

/** The plan book as .docx bytes. */
export async function renderPlanBookDocx(plan: Plan, options: { marks?: DocumentMarks; calendar?: ScheduleOptions } = {}): Promise<Uint8Array> {
  // fontconfig answers in child processes while this thread builds the model.
  const fontsFound = findChartFonts();
  const model = planBookModel(plan, computePlanBookData(plan, options.calendar));
  await fontsFound;
  const pictures = [...model.cover, ...model.blocks].flatMap((b) => (b.kind === "picture" ? [b.picture] : []));
  const rendered = Promise.all(pictures.map((p) => svgToPngAsync(p, RASTER_SCALE))).then((pngs) => new Map(pictures.map((p, i) => [p, pngs[i]!])));
  const { document, tables } = await planBookDocx(model, rendered, options.marks);
  return packWithTables(document, tables);
}
