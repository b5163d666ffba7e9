// What the workflow adds to a document (issue 10, item 5), shared by the decree and the plan book
// and by the PDF and DOCX writers: the KONSEP mark on a draft (across each page and in the
// header), the verification footer of an approved decree (QR code to the public page, its URL and
// code printed beside it) and, on the archive copy, the paraf koordinasi table.
import { Resvg } from "@resvg/resvg-js";
import qrModule from "pdfmake/js/qrEnc.js";
import type { ParafRow } from "../../domain/decree/paraf.js";
import { formatTanggal } from "../../domain/format/indonesian.js";

export type DocumentMarks = {
  /** The document is a draft (not approved): KONSEP across each page and in the header. */
  konsep?: boolean;
  /** The approved decree's verification: its code and the public page's URL (the QR code's content). */
  verification?: { code: string; url: string };
  /** The archive copy's paraf koordinasi: the reviewers who initialled it. */
  paraf?: readonly ParafRow[];
};

export const KONSEP_TEXT = "KONSEP";
export const KONSEP_HEADER = "KONSEP — belum ditetapkan / draft, not approved";

/** The public verification page of a code, under the app's public address. */
export function verificationUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/verifikasi/${encodeURIComponent(code)}`;
}

/** The footer's words beside the QR code, in lines; the URL is printed whole on its own line so a reader without a scanner can type it. */
export function verificationLines(v: { code: string; url: string }): string[] {
  return ["Keaslian dokumen ini dapat diperiksa dengan memindai kode QR atau membuka:", v.url, `Kode verifikasi: ${v.code}`];
}

export const PARAF_TITLE = "PARAF KOORDINASI";
export const PARAF_COLUMNS = ["No", "Jabatan", "Nama", "Paraf", "Tanggal"] as const;

/** The paraf table's cells, one row per reviewer in order. */
export function parafCells(rows: readonly ParafRow[]): string[][] {
  return rows.map((r, i) => [String(i + 1), r.position, r.name, r.initials, formatTanggal(r.date)]);
}

type QrEncoder = { measure: (node: { qr: string; fit?: number; eccLevel?: string }) => { _canvas: Array<{ x: number; y: number; w: number; h: number; color: string }>; _width: number } };
const qr: QrEncoder = ((qrModule as unknown as { default?: QrEncoder }).default ?? (qrModule as unknown as QrEncoder));

/** The QR code as a PNG (for DOCX): pdfmake's encoder (the one the PDF uses), drawn by resvg with a quiet zone. */
export function qrPng(text: string, pixelsPerModule = 8): { png: Uint8Array; pixels: number } {
  const node = qr.measure({ qr: text, eccLevel: "M" });
  const cells = node._canvas.slice(1); // the first rect is the background
  const size = node._width;
  const module = Math.min(...cells.map((c) => c.w));
  const quiet = 4 * module;
  const total = size + 2 * quiet;
  const rects = cells.map((c) => `<rect x="${c.x + quiet}" y="${c.y + quiet}" width="${c.w}" height="${c.h}"/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="${total}" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><g fill="#000">${rects}</g></svg>`;
  const image = new Resvg(svg, { fitTo: { mode: "zoom", value: pixelsPerModule / module } }).render();
  return { png: new Uint8Array(image.asPng()), pixels: image.width };
}
