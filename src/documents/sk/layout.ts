// Geometry shared by the decree's DOCX and PDF: where the columns of "Menimbang : a. …" sit.
import type { PageSetup } from "../../domain/decree/model.js";

/** Column starts in millimetres from the left margin. */
export const SK_COLUMNS_MM = {
  /** ":" after "Menimbang", "KESATU", … */
  colon: 29,
  /** Text of a dictum, or the letter/number of a point. */
  content: 33,
  /** Text of a point after "a." / "1.". */
  pointText: 40,
  /** Text of a sub-point after "1)". */
  subpointText: 47,
} as const;

export function textWidthMm(page: PageSetup): number {
  return page.widthMm - page.marginsMm.left - page.marginsMm.right;
}

export const MM_TO_PT = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * MM_TO_PT;

/** Lampiran table: No · Jabatan dalam Tim · Nama/NIP · Jabatan, as fractions of the text width. */
export const MEMBER_COLUMN_WIDTHS = [0.06, 0.2, 0.4, 0.34] as const;
