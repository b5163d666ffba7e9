// The plan book as a neutral list of blocks (headings, paragraphs, lists, tables, pictures,
// page sections). The content is decided once in model.ts; docx.ts and pdf.ts only lay these
// blocks out, so the Word file and the PDF always say the same thing in the same order.
import type { PageSetup } from "../../domain/decree/model.js";
import type { SvgPicture } from "../charts/gantt-svg.js";

export type Align = "left" | "center" | "right" | "justify";

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface Cell {
  runs: Run[];
  align?: Align;
  colSpan?: number;
  /** background, "#rrggbb" */
  fill?: string;
}

export interface ListItem {
  /** "1.", "a.", "•" — written by the model, not by a numbering engine, so DOCX and PDF agree */
  marker: string;
  runs: Run[];
  /** nesting depth, 0 = outermost */
  level: number;
}

export type Block =
  /** level 1: a chapter (BAB), starts a new page; level 2/3: sections inside it */
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; runs: Run[]; align?: Align; sizePt?: number; spaceAfterPt?: number }
  | { kind: "list"; items: ListItem[] }
  /** widths are relative (they are scaled to the text width) */
  | { kind: "table"; widths: number[]; header: Cell[]; rows: Cell[][]; fontSizePt?: number }
  | { kind: "picture"; picture: SvgPicture; caption: string }
  /** starts a new page with this orientation (until the next section block) */
  | { kind: "section"; orientation: "portrait" | "landscape" }
  | { kind: "pageBreak" };

export interface PlanBookDocument {
  page: PageSetup;
  title: string;
  /** text in every page footer, left of the page number */
  footer: string;
  /** the cover page, then the chapters */
  cover: Block[];
  blocks: Block[];
}

// Small constructors keep model.ts readable.
export const run = (text: string, style: Omit<Run, "text"> = {}): Run => ({ text, ...style });
export const bold = (text: string): Run => ({ text, bold: true });
export const italic = (text: string): Run => ({ text, italic: true });
export const para = (text: string | Run[], options: Omit<Extract<Block, { kind: "paragraph" }>, "kind" | "runs"> = {}): Block => ({
  kind: "paragraph",
  runs: typeof text === "string" ? [run(text)] : text,
  ...options,
});
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: "heading", level, text });
export const cell = (text: string | Run[], options: Omit<Cell, "runs"> = {}): Cell => ({ runs: typeof text === "string" ? [run(text)] : text, ...options });
export const numCell = (text: string, options: Omit<Cell, "runs"> = {}): Cell => cell(text, { align: "right", ...options });
