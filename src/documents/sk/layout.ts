// Geometry shared by the decree's DOCX and PDF: where the columns of "Menimbang : a. …" sit.
import type { PageSetup } from "../../domain/decree/model.js";

/** Column starts in millimetres from the left margin. */
export const SK_COLUMNS_MM = {
  /** ":" after "Menimbang", "KESATU", … */
  colon: 29,
  /** Text of a dictum, or the letter/number of a point. */
  content: 33,
  /** Text of a point after "a." / "1.": room for "99." and a space. */
  pointText: 42,
  /** Text of a sub-point after "1)": room for "99)" and a space. */
  subpointText: 50,
} as const;

export function textWidthMm(page: PageSetup): number {
  return page.widthMm - page.marginsMm.left - page.marginsMm.right;
}

export const MM_TO_PT = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * MM_TO_PT;

/** Lampiran table: No · Jabatan dalam Tim · Nama/NIP · Jabatan Dinas, as fractions of the text width. */
export const MEMBER_COLUMN_WIDTHS = [0.07, 0.2, 0.39, 0.34] as const;

/** The number column of the Tembusan list: room for "99.". */
export const COPY_LABEL_MM = 9;

/** Points of 12-pt text a page holds, roughly: used to decide what may be kept on one page. */
export function estimatedLines(text: string, widthMm: number, fontSizePt: number): number {
  // An average character of a book face is about half an em wide; round up generously.
  const perLine = Math.max(1, Math.floor(widthMm / (fontSizePt * 0.56 * (25.4 / 72))));
  return Math.max(1, Math.ceil(text.length / perLine));
}

/** Lines a page of `page` holds at its font size (line height 1.15 of the size). */
export function linesPerPage(page: PageSetup): number {
  const heightMm = page.heightMm - page.marginsMm.top - page.marginsMm.bottom;
  return Math.floor(heightMm / (page.fontSizePt * 1.15 * (25.4 / 72)));
}

/**
 * The lampiran heading block at the top right: where it starts and the size of its text, so
 * that the decree number (the longest line that must not break) stays on one line.
 */
export function appendixHeadingGeometry(page: PageSetup, numberWidthPt: number): { leftMm: number; labelMm: number; fontSizePt: number } {
  const textWidth = textWidthMm(page);
  const labelMm = 25;
  // 10 % more than measured: Word and LibreOffice may set the number in a wider substitute.
  const neededMm = (numberWidthPt * 1.1) / MM_TO_PT + 1;
  const preferredLeft = textWidth * 0.45;
  const leftMm = Math.max(textWidth * 0.2, Math.min(preferredLeft, textWidth - labelMm - neededMm));
  const room = textWidth - leftMm - labelMm;
  const fontSizePt = room >= neededMm ? page.fontSizePt : Math.max(7, Math.floor(page.fontSizePt * (room / neededMm) * 2) / 2);
  return { leftMm, labelMm, fontSizePt };
}
